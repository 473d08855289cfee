// src/html/arena.h — bump allocator behind a Document's nodes and strings.
//
// Everything the parser keeps (Node, Attribute arrays, copied text) is
// trivially destructible, so the arena never runs destructors: freeing a
// Document frees a handful of blocks, whatever the shape of the tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <emmintrin.h>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace matn::html {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // The fast path is inline; refilling is not (it is rare and large).
  void* Alloc(size_t n, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t{align} - 1);
    // Before the first block end_ is null, so this fails for any n > 0 (an
    // Alloc(0) may return null then; no caller asks for 0 bytes).
    if (__builtin_expect(p + n <= reinterpret_cast<uintptr_t>(end_), 1)) {
      cur_ = reinterpret_cast<char*>(p + n);
      return reinterpret_cast<void*>(p);
    }
    return AllocSlow(n, align);
  }

  template <class T>
  T* New() {
    return new (Alloc(sizeof(T), alignof(T))) T();
  }

  template <class T>
  T* NewArray(size_t n) {
    if (n == 0) return nullptr;
    T* p = static_cast<T*>(Alloc(sizeof(T) * n, alignof(T)));
    for (size_t i = 0; i < n; ++i) new (p + i) T();
    return p;
  }

  // A zeroed T without value-initialisation member by member (and without
  // the `rep stos` GCC emits for memset of a runtime-aligned block). For
  // aggregates of trivially copyable members whose all-zero bytes are a
  // valid value (the DOM nodes); the caller sets the non-zero defaults.
  template <class T>
  T* NewZeroed() {
    static_assert(sizeof(T) % 16 == 0 && std::is_trivially_copyable_v<T>);
    char* p = static_cast<char*>(Alloc(sizeof(T), alignof(T)));
    const __m128i z = _mm_setzero_si128();
#pragma GCC unroll 16
    for (size_t i = 0; i < sizeof(T); i += 16) _mm_storeu_si128(reinterpret_cast<__m128i*>(p + i), z);
    return reinterpret_cast<T*>(p);
  }

  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(Alloc(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  void Reset() {
    blocks_.clear();
    cur_ = end_ = nullptr;
    next_block_ = 16 * 1024;
    reserved_ = 0;
  }

  // Bytes reserved from the system.
  size_t bytes() const { return reserved_; }

 private:
  static constexpr size_t kBigAlloc = 64 * 1024;

  [[gnu::noinline]] void* AllocSlow(size_t n, size_t align) {
    if (n + align > kBigAlloc) {  // own block; keep filling the current one
      blocks_.emplace_back(new char[n + align]);
      reserved_ += n + align;
      char* b = blocks_.back().get();
      return b + (align - reinterpret_cast<uintptr_t>(b) % align) % align;
    }
    Grow(n + align);
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t{align} - 1);
    cur_ = reinterpret_cast<char*>(p + n);
    return reinterpret_cast<void*>(p);
  }

  void Grow(size_t at_least) {
    size_t size = next_block_;
    // Capped at 64 KB: the unused tail of the newest block is waste, and a
    // 1 MB block would be a whole input's worth of it on a 1 MB page.
    if (next_block_ < (size_t{64} << 10)) next_block_ *= 2;
    if (size < at_least) size = at_least;
    blocks_.emplace_back(new char[size]);
    cur_ = blocks_.back().get();
    end_ = cur_ + size;
    reserved_ += size;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t next_block_ = 16 * 1024;
  size_t reserved_ = 0;
};

}  // namespace matn::html
