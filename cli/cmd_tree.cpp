// matn tree — the parsed HTML5 tree, or per-file parse statistics.
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "matn/encoding.h"
#include "matn/html.h"
#include "matn/io.h"

namespace matn::cli {
namespace {

constexpr const char* kHelp = R"(Usage: matn tree [--fragment CONTEXT] FILE|-
       matn tree --summary FILE...

Parses HTML the way a browser does (WHATWG algorithm, scripting off) and
prints the tree in html5lib-tests' format: one "| " line per node, two spaces
of indent per level, attributes sorted, foreign elements as "svg path" or
"math mi", template contents under a "content" line.

Inputs may be gzip-compressed; bytes are decoded to UTF-8 first (BOM, meta
prescan, detection, windows-1252 default).

Options:
  --fragment CONTEXT  parse as the innerHTML of CONTEXT ("td", "svg path",
                      "math mi"); prints the fragment's children
  --summary           for each FILE print: path, element count, text bytes,
                      maximum element depth (tab-separated)
  -h, --help          this help

Exit status: 0 success, 1 some input failed (details on stderr), 2 usage error.
)";

bool Load(const char* path, std::string* utf8) {
  std::string raw;
  Status s = ReadInput(path, &raw);
  if (!s.ok()) {
    std::fprintf(stderr, "matn tree: %s: %s\n", path, s.ToString().c_str());
    return false;
  }
  s = DecodeToUtf8(raw, utf8);
  if (!s.ok()) {
    std::fprintf(stderr, "matn tree: %s: %s\n", path, s.ToString().c_str());
    return false;
  }
  return true;
}

void Summary(const char* path, const Document& doc) {
  size_t elements = 0, text_bytes = 0, max_depth = 0;
  // Depth tracked iteratively: NextInPreorder moves down one level or up some.
  const Node* root = doc.root();
  size_t depth = 0;
  for (const Node* n = root ? root->first_child : nullptr; n;) {
    if (n->type == NodeType::kElement) {
      ++elements;
      if (depth + 1 > max_depth) max_depth = depth + 1;
    } else if (n->type == NodeType::kText) {
      text_bytes += n->data().size();
    }
    if (n->first_child) {
      n = n->first_child;
      ++depth;
      continue;
    }
    while (n && n != root && !n->next_sibling) {
      n = n->parent;
      --depth;
    }
    n = (n && n != root) ? n->next_sibling : nullptr;
  }
  std::printf("%s\t%zu\t%zu\t%zu\n", path, elements, text_bytes, max_depth);
}

}  // namespace

int RunTree(int argc, char** argv) {
  bool summary = false;
  const char* fragment = nullptr;
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    }
    if (a == "--summary") {
      summary = true;
    } else if (a == "--fragment") {
      if (i + 1 >= argc) {
        std::fputs("matn tree: --fragment needs a context element name\n", stderr);
        return kExitUsage;
      }
      fragment = argv[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "matn tree: unknown option '%s' (see matn tree --help)\n", argv[i]);
      return kExitUsage;
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.empty()) {
    std::fputs("matn tree: no input file (use - for stdin; see matn tree --help)\n", stderr);
    return kExitUsage;
  }
  if (summary && fragment) {
    std::fputs("matn tree: --summary and --fragment cannot be combined\n", stderr);
    return kExitUsage;
  }
  if (!summary && files.size() != 1) {
    std::fputs("matn tree: prints one tree; give one FILE, or use --summary for several\n", stderr);
    return kExitUsage;
  }
  int rc = kExitOk;
  for (const char* path : files) {
    std::string utf8;
    if (!Load(path, &utf8)) {
      rc = kExitInputFailed;
      continue;
    }
    Document doc;
    Status s = fragment ? ParseFragment(std::move(utf8), fragment, &doc) : ParseDocument(std::move(utf8), &doc);
    if (!s.ok()) {
      std::fprintf(stderr, "matn tree: %s: %s\n", path, s.ToString().c_str());
      rc = kExitInputFailed;
      continue;
    }
    if (summary) {
      Summary(path, doc);
    } else {
      std::string out = DumpTree(doc.root());
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  }
  return rc;
}

}  // namespace matn::cli
