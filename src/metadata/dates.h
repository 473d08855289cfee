// Date values and date phrases as the metadata layer meets them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matn/calendar.h"

namespace matn::metadata_internal {

struct DateContext {
  std::string_view lang;               // the page's declared language, as a hint
  std::optional<DateTime> reference;   // crawl time
};

// A date in an attribute or meta value ("2024-07-05T06:24:00+04:30",
// "Fri, 05 Jul 2024 06:24:00 GMT", "05.07.2024", "۱۵ سرطان ۱۴۰۳").
std::optional<DateTime> ParseDateValue(std::string_view s, const DateContext& ctx);

// False when `text` holds no digit of the four sets the calendar tokenizer reads
// (Latin, Arabic-Indic, Persian, full-width) nor an overlong UTF-8 form its
// decoder would read as one: then it holds no date but a relative phrase.
bool MayHoldDigit(std::string_view text);

// Date phrases inside running text, in order.
std::vector<DateMatch> FindDatesInText(std::string_view text, const DateContext& ctx);

// A date the article could carry: not before 1990 and not after the
// reference (or today) plus one day.
bool PlausibleDate(const DateTime& d, const DateContext& ctx);

// /2024/07/05/, /2024-07-05/, /20240705/ in a URL's path.
std::optional<DateTime> DateFromUrl(std::string_view url);

// ISO 8601 text: date only, or with time, with an offset only when known.
std::string FormatIso(const DateTime& d);

}  // namespace matn::metadata_internal
