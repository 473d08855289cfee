// html5lib tree-construction conformance runner.
//
// Usage: html5lib_tree HTML5LIB_TESTS_DIR [--verbose] [--only FILE.dat] [--known PATH]
//
// Runs every tree-construction/*.dat test with scripting off: tests marked
// #script-on are skipped, #script-off and unmarked ones run. #document-fragment
// tests go through ParseFragment. Prints per-file and total pass counts and
// exits non-zero when a test fails that tree_known_failures.txt (next to this
// file, one "file.dat:INDEX  reason" per line, INDEX counting tests from 0 in
// file order) does not list — or when a listed test now passes, so the list
// stays honest.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "matn/html.h"

namespace fs = std::filesystem;

namespace {

struct Test {
  size_t index = 0;
  std::string data, fragment, expected;
  bool script_on = false;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Splits a .dat file into tests. A test starts at a "#data" line at the start
// of the file or after an empty line; its sections run until the next one.
std::vector<Test> ParseDat(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) {
      if (pos < text.size()) lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::vector<Test> tests;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i] != "#data" || (i > 0 && !lines[i - 1].empty())) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < lines.size() && !(lines[end] == "#data" && lines[end - 1].empty())) ++end;
    Test t;
    t.index = tests.size();
    std::string section;
    std::vector<std::string> data_lines, doc_lines;
    for (size_t k = i; k < end; ++k) {
      const std::string& l = lines[k];
      if (!l.empty() && l[0] == '#' && section != "#document" &&
          (l == "#data" || l == "#errors" || l == "#new-errors" || l == "#document-fragment" ||
           l == "#script-off" || l == "#script-on" || l == "#document")) {
        section = l;
        if (l == "#script-on") t.script_on = true;
        continue;
      }
      if (section == "#data") data_lines.push_back(l);
      else if (section == "#document-fragment") t.fragment = l;
      else if (section == "#document") doc_lines.push_back(l);
    }
    for (size_t k = 0; k < data_lines.size(); ++k) t.data += (k ? "\n" : "") + data_lines[k];
    while (!doc_lines.empty() && doc_lines.back().empty()) doc_lines.pop_back();
    for (const auto& l : doc_lines) t.expected += l + "\n";
    tests.push_back(std::move(t));
    i = end;
  }
  return tests;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s HTML5LIB_TESTS_DIR [--verbose] [--only FILE.dat] [--known PATH]\n", argv[0]);
    return 2;
  }
  fs::path dir = fs::path(argv[1]) / "tree-construction";
  bool verbose = false;
  std::string only;
  fs::path known_path = fs::path(__FILE__).parent_path() / "tree_known_failures.txt";
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--verbose") || !std::strcmp(argv[i], "-v")) verbose = true;
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else if (!std::strcmp(argv[i], "--known") && i + 1 < argc) known_path = argv[++i];
  }
  std::set<std::string> known;
  {
    std::ifstream in(known_path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      known.insert(line.substr(0, line.find_first_of(" \t")));
    }
  }
  const bool trace = std::getenv("MATN_TREE_TRACE") != nullptr;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".dat") files.push_back(e.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "no .dat files in %s\n", dir.string().c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  size_t total = 0, passed = 0, skipped = 0, unexpected = 0, fixed = 0;
  for (const auto& f : files) {
    std::string name = f.filename().string();
    if (!only.empty() && name != only) continue;
    size_t ft = 0, fp = 0;
    for (const Test& t : ParseDat(ReadFile(f))) {
      if (t.script_on) {
        ++skipped;
        continue;
      }
      ++ft;
      if (trace) std::fprintf(stderr, "run %s:%zu\n", name.c_str(), t.index);
      matn::Document doc;
      if (t.fragment.empty()) matn::ParseDocument(t.data, &doc);
      else matn::ParseFragment(t.data, t.fragment, &doc);
      std::string got = matn::DumpTree(doc.root());
      std::string id = name + ":" + std::to_string(t.index);
      bool ok = got == t.expected;
      bool listed = known.count(id) > 0;
      if (ok) {
        ++fp;
        if (listed) {
          ++fixed;
          std::printf("NOW PASSES (remove from known failures): %s\n", id.c_str());
        }
      } else if (!listed) {
        ++unexpected;
      }
      if (!ok && (verbose || !listed)) {
        std::printf("FAIL %s%s\n#data\n%s\n", id.c_str(), listed ? " (known)" : "", t.data.c_str());
        if (!t.fragment.empty()) std::printf("#document-fragment\n%s\n", t.fragment.c_str());
        std::printf("#expected\n%s#got\n%s\n", t.expected.c_str(), got.c_str());
      }
    }
    total += ft;
    passed += fp;
    std::printf("%-45s %4zu / %4zu\n", name.c_str(), fp, ft);
  }
  std::printf("TOTAL %zu / %zu passed (%.2f %%), %zu skipped (#script-on), %zu unexpected failures\n", passed, total,
              total ? 100.0 * static_cast<double>(passed) / static_cast<double>(total) : 0.0, skipped, unexpected);
  return (unexpected || fixed) ? 1 : 0;
}
