// matn/encoding.h — bytes in any charset → valid UTF-8, always.
//
// The HTML spec's encoding sniffing, in its order of precedence:
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) — wins over everything;
//   2. the charset the caller knows from the transport (HTTP Content-Type);
//   3. the <meta charset> / <meta http-equiv> prescan of the first 1024 bytes;
//   4. a statistical detector for pages that declare nothing;
//   5. the default, windows-1252.
// Labels are resolved with the WHATWG Encoding Standard's table ("latin1" and
// "iso-8859-1" mean windows-1252, "gb2312" means GBK, …).
//
// Output is always valid UTF-8: invalid byte sequences become U+FFFD, never
// dropped and never passed through. A UTF-8 input that is already valid is
// copied without re-encoding.
#pragma once

#include <string>
#include <string_view>

#include "matn/status.h"

namespace matn {

struct DecodeOptions {
  // Charset from the transport (e.g. "text/html; charset=..." already split
  // off by the caller), "" when unknown. Unknown labels are ignored.
  std::string_view transport_charset;
  // Use the statistical detector when nothing is declared.
  bool detect = true;
};

// Where the chosen encoding came from.
enum class EncodingSource { kBom, kTransport, kMeta, kDetected, kDefault };

struct EncodingInfo {
  std::string name;  // WHATWG canonical name: "UTF-8", "windows-1256", …
  EncodingSource source = EncodingSource::kDefault;
  size_t replaced = 0;  // number of U+FFFD inserted for invalid input
};

// Decodes `bytes` to UTF-8 into *out (BOM removed). Never fails on content;
// returns non-OK only if a converter cannot be created at all.
Status DecodeToUtf8(std::string_view bytes, std::string* out, EncodingInfo* info = nullptr,
                    const DecodeOptions& options = {});

// The same, decoding *bytes in place: input that is already valid UTF-8 (most
// of the web) keeps its buffer, minus a BOM, instead of being copied.
Status DecodeToUtf8InPlace(std::string* bytes, EncodingInfo* info = nullptr, const DecodeOptions& options = {});

// The WHATWG canonical name for a label ("latin1" → "windows-1252"), or "" if unknown.
std::string_view CanonicalEncodingName(std::string_view label);

// The encoding declared by a <meta> in the first 1024 bytes, per the spec's
// prescan algorithm; "" when none is found.
std::string PrescanMetaCharset(std::string_view bytes);

// True when `s` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace matn
