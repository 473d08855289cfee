// `matn normalize` end to end: streaming, flags, exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace {

const std::string Z = "\u200C";

struct Result {
  int status = -1;
  std::string out;
};

// Runs `matn normalize ARGS < input` (stderr to `err_path` if given).
Result RunMatn(const std::string& args, const std::string& input, const std::string& env = "",
           const std::string& err_path = "/dev/null") {
  std::string in_path = ::testing::TempDir() + "matn_normalize_in.txt";
  std::ofstream(in_path, std::ios::binary) << input;
  std::string cmd = env + " " + MATN_BINARY + " normalize " + args + " < " + in_path + " 2>" + err_path;
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

TEST(NormalizeCli, HelpAndUsageErrors) {
  Result h = RunMatn("--help", "");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("--repair-zwnj"), std::string::npos);
  EXPECT_EQ(RunMatn("--bogus", "").status, 2);
  EXPECT_EQ(RunMatn("--repair-zwnj=sometimes", "").status, 2);
  EXPECT_EQ(RunMatn("--digits roman", "").status, 2);
  EXPECT_EQ(RunMatn("--normalize xx", "").status, 2);
}

TEST(NormalizeCli, HygieneAlwaysAndLinesKept) {
  Result r = RunMatn("", "  سلام\u200B  دنیا \n\n\u202Bمتن\u202C\nlast");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "سلام دنیا\n\nمتن\nlast");
}

TEST(NormalizeCli, RepairAndNormalize) {
  Result r = RunMatn("--repair-zwnj --normalize fa --digits persian", "ميكند كتابها را در 2024 خواند\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "می" + Z + "کند کتاب" + Z + "ها را در ۲۰۲۴ خواند\n");
  Result s = RunMatn("--repair-zwnj=space", "می کند میکند\n");
  EXPECT_EQ(s.out, "می" + Z + "کند میکند\n");
}

TEST(NormalizeCli, ArabicLanguageOnlyGetsHygiene) {
  Result r = RunMatn("--repair-zwnj --normalize fa --lang ar", "قال علي إن الكتاب\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "قال علي إن الكتاب\n");
}

TEST(NormalizeCli, MissingFileFailsButOthersAreProcessed) {
  std::string good = ::testing::TempDir() + "matn_normalize_good.txt";
  std::ofstream(good) << "a  b\n";
  Result r = RunMatn("/nonexistent/file.txt " + good, "");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "a b\n");
}

TEST(NormalizeCli, WithoutWordListRulesStillWorkAndItSaysSoOnce) {
  std::string err = ::testing::TempDir() + "matn_normalize_err.txt";
  Result r = RunMatn("--repair-zwnj", "میکند\nکتابها\n", "MATN_FA_DIC=/nonexistent/fa.dic", err);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "می" + Z + "کند\nکتاب" + Z + "ها\n");
  std::ifstream e(err);
  std::string text((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
  size_t first = text.find("not found");
  EXPECT_NE(first, std::string::npos);
  EXPECT_EQ(text.find("not found", first + 1), std::string::npos);
}

}  // namespace
