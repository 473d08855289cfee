// RFC 3986 section 5.2 reference resolution, enough for href/src attributes.
#include <string>
#include <string_view>

#include "matn/extract.h"

namespace matn {
namespace {

// Length of "scheme:" at the start of `s`, or 0.
size_t SchemeLength(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i + 1;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
              c == '-' || c == '.';
    if (!ok) return 0;
  }
  return 0;
}

std::string RemoveDotSegments(std::string_view path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    std::string_view rest = path.substr(i);
    if (rest.substr(0, 3) == "../") { i += 3; continue; }
    if (rest.substr(0, 2) == "./") { i += 2; continue; }
    if (rest.substr(0, 3) == "/./") { i += 2; continue; }
    if (rest == "/.") { out += '/'; break; }
    if (rest.substr(0, 4) == "/../" || rest == "/..") {
      size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (rest == "/..") { out += '/'; break; }
      i += 3;
      continue;
    }
    if (rest == "." || rest == "..") break;
    size_t next = path.find('/', i + (path[i] == '/' ? 1 : 0));
    if (next == std::string_view::npos) next = path.size();
    out.append(path.substr(i, next - i));
    i = next;
  }
  return out;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view href) {
  // Trim the ASCII white space HTML allows around URLs.
  while (!href.empty() && static_cast<unsigned char>(href.front()) <= ' ') href.remove_prefix(1);
  while (!href.empty() && static_cast<unsigned char>(href.back()) <= ' ') href.remove_suffix(1);
  size_t bs = SchemeLength(base);
  if (bs == 0 || SchemeLength(href) != 0) return std::string(href);
  if (href.empty()) {
    size_t hash = base.find('#');
    return std::string(base.substr(0, hash));
  }
  std::string_view scheme = base.substr(0, bs);  // "https:"
  std::string_view rest = base.substr(bs);
  if (href.substr(0, 2) == "//") return std::string(scheme) + std::string(href);
  // Split base into authority, path (query and fragment dropped).
  std::string_view authority;
  if (rest.substr(0, 2) == "//") {
    size_t end = rest.find_first_of("/?#", 2);
    if (end == std::string_view::npos) end = rest.size();
    authority = rest.substr(0, end);
    rest = rest.substr(end);
  }
  size_t qpos = rest.find_first_of("?#");
  std::string_view bpath = rest.substr(0, qpos);
  std::string_view bquery;
  if (qpos != std::string_view::npos && rest[qpos] == '?') {
    size_t h = rest.find('#', qpos);
    bquery = rest.substr(qpos, h == std::string_view::npos ? std::string_view::npos : h - qpos);
  }
  std::string out(scheme);
  out += authority;
  if (href[0] == '#') {
    out += bpath;
    out += bquery;
    out += href;
    return out;
  }
  if (href[0] == '?') {
    out += bpath;
    out += href;
    return out;
  }
  // Separate the reference's path from its query/fragment.
  size_t hq = href.find_first_of("?#");
  std::string_view rpath = href.substr(0, hq);
  std::string_view rtail = hq == std::string_view::npos ? std::string_view() : href.substr(hq);
  std::string merged;
  if (!rpath.empty() && rpath[0] == '/') {
    merged = std::string(rpath);
  } else {
    if (!authority.empty() && bpath.empty()) {
      merged = "/";
    } else {
      size_t slash = bpath.rfind('/');
      if (slash != std::string_view::npos) merged = std::string(bpath.substr(0, slash + 1));
    }
    merged += rpath;
  }
  out += RemoveDotSegments(merged);
  out += rtail;
  return out;
}

}  // namespace matn
