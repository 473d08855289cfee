// src/encoding/encoding_internal.h — pieces of the encoding layer shared
// between its .cpp files and its tests. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "matn/encoding.h"
#include "encoding/codepoint.h"

namespace matn::encoding {

// Every encoding of the WHATWG Encoding Standard, in the standard's order.
enum class Enc : uint8_t {
  kUtf8,
  kIbm866,
  kIso8859_2,
  kIso8859_3,
  kIso8859_4,
  kIso8859_5,
  kIso8859_6,
  kIso8859_7,
  kIso8859_8,
  kIso8859_8I,
  kIso8859_10,
  kIso8859_13,
  kIso8859_14,
  kIso8859_15,
  kIso8859_16,
  kKoi8R,
  kKoi8U,
  kMacintosh,
  kWindows874,
  kWindows1250,
  kWindows1251,
  kWindows1252,
  kWindows1253,
  kWindows1254,
  kWindows1255,
  kWindows1256,
  kWindows1257,
  kWindows1258,
  kXMacCyrillic,
  kGbk,
  kGb18030,
  kBig5,
  kEucJp,
  kIso2022Jp,
  kShiftJis,
  kEucKr,
  kReplacement,
  kUtf16Be,
  kUtf16Le,
  kXUserDefined,
};
inline constexpr int kEncCount = static_cast<int>(Enc::kXUserDefined) + 1;

// The encoding a label names (WHATWG "get an encoding": trims ASCII
// whitespace, ignores ASCII case), or nullopt.
std::optional<Enc> LookupLabel(std::string_view label);
// The WHATWG canonical name ("windows-1256").
std::string_view EncName(Enc e);
// Number of labels in the table (for tests).
size_t LabelCount();

// The prescan over the first `window` bytes, returning the encoding found.
std::optional<Enc> Prescan(std::string_view bytes, size_t window);

// Length of the longest prefix of `s` that is valid UTF-8.
size_t ValidUtf8Prefix(std::string_view s);
// Appends `s` to *out with each maximal invalid subpart replaced by U+FFFD;
// returns the number of replacements.
size_t AppendSanitizedUtf8(std::string_view s, std::string* out);
// Appends code point `cp` (must be a scalar value) as UTF-8.
inline void AppendCodePoint(uint32_t cp, std::string* out) { utf8::AppendCodePoint(cp, out); }

// Decodes `bytes` (no BOM) from `e` and appends UTF-8 to *out; returns the
// number of U+FFFD inserted, or nullopt if no converter could be opened.
std::optional<size_t> DecodeWith(Enc e, std::string_view bytes, std::string* out);

// The HTML Standard's encoding sniffing, exactly (plus the late <meta> scan):
// BOM, transport, <meta> prescan, then DetectEncoding or the default.
// DecodeToUtf8 applies this and then the UTF-8 override described in decode.cpp.
struct Sniffed {
  Enc enc;
  EncodingSource source;
  size_t bom_length;
};
Sniffed SniffEncoding(std::string_view bytes, const DecodeOptions& options);

// What the content-based guess picks for an undeclared page, and whether it
// was a guess (false: nothing to go on, the windows-1252 default).
struct Guess {
  Enc enc;
  bool detected;
};
Guess DetectEncoding(std::string_view bytes);

}  // namespace matn::encoding
