// Tag name <-> id; the lookup table is in tag_lookup.h.
#include "html/tag_lookup.h"

namespace matn {

Tag LookupTag(std::string_view name) { return tag_lookup::Lookup(name); }

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < tag_lookup::kNumTags ? tag_lookup::kNames[i] : std::string_view();
}

}  // namespace matn
