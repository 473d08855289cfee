// html5lib_tokenizer — runs html5lib-tests' tokenizer/*.test against matn's tokenizer.
//
// Usage: html5lib_tokenizer <html5lib-tests dir> [-v]
// Every test runs once per entry of "initialStates"; output tokens are compared
// after merging adjacent Character tokens (the format's rule). Parse errors are
// compared as a multiset of codes (positions are not checked) and reported
// separately: they never make the runner fail. Exit status is non-zero when a
// test fails that is not skipped. Skipped, with the reason printed and counted:
//   - inputs with lone surrogates (not representable in UTF-8, which is all the
//     tokenizer accepts);
//   - xmlViolation.test, whose expectations are the DOM-to-infoset coercion,
//     a tree-level step outside the tokenizer.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../support/json_lite.h"
#include "html/tokenizer.h"

namespace {

using matn::html::Token;
using matn::html::Tokenizer;
using matn::html::TokenizerState;
using matn::html::TokenType;
using matn::testing::Json;

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string Attrs(std::vector<std::pair<std::string, std::string>> attrs) {
  std::sort(attrs.begin(), attrs.end());
  std::string out = "{";
  for (size_t i = 0; i < attrs.size(); ++i) out += (i ? "," : "") + Quote(attrs[i].first) + ":" + Quote(attrs[i].second);
  return out + "}";
}

// Appends canonical token strings, merging character data.
struct Canon {
  std::vector<std::string> tokens;
  std::string chars;
  bool has_chars = false;
  void Chars(std::string_view s) {
    chars += s;
    has_chars = true;
  }
  void Add(std::string t) {
    Flush();
    tokens.push_back(std::move(t));
  }
  void Flush() {
    if (has_chars) tokens.push_back("[\"Character\"," + Quote(chars) + "]");
    chars.clear();
    has_chars = false;
  }
};

std::string Str(const Json& j, bool dbl, bool* lone) {
  if (j.lone_surrogate) *lone = true;
  return dbl ? matn::testing::UnescapeUnicode(j.str, lone) : j.str;
}

std::string NullableStr(const Json& j, bool dbl, bool* lone) {
  return j.type == Json::kNull ? "null" : Quote(Str(j, dbl, lone));
}

bool Expected(const Json& output, bool dbl, std::vector<std::string>* out, bool* lone) {
  Canon c;
  for (const Json& t : output.items) {
    if (t.type != Json::kArray || t.items.empty()) return false;
    const std::string& kind = t.items[0].str;
    const auto& it = t.items;
    if (kind == "Character" && it.size() == 2) {
      c.Chars(Str(it[1], dbl, lone));
    } else if (kind == "Comment" && it.size() == 2) {
      c.Add("[\"Comment\"," + Quote(Str(it[1], dbl, lone)) + "]");
    } else if (kind == "EndTag" && it.size() >= 2) {
      c.Add("[\"EndTag\"," + Quote(Str(it[1], dbl, lone)) + "]");
    } else if (kind == "StartTag" && it.size() >= 3) {
      std::vector<std::pair<std::string, std::string>> attrs;
      for (const auto& [k, v] : it[2].members) attrs.emplace_back(dbl ? matn::testing::UnescapeUnicode(k, lone) : k, Str(v, dbl, lone));
      bool sc = it.size() >= 4 && it[3].boolean;
      c.Add("[\"StartTag\"," + Quote(Str(it[1], dbl, lone)) + "," + Attrs(attrs) + (sc ? ",true]" : "]"));
    } else if (kind == "DOCTYPE" && it.size() == 5) {
      c.Add("[\"DOCTYPE\"," + NullableStr(it[1], dbl, lone) + "," + NullableStr(it[2], dbl, lone) + "," +
            NullableStr(it[3], dbl, lone) + "," + (it[4].boolean ? "true" : "false") + "]");
    } else {
      return false;
    }
  }
  c.Flush();
  *out = std::move(c.tokens);
  return true;
}

// Returns false if the tokenizer did not terminate within a generous token budget.
bool Actual(const std::string& input, TokenizerState state, const Json* last_start_tag,
            std::vector<std::string>* out, std::vector<std::string>* errors) {
  Tokenizer tok(input);
  tok.CollectErrors(true);
  tok.SetState(state);
  if (last_start_tag && last_start_tag->type == Json::kString) tok.SetLastStartTag(last_start_tag->str);
  Canon c;
  size_t budget = input.size() * 4 + 16;
  for (;;) {
    if (budget-- == 0) return false;
    const Token& t = tok.Next();
    if (t.type == TokenType::kEof) break;
    switch (t.type) {
      case TokenType::kCharacters:
        if (t.data.empty()) c.Add("[\"EMPTY-CHARACTER-TOKEN\"]");
        c.Chars(t.data);
        break;
      case TokenType::kComment:
        c.Add("[\"Comment\"," + Quote(t.data) + "]");
        break;
      case TokenType::kEndTag:
        c.Add("[\"EndTag\"," + Quote(t.name) + "]");
        break;
      case TokenType::kStartTag: {
        std::vector<std::pair<std::string, std::string>> attrs;
        for (uint32_t i = 0; i < t.num_attrs; ++i) attrs.emplace_back(t.attrs[i].name, t.attrs[i].value);
        c.Add("[\"StartTag\"," + Quote(t.name) + "," + Attrs(attrs) + (t.self_closing ? ",true]" : "]"));
        break;
      }
      case TokenType::kDoctype:
        c.Add(std::string("[\"DOCTYPE\",") + (t.has_name ? Quote(t.name) : "null") + "," +
              (t.has_public_id ? Quote(t.public_id) : "null") + "," +
              (t.has_system_id ? Quote(t.system_id) : "null") + "," + (t.force_quirks ? "false" : "true") + "]");
        break;
      case TokenType::kEof:
        break;
    }
  }
  c.Flush();
  *out = std::move(c.tokens);
  *errors = tok.errors();
  return true;
}

bool ParseState(const std::string& name, TokenizerState* s) {
  static const std::map<std::string, TokenizerState> kStates = {
      {"Data state", TokenizerState::kData},           {"PLAINTEXT state", TokenizerState::kPlaintext},
      {"RCDATA state", TokenizerState::kRcdata},       {"RAWTEXT state", TokenizerState::kRawtext},
      {"Script data state", TokenizerState::kScriptData}, {"CDATA section state", TokenizerState::kCdataSection}};
  auto it = kStates.find(name);
  if (it == kStates.end()) return false;
  *s = it->second;
  return true;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <html5lib-tests dir> [-v]\n", argv[0]);
    return 2;
  }
  const bool verbose = argc > 2 && std::string(argv[2]) == "-v";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(argv[1]) / "tokenizer", ec))
    if (e.path().extension() == ".test") files.push_back(e.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "no tokenizer/*.test files under %s\n", argv[1]);
    return 2;
  }
  std::sort(files.begin(), files.end());

  int total_pass = 0, total_fail = 0, total_skip = 0, err_match = 0, err_runs = 0, shown = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Json root;
    const std::string name = path.filename().string();
    if (!matn::testing::ParseJson(ss.str(), &root)) {
      std::printf("%-28s JSON PARSE ERROR\n", name.c_str());
      ++total_fail;
      continue;
    }
    const Json* tests = root.Get("tests");
    if (!tests) {
      const Json* xml = root.Get("xmlViolationTests");
      int n = xml ? static_cast<int>(xml->items.size()) : 0;
      std::printf("%-28s skipped %d (expectations are the DOM-to-infoset coercion, not tokenizer output)\n",
                  name.c_str(), n);
      total_skip += n;
      continue;
    }
    int pass = 0, fail = 0, skip = 0;
    for (const Json& t : tests->items) {
      const Json* desc = t.Get("description");
      const Json* input = t.Get("input");
      const Json* output = t.Get("output");
      const Json* dbl_j = t.Get("doubleEscaped");
      const bool dbl = dbl_j && dbl_j->boolean;
      std::vector<std::string> states = {"Data state"};
      if (const Json* s = t.Get("initialStates")) {
        states.clear();
        for (const Json& x : s->items) states.push_back(x.str);
      }
      std::vector<std::string> want_errors;
      if (const Json* errs = t.Get("errors"))
        for (const Json& e : errs->items)
          if (const Json* code = e.Get("code")) want_errors.push_back(code->str);
      std::sort(want_errors.begin(), want_errors.end());

      bool lone = false;
      std::string in_str = input ? Str(*input, dbl, &lone) : "";
      std::vector<std::string> want;
      bool ok_expect = output && Expected(*output, dbl, &want, &lone);
      for (const std::string& sname : states) {
        if (lone) {
          ++skip;
          if (verbose)
            std::printf("  SKIP (lone surrogate, not representable in UTF-8): %s [%s]\n", desc ? desc->str.c_str() : "?",
                        sname.c_str());
          continue;
        }
        TokenizerState st;
        std::vector<std::string> got, got_errors;
        bool ok = ok_expect && ParseState(sname, &st) &&
                  Actual(in_str, st, t.Get("lastStartTag"), &got, &got_errors) && got == want;
        if (ok) {
          ++pass;
          std::sort(got_errors.begin(), got_errors.end());
          ++err_runs;
          if (got_errors == want_errors) {
            ++err_match;
          } else if (verbose) {
            std::printf("  ERRORS DIFFER: %s [%s] input=%s\n    want %s\n    got  %s\n", desc ? desc->str.c_str() : "?",
                        sname.c_str(), Quote(in_str).c_str(), Join(want_errors).c_str(), Join(got_errors).c_str());
          }
        } else {
          ++fail;
          if (shown++ < 40 || verbose)
            std::printf("  FAIL: %s [%s]\n    input    %s\n    expected %s\n    actual   %s\n",
                        desc ? desc->str.c_str() : "?", sname.c_str(), Quote(in_str).c_str(), Join(want).c_str(),
                        Join(got).c_str());
        }
      }
    }
    std::printf("%-28s %5d/%-5d passed", name.c_str(), pass, pass + fail);
    if (skip) std::printf(", %d skipped (lone surrogates)", skip);
    std::printf("\n");
    total_pass += pass;
    total_fail += fail;
    total_skip += skip;
  }
  std::printf("TOTAL tokenizer: %d/%d passed, %d failed, %d skipped; parse errors match in %d/%d passing runs\n",
              total_pass, total_pass + total_fail, total_fail, total_skip, err_match, err_runs);
  return total_fail ? 1 : 0;
}
