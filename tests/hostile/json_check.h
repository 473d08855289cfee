// tests/hostile/json_check.h — a strict RFC 8259 JSON validator for output checks.
//
// Stricter than tests/support/json_lite.h on purpose: a raw control character
// inside a string, a bad escape, a lone surrogate escape, invalid UTF-8 or a
// malformed number all fail. Iterative (an explicit stack of open brackets),
// so a hostile document cannot exhaust the C++ stack. Shared by the hostile
// suite and the fuzz targets (fuzz/fuzz_extract.cpp includes it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace matn::testing {

// Length of the valid UTF-8 sequence at s[i], or 0.
inline size_t Utf8SeqLen(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t c = b(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
  return n;
}

// Empty when `text` is exactly one JSON value (surrounded by optional
// whitespace); otherwise what is wrong and where.
inline std::string JsonError(std::string_view text) {
  std::string stack;  // open '[' and '{'
  size_t i = 0, n = text.size();
  auto err = [&](const char* what) { return std::string(what) + " at byte " + std::to_string(i); };
  auto ws = [&] {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  auto hex4 = [&](size_t k, unsigned* v) {
    if (k + 4 > n) return false;
    *v = 0;
    for (size_t j = k; j < k + 4; ++j) {
      char c = text[j];
      unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
      if (d > 15) return false;
      *v = *v * 16 + d;
    }
    return true;
  };
  auto string = [&]() -> std::string {
    ++i;  // opening quote
    while (i < n) {
      uint8_t c = static_cast<uint8_t>(text[i]);
      if (c == '"') return ++i, "";
      if (c < 0x20) return err("raw control character in string");
      if (c == '\\') {
        if (i + 1 >= n) return err("dangling backslash");
        char e = text[i + 1];
        if (e == 'u') {
          unsigned v;
          if (!hex4(i + 2, &v)) return err("bad \\u escape");
          i += 6;
          if (v >= 0xDC00 && v <= 0xDFFF) return err("lone low surrogate escape");
          if (v >= 0xD800 && v <= 0xDBFF) {
            unsigned lo;
            if (i + 1 >= n || text[i] != '\\' || text[i + 1] != 'u' || !hex4(i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
              return err("lone high surrogate escape");
            i += 6;
          }
          continue;
        }
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) return err("bad escape");
        i += 2;
        continue;
      }
      size_t len = Utf8SeqLen(text, i);
      if (!len) return err("invalid UTF-8 in string");
      i += len;
    }
    return err("unterminated string");
  };
  auto number = [&]() -> std::string {
    auto digits = [&] {
      size_t s = i;
      while (i < n && text[i] >= '0' && text[i] <= '9') ++i;
      return i - s;
    };
    if (text[i] == '-') ++i;
    if (i < n && text[i] == '0') ++i;
    else if (!digits()) return err("bad number");
    if (i < n && text[i] == '.') {
      ++i;
      if (!digits()) return err("bad fraction");
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
      if (!digits()) return err("bad exponent");
    }
    return "";
  };
  // State machine: expect a value, then a separator or a closing bracket.
  for (bool want_value = true;;) {
    ws();
    if (want_value) {
      if (i >= n) return err("value expected");
      char c = text[i];
      if (c == '[' || c == '{') {
        stack.push_back(c);
        ++i;
        ws();
        if (i < n && text[i] == (c == '[' ? ']' : '}')) {
          stack.pop_back();
          ++i;
          want_value = false;
          continue;
        }
        if (c == '{') {
          if (i >= n || text[i] != '"') return err("object key expected");
          if (auto e = string(); !e.empty()) return e;
          ws();
          if (i >= n || text[i] != ':') return err("':' expected");
          ++i;
        }
        continue;
      }
      std::string e;
      if (c == '"') e = string();
      else if (c == '-' || (c >= '0' && c <= '9')) e = number();
      else if (text.substr(i, 4) == "true" || text.substr(i, 4) == "null") i += 4;
      else if (text.substr(i, 5) == "false") i += 5;
      else return err("unexpected character");
      if (!e.empty()) return e;
      want_value = false;
      continue;
    }
    if (stack.empty()) return i == n ? "" : err("trailing bytes after the value");
    if (i >= n) return err("unterminated array or object");
    char c = text[i];
    if (c == ',') {
      ++i;
      if (stack.back() == '{') {
        ws();
        if (i >= n || text[i] != '"') return err("object key expected");
        if (auto e = string(); !e.empty()) return e;
        ws();
        if (i >= n || text[i] != ':') return err("':' expected");
        ++i;
      }
      want_value = true;
    } else if (c == (stack.back() == '[' ? ']' : '}')) {
      stack.pop_back();
      ++i;
    } else {
      return err("',' or closing bracket expected");
    }
  }
}

// Empty when `line` is one JSONL record: a JSON object, no raw line break or
// U+2028/U+2029 inside (a JSONL reader splitting on any of them would see two
// lines), and valid UTF-8 throughout.
inline std::string JsonlRecordError(std::string_view line) {
  if (line.empty() || line.front() != '{') return "record does not start with '{'";
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\n' || line[i] == '\r') return "raw line break at byte " + std::to_string(i);
    if (line.substr(i, 3) == "\xE2\x80\xA8" || line.substr(i, 3) == "\xE2\x80\xA9")
      return "raw U+2028/U+2029 at byte " + std::to_string(i);
  }
  return JsonError(line);
}

}  // namespace matn::testing
