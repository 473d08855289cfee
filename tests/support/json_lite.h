// tests/support/json_lite.h — a tiny JSON reader for test fixtures (html5lib .test files).
//
// Strings are decoded to UTF-8. A "\uD800"-style lone surrogate cannot be
// UTF-8; it is written as its 3-byte generalised form and flagged, so callers
// can skip such cases explicitly. Nesting is limited (kMaxDepth), so hostile
// input cannot exhaust the stack.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "encoding/codepoint.h"

namespace matn::testing {

struct Json {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = kNull;
  bool boolean = false;
  double number = 0;
  std::string str;
  bool lone_surrogate = false;  // str contains an unpaired surrogate
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* Get(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
};

namespace json_detail {

inline void AppendCodePoint(uint32_t cp, std::string* out) { utf8::AppendCodePoint(cp, out); }

inline int Hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = s[k];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// Appends the code point of "\uXXXX" at s[i] (i at the backslash), pairing
// surrogates; returns the index after what was used, or 0 when s[i] is not "\uXXXX".
inline size_t DecodeUEscape(std::string_view s, size_t i, std::string* out, bool* lone) {
  if (i + 1 >= s.size() || s[i] != '\\' || s[i + 1] != 'u') return 0;
  int hi = Hex4(s, i + 2);
  if (hi < 0) return 0;
  size_t next = i + 6;
  uint32_t cp = static_cast<uint32_t>(hi);
  if (cp >= 0xD800 && cp <= 0xDBFF && next + 1 < s.size() && s[next] == '\\' && s[next + 1] == 'u') {
    int lo = Hex4(s, next + 2);
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(lo) - 0xDC00);
      next += 6;
    }
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) *lone = true;
  AppendCodePoint(cp, out);
  return next;
}

class Parser {
 public:
  static constexpr int kMaxDepth = 64;
  explicit Parser(std::string_view s) : s_(s) {}

  bool Value(Json* v, int depth) {
    if (depth > kMaxDepth) return false;
    Ws();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') {
      v->type = Json::kObject;
      ++i_;
      Ws();
      if (Eat('}')) return true;
      for (;;) {
        Ws();
        Json key;
        if (!String(&key)) return false;
        Ws();
        if (!Eat(':')) return false;
        v->members.emplace_back(std::move(key.str), Json{});
        if (!Value(&v->members.back().second, depth + 1)) return false;
        Ws();
        if (Eat('}')) return true;
        if (!Eat(',')) return false;
      }
    }
    if (c == '[') {
      v->type = Json::kArray;
      ++i_;
      Ws();
      if (Eat(']')) return true;
      for (;;) {
        v->items.emplace_back();
        if (!Value(&v->items.back(), depth + 1)) return false;
        Ws();
        if (Eat(']')) return true;
        if (!Eat(',')) return false;
      }
    }
    if (c == '"') return String(v);
    if (Word("true")) return v->type = Json::kBool, v->boolean = true, true;
    if (Word("false")) return v->type = Json::kBool, v->boolean = false, true;
    if (Word("null")) return v->type = Json::kNull, true;
    const char* start = s_.data() + i_;
    char* stop = nullptr;
    std::string num(start, s_.size() - i_ < 64 ? s_.size() - i_ : 64);
    v->number = std::strtod(num.c_str(), &stop);
    if (stop == num.c_str()) return false;
    v->type = Json::kNumber;
    i_ += static_cast<size_t>(stop - num.c_str());
    return true;
  }

  bool String(Json* v) {
    if (!Eat('"')) return false;
    v->type = Json::kString;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c != '\\') {
        v->str.push_back(c);
        ++i_;
        continue;
      }
      if (i_ + 1 >= s_.size()) return false;
      char e = s_[i_ + 1];
      if (e == 'u') {
        size_t next = DecodeUEscape(s_, i_, &v->str, &v->lone_surrogate);
        if (!next) return false;
        i_ = next;
        continue;
      }
      const char* map = "\"\"\\\\//b\bf\fn\nr\rt\t";
      bool ok = false;
      for (const char* m = map; *m; m += 2)
        if (*m == e) v->str.push_back(m[1]), ok = true;
      if (!ok) return false;
      i_ += 2;
    }
    return false;
  }

  bool AtEnd() {
    Ws();
    return i_ == s_.size();
  }

 private:
  void Ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  bool Word(std::string_view w) {
    if (s_.substr(i_, w.size()) == w) return i_ += w.size(), true;
    return false;
  }
  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace json_detail

// Parses a complete JSON document; false on any syntax error.
inline bool ParseJson(std::string_view text, Json* out) {
  json_detail::Parser p(text);
  *out = Json{};
  return p.Value(out, 0) && p.AtEnd();
}

// One more round of "\uHHHH" unescaping (html5lib's doubleEscaped); sets *lone
// when the result contains an unpaired surrogate.
inline std::string UnescapeUnicode(std::string_view s, bool* lone) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t next = json_detail::DecodeUEscape(s, i, &out, lone);
    if (next) {
      i = next;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

}  // namespace matn::testing
