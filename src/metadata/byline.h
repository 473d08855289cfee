// Author names out of bylines and author fields, in many languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "matn/html.h"

namespace matn::metadata_internal {

// The names a byline or an author value holds:
//   "Von Anna Schmidt | 5. Juli 2024, 14:30 Uhr" → {"Anna Schmidt"}
//   "بقلم: محمد العلي" → {"محمد العلي"}; "作者：李明" → {"李明"}; "김철수 기자" → {"김철수"}
//   "Posted on March 3rd, 2021 by Jane Doe" → {"Jane Doe"}
//   "Anna Schmidt und Peter Müller" → {"Anna Schmidt", "Peter Müller"}
// Byline words are stripped, dates, times and "| …" tails cut off, and the rest
// split only on name separators (",", ";", "&", " and ", " und ", " et ", " y ",
// " و ", "،", "/", "、"). Entries that hold digits (dates, times) are dropped.
std::vector<std::string> BylineNames(std::string_view raw);

// A byline in the text right after the headline that names its author with a
// label ("作者：李明", "By Jane Doe", "بقلم …", "نویسنده: …", "Von …"): its names,
// or none. Reads at most a few short text nodes, outside nav/aside/footer/form.
std::vector<std::string> LabelledBylineAfter(const Node* headline, const Node* root);

}  // namespace matn::metadata_internal
