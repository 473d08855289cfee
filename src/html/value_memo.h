// A per-thread memo of a computation over attribute values, for the layers
// that read the tree (extract; metadata keeps a per-page table with the same hash).
//
// Pages repeat the same class attribute on hundreds of elements ("menu-item
// menu-item-type-post_type …") and the same class names across attributes, so
// classifying each value once per thread saves most of the work. The memo is
// direct-mapped (256 slots, one entry each: a collision simply recomputes) and
// copies its keys, so entries outlive the page they came from.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace matn::html {

// The hash of both memos of attribute values (this one and metadata's per-page
// table): words of the value folded by multiply-xor; the top bits mix best.
inline uint64_t HashAttrValue(std::string_view v) {
  uint64_t h = v.size() * 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  for (; i + 8 <= v.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, v.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
  }
  if (i < v.size() && v.size() >= 8) {  // the tail as one word, overlapping the last whole one
    uint64_t w;
    std::memcpy(&w, v.data() + v.size() - 8, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
  } else {
    for (; i < v.size(); ++i) h = (h ^ static_cast<unsigned char>(v[i])) * 0xFF51AFD7ED558CCDull;
  }
  return h;
}

class ValueMemo {
 public:
  // compute(v) for a value longer than this is not remembered.
  static constexpr size_t kMaxKey = 200;

  template <typename F>
  uint32_t Get(std::string_view v, F compute) {
    if (v.size() > kMaxKey) return compute(v);
    Slot& s = slots_[HashAttrValue(v) >> 56];  // the top bits of a product are the well-mixed ones
    if (s.used && s.key == v) return s.value;
    s.value = compute(v);
    s.key.assign(v);
    s.used = true;
    return s.value;
  }

 private:
  struct Slot {
    std::string key;
    uint32_t value = 0;
    bool used = false;
  };
  std::array<Slot, 256> slots_;
};

}  // namespace matn::html
