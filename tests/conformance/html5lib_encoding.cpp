// html5lib-tests encoding/*.dat runner: each test is #data (a document's
// bytes) and #encoding (the encoding a browser ends up with). The check is
// the HTML Standard's encoding sniffing as implemented by the encoding layer
// (BOM, <meta> prescan, detector for undeclared pages, windows-1252).
//
// Two more counts are printed for information:
//  * the spec's 1024-byte prescan alone (PrescanMetaCharset): the suite's
//    tests with the <meta> past 1024 bytes expect the encoding a browser
//    switches to when its parser meets that <meta>, which the sniffing
//    emulates with a longer scan;
//  * DecodeToUtf8's final choice, which overrules a legacy <meta> on a
//    document that is entirely valid UTF-8 (see src/encoding/decode.cpp);
//    test-yahoo-jp.dat, a euc-jp page stored re-encoded as UTF-8, is one.
//
// Usage: html5lib_encoding <html5lib-tests dir>; exit 1 if any test fails.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace {

struct Test {
  std::string data;
  std::string encoding;
};

std::vector<Test> ParseDat(const std::string& text) {
  std::vector<Test> tests;
  size_t pos = 0;
  const std::string data_marker = "#data\n", enc_marker = "\n#encoding\n";
  while ((pos = text.find(data_marker, pos)) != std::string::npos) {
    const size_t data_start = pos + data_marker.size();
    const size_t enc = text.find(enc_marker, data_start);
    if (enc == std::string::npos) break;
    const size_t name_start = enc + enc_marker.size();
    size_t name_end = text.find('\n', name_start);
    if (name_end == std::string::npos) name_end = text.size();
    tests.push_back({text.substr(data_start, enc - data_start), text.substr(name_start, name_end - name_start)});
    pos = name_end;
  }
  return tests;
}

bool SameEncoding(std::string_view expected_label, std::string_view got_name) {
  return matn::CanonicalEncodingName(expected_label) == got_name;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <html5lib-tests dir>\n", argv[0]);
    return 2;
  }
  int passed = 0, failed = 0, prescan_passed = 0, decode_agrees = 0, total = 0;
  for (const char* file : {"tests1.dat", "tests2.dat", "test-yahoo-jp.dat"}) {
    const std::string path = std::string(argv[1]) + "/encoding/" + file;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const auto tests = ParseDat(ss.str());
    int file_passed = 0;
    for (size_t i = 0; i < tests.size(); ++i) {
      const Test& t = tests[i];
      if (matn::CanonicalEncodingName(t.encoding).empty()) {
        std::fprintf(stderr, "%s #%zu: unknown expected label '%s'\n", file, i, t.encoding.c_str());
        ++failed;
        continue;
      }
      const auto sniffed = matn::encoding::SniffEncoding(t.data, {});
      const std::string name(matn::encoding::EncName(sniffed.enc));
      const bool ok = SameEncoding(t.encoding, name);
      std::string out;
      matn::EncodingInfo info;
      const matn::Status st = matn::DecodeToUtf8(t.data, &out, &info);
      if (!st.ok() || !matn::IsValidUtf8(out)) {
        std::fprintf(stderr, "%s #%zu: DecodeToUtf8 failed or gave invalid UTF-8\n", file, i);
        ++failed;
        continue;
      }
      decode_agrees += SameEncoding(t.encoding, info.name);
      std::string prescan = matn::PrescanMetaCharset(t.data);
      if (t.data.substr(0, 3) == "\xEF\xBB\xBF") prescan = "UTF-8";  // the BOM comes before any prescan
      if (prescan.empty()) prescan = "windows-1252";
      prescan_passed += SameEncoding(t.encoding, prescan);
      ++total;
      if (ok) {
        ++passed, ++file_passed;
      } else {
        ++failed;
        std::fprintf(stderr, "FAIL %s #%zu: expected %s, got %s\n  data: %.200s\n", file, i, t.encoding.c_str(),
                     name.c_str(), t.data.c_str());
      }
    }
    std::printf("%-18s %d/%zu\n", file, file_passed, tests.size());
  }
  std::printf("1024-byte prescan alone: %d/%d\n", prescan_passed, total);
  std::printf("DecodeToUtf8 final choice: %d/%d\n", decode_agrees, total);
  std::printf("html5lib encoding: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
