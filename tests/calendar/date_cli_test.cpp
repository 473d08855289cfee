// `matn date` end to end: output, exit codes (cli/commands.h), stderr reasons.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct CliRun {
  int status = -1;
  std::string out, err;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

CliRun Matn(const std::vector<std::string>& args) {
  std::string base = ::testing::TempDir() + "matn_date_" + std::to_string(getpid());
  std::string cmd = Quote(MATN_BINARY) + " date";
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " >" + base + ".out 2>" + base + ".err </dev/null";
  CliRun r;
  int st = std::system(cmd.c_str());
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = Slurp(base + ".out");
  r.err = Slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

TEST(DateCli, PrintsIsoForThePhrase) {
  CliRun r = Matn({"جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "2024-07-05T06:24+04:30\n");
  r = Matn({"1", "رمضان", "1445", "هـ"});  // several arguments are one phrase
  EXPECT_EQ(r.out, "2024-03-11\n");
}

TEST(DateCli, LangAndRef) {
  EXPECT_EQ(Matn({"--lang", "en", "7/5/2024"}).out, "2024-07-05\n");
  EXPECT_EQ(Matn({"--lang=de", "7/5/2024"}).out, "2024-05-07\n");
  CliRun r = Matn({"--ref", "2024-07-05T10:00+04:30", "۲ ساعت پیش"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "2024-07-05T08:00+04:30\n");
  EXPECT_EQ(Matn({"--ref=2024-07-05", "yesterday"}).out, "2024-07-04\n");
}

TEST(DateCli, FailureSaysWhyOnStderrWithStatusOne) {
  CliRun r = Matn({"2 hours ago"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("reference"), std::string::npos) << r.err;
  r = Matn({"۳۰ اسفند ۱۴۰۲"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("29 days"), std::string::npos) << r.err;
}

TEST(DateCli, UsageErrorsAndHelp) {
  EXPECT_EQ(Matn({}).status, 2);
  EXPECT_EQ(Matn({"--bogus", "x"}).status, 2);
  EXPECT_EQ(Matn({"--ref", "not a date", "today"}).status, 2);
  EXPECT_EQ(Matn({"--lang"}).status, 2);
  CliRun h = Matn({"--help"});
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("Usage: matn date"), std::string::npos);
  EXPECT_NE(h.out.find("--ref"), std::string::npos);
}

TEST(DateCli, AllListsEveryMatchWithItsCalendar) {
  CliRun r = Matn({"--all", "الأحد 10 ذو الحجة 1445 هـ الموافق 16 يونيو 2024 م"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2024-06-16\tlunar-hijri\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2024-06-16\tgregorian\t"), std::string::npos) << r.out;
  EXPECT_EQ(Matn({"--all", "© 2024"}).status, 1);
}

}  // namespace
