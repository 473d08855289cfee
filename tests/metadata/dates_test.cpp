// Date values in attributes, URLs and ISO output, as the metadata layer reads them.
#include "metadata/dates.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace matn::metadata_internal {
namespace {

std::string Iso(std::string_view s, std::string_view lang = "") {
  DateContext ctx;
  ctx.lang = lang;
  std::optional<DateTime> d = ParseDateValue(s, ctx);
  return d ? FormatIso(*d) : "none";
}

TEST(MetadataDates, IsoValuesKeepTimeAndOffsetAsWritten) {
  EXPECT_EQ(Iso("2024-07-05"), "2024-07-05");
  EXPECT_EQ(Iso("2024-07-05T06:24:00+04:30"), "2024-07-05T06:24:00+04:30");
  EXPECT_EQ(Iso("2024-07-05T06:24:00Z"), "2024-07-05T06:24:00+00:00");
  EXPECT_EQ(Iso("2024-07-05 06:24"), "2024-07-05T06:24");
  EXPECT_EQ(Iso(" 2019-10-19T08:15:00.000+0200 "), "2019-10-19T08:15:00+02:00");
  EXPECT_EQ(Iso("20240705"), "2024-07-05");
}

TEST(MetadataDates, CommonTextualValues) {
  EXPECT_EQ(Iso("Fri, 05 Jul 2024 06:24:00 GMT").substr(0, 10), "2024-07-05");
  EXPECT_EQ(Iso("05.07.2024"), "2024-07-05");
  EXPECT_EQ(Iso("5. Juli 2024", "de"), "2024-07-05");
  EXPECT_EQ(Iso("July 5th, 2024", "en").substr(0, 10), "2024-07-05");
}

TEST(MetadataDates, InvalidValues) {
  EXPECT_EQ(Iso("2024-02-30"), "none");
  EXPECT_EQ(Iso("yesterday-ish"), "none");
  EXPECT_EQ(Iso(""), "none");
  EXPECT_EQ(Iso("12345678901234567890"), "none");
}

TEST(MetadataDates, UrlPaths) {
  auto url = [](std::string_view u) {
    std::optional<DateTime> d = DateFromUrl(u);
    return d ? FormatIso(*d) : "none";
  };
  EXPECT_EQ(url("https://a.example/2017/06/29/wireshark/"), "2017-06-29");
  EXPECT_EQ(url("https://a.example/news/2022-11-29-heizen"), "2022-11-29");
  EXPECT_EQ(url("https://a.example/archiv/20190304/story.html"), "2019-03-04");
  EXPECT_EQ(url("https://a.example/2015/06/story.html"), "none");  // no day
  EXPECT_EQ(url("https://a.example/a/7910798.html"), "none");
  EXPECT_EQ(url("https://2019.example/12/01/x"), "none");  // the host is not the path
  EXPECT_EQ(url("https://a.example/x?date=2019/12/01"), "none");
  EXPECT_EQ(url("https://a.example/meldungen/29-10-2021"), "2021-10-29");  // day first
  EXPECT_EQ(url("https://a.example/termine/05.07.2024/lesung"), "2024-07-05");
  EXPECT_EQ(url("https://a.example/p/12-34-5678"), "none");
  EXPECT_EQ(url("https://a.example/p/31-02-2021"), "none");
  EXPECT_EQ(url("https://a.example/p/29-10-20211"), "none");
}

TEST(MetadataDates, Plausibility) {
  DateContext ctx;
  DateTime ref;
  ref.year = 2024;
  ref.month = 7;
  ref.day = 5;
  ctx.reference = ref;
  DateTime d = ref;
  EXPECT_TRUE(PlausibleDate(d, ctx));
  d.day = 6;
  EXPECT_TRUE(PlausibleDate(d, ctx));  // one day of time-zone slack
  d.day = 8;
  EXPECT_FALSE(PlausibleDate(d, ctx));
  d.year = 1985;
  EXPECT_FALSE(PlausibleDate(d, ctx));
}

// FormatIso writes the fields digit by digit; it must agree with the printf
// format it replaced, also at the edges (year 0, negative offsets, no seconds).
TEST(MetadataDates, IsoDigitsAsPrintfWritesThem) {
  auto printf_iso = [](const DateTime& d) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    if (d.hour >= 0) {
      n += std::snprintf(buf + n, sizeof buf - n, "T%02d:%02d", d.hour, d.minute < 0 ? 0 : d.minute);
      if (d.second >= 0) n += std::snprintf(buf + n, sizeof buf - n, ":%02d", d.second);
      int a = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
      if (d.has_offset) std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", d.offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    }
    return std::string(buf);
  };
  for (int year : {0, 7, 999, 1403, 2024, 9999, 12345, -44})
    for (int hour : {-1, 0, 23})
      for (int second : {-1, 0, 59})
        for (int offset : {0, 270, -210, -600, 840}) {
          DateTime d;
          d.year = year, d.month = 7, d.day = 5, d.hour = hour, d.minute = hour < 0 ? -1 : 4, d.second = second;
          d.has_offset = offset != 0 || second == 0, d.offset_minutes = offset;
          EXPECT_EQ(FormatIso(d), printf_iso(d)) << year << " " << hour << " " << second << " " << offset;
        }
}

}  // namespace
}  // namespace matn::metadata_internal
