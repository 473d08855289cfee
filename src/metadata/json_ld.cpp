#include "metadata/json_ld.h"

#include <algorithm>
#include <cstring>
#include "encoding/codepoint.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matn::metadata_internal {

int32_t JsonDoc::Member(int32_t obj, std::string_view key) const {
  if (obj < 0 || static_cast<size_t>(obj) >= nodes.size() || nodes[obj].type != JsonNode::kObject)
    return -1;
  for (int32_t c = nodes[obj].first_child; c >= 0; c = nodes[c].next_sibling)
    if (nodes[c].key == key) return c;
  return -1;
}

std::string_view JsonDoc::MemberString(int32_t obj, std::string_view key) const {
  int32_t m = Member(obj, key);
  if (m < 0) return {};
  const JsonNode& n = nodes[m];
  if (n.type == JsonNode::kString || n.type == JsonNode::kNumber) return n.value;
  return {};
}

namespace {

// The first k >= from with s[k] == '\\' or s[k] == q, or s.size(): the plain run
// of a string (articleBody runs to kilobytes), 16 bytes at a time.
size_t PlainRunEnd(std::string_view s, size_t from, char q) {
  size_t k = from;
#if defined(__SSE2__)
  const __m128i bs = _mm_set1_epi8('\\'), qq = _mm_set1_epi8(q);
  for (; k + 16 <= s.size(); k += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, bs), _mm_cmpeq_epi8(x, qq))));
    if (m) return k + static_cast<size_t>(__builtin_ctz(m));
  }
#endif
  while (k < s.size() && s[k] != '\\' && s[k] != q) ++k;
  return k;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsStructural(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':' || c == '"' || c == '\'';
}

void AppendUtf8(uint32_t cp, std::string* out) { utf8::AppendCodePoint(cp, out); }

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  Reader(std::string_view t, JsonDoc* d, const JsonLimits& l) : text_(t), doc_(d), limits_(l) {}

  void Run() {
    while (pos_ < text_.size() && doc_->nodes.size() < limits_.max_nodes) {
      SkipNoise();
      if (pos_ >= text_.size()) break;
      char c = text_[pos_];
      if (c == '}' || c == ']') {
        Close(c);
        ++pos_;
        continue;
      }
      if (ExpectingKey()) {
        ReadKey();
        continue;
      }
      ReadValue();
    }
  }

 private:
  bool ExpectingKey() const {
    return !stack_.empty() && doc_->nodes[stack_.back()].type == JsonNode::kObject && !has_key_;
  }

  // Whitespace, commas, comments and the wrappers pages put around JSON in <script>.
  void SkipNoise() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (IsSpace(c) || c == ',' || (c == ':' && !ExpectingKey())) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        size_t e = text_.find('\n', pos_);
        pos_ = e == std::string_view::npos ? text_.size() : e + 1;
      } else if (text_.substr(pos_, 2) == "/*") {
        size_t e = text_.find("*/", pos_ + 2);
        pos_ = e == std::string_view::npos ? text_.size() : e + 2;
      } else if (text_.substr(pos_, 4) == "<!--") {
        pos_ += 4;
      } else if (text_.substr(pos_, 3) == "-->") {
        pos_ += 3;
      } else if (text_.substr(pos_, 9) == "<![CDATA[") {
        pos_ += 9;
      } else if (c == '>' || c == ';' || (c == ']' && stack_.empty()) || (c == '}' && stack_.empty())) {
        ++pos_;  // stray closers and CDATA ends at top level
      } else {
        return;
      }
    }
  }

  void Close(char c) {
    JsonNode::Type want = c == '}' ? JsonNode::kObject : JsonNode::kArray;
    has_key_ = false;
    for (size_t i = stack_.size(); i-- > 0;) {
      if (doc_->nodes[stack_[i]].type == want) {
        stack_.resize(i);
        return;
      }
    }
    // No matching opener: ignore the stray closer.
  }

  int32_t NewNode(JsonNode::Type t) {
    int32_t id = static_cast<int32_t>(doc_->nodes.size());
    JsonNode n;
    n.type = t;
    if (!stack_.empty()) {
      n.parent = stack_.back();
      if (has_key_) n.key = std::move(key_);
    }
    has_key_ = false;
    key_.clear();
    doc_->nodes.push_back(std::move(n));
    if (doc_->nodes[id].parent >= 0) {
      JsonNode& p = doc_->nodes[doc_->nodes[id].parent];
      if (p.last_child >= 0) doc_->nodes[p.last_child].next_sibling = id; else p.first_child = id;
      p.last_child = id;
    } else {
      doc_->roots.push_back(id);
    }
    return id;
  }

  // A quoted string. A closing quote counts only when JSON syntax can follow
  // it, so unescaped inner quotes ("He said "no" today") stay in the text.
  std::string ReadString() {
    char q = text_[pos_++];
    std::string out;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != '\\' && c != q) {  // a run of plain characters: appended at once
        size_t k = PlainRunEnd(text_, pos_ + 1, q);
        out.append(text_.data() + pos_, k - pos_);
        pos_ = k;
        continue;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        char e = text_[pos_ + 1];
        pos_ += 2;
        switch (e) {
          case 'n': out.push_back('\n'); break;
          case 't': out.push_back('\t'); break;
          case 'r': out.push_back('\r'); break;
          case 'b': case 'f': out.push_back(' '); break;
          case 'u': {
            uint32_t cp = 0;
            if (ReadHex4(&cp)) {
              if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
                size_t save = pos_;
                pos_ += 2;
                uint32_t lo = 0;
                if (ReadHex4(&lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else {
                  pos_ = save;
                }
              }
              AppendUtf8(cp, &out);
            } else {
              out.push_back('u');
            }
            break;
          }
          default: out.push_back(e);  // \" \\ \/ \' and invalid escapes keep the character
        }
        continue;
      }
      if (c == q) {
        size_t k = pos_ + 1;
        while (k < text_.size() && IsSpace(text_[k])) ++k;
        // A quote after white space starts the next value: a missing comma.
        if (k >= text_.size() || text_[k] == ',' || text_[k] == '}' || text_[k] == ']' ||
            text_[k] == ':' || (k > pos_ + 1 && text_[k] == q)) {
          pos_ = k;
          return out;
        }
      }
      out.push_back(c);
      ++pos_;
    }
    return out;
  }

  bool ReadHex4(uint32_t* cp) {
    if (pos_ + 4 > text_.size()) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = HexVal(text_[pos_ + i]);
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    pos_ += 4;
    *cp = v;
    return true;
  }

  std::string ReadBare() {
    size_t b = pos_;
    while (pos_ < text_.size() && !IsStructural(text_[pos_]) && text_[pos_] != '\n') ++pos_;
    std::string_view s = text_.substr(b, pos_ - b);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    if (pos_ == b) ++pos_;  // a character that starts nothing: skip it
    return std::string(s);
  }

  void ReadKey() {
    char c = text_[pos_];
    key_ = (c == '"' || c == '\'') ? ReadString() : ReadBare();
    has_key_ = true;
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
  }

  void ReadValue() {
    char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
        has_key_ = false;
        SkipBalanced();
        return;
      }
      int32_t id = NewNode(c == '{' ? JsonNode::kObject : JsonNode::kArray);
      stack_.push_back(id);
      ++pos_;
      return;
    }
    if (c == '"' || c == '\'') {
      std::string s = ReadString();
      int32_t id = NewNode(JsonNode::kString);
      doc_->nodes[id].value = std::move(s);
      return;
    }
    std::string w = ReadBare();
    if (w.empty()) return;
    JsonNode::Type t = JsonNode::kString;
    if (w == "null") t = JsonNode::kNull;
    else if (w == "true" || w == "false") t = JsonNode::kBool;
    else if ((w[0] >= '0' && w[0] <= '9') || w[0] == '-') t = JsonNode::kNumber;
    int32_t id = NewNode(t);
    doc_->nodes[id].value = std::move(w);
  }

  // Skips a container nested beyond max_depth, counting brackets outside strings.
  void SkipBalanced() {
    int depth = 0;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
        ++pos_;
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) {
          ++pos_;
          return;
        }
      }
      ++pos_;
    }
  }

  std::string_view text_;
  JsonDoc* doc_;
  JsonLimits limits_;
  size_t pos_ = 0;
  std::vector<int32_t> stack_;
  std::string key_;
  bool has_key_ = false;
};

}  // namespace

void ParseJsonLenient(std::string_view text, JsonDoc* doc, const JsonLimits& limits) {
  // Room for the values a block of this size usually holds (one per ~40 bytes,
  // at most 1024 ahead): growing the node vector moved every node again.
  // Geometric, so that many blocks in one page do not copy the nodes once per block.
  size_t want = doc->nodes.size() + std::min<size_t>(text.size() / 40 + 8, 1024);
  if (want > doc->nodes.capacity()) doc->nodes.reserve(std::max(want, 2 * doc->nodes.capacity()));
  Reader(text, doc, limits).Run();
}

}  // namespace matn::metadata_internal
