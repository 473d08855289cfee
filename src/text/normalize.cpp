// Persian / Pashto letter normalisation: see include/matn/text.h.
#include <algorithm>
#include <cctype>

#include "matn/text.h"
#include "text/utf8.h"

namespace matn {
namespace {

std::string LowerPrimarySubtag(std::string_view tag) {
  size_t end = tag.find_first_of("-_");
  std::string s(tag.substr(0, end));
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool IsAsciiLetter(char32_t c) { return c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

}  // namespace

PersianProfile PersianProfileForLang(std::string_view bcp47) {
  std::string p = LowerPrimarySubtag(bcp47);
  if (p == "fa" || p == "prs" || p == "pes" || p == "per" || p == "fas") return PersianProfile::kPersian;
  if (p == "ps" || p == "pbt" || p == "pbu" || p == "pst" || p == "pus") return PersianProfile::kPashto;
  return PersianProfile::kNone;
}

std::string NormalizePersian(std::string_view in, const NormalizeOptions& options) {
  PersianProfile profile = options.profile;
  if (!options.lang.empty()) {
    // The caller's language wins: Arabic, Urdu, Sorani… keep their own letters.
    PersianProfile by_lang = PersianProfileForLang(options.lang);
    if (by_lang == PersianProfile::kNone) return std::string(in);
    profile = by_lang;
  }
  if (profile == PersianProfile::kNone && options.digits == DigitStyle::kKeep) return std::string(in);
  const bool fa = profile == PersianProfile::kPersian;
  const bool letters = profile != PersianProfile::kNone;

  std::u32string s = text::Decode(in);
  std::u32string out;
  out.reserve(s.size());
  // For kPersian digits: does the current whitespace-delimited token hold a Latin letter?
  auto token_has_latin = [&](size_t i) {
    size_t b = i, e = i;
    while (b > 0 && !IsSpace(s[b - 1])) --b;
    while (e < s.size() && !IsSpace(s[e])) ++e;
    return std::any_of(s.begin() + b, s.begin() + e, IsAsciiLetter);
  };
  size_t latin_checked_until = 0;  // token end already examined (keeps this linear)
  bool latin_token = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (letters) {
      if (c == 0x0640) continue;                    // kashida (tatweel)
      if (c == 0x0643) c = 0x06A9;                  // ك → ک
      if (fa && (c == 0x064A || c == 0x0649)) c = 0x06CC;  // ي ى → ی
      if (fa && c == 0x06C0) {                      // ۀ → هٔ
        out.push_back(0x0647);
        out.push_back(0x0654);
        continue;
      }
    }
    if (options.digits == DigitStyle::kLatin) {
      if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);
      else if (c >= 0x0660 && c <= 0x0669) c = '0' + (c - 0x0660);
    } else if (options.digits == DigitStyle::kPersian) {
      if (c >= 0x0660 && c <= 0x0669) {
        c = 0x06F0 + (c - 0x0660);
      } else if (c >= '0' && c <= '9') {
        if (i >= latin_checked_until) {
          latin_token = token_has_latin(i);
          size_t e = i;
          while (e < s.size() && !IsSpace(s[e])) ++e;
          latin_checked_until = e;
        }
        if (!latin_token) c = 0x06F0 + (c - '0');
      }
    }
    out.push_back(c);
  }
  return text::Encode(out);
}

}  // namespace matn
