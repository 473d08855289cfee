// Persian word list (hunspell fa.dic of Debian's myspell-fa, GPL-2+), read at
// run time — never copied into the repository. Loaded once per process.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace matn::text {

// Open-addressing hash set of byte strings stored in one arena (~20 bytes per
// word). Filled with Add(), then Build() makes it searchable; building in one
// batch lets the slot table be prefetched, which is what makes loading fast.
class WordSet {
 public:
  void Reserve(size_t n, size_t bytes);
  // Adds `w` with a 32-bit value and returns its index; on duplicates Find
  // returns the value of the first one added.
  uint32_t Add(std::string_view w, uint32_t value = 0);
  void Build();
  bool Contains(std::string_view w) const { return Find(w) != kMissing; }
  // The value stored with `w`, or kMissing.
  uint32_t Find(std::string_view w) const;
  size_t size() const { return entries_.size(); }
  std::string_view Key(uint32_t i) const { return {arena_.data() + entries_[i].offset, entries_[i].len}; }

  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

 private:
  struct Entry {
    uint32_t offset, len, value, hash;
  };
  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;  // entry index + 1; 0 = empty
};

// Spelling fold used on both sides of every lookup, so that the word list's
// spelling matches common web spellings: Arabic yeh/kaf → Persian, hamza and
// madda carriers → bare letter (Dari writes "اغاز" for "آغاز", "رییس" for
// "رئیس"), ۀ/ة → ه; returns 0 for characters to drop (diacritics, kashida).
char32_t FoldChar(char32_t c);
std::string FoldWord(std::string_view utf8);

class Lexicon {
 public:
  // The process-wide lexicon; the first call loads it (thread-safe).
  static const Lexicon& Get();

  bool available() const { return available_; }
  // Word forms as listed (with their ZWNJs), in folded spelling (FoldWord).
  bool Has(std::string_view w) const { return words_.Contains(w); }
  // A listed form that contains ZWNJ and equals `w` once its ZWNJs are removed.
  std::string_view ZwnjFormOf(std::string_view w) const;
  // `form` (with ZWNJ) is one of matn's own common compounds (آتش‌بس…), which
  // are joined even when both parts are words of their own.
  bool IsCommonCompound(std::string_view form) const { return common_.Contains(form); }
  // `form` (with ZWNJ) is a compound that is written fused or with a ZWNJ but
  // never with a space: only spaced parts are joined, a fused spelling stays.
  bool JoinsWhenSpaced(std::string_view form) const { return spaced_.Contains(form); }
  // How many listed two-part compounds X‌w have the free word `w` as their
  // second part (X a listed word too): how productive w is as a second element.
  uint32_t SecondElementCount(std::string_view w) const {
    uint32_t v = second_.Find(w);
    return v == WordSet::kMissing ? 0 : v;
  }

 private:
  Lexicon() = default;
  void Load();
  bool available_ = false;
  WordSet words_;
  WordSet stripped_;  // ZWNJ-less spelling → index into words_
  WordSet common_;    // built-in compounds
  WordSet spaced_;    // built-in compounds also written fused
  WordSet second_;    // second part of listed two-part compounds → count
  void CountSecondElements();
  void Add(std::string_view folded_word);
  std::string scratch_;
};

}  // namespace matn::text
