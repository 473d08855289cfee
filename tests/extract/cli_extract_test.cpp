// `matn extract` end to end: inputs, formats, failures, exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kData = std::string(MATN_TEST_DATA) + "/extract";

struct Result {
  int status = -1;
  std::string out, err;
};

Result Matn(const std::string& args, const std::string& stdin_file = "") {
  char tmpl[] = "/tmp/matn_cli_err_XXXXXX";
  int fd = mkstemp(tmpl);
  close(fd);
  std::string cmd = std::string(MATN_BINARY) + " extract " + args + " 2>" + tmpl;
  if (!stdin_file.empty()) cmd += " <" + stdin_file;
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream f(tmpl);
  std::stringstream ss;
  ss << f.rdbuf();
  r.err = ss.str();
  std::remove(tmpl);
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> v;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) v.push_back(line);
  return v;
}

TEST(CliExtract, SingleFileDefaultsToText) {
  Result r = Matn(kData + "/boilerplate.html");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Residents of the valley returned on Monday"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"text\""), std::string::npos);
  EXPECT_EQ(r.out.find("Skip to main content"), std::string::npos);
}

TEST(CliExtract, GzipAndStdin) {
  Result gz = Matn("--format jsonl " + kData + "/boilerplate.html.gz");
  EXPECT_EQ(gz.status, 0) << gz.err;
  EXPECT_NE(gz.out.find("Residents of the valley"), std::string::npos);
  Result in = Matn("--format jsonl -", kData + "/boilerplate.html.gz");
  EXPECT_EQ(in.status, 0) << in.err;
  EXPECT_NE(in.out.find("\"source\":\"-\""), std::string::npos) << in.out;
  EXPECT_NE(in.out.find("Residents of the valley"), std::string::npos);
}

TEST(CliExtract, MissingFileFailsAloneAndExitIsOne) {
  Result r = Matn(kData + "/boilerplate.html " + kData + "/no-such-page.html " + kData + "/dari.html");
  EXPECT_EQ(r.status, 1);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_NE(lines[0].find("Residents of the valley"), std::string::npos);
  EXPECT_EQ(lines[0].find("\"error\""), std::string::npos);
  EXPECT_NE(lines[1].find("\"error\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("no-such-page.html"), std::string::npos);
  EXPECT_NE(lines[1].find("\"text\":null"), std::string::npos);
  EXPECT_NE(lines[2].find("می\u200cگویند"), std::string::npos) << lines[2];
  EXPECT_NE(r.err.find("no-such-page.html"), std::string::npos) << r.err;
}

TEST(CliExtract, TruncatedGzipIsAnError) {
  Result r = Matn("--format jsonl " + kData + "/truncated.html.gz " + kData + "/dari.html");
  EXPECT_EQ(r.status, 1);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_NE(lines[0].find("\"error\""), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1].find("\"error\""), std::string::npos);
  EXPECT_NE(r.err.find("truncated.html.gz"), std::string::npos);
}

TEST(CliExtract, DirectoryIsRecursiveSortedJsonl) {
  Result r = Matn(kData);
  EXPECT_EQ(r.status, 1);  // truncated.html.gz is in there
  auto lines = Lines(r.out);
  // Files of the subdirectory come in path order, between their neighbours.
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_NE(lines[0].find("boilerplate.html\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("boilerplate.html.gz\""), std::string::npos);
  EXPECT_NE(lines[2].find("dari.html\""), std::string::npos);
  EXPECT_NE(lines[3].find("selection/jsonld-lead.html\""), std::string::npos);
  EXPECT_NE(lines[5].find("selection/sidebar-named-main.html\""), std::string::npos);
  EXPECT_NE(lines[6].find("truncated.html.gz\""), std::string::npos);
  for (const auto& l : lines) {
    EXPECT_EQ(l.front(), '{');
    EXPECT_EQ(l.back(), '}');
  }
}

TEST(CliExtract, JsonArrayForSeveralInputs) {
  Result r = Matn("--format json " + kData + "/boilerplate.html " + kData + "/dari.html");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_GE(r.out.size(), 4u);
  EXPECT_EQ(r.out.substr(0, 2), "[\n");
  EXPECT_EQ(r.out.substr(r.out.size() - 3), "\n]\n");
  EXPECT_NE(r.out.find("},\n{"), std::string::npos);
}

TEST(CliExtract, MarkdownWithTitleAndStructure) {
  Result r = Matn("--format markdown " + kData + "/boilerplate.html");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n## A long recovery\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n- Emergency shelters"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n> "), std::string::npos) << r.out;
}

TEST(CliExtract, CommentsOnlyWhenAsked) {
  Result off = Matn("--format jsonl " + kData + "/boilerplate.html");
  EXPECT_EQ(off.out.find("\"comments\""), std::string::npos);
  Result on = Matn("--comments --format jsonl " + kData + "/boilerplate.html");
  EXPECT_NE(on.out.find("\"comments\":\""), std::string::npos) << on.out;
  EXPECT_NE(on.out.find("My street is still flooded"), std::string::npos);
}

TEST(CliExtract, OutputFileAndStats) {
  std::string path = "/tmp/matn_cli_out_test.jsonl";
  Result r = Matn("--stats -o " + path + " " + kData + "/boilerplate.html " + kData + "/dari.html");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("documents 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("parse"), std::string::npos) << r.err;
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_EQ(Lines(ss.str()).size(), 2u);
  std::remove(path.c_str());
}

TEST(CliExtract, UsageErrors) {
  EXPECT_EQ(Matn("--help").status, 0);
  EXPECT_NE(Matn("--help").out.find("--favor"), std::string::npos);
  EXPECT_EQ(Matn("--bogus x.html").status, 2);
  EXPECT_EQ(Matn("--format xml x.html").status, 2);
  EXPECT_EQ(Matn("--favor speed x.html").status, 2);
  EXPECT_EQ(Matn("--url http://x/ a.html b.html").status, 2);
  EXPECT_EQ(Matn("--max-size lots x.html").status, 2);
}

TEST(CliExtract, MaxSize) {
  Result r = Matn("--max-size 100 --format jsonl " + kData + "/boilerplate.html");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\"error\""), std::string::npos) << r.out;
}

}  // namespace
