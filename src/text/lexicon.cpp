#include "text/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

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
    "پس‌لرزه", "هم‌زمان", "هم‌زمانی", "دست‌کم", "نخست‌وزیر", "نخست‌وزیری", "وزارت‌خانه",
    "سفارت‌خانه", "کنسول‌گری", "کمک‌رسانی", "کمک‌رسان", "اطلاع‌رسانی", "خدمات‌رسانی", "شهرک‌سازی",
    "غنی‌سازی", "تصمیم‌گیری", "تصمیم‌گیرنده", "هدف‌گیری", "بهره‌برداری", "بهره‌گیری",
    "سرمایه‌گذاری", "قانون‌گذاری", "قانون‌گذار", "بین‌الافغانی", "بین‌المللی", "فوق‌العاده",
    "حقوق‌بشری", "کوتاه‌مدت", "میان‌مدت", "طولانی‌مدت", "نیمه‌شب", "نیمه‌وقت", "هفته‌نامه",
    "ماه‌نامه", "روزنامه‌نگار", "روزنامه‌نگاری", "روزنامه‌نگاران", "فیلم‌ساز", "فلم‌ساز",
    "فیلم‌برداری", "فلم‌برداری", "راه‌اندازی", "راه‌پیمایی", "راه‌حل", "راه‌کار", "گفت‌وگو",
    "گفت‌وشنود", "جست‌وجو", "رفت‌وامد", "شست‌وشو", "ان‌لاین", "تک‌تیرانداز", "یک‌جانبه", "سه‌جانبه",
    "انسان‌دوستانه", "صلح‌امیز", "موفقیت‌امیز", "خشونت‌امیز", "مسالمت‌امیز", "اسلام‌اباد",
    "جلال‌اباد", "بانک‌داری",
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

std::string FoldWord(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size();)
    if (char32_t c = FoldChar(NextCodePoint(w, &i))) AppendUtf8(&out, c);
  return out;
}

void WordSet::Reserve(size_t n) {
  entries_.reserve(n);
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  if (cap > slots_.size()) {
    slots_.assign(cap, 0);
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      size_t m = slots_.size() - 1, j = Hash(Key(i)) & m;
      while (slots_[j]) j = (j + 1) & m;
      slots_[j] = i + 1;
    }
  }
}

void WordSet::Grow() { Reserve(entries_.size() * 2 + 16); }

uint32_t WordSet::Find(std::string_view w) const {
  if (slots_.empty()) return kMissing;
  size_t m = slots_.size() - 1, j = Hash(w) & m;
  while (uint32_t e = slots_[j]) {
    if (Key(e - 1) == w) return entries_[e - 1].value;
    j = (j + 1) & m;
  }
  return kMissing;
}

void WordSet::Insert(std::string_view w, uint32_t value) {
  if (w.empty() || w.size() > 0xFFFF || Contains(w)) return;
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
  entries_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint16_t>(w.size()), value});
  arena_.append(w);
  size_t m = slots_.size() - 1, j = Hash(w) & m;
  while (slots_[j]) j = (j + 1) & m;
  slots_[j] = static_cast<uint32_t>(entries_.size());
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
    common_.Insert(c);
  }
  std::string data;
  if (!ReadFile(path, &data)) {
    std::fprintf(stderr,
                 "matn: Persian word list %s not found (Debian package myspell-fa); "
                 "ZWNJ repair uses its rules only\n",
                 path);
    return;
  }
  words_.Reserve(data.size() / 20);
  stripped_.Reserve(data.size() / 50);
  size_t pos = 0;
  bool first = true;
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
    if (!line.empty()) Add(FoldWord(line));
  }
  available_ = words_.size() > std::size(kCommonCompounds);
}

void Lexicon::Add(std::string_view line) {
  words_.Insert(line, static_cast<uint32_t>(words_.size()));  // value = own index
  if (line.find(kZwnjUtf8) == std::string_view::npos) return;
  std::string plain;
  for (size_t i = 0; i < line.size();) {
    if (line.compare(i, 3, kZwnjUtf8) == 0) {
      i += 3;
    } else {
      plain.push_back(line[i++]);
    }
  }
  stripped_.Insert(plain, words_.Find(line));
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
