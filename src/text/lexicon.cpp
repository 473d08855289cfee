#include "text/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <unordered_map>

#include "text/utf8.h"

namespace matn::text {
namespace {

constexpr std::string_view kZwnjUtf8 = "\xE2\x80\x8C";

uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}

bool ReadFile(const char* path, std::string* out) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) out->reserve(static_cast<size_t>(size));
    std::rewind(f);
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

// Compounds that Persian and Dari news text writes with a ZWNJ and that the
// hunspell list lacks (matn's own list, from general Persian usage; folded spelling).
constexpr std::string_view kCommonCompounds[] = {
    "اتش‌بس", "اتش‌سوزی", "اتش‌باری", "جنگ‌افزار", "جنگ‌زده", "جنگ‌زدگان", "سیل‌زده", "سیل‌زدگان",
    "زلزله‌زده", "زلزله‌زدگان", "زلزله‌زدگی", "رای‌گیری", "پیش‌بینی", "پیش‌نویس", "پیش‌شرط",
    "پس‌لرزه", "سه‌شنبه", "دست‌کم", "نخست‌وزیر", "نخست‌وزیری", "وزارت‌خانه",
    "سفارت‌خانه", "کنسول‌گری", "کمک‌رسانی", "کمک‌رسان", "اطلاع‌رسانی", "خدمات‌رسانی", "شهرک‌سازی",
    "غنی‌سازی", "تصمیم‌گیری", "تصمیم‌گیرنده", "هدف‌گیری", "بهره‌برداری", "بهره‌گیری",
    "سرمایه‌گذاری", "قانون‌گذاری", "قانون‌گذار", "بین‌الافغانی", "بین‌المللی", "فوق‌العاده",
    "حقوق‌بشری", "کوتاه‌مدت", "میان‌مدت", "طولانی‌مدت", "نیمه‌شب", "نیمه‌وقت", "هفته‌نامه",
    "ماه‌نامه", "روزنامه‌نگار", "روزنامه‌نگاری", "روزنامه‌نگاران", "فیلم‌ساز", "فلم‌ساز",
    "فیلم‌برداری", "فلم‌برداری", "راه‌اندازی", "راه‌پیمایی", "راه‌حل", "راه‌کار", "گفت‌وگو",
    "گفت‌وشنود", "جست‌وجو", "رفت‌وامد", "شست‌وشو", "ان‌لاین", "تک‌تیرانداز", "یک‌جانبه", "سه‌جانبه",
    "انسان‌دوستانه", "صلح‌امیز", "موفقیت‌امیز", "خشونت‌امیز", "مسالمت‌امیز", "اسلام‌اباد",
    "جلال‌اباد", "بانک‌داری", "جنگ‌سالار", "جنگ‌سالاران", "دانش‌اموز", "دانش‌اموزان", "پناه‌جو",
    "پناه‌جویان", "فیض‌اباد",
};

// Compounds that careful writing spells either fused or with a ZWNJ but never
// with a real space: a space between their parts stood for a ZWNJ, while a
// fused spelling is left alone (پنجشنبه، جنگجویان، همزمان are common).
constexpr std::string_view kFusedOrZwnj[] = {
    "یک‌شنبه", "پنج‌شنبه", "هم‌زمان", "هم‌زمانی", "هم‌اکنون", "هم‌چنین", "هم‌چنان",
    "جنگ‌جو", "جنگ‌جویان", "ستیزه‌جو", "ستیزه‌جویان", "صرفه‌جویی", "دانش‌جو",
    "دانش‌جویان", "سخن‌گو", "سخن‌گوی", "سخن‌گویان", "یک‌دیگر", "کتاب‌خانه", "دانش‌گاه",
    "فرمان‌ده", "فرمان‌دهی", "فرمان‌دهان", "خبر‌نگار", "خبر‌نگاران", "خبر‌گزاری",
    "بنیاد‌گرا", "بنیاد‌گرایی", "افراط‌گرا", "افراط‌گرایی", "زمین‌لرزه", "سر‌انجام",
    "هم‌چون", "تفاهم‌نامه", "توافق‌نامه", "زندگی‌نامه", "ایین‌نامه", "پرسش‌نامه", "اساس‌نامه",
    "شیوه‌نامه", "سیاست‌مدار", "سیاست‌مداران", "دولت‌مردان", "ازادی‌خواه", "ازادی‌خواهی",
    "عدالت‌خواهی", "تجزیه‌طلب", "اصلاح‌طلب", "بلند‌مدت", "دراز‌مدت",
};

}  // namespace

char32_t FoldChar(char32_t c) {
  switch (c) {
    case 0x064A: case 0x0649: case 0x0626: return 0x06CC;  // ي ى ئ → ی
    case 0x0643: return 0x06A9;                             // ك → ک
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0624: return 0x0648;                             // ؤ → و
    case 0x06C0: case 0x0629: case 0x06D5: return 0x0647;   // ۀ ة → ه
    default: break;
  }
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return 0;
  return c;
}

namespace {
void FoldInto(std::string_view w, std::string* out) {
  out->clear();
  for (size_t i = 0; i < w.size();) {
    if (static_cast<unsigned char>(w[i]) < 0x80) {
      out->push_back(w[i++]);
    } else if (char32_t c = FoldChar(NextCodePoint(w, &i))) {
      AppendUtf8(out, c);
    }
  }
}
}  // namespace

std::string FoldWord(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  FoldInto(w, &out);
  return out;
}

void WordSet::Reserve(size_t n, size_t bytes) {
  entries_.reserve(n);
  arena_.reserve(bytes);
}

uint32_t WordSet::Add(std::string_view w, uint32_t value) {
  entries_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(w.size()), value,
                      static_cast<uint32_t>(Hash(w))});
  arena_.append(w);
  return static_cast<uint32_t>(entries_.size() - 1);
}

void WordSet::Build() {
  size_t cap = 16;
  while (cap < entries_.size() * 2) cap <<= 1;
  slots_.assign(cap, 0);
  const size_t m = cap - 1, n = entries_.size();
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) __builtin_prefetch(&slots_[entries_[i + kAhead].hash & m], 1);
    size_t j = entries_[i].hash & m;
    while (slots_[j]) j = (j + 1) & m;  // a later duplicate lands behind the first
    slots_[j] = static_cast<uint32_t>(i + 1);
  }
}

uint32_t WordSet::Find(std::string_view w) const {
  if (slots_.empty()) return kMissing;
  const uint32_t h = static_cast<uint32_t>(Hash(w));
  size_t m = slots_.size() - 1, j = h & m;
  while (uint32_t e = slots_[j]) {
    if (entries_[e - 1].hash == h && Key(e - 1) == w) return entries_[e - 1].value;
    j = (j + 1) & m;
  }
  return kMissing;
}

std::string_view Lexicon::ZwnjFormOf(std::string_view w) const {
  uint32_t i = stripped_.Find(w);
  return i == WordSet::kMissing ? std::string_view() : words_.Key(i);
}

void Lexicon::Load() {
  const char* env = std::getenv("MATN_FA_DIC");
  const char* path = env && *env ? env : "/usr/share/hunspell/fa.dic";
  // matn's own compounds first, so that their spelling wins over the list's.
  for (std::string_view c : kCommonCompounds) {
    Add(c);
    common_.Add(c);
  }
  common_.Build();
  for (std::string_view c : kFusedOrZwnj) spaced_.Add(c);
  spaced_.Build();
  std::string data;
  if (!ReadFile(path, &data)) {
    words_.Build();
    stripped_.Build();
    std::fprintf(stderr,
                 "matn: Persian word list %s not found (Debian package myspell-fa); "
                 "ZWNJ repair uses its rules only\n",
                 path);
    return;
  }
  words_.Reserve(data.size() / 20, data.size());
  stripped_.Reserve(data.size() / 50, data.size() / 2);
  size_t pos = 0;
  bool first = true;
  std::string folded;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    if (size_t slash = line.find('/'); slash != std::string_view::npos) line = line.substr(0, slash);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (first) {  // hunspell's first line is the entry count
      first = false;
      if (!line.empty() && line.find_first_not_of("0123456789") == std::string_view::npos) continue;
    }
    if (!line.empty()) {
      FoldInto(line, &folded);
      Add(folded);
    }
  }
  available_ = words_.size() > std::size(kCommonCompounds);
  words_.Build();
  stripped_.Build();
  CountSecondElements();
}

void Lexicon::CountSecondElements() {
  // Counted in a scratch table first (WordSet values are fixed once added).
  std::unordered_map<std::string_view, uint32_t> counts;
  for (uint32_t i = 0; i < words_.size(); ++i) {
    std::string_view w = words_.Key(i);
    size_t z = w.find(kZwnjUtf8);
    if (z == std::string_view::npos || z == 0) continue;
    std::string_view x = w.substr(0, z), y = w.substr(z + kZwnjUtf8.size());
    if (y.empty() || y.find(kZwnjUtf8) != std::string_view::npos) continue;
    if (words_.Contains(x) && words_.Contains(y)) ++counts[y];
  }
  second_.Reserve(counts.size(), counts.size() * 12);
  for (const auto& [y, n] : counts) second_.Add(y, n);
  second_.Build();
}

void Lexicon::Add(std::string_view line) {
  uint32_t index = words_.Add(line);
  if (line.find(kZwnjUtf8) == std::string_view::npos) return;
  std::string& plain = scratch_;
  plain.clear();
  for (size_t i = 0; i < line.size();) {
    if (line.compare(i, 3, kZwnjUtf8) == 0) {
      i += 3;
    } else {
      plain.push_back(line[i++]);
    }
  }
  stripped_.Add(plain, index);
}

const Lexicon& Lexicon::Get() {
  static Lexicon* lexicon = nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    lexicon = new Lexicon();  // lives for the whole process
    lexicon->Load();
  });
  return *lexicon;
}

}  // namespace matn::text
