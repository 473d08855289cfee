// src/html/tree_builder.h — the WHATWG tree-construction stage (internal).
#pragma once

#include <string_view>

#include "html/document_impl.h"
#include "matn/html.h"
#include "matn/status.h"

namespace matn::html {

// Parses impl->input into impl's arena and fills impl->root and the shortcuts.
// With `fragment_context` non-null, runs the fragment parsing algorithm with
// that context ("td", "svg path", "math mi") and leaves a kDocumentFragment.
Status BuildTree(Document::Impl* impl, const std::string_view* fragment_context,
                 const ParseOptions& options);

}  // namespace matn::html
