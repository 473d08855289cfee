// Confirming a page's declared language from its function words, without CLD2.
//
// Most pages declare their language correctly, and CLD2 spends ~200 k
// instructions per page to agree. For the languages most pages declare, the
// very frequent function words settle it far more cheaply: in running English
// or German text 15-40 % of the words are from short lists of such words,
// while a page whose declaration is wrong (a template's "en" on German text)
// has about none. Each list leaves out words that are just as common in a
// close language ("in", "a", "an", "also", "was", "is" vs German, Dutch,
// Danish), so text in another language stays far below the threshold.
// Anything short of overwhelming evidence is no answer: the caller asks CLD2.
#pragma once

#include <string_view>

namespace matn::lang {

// True when `text` (a sample of a page's text, ~1 KB) has at least 10 words
// from `code`'s list, they are at least 15 % of all its Latin-letter words,
// and no other list has even half as many. False for languages without a list
// (currently only "en" and "de" have one). Linear in text.size().
bool FunctionWordsConfirm(std::string_view code, std::string_view text);

// The language whose list `text` overwhelmingly confirms (the same test), or
// "" when none does. For text without a declaration.
std::string_view FunctionWordsLanguage(std::string_view text);

}  // namespace matn::lang
