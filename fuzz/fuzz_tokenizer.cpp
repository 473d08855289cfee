// libFuzzer target: the HTML tokenizer alone, driven the way the tree builder
// drives it (state switches after <title>, <script>, … and CDATA allowed in
// SVG/MathML), from any starting state.
// Invariants: Next() reaches kEof after at most one token per input byte and
// stays there; every token string is valid UTF-8; tag names are non-empty and
// lowercase; attribute names are lowercase, free of separators and unique.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>

#include "html/tokenizer.h"
#include "matn/encoding.h"

namespace {

using matn::html::TokenizerState;
using matn::html::TokenType;

void Check(bool ok) {
  if (!ok) std::abort();
}

bool HasUpper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

TokenizerState StateAfter(std::string_view tag) {
  if (tag == "title" || tag == "textarea") return TokenizerState::kRcdata;
  if (tag == "style" || tag == "xmp" || tag == "iframe" || tag == "noembed" || tag == "noframes")
    return TokenizerState::kRawtext;
  if (tag == "script") return TokenizerState::kScriptData;
  if (tag == "plaintext") return TokenizerState::kPlaintext;
  return TokenizerState::kData;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t ctl = data[0];
  // The tokenizer's contract is valid UTF-8 (what the encoding layer emits).
  std::string utf8;
  matn::DecodeOptions dopt;
  dopt.transport_charset = "utf-8";
  dopt.detect = false;
  Check(matn::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), &utf8, nullptr, dopt).ok());

  matn::html::Tokenizer tok(utf8);
  constexpr TokenizerState kStates[] = {TokenizerState::kData,       TokenizerState::kRcdata,
                                        TokenizerState::kRawtext,    TokenizerState::kScriptData,
                                        TokenizerState::kPlaintext,  TokenizerState::kCdataSection};
  tok.SetState(kStates[ctl % 6]);
  bool cdata = ctl & 0x08;
  tok.SetAllowCdata(cdata);
  tok.CollectErrors(ctl & 0x10);
  if (ctl & 0x20) tok.SetLastStartTag("script");
  const bool follow_tags = ctl & 0x40;  // switch states as the tree builder would

  std::unordered_set<std::string_view> seen;
  size_t tokens = 0;
  for (;;) {
    const matn::html::Token& t = tok.Next();
    if (t.type == TokenType::kEof) break;
    Check(++tokens <= utf8.size());  // every token consumes input
    Check(matn::IsValidUtf8(t.name) && matn::IsValidUtf8(t.data));
    switch (t.type) {
      case TokenType::kCharacters:
        Check(!t.data.empty());
        break;
      case TokenType::kStartTag:
      case TokenType::kEndTag: {
        Check(!t.name.empty() && !HasUpper(t.name));
        Check(t.type == TokenType::kStartTag || t.num_attrs == 0);
        seen.clear();
        for (uint32_t i = 0; i < t.num_attrs; ++i) {
          const auto& a = t.attrs[i];
          Check(!a.name.empty() && !HasUpper(a.name));
          Check(a.name.find_first_of("\t\n\f />") == std::string_view::npos);
          Check(matn::IsValidUtf8(a.name) && matn::IsValidUtf8(a.value));
          Check(seen.insert(a.name).second);  // duplicates are dropped
        }
        if (t.type == TokenType::kStartTag && follow_tags) {
          if (t.name == "svg" || t.name == "math") cdata = true;
          tok.SetAllowCdata(cdata);
          if (!cdata) tok.SetState(StateAfter(t.name));
        }
        break;
      }
      case TokenType::kDoctype:
        Check(matn::IsValidUtf8(t.public_id) && matn::IsValidUtf8(t.system_id));
        Check(t.has_name || t.name.empty());
        break;
      default:
        break;
    }
  }
  Check(tok.Next().type == TokenType::kEof);  // kEof forever
  return 0;
}
