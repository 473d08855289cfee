// src/html/tokenizer.h — the WHATWG HTML tokenizer (internal).
//
// Pull model: the tree builder calls Next() and gets the next token. Between
// calls it may switch the tokenizer's state (after <title>, <script>, …) and
// say whether CDATA sections are allowed (the adjusted current node is
// foreign), exactly the two couplings the spec has between the stages.
//
// Input is valid UTF-8 (the encoding layer guarantees it). The tokenizer does
// the spec's input-stream preprocessing itself: CR LF and lone CR become LF.
//
// Token strings are views valid until the next call to Next(). They point into
// the input when the bytes there are the final text, otherwise into buffers
// the tokenizer owns; the tree builder copies what it keeps unless
// PointsIntoInput() says the view is stable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace matn::html {

enum class TokenType : uint8_t { kDoctype, kStartTag, kEndTag, kComment, kCharacters, kEof };

// The states the tree builder (or a test) can put the tokenizer in.
enum class TokenizerState : uint8_t { kData, kRcdata, kRawtext, kScriptData, kPlaintext, kCdataSection };

struct TokenAttribute {
  std::string_view name;   // lowercased
  std::string_view value;  // character references decoded
};

// Fields that do not belong to the token's type are empty (never stale views).
struct Token {
  TokenType type = TokenType::kEof;
  // Start/end tag name (ASCII-lowercased) or doctype name.
  std::string_view name;
  // kCharacters: a run of text (never empty; may contain U+0000 in the data
  // state, which the tree builder handles per insertion mode).
  // kComment: the comment data.
  std::string_view data;
  // kCharacters: false when `data` certainly holds no U+0000.
  bool may_have_nul = true;
  // Start tags only; duplicates already dropped (first wins). End tags carry
  // no attributes even when the source had some.
  const TokenAttribute* attrs = nullptr;
  uint32_t num_attrs = 0;
  bool self_closing = false;
  // Doctype only.
  bool force_quirks = false;
  bool has_name = false;
  bool has_public_id = false;
  bool has_system_id = false;
  std::string_view public_id;
  std::string_view system_id;
};

class Tokenizer {
 public:
  // nul_terminated: the byte just past the input is readable and is '\0' (as
  // in a std::string). The scans rely on that sentinel; without the promise
  // the tokenizer works on its own copy of the input (PointsIntoInput() then
  // refers to that copy, which lives as long as the Tokenizer).
  explicit Tokenizer(std::string_view utf8_input, bool nul_terminated = false);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The next token; kEof forever once the input is exhausted.
  const Token& Next();

  void SetState(TokenizerState state);
  // The "last start tag" used to find an appropriate end tag in RCDATA,
  // RAWTEXT and script data. Set automatically on every start tag emitted;
  // tests and fragment parsing may set it explicitly.
  void SetLastStartTag(std::string_view name);
  // Whether "<![CDATA[" opens a CDATA section (true when the adjusted current
  // node is not in the HTML namespace); otherwise it is a bogus comment.
  void SetAllowCdata(bool allow);

  // True when `s` lies inside the input buffer, so it outlives the token.
  bool PointsIntoInput(std::string_view s) const;

  // Parse errors seen so far, as the spec's error codes ("eof-in-tag", …).
  // Only collected when enabled, for tests; off by default for speed.
  void CollectErrors(bool on);
  const std::vector<std::string>& errors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace matn::html
