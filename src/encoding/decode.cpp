// The encoding sniffing order of the HTML Standard (§13.2.3.2) and
// DecodeToUtf8 on top of it.
//
// One deliberate extension: when the spec's 1024-byte prescan finds no
// <meta>, the same prescan is run over the first 64 KB. A browser that meets
// a late <meta charset> while parsing reloads the page in that encoding
// ("change the encoding"), and large <head>s full of scripts often push the
// <meta> past 1024 bytes, so a declaration found there still beats a guess.
//
// And one deliberate deviation: a <meta> that declares a legacy encoding is
// overruled when the whole document is valid UTF-8 with plenty of non-ASCII
// characters (kMinUtf8Evidence). Legacy-encoded text is practically never
// valid UTF-8 by accident, while pages served as UTF-8 (an HTTP header a
// crawl often loses, which browsers let override the <meta>) or re-saved as
// UTF-8 with a stale <meta> are common; decoding them "correctly" would turn
// every character into mojibake. A few stray UTF-8 sequences are not enough.
// DecodeOptions::detect = false turns this off along with the detector.
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn::encoding {
namespace {

constexpr size_t kMetaWindow = 64 << 10;    // see the note at the top
constexpr size_t kDetectWindow = 64 << 10;  // what the detector reads
constexpr size_t kUtf16SniffBytes = 4096;
constexpr size_t kMinUtf8Evidence = 16;  // multi-byte UTF-8 characters

// True when a <meta>-declared `declared` should yield to UTF-8 (see above).
bool MetaOverruledByUtf8(Enc declared, std::string_view body) {
  if (declared == Enc::kUtf8 || declared == Enc::kReplacement) return false;
  if (ValidUtf8Prefix(body) != body.size()) return false;  // usually fails at the first non-ASCII byte
  size_t multibyte = 0;
  for (unsigned char c : body) multibyte += c >= 0xC0;
  return multibyte >= kMinUtf8Evidence;
}

// UTF-16 without a BOM: markup is mostly ASCII, so one byte of every pair is
// NUL, at odd offsets for little-endian and even offsets for big-endian.
std::optional<Enc> SniffUtf16(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kUtf16SniffBytes) & ~size_t{1};
  if (n < 16) return std::nullopt;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == '\0';
    zero_odd += bytes[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 3 && zero_even * 20 <= zero_odd) return Enc::kUtf16Le;
  if (zero_even * 10 >= pairs * 3 && zero_odd * 20 <= zero_even) return Enc::kUtf16Be;
  return std::nullopt;
}

size_t FirstNonAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    if (v & 0x8080808080808080ull) break;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  return std::string_view::npos;
}

// True when `tail` is the start of a valid UTF-8 sequence that the window
// cut off: a lead byte whose maximal subpart is the whole tail.
bool IsCutUtf8Sequence(std::string_view tail) {
  if (tail.empty() || tail.size() > 3) return false;
  const auto lead = static_cast<unsigned char>(tail[0]);
  if (lead < 0xC2 || lead > 0xF4) return false;
  std::string scratch;
  return AppendSanitizedUtf8(tail, &scratch) == 1 && scratch == "\xEF\xBF\xBD";
}

std::optional<Enc> RunUchardet(std::string_view window) {
  std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
  if (!ud) return std::nullopt;
  uchardet_handle_data(ud.get(), window.data(), window.size());
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  if (!name || !*name) return std::nullopt;
  const std::string_view label(name);
  if (label == "MAC-CYRILLIC") return Enc::kXMacCyrillic;
  return LookupLabel(label);
}

}  // namespace

Guess DetectEncoding(std::string_view bytes) {
  if (auto e = SniffUtf16(bytes)) return {*e, true};
  const size_t first = FirstNonAscii(bytes);
  if (first == std::string_view::npos) {
    // Pure 7-bit input decodes the same in every ASCII-compatible encoding;
    // only ISO-2022-JP (escape sequences) is worth asking the detector about.
    if (bytes.find('\x1b') != std::string_view::npos &&
        RunUchardet(bytes.substr(0, kDetectWindow)) == Enc::kIso2022Jp)
      return {Enc::kIso2022Jp, true};
    return {Enc::kWindows1252, false};
  }
  // Leading ASCII markup tells the detector nothing: start the window a
  // little before the first non-ASCII byte (still on a character boundary).
  const size_t start = first > 1024 ? first - 1024 : 0;
  const std::string_view window = bytes.substr(start, kDetectWindow);
  const size_t valid = ValidUtf8Prefix(window);
  if (valid == window.size() ||
      (start + window.size() < bytes.size() && IsCutUtf8Sequence(window.substr(valid))))
    return {Enc::kUtf8, true};
  auto e = RunUchardet(window);
  // A guess of an encoding that only exists for declared content (the
  // "replacement" labels: ISO-2022-KR/CN, HZ) or that cannot be right here
  // (UTF-16 without NULs) is no guess.
  if (!e || *e == Enc::kReplacement || *e == Enc::kUtf16Be || *e == Enc::kUtf16Le || *e == Enc::kXUserDefined)
    return {Enc::kWindows1252, false};
  return {*e, true};
}

Sniffed SniffEncoding(std::string_view bytes, const DecodeOptions& options) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {Enc::kUtf8, EncodingSource::kBom, 3};
  if (bytes.substr(0, 2) == "\xFE\xFF") return {Enc::kUtf16Be, EncodingSource::kBom, 2};
  if (bytes.substr(0, 2) == "\xFF\xFE") return {Enc::kUtf16Le, EncodingSource::kBom, 2};
  if (auto t = LookupLabel(options.transport_charset)) return {*t, EncodingSource::kTransport, 0};
  if (auto m = Prescan(bytes, kMetaWindow)) return {*m, EncodingSource::kMeta, 0};
  if (!options.detect) return {Enc::kWindows1252, EncodingSource::kDefault, 0};
  const Guess g = DetectEncoding(bytes);
  return {g.enc, g.detected ? EncodingSource::kDetected : EncodingSource::kDefault, 0};
}

}  // namespace matn::encoding

namespace matn {

namespace {

encoding::Sniffed ChooseEncoding(std::string_view bytes, const DecodeOptions& options) {
  encoding::Sniffed s = encoding::SniffEncoding(bytes, options);
  if (options.detect && s.source == EncodingSource::kMeta && encoding::MetaOverruledByUtf8(s.enc, bytes))
    s.enc = encoding::Enc::kUtf8, s.source = EncodingSource::kDetected;
  return s;
}

}  // namespace

Status DecodeToUtf8InPlace(std::string* bytes, EncodingInfo* info, const DecodeOptions& options) {
  const encoding::Sniffed s = ChooseEncoding(*bytes, options);
  if (s.enc == encoding::Enc::kUtf8) {
    const std::string_view body = std::string_view(*bytes).substr(s.bom_length);
    if (encoding::ValidUtf8Prefix(body) == body.size()) {
      bytes->erase(0, s.bom_length);
      if (info) {
        info->name = std::string(encoding::EncName(s.enc));
        info->source = s.source;
        info->replaced = 0;
      }
      return Status::Ok();
    }
  }
  const std::string in = std::move(*bytes);
  return DecodeToUtf8(in, bytes, info, options);
}

Status DecodeToUtf8(std::string_view bytes, std::string* out, EncodingInfo* info, const DecodeOptions& options) {
  using encoding::Enc;
  std::string aliased;
  const std::less<const char*> before;
  if (!bytes.empty() && !before(bytes.data(), out->data()) && before(bytes.data(), out->data() + out->capacity())) {
    aliased.assign(bytes);  // DecodeToUtf8(s, &s): keep the input alive while *out is rebuilt
    bytes = aliased;
  }
  out->clear();
  auto [enc, source, bom] = ChooseEncoding(bytes, options);
  const std::string_view body = bytes.substr(bom);
  out->reserve(body.size() + body.size() / 8);
  auto replaced = encoding::DecodeWith(enc, body, out);
  Status status;
  if (!replaced) {
    // No converter (broken ICU data): still hand back valid UTF-8.
    status = Status::Unsupported("no converter for " + std::string(encoding::EncName(enc)));
    out->clear();
    replaced = encoding::DecodeWith(Enc::kUtf8, body, out);
  }
  if (info) {
    info->name = std::string(encoding::EncName(enc));
    info->source = source;
    info->replaced = *replaced;
  }
  return status;
}

}  // namespace matn
