// Date values in attributes, URLs and ISO output, as the metadata layer reads them.
#include "metadata/dates.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace matn::metadata_internal
