// libFuzzer target: the text layer. CleanText, CleanLines, NormalizePersian
// and RepairZwnj on any bytes.
// Invariants: every output is valid UTF-8; CleanText is idempotent and leaves
// no leading/trailing or doubled space and no line break; CleanLines keeps the
// number of lines; NormalizePersian is idempotent; RepairZwnj changes nothing
// but ZWNJs (inserted, or put in place of a space).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "matn/encoding.h"
#include "matn/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// The text without ZWNJs and spaces: what RepairZwnj must leave unchanged.
std::string Skeleton(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') continue;
    if (s.substr(i, 3) == "\u200C") {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

size_t Newlines(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t ctl = data[0];
  std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);

  // Raw bytes first: the contract says invalid UTF-8 becomes U+FFFD.
  matn::CleanOptions co;
  co.collapse_whitespace = !(ctl & 1);
  std::string clean = matn::CleanText(raw, co);
  Check(matn::IsValidUtf8(clean));
  Check(matn::CleanText(clean, co) == clean);
  if (co.collapse_whitespace) {
    Check(clean.find('\n') == std::string::npos && clean.find("  ") == std::string::npos);
    Check(clean.empty() || (clean.front() != ' ' && clean.back() != ' '));
  }
  std::string lines = matn::CleanLines(raw, co);
  Check(matn::IsValidUtf8(lines));
  Check(Newlines(lines) == Newlines(raw));

  matn::NormalizeOptions no;
  no.profile = (ctl & 2) ? matn::PersianProfile::kPashto : matn::PersianProfile::kPersian;
  no.digits = static_cast<matn::DigitStyle>((ctl >> 2) % 3);
  std::string norm = matn::NormalizePersian(raw, no);
  Check(matn::IsValidUtf8(norm));
  Check(matn::NormalizePersian(norm, no) == norm);

  // RepairZwnj on valid text (so the skeleton comparison is byte for byte).
  std::string utf8;
  matn::DecodeOptions dopt;
  dopt.transport_charset = "utf-8";
  dopt.detect = false;
  Check(matn::DecodeToUtf8(raw, &utf8, nullptr, dopt).ok());
  const auto damage = static_cast<matn::ZwnjDamage>((ctl >> 4) % 3);
  std::string repaired = matn::RepairZwnj(utf8, damage);
  Check(matn::IsValidUtf8(repaired));
  Check(Skeleton(repaired) == Skeleton(utf8));
  Check(repaired.size() >= utf8.size());  // a space (1 byte) → ZWNJ (3 bytes), never a removal
  return 0;
}
