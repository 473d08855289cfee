// src/html/tree_builder_foreign.cpp — foreign content (SVG, MathML): the
// "rules for parsing tokens in foreign content", name and attribute
// adjustments, and the element category tables the whole builder uses.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "html/tree_builder_impl.h"

namespace matn::html {
namespace {

struct NamePair {
  std::string_view lower, adjusted;
};

constexpr NamePair kSvgTags[] = {
    {"altglyph", "altGlyph"}, {"altglyphdef", "altGlyphDef"}, {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"}, {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"}, {"clippath", "clipPath"}, {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"}, {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"}, {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"}, {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"}, {"fedropshadow", "feDropShadow"}, {"feflood", "feFlood"},
    {"fefunca", "feFuncA"}, {"fefuncb", "feFuncB"}, {"fefuncg", "feFuncG"}, {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"}, {"feimage", "feImage"}, {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"}, {"femorphology", "feMorphology"}, {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"}, {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"}, {"fetile", "feTile"}, {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"}, {"glyphref", "glyphRef"}, {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"}, {"textpath", "textPath"},
};

constexpr NamePair kSvgAttrs[] = {
    {"attributename", "attributeName"}, {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"}, {"baseprofile", "baseProfile"}, {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"}, {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"}, {"filterunits", "filterUnits"}, {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"}, {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"}, {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"}, {"keysplines", "keySplines"}, {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"}, {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"}, {"markerunits", "markerUnits"}, {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"}, {"maskunits", "maskUnits"}, {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"}, {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"}, {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"}, {"pointsaty", "pointsAtY"}, {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"}, {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"}, {"refx", "refX"}, {"refy", "refY"},
    {"repeatcount", "repeatCount"}, {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"}, {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"}, {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"}, {"startoffset", "startOffset"}, {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"}, {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"}, {"tablevalues", "tableValues"}, {"targetx", "targetX"},
    {"targety", "targetY"}, {"textlength", "textLength"}, {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"}, {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"}, {"zoomandpan", "zoomAndPan"},
};

struct ForeignAttr {
  std::string_view qualified;
  std::string_view local;
  AttrNamespace ns;
};
constexpr ForeignAttr kForeignAttrs[] = {
    {"xlink:actuate", "actuate", AttrNamespace::kXLink}, {"xlink:arcrole", "arcrole", AttrNamespace::kXLink},
    {"xlink:href", "href", AttrNamespace::kXLink},       {"xlink:role", "role", AttrNamespace::kXLink},
    {"xlink:show", "show", AttrNamespace::kXLink},       {"xlink:title", "title", AttrNamespace::kXLink},
    {"xlink:type", "type", AttrNamespace::kXLink},       {"xml:lang", "lang", AttrNamespace::kXml},
    {"xml:space", "space", AttrNamespace::kXml},         {"xmlns", "xmlns", AttrNamespace::kXmlns},
    {"xmlns:xlink", "xlink", AttrNamespace::kXmlns},
};

constexpr bool SortedByLower(const NamePair* b, const NamePair* e) {
  for (const NamePair* p = b; p + 1 < e; ++p)
    if (!(p->lower < (p + 1)->lower)) return false;
  return true;
}
static_assert(SortedByLower(std::begin(kSvgTags), std::end(kSvgTags)));
static_assert(SortedByLower(std::begin(kSvgAttrs), std::end(kSvgAttrs)));

// Which (first letter, length) pairs a table holds: most names met in SVG
// (d, fill, class, stroke-width, path, g...) are ruled out without a search.
// A name outside a-z or 32+ long in a table would not compile (constexpr).
struct FirstLen {
  uint32_t mask[26] = {};
  bool MayHold(std::string_view s) const {
    const unsigned c = s.empty() ? 26u : static_cast<unsigned>(static_cast<unsigned char>(s[0]) - 'a');
    return s.size() < 32 && c < 26 && (mask[c] >> s.size() & 1);
  }
};
template <size_t N>
constexpr FirstLen MakeFirstLen(const NamePair (&table)[N]) {
  FirstLen f;
  for (const NamePair& p : table) f.mask[p.lower[0] - 'a'] |= uint32_t{1} << p.lower.size();
  return f;
}

constexpr FirstLen kSvgTagsFilter = MakeFirstLen(kSvgTags);
constexpr FirstLen kSvgAttrsFilter = MakeFirstLen(kSvgAttrs);

template <size_t N>
std::string_view Lookup(const NamePair (&table)[N], const FirstLen& filter, std::string_view lower) {
  if (!filter.MayHold(lower)) return {};
  auto it = std::lower_bound(std::begin(table), std::end(table), lower,
                             [](const NamePair& p, std::string_view s) { return p.lower < s; });
  return (it != std::end(table) && it->lower == lower) ? it->adjusted : std::string_view();
}

constexpr Tag kSpecialTags[] = {
    Tag::kAddress, Tag::kApplet, Tag::kArea, Tag::kArticle, Tag::kAside, Tag::kBase, Tag::kBasefont,
    Tag::kBgsound, Tag::kBlockquote, Tag::kBody, Tag::kBr, Tag::kButton, Tag::kCaption, Tag::kCenter,
    Tag::kCol, Tag::kColgroup, Tag::kDd, Tag::kDetails, Tag::kDir, Tag::kDiv, Tag::kDl, Tag::kDt,
    Tag::kEmbed, Tag::kFieldset, Tag::kFigcaption, Tag::kFigure, Tag::kFooter, Tag::kForm, Tag::kFrame,
    Tag::kFrameset, Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6, Tag::kHead,
    Tag::kHeader, Tag::kHgroup, Tag::kHr, Tag::kHtml, Tag::kIframe, Tag::kImg, Tag::kInput,
    Tag::kKeygen, Tag::kLi, Tag::kLink, Tag::kListing, Tag::kMain, Tag::kMarquee, Tag::kMenu,
    Tag::kMeta, Tag::kNav, Tag::kNoembed, Tag::kNoframes, Tag::kNoscript, Tag::kObject, Tag::kOl,
    Tag::kP, Tag::kParam, Tag::kPlaintext, Tag::kPre, Tag::kScript, Tag::kSearch, Tag::kSection,
    Tag::kSource, Tag::kStyle, Tag::kSummary, Tag::kTable, Tag::kTbody, Tag::kTd,
    Tag::kTemplate, Tag::kTextarea, Tag::kTfoot, Tag::kTh, Tag::kThead, Tag::kTitle, Tag::kTr,
    Tag::kTrack, Tag::kUl, Tag::kWbr, Tag::kXmp};

constexpr size_t kNumTags = static_cast<size_t>(Tag::kXmp) + 1;

constexpr std::array<uint16_t, kNumTags> BuildHtmlMasks() {
  std::array<uint16_t, kNumTags> m{};
  for (auto& x : m) x = 1u << kLHtml;
  auto set = [&m](Tag t, unsigned bits) { m[static_cast<size_t>(t)] |= static_cast<uint16_t>(bits); };
  for (Tag t : kSpecialTags) {
    unsigned bits = 1u << kLSpecial;
    if (t != Tag::kAddress && t != Tag::kDiv && t != Tag::kP) bits |= 1u << kLSpecialLi;
    set(t, bits);
  }
  constexpr unsigned kScopeBits = (1u << kLScope) | (1u << kLListItem) | (1u << kLButton);
  for (Tag t : {Tag::kApplet, Tag::kCaption, Tag::kHtml, Tag::kTable, Tag::kTd, Tag::kTh, Tag::kMarquee,
                Tag::kObject, Tag::kTemplate})
    set(t, kScopeBits);
  set(Tag::kOl, 1u << kLListItem);
  set(Tag::kUl, 1u << kLListItem);
  set(Tag::kButton, 1u << kLButton);
  for (Tag t : {Tag::kHtml, Tag::kTable, Tag::kTemplate}) set(t, 1u << kLTable);
  for (Tag t : {Tag::kTd, Tag::kTh, Tag::kTr, Tag::kTbody, Tag::kThead, Tag::kTfoot, Tag::kCaption,
                Tag::kColgroup, Tag::kTable, Tag::kTemplate, Tag::kHead, Tag::kBody, Tag::kFrameset,
                Tag::kHtml})
    set(t, 1u << kLReset);
  m[0] = 1u << kLHtml;
  return m;
}
constexpr std::array<uint16_t, kNumTags> kHtmlMasks = BuildHtmlMasks();
constexpr uint16_t kForeignBoundary =
    (1u << kLScope) | (1u << kLListItem) | (1u << kLButton) | (1u << kLSpecial) | (1u << kLSpecialLi);

bool IsBreakout(const Tok& t) {
  switch (t.tag) {
    case Tag::kB: case Tag::kBig: case Tag::kBlockquote: case Tag::kBody: case Tag::kBr:
    case Tag::kCenter: case Tag::kCode: case Tag::kDd: case Tag::kDiv: case Tag::kDl: case Tag::kDt:
    case Tag::kEm: case Tag::kEmbed: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
    case Tag::kH5: case Tag::kH6: case Tag::kHead: case Tag::kHr: case Tag::kI: case Tag::kImg:
    case Tag::kLi: case Tag::kListing: case Tag::kMenu: case Tag::kMeta: case Tag::kNobr: case Tag::kOl:
    case Tag::kP: case Tag::kPre: case Tag::kRuby: case Tag::kS: case Tag::kSmall: case Tag::kSpan:
    case Tag::kStrong: case Tag::kStrike: case Tag::kSub: case Tag::kSup: case Tag::kTable:
    case Tag::kTt: case Tag::kU: case Tag::kUl: case Tag::kVar:
      return true;
    case Tag::kFont:
      for (uint32_t i = 0; i < t.num_attrs; ++i) {
        std::string_view n = t.attrs[i].name;
        if (n == "color" || n == "face" || n == "size") return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace

const std::array<uint16_t, kNumTagIds> kHtmlListMasks = kHtmlMasks;

uint16_t ListMask(Namespace ns, Tag tag) {
  if (ns == Namespace::kHtml) return kHtmlMasks[static_cast<size_t>(tag)];
  if (ns == Namespace::kMathMl) {
    switch (tag) {
      case Tag::kMi: case Tag::kMo: case Tag::kMn: case Tag::kMs: case Tag::kMtext: case Tag::kAnnotationXml:
        return kForeignBoundary;
      default:
        return 0;
    }
  }
  return (tag == Tag::kForeignObject || tag == Tag::kDesc || tag == Tag::kTitle) ? kForeignBoundary : 0;
}

bool IsSpecial(Namespace ns, Tag tag) { return ListMask(ns, tag) & (1u << kLSpecial); }

bool IsFormatting(Tag tag) {
  switch (tag) {
    case Tag::kA: case Tag::kB: case Tag::kBig: case Tag::kCode: case Tag::kEm: case Tag::kFont:
    case Tag::kI: case Tag::kNobr: case Tag::kS: case Tag::kSmall: case Tag::kStrike: case Tag::kStrong:
    case Tag::kTt: case Tag::kU:
      return true;
    default:
      return false;
  }
}

std::string_view TreeBuilder::AdjustSvgTagName(std::string_view lower) {
  std::string_view a = Lookup(kSvgTags, kSvgTagsFilter, lower);
  return a.empty() ? lower : a;
}

std::string_view AdjustSvgElementName(std::string_view lower) { return TreeBuilder::AdjustSvgTagName(lower); }

bool TreeBuilder::IsMathTextIntegrationPoint(const Elem* e) {
  if (e->node.ns != Namespace::kMathMl) return false;
  Tag t = e->node.tag;
  return t == Tag::kMi || t == Tag::kMo || t == Tag::kMn || t == Tag::kMs || t == Tag::kMtext;
}

void TreeBuilder::MakeAttrs(const Tok& t, Namespace ns, Node* n) {
  const bool hidden = t.tag == Tag::kUnknown || (t.tag == Tag::kTemplate && ns == Namespace::kHtml);
  if (t.num_attrs == 0 && !hidden) return;
  Attribute* a = NodeWriter::AllocAttrs(doc_->arena, n, t.num_attrs, hidden);
  if (ns == Namespace::kHtml) {  // names and values kept as they are
    for (uint32_t i = 0; i < t.num_attrs; ++i) new (a + i) Attribute(NodeWriter::RawAttr(Keep(t.attrs[i].name), Keep(t.attrs[i].value)));
    return;
  }
  for (uint32_t i = 0; i < t.num_attrs; ++i) {
    std::string_view name = t.attrs[i].name;
    const std::string_view value = Keep(t.attrs[i].value);
    std::string_view adj;
    if (ns == Namespace::kSvg) adj = Lookup(kSvgAttrs, kSvgAttrsFilter, name);
    else if (name == "definitionurl") adj = "definitionURL";
    AttrNamespace ans = AttrNamespace::kNone;
    if (adj.empty() && name.size() >= 5 && name[0] == 'x') {
      for (const ForeignAttr& f : kForeignAttrs)
        if (f.qualified == name) {
          adj = f.local;
          ans = f.ns;
          break;
        }
    }
    new (a + i) Attribute(NodeWriter::RawAttr(adj.empty() ? Keep(name) : adj, value, ans));
  }
}

void TreeBuilder::ForeignContent(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters: {
      std::string_view s = t.data;
      if (frameset_ok_)  // NUL becomes U+FFFD but does not clear frameset-ok
        for (char c : s)
          if (!IsWs(c) && c != '\0') {
            frameset_ok_ = false;
            break;
          }
      if (std::memchr(s.data(), '\0', s.size())) {
        std::string fixed;
        fixed.reserve(s.size() + 8);
        for (char c : s) {
          if (c == '\0') fixed += "\xEF\xBF\xBD";
          else fixed += c;
        }
        InsertText(fixed);
      } else {
        InsertText(s);
      }
      return;
    }
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kDoctype:
    case TokenType::kEof:
      return;
    case TokenType::kStartTag:
      if (IsBreakout(t)) break;
      InsertForeign(t, AdjustedCurrentNode()->node.ns);
      if (t.self_closing) Pop();
      return;
    case TokenType::kEndTag: {
      if (t.tag == Tag::kBr || t.tag == Tag::kP) break;
      if (stack_.size() <= 1) return;
      uint32_t slot = ForeignSlot(t.name, false);
      int top = slot == UINT32_MAX ? -1 : SlotTop(slot);
      if (top > 0 && top > ListTop(kLHtml)) {
        PopUntilElem(stack_[static_cast<size_t>(top)]);
        return;
      }
      ProcessInMode(mode_, t);
      return;
    }
  }
  // Breakout: leave foreign content and reprocess as HTML.
  while (stack_.size() > 1) {
    Elem* c = CurrentNode();
    if (c->node.ns == Namespace::kHtml || IsMathTextIntegrationPoint(c) || c->html_ip) break;
    Pop();
  }
  ProcessInMode(mode_, t);
}

}  // namespace matn::html
