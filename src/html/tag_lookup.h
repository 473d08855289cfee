// src/html/tag_lookup.h — the tag name -> id table behind matn::LookupTag,
// inline so that the tree builder, which looks up every start and end tag,
// pays no call. It is an open-addressing hash table built at compile time
// from MATN_TAG_LIST, keyed by two machine words that hold the whole name (see
// Key): no byte loops.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "matn/html.h"

namespace matn::tag_lookup {

inline constexpr std::string_view kNames[] = {
    "",
#define MATN_TAG_NAME(id, str) str,
    MATN_TAG_LIST(MATN_TAG_NAME)
#undef MATN_TAG_NAME
};
inline constexpr size_t kNumTags = sizeof(kNames) / sizeof(kNames[0]);
inline constexpr size_t kSlots = 512;  // power of two, > 3x the number of tags
static_assert(kNumTags * 3 < kSlots);

// A name of up to 16 bytes as two little-endian words that together hold all
// its bytes (overlapping for lengths 9..15; a short name repeats some), so
// with the length they identify it: a match is two word compares.
struct Key {
  uint64_t lo, hi;
};

constexpr uint64_t Bytes(std::string_view s, size_t at, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(s[at + i])} << (8 * i);
  return w;
}

constexpr Key MakeKey(std::string_view s) {
  const size_t n = s.size();
  if (n >= 8) return {Bytes(s, 0, 8), Bytes(s, n - 8, 8)};
  if (n >= 4) return {Bytes(s, 0, 4) | Bytes(s, n - 4, 4) << 32, 0};
  return {Bytes(s, 0, 1) | Bytes(s, n / 2, 1) << 8 | Bytes(s, n - 1, 1) << 16, 0};
}

// The same key, with unaligned loads instead of a byte loop.
inline Key LoadKey(const char* p, size_t n) {
  uint64_t a, b;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    return {a, b};
  }
  if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    return {x | uint64_t{y} << 32, 0};
  }
  return {uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
              uint64_t{static_cast<unsigned char>(p[n - 1])} << 16,
          0};
}

constexpr uint32_t Hash(Key k, size_t n) {
  uint64_t h = (k.lo * 0x9E3779B97F4A7C15ull) ^ (k.hi * 0xC2B2AE3D27D4EB4Full) ^ n;
  return static_cast<uint32_t>(h >> 40);
}

constexpr std::array<Key, kNumTags> BuildKeys() {
  std::array<Key, kNumTags> k{};
  for (size_t i = 1; i < kNumTags; ++i) k[i] = MakeKey(kNames[i]);
  return k;
}
inline constexpr std::array<Key, kNumTags> kKeys = BuildKeys();

constexpr std::array<uint16_t, kSlots> BuildTable() {
  std::array<uint16_t, kSlots> t{};
  for (size_t i = 1; i < kNumTags; ++i) {
    uint32_t h = Hash(kKeys[i], kNames[i].size()) & (kSlots - 1);
    while (t[h] != 0) h = (h + 1) & (kSlots - 1);
    t[h] = static_cast<uint16_t>(i);
  }
  return t;
}

inline constexpr std::array<uint16_t, kSlots> kTable = BuildTable();
constexpr size_t MaxLen() {
  size_t m = 0;
  for (auto n : kNames) m = n.size() > m ? n.size() : m;
  return m;
}
inline constexpr size_t kMaxLen = MaxLen();
static_assert(kMaxLen <= 16);
static_assert(std::endian::native == std::endian::little, "LoadKey must agree with MakeKey");

inline Tag Lookup(std::string_view name) {
  const size_t n = name.size();
  if (n == 0 || n > kMaxLen) return Tag::kUnknown;
  const Key k = LoadKey(name.data(), n);
  uint32_t h = Hash(k, n) & (kSlots - 1);
  while (uint16_t id = kTable[h]) {
    if (kKeys[id].lo == k.lo && kKeys[id].hi == k.hi && kNames[id].size() == n) return static_cast<Tag>(id);
    h = (h + 1) & (kSlots - 1);
  }
  return Tag::kUnknown;
}

}  // namespace matn::tag_lookup
