// The tokenizer reads common tags on a fast path that is skipped while parse
// errors are collected (the html5lib tokenizer runner always collects them).
// These tests hold the two paths to the same tokens: every html5lib tokenizer
// and tree-construction input, and random tag soup made of the bytes the tag
// states care about, tokenized both ways.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../support/json_lite.h"
#include "html/tokenizer.h"

namespace matn::html {
namespace {

std::string Show(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
      o += buf;
    } else {
      o += c;
    }
  }
  return o;
}

// One line per token, every field the tree builder reads.
std::vector<std::string> Stream(std::string_view in, TokenizerState state, bool collect, bool cdata = false) {
  Tokenizer t(in);
  t.CollectErrors(collect);
  t.SetState(state);
  t.SetAllowCdata(cdata);
  std::vector<std::string> out;
  for (size_t budget = in.size() + 2; budget > 0; --budget) {
    const Token& k = t.Next();
    std::string s = std::to_string(static_cast<int>(k.type)) + " [" + Show(k.name) + "] [" + Show(k.data) + "]";
    if (k.type == TokenType::kStartTag || k.type == TokenType::kEndTag) {
      s += k.self_closing ? " /" : "";
      for (uint32_t i = 0; i < k.num_attrs; ++i) s += " " + Show(k.attrs[i].name) + "=[" + Show(k.attrs[i].value) + "]";
      // Switch states the way the tree builder does, so both runs see the same.
      if (k.type == TokenType::kStartTag) {
        if (k.name == "script") t.SetState(TokenizerState::kScriptData);
        else if (k.name == "style" || k.name == "xmp") t.SetState(TokenizerState::kRawtext);
        else if (k.name == "title" || k.name == "textarea") t.SetState(TokenizerState::kRcdata);
      }
    }
    if (k.type == TokenType::kDoctype)
      s += " " + std::to_string(k.has_name) + std::to_string(k.force_quirks) + " [" + Show(k.public_id) + "] [" +
           Show(k.system_id) + "]";
    out.push_back(std::move(s));
    if (k.type == TokenType::kEof) break;
  }
  return out;
}

void ExpectSame(std::string_view in, TokenizerState state = TokenizerState::kData, bool cdata = false) {
  EXPECT_EQ(Stream(in, state, true, cdata), Stream(in, state, false, cdata)) << "input: " << Show(in);
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const std::filesystem::path kHtml5lib = std::filesystem::path(MATN_TEST_DATA) / "html5lib-tests";

TEST(TokenizerFastPathTest, Html5libTokenizerInputs) {
  constexpr TokenizerState kStates[] = {TokenizerState::kData, TokenizerState::kRcdata, TokenizerState::kRawtext,
                                        TokenizerState::kScriptData};
  int inputs = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(kHtml5lib / "tokenizer", ec)) {
    if (e.path().extension() != ".test") continue;
    testing::Json root;
    ASSERT_TRUE(testing::ParseJson(ReadFile(e.path()), &root)) << e.path();
    const testing::Json* tests = root.Get("tests");
    if (!tests) continue;
    for (const testing::Json& t : tests->items) {
      const testing::Json* input = t.Get("input");
      if (!input) continue;
      bool lone = input->lone_surrogate;
      std::string in = input->str;
      if (const testing::Json* d = t.Get("doubleEscaped"); d && d->boolean) in = testing::UnescapeUnicode(in, &lone);
      if (lone) continue;
      for (TokenizerState st : kStates) ExpectSame(in, st);
      ++inputs;
    }
  }
  EXPECT_GT(inputs, 1000);
}

TEST(TokenizerFastPathTest, Html5libTreeConstructionInputs) {
  int inputs = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(kHtml5lib / "tree-construction", ec)) {
    if (e.path().extension() != ".dat") continue;
    std::istringstream f(ReadFile(e.path()));
    std::string line, data;
    bool in_data = false;
    while (std::getline(f, line)) {
      if (line == "#data") {
        in_data = true;
        data.clear();
      } else if (in_data && line.size() > 1 && line[0] == '#') {
        in_data = false;
        if (!data.empty()) data.pop_back();  // the newline before "#errors"
        ExpectSame(data);
        ExpectSame(data, TokenizerState::kData, /*cdata=*/true);
        ++inputs;
      } else if (in_data) {
        data += line + "\n";
      }
    }
  }
  EXPECT_GT(inputs, 1000);
}

// Random tags built from the pieces the tag states care about: mostly
// well-formed (so the fast path runs far), with any piece anywhere (so each of
// its ways to give up comes up too).
TEST(TokenizerFastPathTest, RandomTagSoup) {
  static const char* const kPieces[] = {
      "<", "</", ">", "/>", "/", " ", "\n", "\r\n", "\r", "\t", "\f", "=", "\"", "'", "`", "&", "&amp;", "&amp",
      "&lt", "&notin;", "&#65;", "&x", "a", "b", "div", "DiV", "href", "HREF", "x-y", "\xC3\xA9", "\xE2\x82\xAC",
      "" /* NUL */, "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>", "script", "<script>", "</script>",
      "<title>", "</title>", "<style>", "?", "!", "-", "1"};
  static const char* const kSpace[] = {"", " ", "  ", "\n", "\r\n", "\t"};
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  auto piece = [&](std::string* s) {
    const char* p = kPieces[pick(std::size(kPieces))];
    if (*p) *s += p;
    else s->push_back('\0');
  };
  for (int i = 0; i < 30000; ++i) {
    std::string in;
    for (size_t tags = 1 + pick(3); tags > 0; --tags) {
      if (pick(4) == 0) piece(&in);
      in += pick(4) == 0 ? "</" : "<";
      in += pick(2) ? "div" : "a";
      for (size_t attrs = pick(4); attrs > 0; --attrs) {
        in += kSpace[1 + pick(std::size(kSpace) - 1)];
        in += pick(3) ? "href" : "id";
        if (pick(5) == 0) piece(&in);
        if (pick(4) == 0) continue;
        in += kSpace[pick(std::size(kSpace))];
        in += "=";
        in += kSpace[pick(std::size(kSpace))];
        const char* quote = pick(3) == 0 ? "" : pick(2) ? "\"" : "'";
        in += quote;
        for (size_t n = pick(4); n > 0; --n) pick(2) ? piece(&in) : void(in += "v");
        in += quote;
      }
      in += kSpace[pick(std::size(kSpace))];
      in += pick(5) == 0 ? "/>" : ">";
      if (pick(3) == 0) piece(&in);
    }
    if (pick(10) == 0) in.pop_back();  // EOF inside the last tag
    ExpectSame(in);
    if (HasFailure()) return;
  }
}

TEST(TokenizerFastPathTest, CommonTagsAreExactAndZeroCopy) {
  std::string in = "<a href=\"/x?a=1\" class='c d' id=e data-x = \"\" hidden>t</a><br/><img src=x alt=>";
  Tokenizer t(in);
  const Token& a = t.Next();
  ASSERT_EQ(a.type, TokenType::kStartTag);
  EXPECT_EQ(a.name, "a");
  ASSERT_EQ(a.num_attrs, 5u);
  const char* want[][2] = {{"href", "/x?a=1"}, {"class", "c d"}, {"id", "e"}, {"data-x", ""}, {"hidden", ""}};
  for (uint32_t i = 0; i < 5; ++i) {
    EXPECT_EQ(a.attrs[i].name, want[i][0]);
    EXPECT_EQ(a.attrs[i].value, want[i][1]);
    EXPECT_TRUE(t.PointsIntoInput(a.attrs[i].name));
  }
  EXPECT_FALSE(a.self_closing);
  EXPECT_EQ(t.Next().data, "t");
  EXPECT_EQ(t.Next().type, TokenType::kEndTag);
  const Token& br = t.Next();
  EXPECT_EQ(br.name, "br");
  EXPECT_TRUE(br.self_closing);
  const Token& img = t.Next();
  ASSERT_EQ(img.num_attrs, 2u);
  EXPECT_EQ(img.attrs[1].name, "alt");  // "alt=>": missing value, the tag still ends
  EXPECT_EQ(img.attrs[1].value, "");
  EXPECT_EQ(t.Next().type, TokenType::kEof);
}

TEST(TokenizerFastPathTest, FirstDuplicateWinsAndEndTagsDropAttributes) {
  std::string in = "<p a=1 b=2 a=3 B=4 b=5></p x=1><p c=\"1\"c=2>";
  Tokenizer t(in);
  const Token& p = t.Next();
  ASSERT_EQ(p.num_attrs, 2u);
  EXPECT_EQ(p.attrs[0].value, "1");
  EXPECT_EQ(p.attrs[1].value, "2");
  const Token& e = t.Next();
  EXPECT_EQ(e.type, TokenType::kEndTag);
  EXPECT_EQ(e.num_attrs, 0u);
  const Token& q = t.Next();
  ASSERT_EQ(q.num_attrs, 1u);  // no whitespace between the two: still one attribute each, c dropped
  EXPECT_EQ(q.attrs[0].value, "1");
}

}  // namespace
}  // namespace matn::html
