// Hostile inputs through the `matn extract` program, and issue 7 item 4 (no
// surprise effects): a batch holding truncated gzip, binary garbage named
// .html, an empty file and a 200,000-deep page still extracts every good
// input, names each failure, writes one valid JSONL line per input and exits
// 1; matn writes no file but -o's, opens no socket and runs no other program.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "hostile_util.h"
#include "json_check.h"

namespace matn::hostile {
namespace {

namespace fs = std::filesystem;

const std::string kExtract = std::string(MATN_TEST_DATA) + "/extract";
const fs::path kRepo = fs::path(MATN_TEST_DATA).parent_path().parent_path();

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void Write(const fs::path& p, const std::string& bytes) {
  std::ofstream f(p, std::ios::binary);
  f << bytes;
}

// A fresh empty directory, removed with everything in it at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/matn_hostile_XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

struct CliRun {
  int status = -1;
  std::string out, err;
};

// Runs `matn extract ARGS` with `cwd` as working directory (stdout and stderr
// go to files outside it).
CliRun Matn(const std::string& args, const fs::path& cwd, const std::string& prefix = "") {
  TempDir io;
  fs::path out = io.path / "stdout", err = io.path / "stderr";
  std::string cmd = "cd '" + cwd.string() + "' && " + prefix + std::string(MATN_BINARY) + " extract " + args + " >'" +
                    out.string() + "' 2>'" + err.string() + "'";
  int st = std::system(cmd.c_str());
  CliRun r;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> v;
  size_t start = 0;
  for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) v.push_back(s.substr(start, nl - start));
  EXPECT_EQ(start, s.size()) << "output does not end with a newline";
  return v;
}

class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string gz = Slurp(kExtract + "/boilerplate.html.gz");
    ASSERT_GT(gz.size(), 100u);
    // Cut after the gzip header, in the middle, and just before the trailer's end.
    Write(in_.path / "cut-header.html.gz", gz.substr(0, 12));
    Write(in_.path / "cut-middle.html.gz", gz.substr(0, gz.size() / 2));
    Write(in_.path / "cut-trailer.html.gz", gz.substr(0, gz.size() - 3));
    uint32_t x = 88172645u;
    std::string garbage;
    for (int i = 0; i < 300000; ++i) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      garbage += static_cast<char>(x);
    }
    Write(in_.path / "garbage.html", garbage);
    Write(in_.path / "empty.html", "");
    Write(in_.path / "deep.html", Repeat("<div>", 200000) + "<p>Deep text that is long enough, with a comma, to count.</p>");
  }
  TempDir in_, cwd_;
};

TEST_F(Batch, EveryInputGetsOneValidLineAndFailuresStayAlone) {
  const std::vector<std::string> inputs = {kExtract + "/boilerplate.html", (in_.path / "cut-header.html.gz").string(),
                                           (in_.path / "garbage.html").string(), kExtract + "/truncated.html.gz",
                                           (in_.path / "cut-middle.html.gz").string(), (in_.path / "empty.html").string(),
                                           (in_.path / "cut-trailer.html.gz").string(), (in_.path / "deep.html").string(),
                                           kExtract + "/dari.html"};
  std::string args = "--format jsonl";
  for (const auto& i : inputs) args += " '" + i + "'";
  CliRun r = Matn(args, cwd_.path);
  EXPECT_EQ(r.status, 1) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), inputs.size()) << r.out.substr(0, 2000);
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(inputs[i]);
    EXPECT_EQ(testing::JsonlRecordError(lines[i]), "");
    bool truncated = inputs[i].find("cut-") != std::string::npos || inputs[i].find("truncated") != std::string::npos;
    EXPECT_EQ(lines[i].find("\"error\":") != std::string::npos, truncated) << lines[i].substr(0, 300);
    if (truncated) {
      EXPECT_NE(lines[i].find("\"text\":null"), std::string::npos);
      // stderr names the input and says why, in plain words.
      EXPECT_NE(r.err.find(fs::path(inputs[i]).filename().string()), std::string::npos) << r.err;
    }
  }
  EXPECT_NE(lines[0].find("Residents of the valley"), std::string::npos);
  EXPECT_NE(lines[7].find("Deep text that is long enough"), std::string::npos);
  EXPECT_NE(lines[8].find("می\u200cگویند"), std::string::npos);
  EXPECT_NE(r.err.find("corrupt"), std::string::npos) << r.err;
}

TEST_F(Batch, SingleTruncatedGzipExitsOneWithAnErrorRecord) {
  CliRun r = Matn("--format jsonl '" + (in_.path / "cut-middle.html.gz").string() + "'", cwd_.path);
  EXPECT_EQ(r.status, 1);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(testing::JsonlRecordError(lines[0]), "");
  EXPECT_NE(lines[0].find("\"error\":\"corrupt"), std::string::npos) << lines[0];
  EXPECT_NE(r.err.find("cut-middle.html.gz"), std::string::npos);
}

TEST_F(Batch, MaxSizeRefusesWithAClearError) {
  Write(in_.path / "big.html", "<p>" + std::string(3 << 20, 'x') + "</p>");
  CliRun r = Matn("--format jsonl --max-size 1M '" + (in_.path / "big.html").string() + "' '" + kExtract +
                   "/boilerplate.html'",
               cwd_.path);
  EXPECT_EQ(r.status, 1);
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("\"error\":\"limit exceeded"), std::string::npos) << lines[0];
  EXPECT_NE(r.err.find("big.html"), std::string::npos) << r.err;
  EXPECT_NE(lines[1].find("Residents of the valley"), std::string::npos);
}

TEST_F(Batch, NoFileAppearsInTheWorkingDirectory) {
  CliRun r = Matn("--format jsonl '" + kExtract + "/boilerplate.html' '" + (in_.path / "deep.html").string() + "' '" +
                   (in_.path / "cut-middle.html.gz").string() + "'",
               cwd_.path);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out).size(), 3u);
  EXPECT_TRUE(fs::is_empty(cwd_.path)) << fs::directory_iterator(cwd_.path)->path();
  // With -o, the named file and nothing else.
  r = Matn("--format jsonl -o result.jsonl '" + kExtract + "/boilerplate.html' '" + kExtract + "/dari.html'", cwd_.path);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(cwd_.path)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"result.jsonl"});
  EXPECT_EQ(Lines(Slurp(cwd_.path / "result.jsonl")).size(), 2u);
}

// The system calls themselves: no socket, no connect, no second program, and
// the only file opened for writing is -o's. Needs strace (scripts/install-deps.sh).
TEST_F(Batch, StraceShowsNoNetworkNoExecAndOnlyTheOutputFileWritten) {
  if (std::system("strace -V >/dev/null 2>&1") != 0) GTEST_SKIP() << "strace not installed";
  TempDir trace_dir;
  fs::path trace = trace_dir.path / "trace";
  // LeakSanitizer cannot run under ptrace; the leak check is done elsewhere.
  std::string prefix = "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o '" + trace.string() +
                       "' -e trace=%network,%process,openat,open,creat,truncate,rename,renameat,renameat2,unlink,"
                       "unlinkat,mkdir,mkdirat,link,symlink ";
  CliRun r = Matn("--format jsonl -o out.jsonl '" + kExtract + "/boilerplate.html' '" + kExtract +
                   "/boilerplate.html.gz' '" + (in_.path / "cut-middle.html.gz").string() + "' '" + kExtract + "/dari.html'",
               cwd_.path, prefix);
  EXPECT_EQ(r.status, 1) << r.err;
  std::string t = Slurp(trace);
  ASSERT_FALSE(t.empty()) << "strace wrote nothing (ptrace not permitted?)";
  std::istringstream ss(t);
  int execs = 0;
  for (std::string line; std::getline(ss, line);) {
    SCOPED_TRACE(line);
    EXPECT_EQ(line.find("socket("), std::string::npos);
    EXPECT_EQ(line.find("connect("), std::string::npos);
    EXPECT_EQ(line.find("bind("), std::string::npos);
    EXPECT_EQ(line.find("sendto("), std::string::npos);
    if (line.find("execve(") != std::string::npos) ++execs;
    bool writes = std::regex_search(line, std::regex("O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|creat\\(|rename|unlink|mkdir|link\\("));
    if (writes) {
      EXPECT_NE(line.find("\"out.jsonl\""), std::string::npos);
    }
  }
  EXPECT_EQ(execs, 1);  // matn itself
  EXPECT_EQ(Lines(Slurp(cwd_.path / "out.jsonl")).size(), 4u);
}

// The source tree: no shell-out, process spawning or networking calls
// anywhere in the engine, and writing files only in the CLI (for -o).
TEST(NoSurpriseEffects, SourcesHaveNoShellOutNetworkOrStrayWrites) {
  const std::regex call(
      R"(\b(system|popen|socket|connect|execv|execvp|execve|execl|execlp|execle|fork|vfork|posix_spawnp?|dlopen|getaddrinfo|gethostbyname|curl_easy_init)\s*\()");
  const std::regex write_open(R"(fopen\([^;]*"[wa]|O_WRONLY|O_RDWR|O_CREAT|ofstream|gzopen\([^;]*"w)");
  size_t files = 0;
  for (const char* dir : {"src", "cli", "include", "python"}) {
    if (!fs::exists(kRepo / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(kRepo / dir)) {
      std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".h" && ext != ".cc") continue;
      ++files;
      std::istringstream ss(Slurp(e.path()));
      int n = 0;
      for (std::string line; std::getline(ss, line);) {
        ++n;
        std::string code = line.substr(0, line.find("//"));
        std::string where = e.path().lexically_relative(kRepo).string() + ":" + std::to_string(n) + ": " + line;
        EXPECT_FALSE(std::regex_search(code, call)) << where;
        if (std::regex_search(code, write_open)) {
          EXPECT_EQ(e.path().lexically_relative(kRepo).string(), "cli/cmd_extract.cpp") << where;
        }
      }
    }
  }
  EXPECT_GT(files, 30u);
}

// Linear time throughout: no backtracking regular-expression engine in the
// engine (std::regex backtracks, and is slow besides).
TEST(NoSurpriseEffects, NoBacktrackingRegexInTheEngine) {
  for (const char* dir : {"src", "cli", "include"}) {
    for (const auto& e : fs::recursive_directory_iterator(kRepo / dir)) {
      if (!e.is_regular_file()) continue;
      std::string text = Slurp(e.path());
      EXPECT_EQ(text.find("#include <regex>"), std::string::npos) << e.path();
      EXPECT_EQ(text.find("pcre"), std::string::npos) << e.path();
    }
  }
}

}  // namespace
}  // namespace matn::hostile
