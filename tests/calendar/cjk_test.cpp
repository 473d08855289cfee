// Chinese, Japanese and Korean date phrases.
//
// Expected values are what the phrases say: 年/년 = year, 月/월 = month, 日/号/일 =
// day, 时/時/시 = hour, 分/분 = minute; 前/전 = ago; 昨天/昨日/어제 = yesterday,
// 前天/一昨日/그저께 = the day before, 今天/今日/오늘 = today; 下午/午後/오후 = p.m.
// Japanese eras: 令和 1 = 2019, 平成 1 = 1989 (so 令和3年 = 2021, 平成31年 = 2019).
// Weekdays from the Gregorian calendar: 2021-07-05 was a Monday, 2024-07-05 a Friday.
#include <gtest/gtest.h>

#include <string>

#include "matn/calendar.h"
#include "reference_time.h"

namespace matn {
namespace {

std::string Parse(std::string_view text, std::optional<DateTime> ref = std::nullopt) {
  DateParseOptions o;
  o.reference = ref;
  std::string why;
  auto dt = ParseDatePhrase(text, o, &why);
  return dt ? dt->ToIso() : "ERROR: " + why;
}

TEST(CjkDates, ChineseAndJapaneseYearMonthDay) {
  EXPECT_EQ(Parse("2021年7月5日"), "2021-07-05");
  EXPECT_EQ(Parse("2024年07月05日 14:30"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("2024 年 7 月 5 日"), "2024-07-05");
  EXPECT_EQ(Parse("发布时间：2024年07月05日 14:30"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("2024年7月5日 星期五"), "2024-07-05");
  EXPECT_EQ(Parse("2021年7月5日(月)"), "2021-07-05");
  EXPECT_EQ(Parse("2021年7月5日（月） 9:05"), "2021-07-05T09:05");
  EXPECT_EQ(Parse("２０２１年７月５日"), "2021-07-05");  // full-width digits
  EXPECT_EQ(Parse("2024年7月5号"), "2024-07-05");
  EXPECT_EQ(Parse("2024年7月5日14时30分"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("2024年7月5日 下午2点30分"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("2024年7月5日 午後3時"), "2024-07-05T15:00");
  EXPECT_EQ(Parse("令和3年7月5日"), "2021-07-05");
  EXPECT_EQ(Parse("平成31年4月30日"), "2019-04-30");
  EXPECT_EQ(Parse("令和元年5月1日"), "2019-05-01");
  EXPECT_EQ(Parse("2021/07/05(月) 09:05"), "2021-07-05T09:05");
  // Beijing is UTC+8 all year (China has kept no daylight saving time since 1991).
  EXPECT_EQ(Parse("2024年7月5日 北京时间14:30"), "2024-07-05T14:30+08:00");
}

TEST(CjkDates, Korean) {
  EXPECT_EQ(Parse("2021년 7월 5일"), "2021-07-05");
  EXPECT_EQ(Parse("2021년 7월 5일 월요일"), "2021-07-05");
  EXPECT_EQ(Parse("2024년 7월 5일 오후 2시 30분"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("입력 2024.07.05 14:30"), "2024-07-05T14:30");
  EXPECT_EQ(Parse("2021. 7. 5."), "2021-07-05");
  EXPECT_EQ(Parse("2021. 7. 5. 오후 3:20"), "2021-07-05T15:20");
}

TEST(CjkDates, Relative) {
  DateTime ref = Ref(2024, 7, 5, 12, 0);
  EXPECT_EQ(Parse("2天前", ref), "2024-07-03");
  EXPECT_EQ(Parse("3小时前", ref), "2024-07-05T09:00");
  EXPECT_EQ(Parse("5分钟前", ref), "2024-07-05T11:55");
  EXPECT_EQ(Parse("三天前", ref), "2024-07-02");
  EXPECT_EQ(Parse("半小时前", ref), "2024-07-05T11:30");
  EXPECT_EQ(Parse("1週間前", ref), "2024-06-28");
  EXPECT_EQ(Parse("3ヶ月前", ref), "2024-04-05");
  EXPECT_EQ(Parse("2个月前", ref), "2024-05-05");
  EXPECT_EQ(Parse("昨天", ref), "2024-07-04");
  EXPECT_EQ(Parse("今天", ref), "2024-07-05");
  EXPECT_EQ(Parse("前天", ref), "2024-07-03");
  EXPECT_EQ(Parse("昨天 14:30", ref), "2024-07-04T14:30");
  EXPECT_EQ(Parse("3日前", ref), "2024-07-02");
  EXPECT_EQ(Parse("2時間前", ref), "2024-07-05T10:00");
  EXPECT_EQ(Parse("10分前", ref), "2024-07-05T11:50");
  EXPECT_EQ(Parse("昨日", ref), "2024-07-04");
  EXPECT_EQ(Parse("一昨日", ref), "2024-07-03");
  EXPECT_EQ(Parse("2일 전", ref), "2024-07-03");
  EXPECT_EQ(Parse("3시간 전", ref), "2024-07-05T09:00");
  EXPECT_EQ(Parse("5분 전", ref), "2024-07-05T11:55");
  EXPECT_EQ(Parse("어제", ref), "2024-07-04");
  EXPECT_EQ(Parse("오늘", ref), "2024-07-05");
  EXPECT_NE(Parse("2天前").find("ERROR"), std::string::npos);  // needs a reference
}

TEST(CjkDates, NotDates) {
  EXPECT_NE(Parse("2021年").find("ERROR"), std::string::npos);
  EXPECT_NE(Parse("2021年7月").find("ERROR"), std::string::npos);
  EXPECT_NE(Parse("2021年13月5日").find("ERROR"), std::string::npos);
  EXPECT_NE(Parse("2021年2月30日").find("ERROR"), std::string::npos);
  EXPECT_NE(Parse("7月5日").find("ERROR"), std::string::npos);  // no year, no reference
  EXPECT_EQ(Parse("7月5日", Ref(2024, 7, 10)), "2024-07-05");
}

TEST(CjkDates, FindInRunningText) {
  auto found = FindDates("新华社北京2024年7月5日电 北京市交通委员会5日宣布，自下月起");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value.ToIso(), "2024-07-05");
  // The Chinese words around the date are not part of it.
  std::string_view text = "来源：示例网 2024年07月05日 14:30 作者：李明";
  found = FindDates(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value.ToIso(), "2024-07-05T14:30");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "2024年07月05日 14:30");
  // A copyright year and a licence number are no dates.
  EXPECT_TRUE(FindDates("版权所有 © 2024 示例网 京ICP备12345678号").empty());
  DateParseOptions o;
  o.reference = Ref(2024, 7, 5, 12, 0);
  found = FindDates("更新于 3小时前 · 阅读 1200", o);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value.ToIso(), "2024-07-05T09:00");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

// Italian, Portuguese, Dutch, Turkish and Russian weekdays and relative phrases;
// Polish and Czech month names. 2024-07-05 was a Friday (venerdì, sexta-feira,
// vrijdag, Cuma, пятница); "fa", "há", "geleden", "önce", "назад" = ago.
TEST(MoreLanguages, WeekdaysAndMonths) {
  EXPECT_EQ(Parse("venerdì 5 luglio 2024"), "2024-07-05");
  EXPECT_EQ(Parse("sexta-feira, 5 de julho de 2024"), "2024-07-05");
  EXPECT_EQ(Parse("vrijdag 5 juli 2024"), "2024-07-05");
  EXPECT_EQ(Parse("Cuma, 5 Temmuz 2024"), "2024-07-05");
  EXPECT_EQ(Parse("пятница, 5 июля 2024 г."), "2024-07-05");
  EXPECT_EQ(Parse("5 lipca 2024"), "2024-07-05");
  EXPECT_EQ(Parse("5. července 2024"), "2024-07-05");
  EXPECT_EQ(Parse("12 października 2023"), "2023-10-12");
}

TEST(MoreLanguages, Relative) {
  DateTime ref = Ref(2024, 7, 6, 12, 0);
  EXPECT_EQ(Parse("2 ore fa", ref), "2024-07-06T10:00");
  EXPECT_EQ(Parse("un'ora fa", ref), "2024-07-06T11:00");
  EXPECT_EQ(Parse("ieri", ref), "2024-07-05");
  EXPECT_EQ(Parse("há 2 horas", ref), "2024-07-06T10:00");
  EXPECT_EQ(Parse("ontem", ref), "2024-07-05");
  EXPECT_EQ(Parse("2 uur geleden", ref), "2024-07-06T10:00");
  EXPECT_EQ(Parse("gisteren", ref), "2024-07-05");
  EXPECT_EQ(Parse("2 saat önce", ref), "2024-07-06T10:00");
  EXPECT_EQ(Parse("dün", ref), "2024-07-05");
  EXPECT_EQ(Parse("3 дня назад", ref), "2024-07-03");
  EXPECT_EQ(Parse("час назад", ref), "2024-07-06T11:00");
  EXPECT_EQ(Parse("вчера", ref), "2024-07-05");
}

}  // namespace
}  // namespace matn
