// A lenient JSON reader for the JSON-LD blocks real pages carry.
//
// Pages ship broken JSON-LD: trailing or missing commas, raw newlines and tabs
// inside strings, single quotes, unquoted keys, comments, CDATA/HTML comment
// wrappers, HTML entities, several values in one script, unclosed brackets at
// the end. The reader never fails: it keeps whatever it could read. Nesting is
// handled with an explicit stack (no recursion) and bounded by max_depth;
// values nested deeper are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace matn::metadata_internal {

struct JsonNode {
  enum Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = kNull;
  std::string key;    // member name when the parent is an object
  std::string value;  // string contents, number text, "true"/"false"
  int32_t parent = -1, first_child = -1, last_child = -1, next_sibling = -1;
};

// All values of one or more JSON texts; nodes[i].parent < i, so a pass over
// `nodes` visits parents before children without recursing.
struct JsonDoc {
  std::vector<JsonNode> nodes;
  std::vector<int32_t> roots;  // top-level values in order

  // The member `key` of object `obj` (first match), or -1.
  int32_t Member(int32_t obj, std::string_view key) const;
  // String value of member `key` (numbers too); "" when absent or not scalar.
  std::string_view MemberString(int32_t obj, std::string_view key) const;
};

struct JsonLimits {
  size_t max_nodes = 200000;
  int max_depth = 64;
};

// Appends the values found in `text` to *doc.
void ParseJsonLenient(std::string_view text, JsonDoc* doc, const JsonLimits& limits = {});

}  // namespace matn::metadata_internal
