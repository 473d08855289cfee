// JSON string escaping that always yields valid UTF-8 on a single line.
#include <cstdint>
#include <string>
#include <string_view>

#include "matn/output.h"

namespace matn {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendU(uint32_t cp, std::string* out) {
  out->append("\\u");
  out->push_back(kHex[(cp >> 12) & 15]);
  out->push_back(kHex[(cp >> 8) & 15]);
  out->push_back(kHex[(cp >> 4) & 15]);
  out->push_back(kHex[cp & 15]);
}

// Length of the valid UTF-8 sequence at s[i] (Unicode Table 3-7), or 0.
size_t ValidSeq(const unsigned char* s, size_t n, size_t i) {
  unsigned char c = s[i];
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

void AppendJsonString(std::string_view sv, std::string* out) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  out->reserve(out->size() + n + 2);
  out->push_back('"');
  size_t i = 0;
  while (i < n) {
    // Fast path: a run of plain ASCII needing no escape.
    size_t j = i;
    while (j < n && s[j] >= 0x20 && s[j] < 0x7F && s[j] != '"' && s[j] != '\\') ++j;
    out->append(reinterpret_cast<const char*>(s + i), j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        case '\b': out->append("\\b"); break;
        case '\f': out->append("\\f"); break;
        default: AppendU(c, out); break;  // other C0 controls and DEL
      }
      ++i;
      continue;
    }
    size_t len = ValidSeq(s, n, i);
    if (len == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD for each invalid byte
      ++i;
      continue;
    }
    uint32_t cp;
    if (len == 2) cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (len == 3) cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else cp = 0x10000;  // 4-byte: never needs escaping
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
      AppendU(cp, out);
    } else {
      out->append(reinterpret_cast<const char*>(s + i), len);
    }
    i += len;
  }
  out->push_back('"');
}

}  // namespace matn
