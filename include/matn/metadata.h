// matn/metadata.h — what a page is, who wrote it and when.
//
// Sources in order of trust: JSON-LD (NewsArticle, Article, BlogPosting, …,
// including @graph), OpenGraph and article:* properties, Twitter cards,
// <meta> names (author, date, DC.*, parsely, sailthru …), microdata,
// <time datetime>, bylines and datelines in the visible text, the URL path.
// The original and the updated date are kept apart; a site clock in the page
// header, a copyright year or a reader comment's date is never the article date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matn/calendar.h"
#include "matn/html.h"

namespace matn {

struct Metadata {
  std::string title;
  std::vector<std::string> authors;
  std::string date_published;  // ISO 8601 ("2024-07-05" or "2024-07-05T06:24+04:30"), "" if unknown
  std::string date_modified;
  std::string sitename;
  std::string description;
  std::string url;    // canonical when the page gives one, else the caller's url
  std::string image;  // absolute when a base url is known
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::string lang;       // as declared (<html lang>, og:locale, Content-Language), "" if none
  std::string page_type;  // "article", "listing" or "other"
  // Evidence for the extractor, not output: JSON-LD articleBody, when present.
  std::string json_ld_article_body;
};

struct MetadataOptions {
  std::string_view url;                // the page's URL when known (WARC target, --url)
  std::optional<DateTime> reference;   // crawl time: resolves relative dates, bounds plausible ones
};

Metadata ExtractMetadata(const Document& doc, const MetadataOptions& options = {});

}  // namespace matn
