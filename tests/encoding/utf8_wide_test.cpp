#include <gtest/gtest.h>

#include <string>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn::encoding {
namespace {

// The ASCII skip works on 32- and 16-byte blocks: a bad or multi-byte
// character at every offset of a long ASCII run must still be seen.
TEST(ValidUtf8PrefixWide, StopsAtTheFirstBadByteAtEveryOffset) {
  for (size_t len : {size_t{31}, size_t{32}, size_t{33}, size_t{64}, size_t{100}}) {
    for (size_t p = 0; p < len; ++p) {
      std::string s(len, 'a');
      s[p] = '\xFF';
      EXPECT_EQ(ValidUtf8Prefix(s), p) << len << " " << p;
      s[p] = '\xC0';  // overlong lead
      EXPECT_EQ(ValidUtf8Prefix(s), p) << len << " " << p;
      if (p + 1 < len) {
        s[p] = '\xD8';  // U+0600 block: a valid two-byte character
        s[p + 1] = '\xA7';
        EXPECT_EQ(ValidUtf8Prefix(s), len) << len << " " << p;
        EXPECT_TRUE(IsValidUtf8(s));
      }
      std::string cut(len, 'a');
      cut.back() = '\xE2';  // a three-byte lead with nothing after it
      EXPECT_EQ(ValidUtf8Prefix(cut), len - 1);
    }
  }
}

}  // namespace
}  // namespace matn::encoding
