// Internal: what class/id/role attributes say about an element.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "matn/html.h"

namespace matn::extract {

// Bits of ClassSignal::cats.
enum : uint32_t {
  kCatContent = 1u << 0,   // article, content, post, entry, story, body, text, main, …
  kCatNav = 1u << 1,       // nav, menu, breadcrumb, pagination, skip, toolbar
  kCatFooter = 1u << 2,    // footer, copyright, colophon
  kCatHeader = 1u << 3,    // header, masthead, banner (weak: a header may hold a lead)
  kCatSidebar = 1u << 4,   // sidebar, rail, widget
  kCatShare = 1u << 5,     // share, social, print/email buttons, follow
  kCatRelated = 1u << 6,   // related, recommended, popular, latest, more, teaser lists
  kCatAds = 1u << 7,       // ad(s), advert, sponsor, promo
  kCatComment = 1u << 8,   // comment(s), disqus, replies, discussion
  kCatCookie = 1u << 9,    // cookie, consent, gdpr
  kCatMeta = 1u << 10,     // byline, author, date, tags, categories (weak)
  kCatMisc = 1u << 11,     // modal, popup, newsletter, subscribe, login, search, logo
  kCatHidden = 1u << 12,   // "visually hidden" utility classes
  kCatCaption = 1u << 13,  // caption, credit (weak)
  kCatNoPrint = 1u << 14,  // noprint / d-print-none: the site itself says it is not content
};

constexpr uint32_t kCatStrongBoiler = kCatNav | kCatFooter | kCatSidebar | kCatShare | kCatRelated |
                                      kCatAds | kCatCookie | kCatMisc;

struct ClassSignal {
  uint32_t cats = 0;
  int weight = 0;  // Readability-like: > 0 content-ish, < 0 boilerplate-ish
};

// The attribute names the extract layer reads, told apart by length first so
// that the common case (a name it does not read) costs one switch.
enum class AttrName : uint8_t {
  kOther, kId, kClass, kStyle, kRole, kHidden, kItemprop, kItemtype, kAriaLabel, kAriaHidden, kHref
};

template <size_t N>
inline bool SameBytes(std::string_view n, const char (&lit)[N]) {
  return std::memcmp(n.data(), lit, N - 1) == 0;  // constant length: inlined
}

[[gnu::always_inline]] inline AttrName KindOfAttr(std::string_view n) {
  auto is = [&](const auto& lit) { return SameBytes(n, lit); };
  switch (n.size()) {
    case 2: return is("id") ? AttrName::kId : AttrName::kOther;
    case 4: return is("role") ? AttrName::kRole : is("href") ? AttrName::kHref : AttrName::kOther;
    case 5: return is("class") ? AttrName::kClass : is("style") ? AttrName::kStyle : AttrName::kOther;
    case 6: return is("hidden") ? AttrName::kHidden : AttrName::kOther;
    case 8: return is("itemprop") ? AttrName::kItemprop : is("itemtype") ? AttrName::kItemtype : AttrName::kOther;
    case 10: return is("aria-label") ? AttrName::kAriaLabel : AttrName::kOther;
    case 11: return is("aria-hidden") ? AttrName::kAriaHidden : AttrName::kOther;
    default: return AttrName::kOther;
  }
}

// Reads class, id, role, itemprop/itemtype and a few ARIA attributes of `n`.
ClassSignal ClassifyElement(const Node* n);

// What Flatten reads from an element's attributes, in one pass over them.
struct ElementAttrs {
  ClassSignal sig;            // ClassifyElement's answer (left zero unless asked for)
  bool hidden = false;        // hidden (not "until-found"), aria-hidden="true", or a hiding inline style
  bool article_body = false;  // itemprop="articleBody" (any case)
  std::string_view href;      // "" when absent
};
ElementAttrs ReadElementAttrs(const Node* n, bool classify);

// True when the inline style hides the element (display:none, visibility:hidden).
bool StyleHides(std::string_view style);

}  // namespace matn::extract
