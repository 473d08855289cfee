#include "lang/function_words.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace matn::lang {
namespace {

struct FunctionWordLanguage {
  const char* code;
  const char* words;  // space-separated, lowercase, at most 8 bytes each
};

constexpr FunctionWordLanguage kLanguages[] = {
    {"en", "the of and to that for it with on are as be by this from or have they which you were his her their "
           "has been not but would can its about we all there when who she he had into them than these what "
           "could our more one your"},
    {"de", "der die und den von zu das mit sich des auf für ist im dem nicht ein eine einer eines einen einem "
           "auch es werden aus er dass daß sie nach bei wird noch wie über zum haben nur oder aber vor zur bis "
           "mehr durch wenn kann ich wir sind sehr diese dieser unter wurde wurden keine beim schon ihre seine "
           "sein"},
};
constexpr int kNumLanguages = sizeof(kLanguages) / sizeof(kLanguages[0]);

// Words of up to 8 bytes packed little-endian into a uint64_t, in an
// open-addressing table whose values are bitmasks over kLanguages.
class WordTable {
 public:
  WordTable() {
    for (int l = 0; l < kNumLanguages; ++l) {
      std::string_view all = kLanguages[l].words;
      while (!all.empty()) {
        const size_t sp = std::min(all.find(' '), all.size());
        uint64_t key = 0;
        std::memcpy(&key, all.data(), std::min<size_t>(sp, 8));
        size_t i = Slot(key);
        while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & kMask;
        keys_[i] = key;
        masks_[i] |= 1u << l;
        all.remove_prefix(std::min(sp + 1, all.size()));
      }
    }
  }
  unsigned Lookup(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) & kMask) {
      if (keys_[i] == key) return masks_[i];
      if (keys_[i] == 0) return 0;
    }
  }

 private:
  static constexpr int kBits = 9;  // 512 slots for ~130 words
  static constexpr size_t kMask = (size_t{1} << kBits) - 1;
  static size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> (64 - kBits); }
  std::array<uint64_t, size_t{1} << kBits> keys_{};
  std::array<uint8_t, size_t{1} << kBits> masks_{};
};

}  // namespace

namespace {

struct Counts {
  int words = 0;  // Latin-letter words
  std::array<int, kNumLanguages> hits{};
};

// Per byte: the lowercase form of an ASCII letter, kLead for the lead bytes
// of U+00C0..U+024F (C3..C9), 0 for everything else (a word boundary).
constexpr unsigned char kLead = 1;
constexpr std::array<unsigned char, 256> kFold = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = static_cast<unsigned char>(c);
  for (int c = 0xC3; c <= 0xC9; ++c) t[c] = kLead;
  return t;
}();

// Words are runs of Latin letters: ASCII and U+00C0..U+024F minus × and ÷;
// capitals fold for ASCII and Latin-1 ("Über").
Counts Count(std::string_view text) {
  static const WordTable table;
  Counts counts;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // The second byte of a Latin letter led by s[i] (folded), or 0 if s[i..] is none.
  auto latin_pair = [&](size_t i) -> unsigned {
    if (i + 1 >= n) return 0;
    unsigned c2 = s[i + 1];
    if ((c2 & 0xC0) != 0x80 || (s[i] == 0xC3 && (c2 == 0x97 || c2 == 0xB7))) return 0;
    return s[i] == 0xC3 && c2 <= 0x9E ? c2 + 0x20 : c2;
  };
  size_t i = 0;
  while (i < n) {
    uint64_t key = 0;
    size_t len = 0;  // bytes of the word; longer than 8 cannot be in a list
    while (i < n) {
      const unsigned f = kFold[s[i]];
      if (f > kLead) {
        if (len < 8) key |= uint64_t{f} << (8 * len);
        ++len;
        ++i;
      } else if (f == kLead && latin_pair(i)) {
        if (len < 7) key |= (uint64_t{s[i]} | uint64_t{latin_pair(i)} << 8) << (8 * len);
        len += 2;
        i += 2;
      } else {
        break;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    ++counts.words;
    if (len <= 8)
      if (const unsigned m = table.Lookup(key))
        for (int l = 0; l < kNumLanguages; ++l) counts.hits[l] += (m >> l) & 1;
  }
  return counts;
}

bool Overwhelming(const Counts& c, int lang) {
  const int h = c.hits[lang];
  if (h < 10 || h * 100 < c.words * 15) return false;
  for (int l = 0; l < kNumLanguages; ++l)
    if (l != lang && c.hits[l] * 2 > h) return false;
  return true;
}

}  // namespace

bool FunctionWordsConfirm(std::string_view code, std::string_view text) {
  int lang = 0;
  while (lang < kNumLanguages && code != kLanguages[lang].code) ++lang;
  return lang < kNumLanguages && Overwhelming(Count(text), lang);
}

std::string_view FunctionWordsLanguage(std::string_view text) {
  const Counts c = Count(text);
  for (int l = 0; l < kNumLanguages; ++l)
    if (Overwhelming(c, l)) return kLanguages[l].code;
  return {};
}

}  // namespace matn::lang
