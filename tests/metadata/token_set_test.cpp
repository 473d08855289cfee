// TokenSet is the fast path of HasToken / ComponentStarts: it must say yes on
// exactly the same class strings, for every word, and the written rules hold.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "metadata/util.h"

namespace matn::metadata_internal {
namespace {

TEST(TokenSet, WrittenRules) {
  TokenSet words({"date", "author-name", "by"});
  EXPECT_EQ(words.TokenMask("post-date"), 1u);         // last part after a joiner
  EXPECT_EQ(words.TokenMask("post__date x"), 1u);
  EXPECT_EQ(words.TokenMask("date_box"), 1u);          // first part
  EXPECT_EQ(words.TokenMask("update"), 0u);            // not at a joiner
  EXPECT_EQ(words.TokenMask("dates"), 0u);
  EXPECT_EQ(words.TokenMask("post-date", true), 0u);   // exact: whole tokens only
  EXPECT_EQ(words.TokenMask("x\tby\ndate"), 5u);       // tab and newline separate tokens
  EXPECT_EQ(words.TokenMask("x\rby"), 0u);              // CR does not
  EXPECT_EQ(words.TokenMask("the-author-name"), 2u);
  EXPECT_EQ(words.TokenMask(""), 0u);

  TokenSet parts({"comment", "more"});
  EXPECT_TRUE(parts.ComponentStarts("post_comments"));
  EXPECT_TRUE(parts.ComponentStarts("x comment-list"));
  EXPECT_FALSE(parts.ComponentStarts("layoutnocomment"));
  EXPECT_EQ(parts.ComponentMask("read-more comments"), 3u);
}

TEST(TokenSet, SameAsWordListFunctions) {
  const std::string_view words[] = {"date", "by", "author", "author-name", "top-bar", "a", "nav"};
  TokenSet set({"date", "by", "author", "author-name", "top-bar", "a", "nav"});
  const char alphabet[] = "dateuhorbynvp-_ \t\n\rA";
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    size_t len = rng() % 24;
    for (size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % (sizeof(alphabet) - 1)]);
    for (bool exact : {false, true}) {
      uint32_t mask = set.TokenMask(s, exact);
      for (size_t k = 0; k < std::size(words); ++k)
        ASSERT_EQ(((mask >> k) & 1) != 0, HasToken(s, {words[k]}, exact)) << '"' << s << "\" " << words[k];
    }
    uint32_t mask = set.ComponentMask(s);
    for (size_t k = 0; k < std::size(words); ++k)
      ASSERT_EQ(((mask >> k) & 1) != 0, ComponentStarts(s, {words[k]})) << '"' << s << "\" " << words[k];
  }
}

}  // namespace
}  // namespace matn::metadata_internal
