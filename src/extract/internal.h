// Internal interfaces of the extract layer, shared by its .cpp files and tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matn/extract.h"

namespace matn::extract {

// ASCII case folding for matching markup and phrases against lowercase words
// (`lower` must be lowercase; non-ASCII bytes compare as they are).
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool StartsLower(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}
inline bool EqualsLower(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && StartsLower(s, lower);
}

// A short human-readable account of the choices ExtractArticle made for this
// page (candidates, region, fallbacks). For `matn extract --explain` and tuning.
std::string Explain(const Document& doc, const ExtractOptions& options);

// Hashes of the word 3-shingles of `text` (words = runs of letters/digits,
// any script; lowercased ASCII), sorted and unique. Used to compare text with
// the JSON-LD articleBody.
std::vector<uint64_t> ShingleHashes(std::string_view text);

// Fraction of `a`'s shingles that are in `b` (both from ShingleHashes).
double ShingleCoverage(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// True for a row of font-size / tiny buttons: "XS SM MD LG", "A A A", "A- A+".
bool IsTinyTokenRow(std::string_view text);

// Standing notes of the site (subscribe, follow us, get the app, reprint
// terms) in several languages: a short line only (site_notes.cpp).
bool IsSiteNote(std::string_view text);

// "Comments", "3 Comments", "Leave a Reply", "Kommentare (12)", "التعليقات".
bool IsCommentsHeading(std::string_view text);

// "Related", "Read more", "Mehr zum Thema", "مطالب مرتبط": a label over teasers.
bool IsRelatedLabel(std::string_view text);

// "Anzeige", "*Werbung.", "Advertisement", "This post contains affiliate links".
bool IsAdDisclosure(std::string_view text);

// "Tags: a, b", "Themen: x", "Filed under: y", "This entry was posted in z".
bool IsTaxonomyLine(std::string_view text);

// "The views expressed are the author's", "Alle Angaben ohne Gewähr".
bool IsDisclaimer(std::string_view text);

// A picture's caption written as a paragraph: "Abbildung 4: …", "Figure 2.
// …", or a line ending in its credit "(Foto: Getty)".
bool IsCaptionLine(std::string_view text);

// "To view the full story, please subscribe", "Continue reading with …",
// "If you enjoyed this, support our work": the pitch for money.
bool IsPaywallNote(std::string_view text);

// Drops advertising labels, disclosures and disclaimers; cuts the article at
// a comments heading, a related label or a paywall note in its second half;
// then drops site notes and taxonomy lines at its end.
void DropTrailingSiteNotes(std::vector<Block>* blocks);

}  // namespace matn::extract
