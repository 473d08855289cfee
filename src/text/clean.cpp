// Unicode hygiene: see include/matn/text.h for the contract.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "matn/text.h"
#include "text/utf8.h"

namespace matn {
namespace {

using text::kZwnj;

enum class Kind { kKeep, kSpace, kDrop, kZwnj };

Kind Classify(char32_t c) {
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) return Kind::kSpace;
    return (c < 0x20 || c == 0x7F) ? Kind::kDrop : Kind::kKeep;
  }
  if (c < 0xA0) return c == 0x85 ? Kind::kSpace : Kind::kDrop;  // C1 controls
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
      c == 0x202F || c == 0x205F || c == 0x3000)
    return Kind::kSpace;
  if (c == kZwnj) return Kind::kZwnj;
  if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069))
    return Kind::kDrop;
  return Kind::kKeep;
}

// Applies NFC when a quick check says the text may need it.
void ApplyNfc(std::string* s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) return;
  icu::StringPiece sp(s->data(), static_cast<int32_t>(s->size()));
  if (nfc->isNormalizedUTF8(sp, ec) || U_FAILURE(ec)) return;
  std::string out;
  out.reserve(s->size());
  icu::StringByteSink<std::string> sink(&out);
  ec = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, sp, sink, nullptr, ec);
  if (U_SUCCESS(ec)) s->swap(out);
}

}  // namespace

std::string CleanText(std::string_view in, const CleanOptions& options) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false, pending_zwnj = false;
  bool last_is_letter = false;  // last emitted character is a letter or mark
  char32_t max_cp = 0;
  for (size_t i = 0; i < in.size();) {
    char32_t c;
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      c = static_cast<unsigned char>(in[i++]);
    } else {
      c = text::NextCodePoint(in, &i);
    }
    switch (Classify(c)) {
      case Kind::kDrop:
        continue;  // transparent: neighbours are judged as if it were absent
      case Kind::kSpace:
        if (!options.collapse_whitespace) {
          text::AppendUtf8(&out, c);
          last_is_letter = false;
        } else {
          pending_space = !out.empty();
        }
        pending_zwnj = false;
        continue;
      case Kind::kZwnj:
        // Only a ZWNJ glued to a letter on both sides is kept; runs collapse.
        if (last_is_letter && !pending_space) pending_zwnj = true;
        continue;
      case Kind::kKeep:
        break;
    }
    bool letter = text::IsLetterOrMark(c);
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    } else if (pending_zwnj && letter) {
      text::AppendUtf8(&out, kZwnj);
    }
    pending_zwnj = false;
    text::AppendUtf8(&out, c);
    last_is_letter = letter;
    if (c > max_cp) max_cp = c;
  }
  if (options.nfc && max_cp >= 0x300) ApplyNfc(&out);
  return out;
}

std::string CleanLines(std::string_view in, const CleanOptions& options) {
  std::string out;
  out.reserve(in.size());
  size_t start = 0;
  while (true) {
    size_t nl = in.find('\n', start);
    std::string_view line = in.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    out += CleanText(line, options);
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    start = nl + 1;
  }
  return out;
}

}  // namespace matn
