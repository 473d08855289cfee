// src/html/document.cpp — Document and the public parse entry points.
#include <utility>

#include "html/document_impl.h"
#include "html/tree_builder.h"
#include "matn/html.h"

namespace matn {

Document::Document() : impl_(std::make_unique<Impl>()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const Node* Document::root() const { return impl_ ? impl_->root : nullptr; }
const Node* Document::html() const { return impl_ ? impl_->html : nullptr; }
const Node* Document::head() const { return impl_ ? impl_->head : nullptr; }
const Node* Document::body() const { return impl_ ? impl_->body : nullptr; }
std::string_view Document::doctype_public_id() const { return impl_ ? impl_->public_id : std::string_view(); }
std::string_view Document::doctype_system_id() const { return impl_ ? impl_->system_id : std::string_view(); }
QuirksMode Document::quirks_mode() const { return impl_ ? impl_->quirks : QuirksMode::kNoQuirks; }
std::string_view Document::input() const { return impl_ ? std::string_view(impl_->input) : std::string_view(); }
size_t Document::node_count() const { return impl_ ? impl_->node_count : 0; }
size_t Document::memory_used() const { return impl_ ? impl_->arena.bytes() : 0; }

namespace {

Status Parse(std::string utf8, const std::string_view* context, Document* doc, const ParseOptions& options) {
  if (!doc->impl()) *doc = Document();  // a moved-from Document gets a fresh Impl
  Document::Impl* impl = doc->impl();
  impl->Reset();
  if (utf8.size() > kMaxInputSize) return Status::LimitExceeded("HTML input larger than 1 GiB");
  impl->input = std::move(utf8);
  return html::BuildTree(impl, context, options);
}

}  // namespace

Status ParseDocument(std::string utf8, Document* doc, const ParseOptions& options) {
  return Parse(std::move(utf8), nullptr, doc, options);
}

Status ParseFragment(std::string utf8, std::string_view context, Document* doc, const ParseOptions& options) {
  return Parse(std::move(utf8), &context, doc, options);
}

}  // namespace matn
