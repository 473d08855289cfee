// Small string and tree helpers shared by the metadata extractors.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "matn/html.h"

namespace matn::metadata_internal {

// Whitespace runs (ASCII, NBSP, other Unicode spaces, line separators) become
// one space; leading and trailing space is dropped.
std::string CollapseWhitespace(std::string_view s);
// The same into *out (its old contents replaced), to reuse one buffer in a loop.
void CollapseWhitespaceInto(std::string_view s, std::string* out);
// True when CollapseWhitespace(s) is empty.
bool IsBlank(std::string_view s);

// The visible text under `n` (script, style, template, noscript skipped),
// whitespace collapsed; block and most element boundaries become a space.
// Stops after about max_bytes. Iterative.
std::string NodeText(const Node* n, size_t max_bytes = 4096);

std::string LowerAscii(std::string_view s);

// Strips every leading and trailing character that is one of `chars` (each one
// UTF-8 character, so the order of stripping cannot change the result), then
// collapses whitespace as CollapseWhitespace does.
std::string TrimChars(std::string_view s, std::initializer_list<std::string_view> chars);

// True when the lowercased class or id attribute of `n` contains one of `words`.
bool ClassOrIdContains(const Node* n, std::initializer_list<std::string_view> words);

// True when a component of a class or id token (tokens split at '-' and '_',
// lowercased) starts with one of `words`: "comment" matches "comment-list",
// "comments" and "post_comments" but not "layoutNocomment" or "Kommentar".
bool ClassComponentStarts(const Node* n, std::initializer_list<std::string_view> words);

// True when some whitespace-separated, lowercased class token of `n` (or its id)
// equals one of `words`, or starts with it followed by '-' or '_'.
// With `exact`, only whole tokens count.
bool HasClassToken(const Node* n, std::initializer_list<std::string_view> words, bool exact = false);

// The lowercased class and id of `n` joined by a space, in a per-thread buffer
// valid until the next call on this thread; nullptr when `n` has neither.
// With it, several checks on one element lowercase it once:
const std::string* ClassAndId(const Node* n);
// The same from the two attribute values (same buffer).
const std::string* LowerClassAndId(std::string_view cls, std::string_view id);
bool ComponentStarts(std::string_view class_and_id, std::initializer_list<std::string_view> words);
bool HasToken(std::string_view class_and_id, std::initializer_list<std::string_view> words, bool exact = false);

// A fixed list of at most 32 lowercase words, indexed by first byte so that
// matching a class token looks only at the words that can match it. Build it
// once (a function-local static), then ask any number of elements.
class TokenSet {
 public:
  TokenSet(std::initializer_list<std::string_view> words);
  // Bit i set when word i matches, under the rules of ComponentStarts and
  // HasToken above (same `exact`); every match is reported, not just the first.
  uint32_t ComponentMask(std::string_view class_and_id) const;
  uint32_t TokenMask(std::string_view class_and_id, bool exact = false) const;
  bool ComponentStarts(std::string_view class_and_id) const { return ComponentMask(class_and_id) != 0; }
  bool HasToken(std::string_view class_and_id, bool exact = false) const { return TokenMask(class_and_id, exact) != 0; }

 private:
  std::string_view words_[32];
  uint32_t by_first_[256] = {};  // bit i: words_[i] starts with that byte
  uint32_t by_last_[256] = {};   // … ends with it
  // The second byte and the one before the last, so that two table lookups rule out
  // most words before a comparison; a one-byte word has every bit.
  uint32_t by_second_[256] = {};
  uint32_t by_before_last_[256] = {};
  uint32_t one_byte_ = 0;  // bit i: words_[i] is one byte long
};

bool HasClassToken(const Node* n, const TokenSet& words, bool exact = false);

// RFC 3986 reference resolution, enough for canonical links and images. An
// empty base returns `ref` unchanged.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// Decodes the HTML character references pages leave in JSON-LD and meta
// values (&amp; &quot; &#39; &#x2019; and the common named ones).
std::string DecodeEntities(std::string_view s);

// A comparison key: case-folded, letters and digits only, single spaces.
// "Das ist – ein Test!" and "das ist ein test" get the same key.
std::string FoldKey(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool IsUrlLike(std::string_view s);

}  // namespace matn::metadata_internal
