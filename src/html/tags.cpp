// Tag name <-> id. LookupTag runs for every start and end tag, so it is an
// open-addressing hash table built at compile time from MATN_TAG_LIST. The
// hash reads only the length and three bytes (first, middle, last), so it
// costs the same for every name; a byte loop over the (short) candidate
// confirms the match.
#include <array>
#include <cstdint>
#include <cstring>

#include "matn/html.h"

namespace matn {
namespace {

constexpr std::string_view kNames[] = {
    "",
#define MATN_TAG_NAME(id, str) str,
    MATN_TAG_LIST(MATN_TAG_NAME)
#undef MATN_TAG_NAME
};
constexpr size_t kNumTags = sizeof(kNames) / sizeof(kNames[0]);
constexpr size_t kSlots = 512;  // power of two, > 3x the number of tags
static_assert(kNumTags * 3 < kSlots);

constexpr uint32_t Hash(std::string_view s) {
  uint32_t h = static_cast<uint32_t>(s.size()) * 0x9E3779B1u;
  h += static_cast<unsigned char>(s[0]) * 0x85EBCA77u;
  h += static_cast<unsigned char>(s[s.size() / 2]) * 0xC2B2AE3Du;
  h += static_cast<unsigned char>(s[s.size() - 1]) * 0x27D4EB2Fu;
  return h ^ (h >> 13);
}

constexpr std::array<uint16_t, kSlots> BuildTable() {
  std::array<uint16_t, kSlots> t{};
  for (size_t i = 1; i < kNumTags; ++i) {
    uint32_t h = Hash(kNames[i]) & (kSlots - 1);
    while (t[h] != 0) h = (h + 1) & (kSlots - 1);
    t[h] = static_cast<uint16_t>(i);
  }
  return t;
}

constexpr std::array<uint16_t, kSlots> kTable = BuildTable();
constexpr size_t kMaxLen = [] {
  size_t m = 0;
  for (auto n : kNames) m = n.size() > m ? n.size() : m;
  return m;
}();

}  // namespace

Tag LookupTag(std::string_view name) {
  if (name.empty() || name.size() > kMaxLen) return Tag::kUnknown;
  uint32_t h = Hash(name) & (kSlots - 1);
  while (uint16_t id = kTable[h]) {
    std::string_view cand = kNames[id];
    if (cand.size() == name.size()) {
      size_t i = 0;
      while (i < name.size() && cand[i] == name[i]) ++i;
      if (i == name.size()) return static_cast<Tag>(id);
    }
    h = (h + 1) & (kSlots - 1);
  }
  return Tag::kUnknown;
}

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < kNumTags ? kNames[i] : std::string_view();
}

}  // namespace matn
