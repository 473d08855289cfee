// The WHATWG Encoding Standard's label table (encoding.spec.whatwg.org,
// "Names and labels"), written out by hand from the standard, grouped by
// encoding as the standard lists them.
#include <algorithm>
#include <array>
#include <vector>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn::encoding {
namespace {

struct Label {
  std::string_view label;
  Enc enc;
};

constexpr Label kLabels[] = {
    // UTF-8
    {"unicode-1-1-utf-8", Enc::kUtf8}, {"unicode11utf8", Enc::kUtf8}, {"unicode20utf8", Enc::kUtf8},
    {"utf-8", Enc::kUtf8}, {"utf8", Enc::kUtf8}, {"x-unicode20utf8", Enc::kUtf8},
    // IBM866
    {"866", Enc::kIbm866}, {"cp866", Enc::kIbm866}, {"csibm866", Enc::kIbm866}, {"ibm866", Enc::kIbm866},
    // ISO-8859-2
    {"csisolatin2", Enc::kIso8859_2}, {"iso-8859-2", Enc::kIso8859_2}, {"iso-ir-101", Enc::kIso8859_2},
    {"iso8859-2", Enc::kIso8859_2}, {"iso88592", Enc::kIso8859_2}, {"iso_8859-2", Enc::kIso8859_2},
    {"iso_8859-2:1987", Enc::kIso8859_2}, {"l2", Enc::kIso8859_2}, {"latin2", Enc::kIso8859_2},
    // ISO-8859-3
    {"csisolatin3", Enc::kIso8859_3}, {"iso-8859-3", Enc::kIso8859_3}, {"iso-ir-109", Enc::kIso8859_3},
    {"iso8859-3", Enc::kIso8859_3}, {"iso88593", Enc::kIso8859_3}, {"iso_8859-3", Enc::kIso8859_3},
    {"iso_8859-3:1988", Enc::kIso8859_3}, {"l3", Enc::kIso8859_3}, {"latin3", Enc::kIso8859_3},
    // ISO-8859-4
    {"csisolatin4", Enc::kIso8859_4}, {"iso-8859-4", Enc::kIso8859_4}, {"iso-ir-110", Enc::kIso8859_4},
    {"iso8859-4", Enc::kIso8859_4}, {"iso88594", Enc::kIso8859_4}, {"iso_8859-4", Enc::kIso8859_4},
    {"iso_8859-4:1988", Enc::kIso8859_4}, {"l4", Enc::kIso8859_4}, {"latin4", Enc::kIso8859_4},
    // ISO-8859-5
    {"csisolatincyrillic", Enc::kIso8859_5}, {"cyrillic", Enc::kIso8859_5}, {"iso-8859-5", Enc::kIso8859_5},
    {"iso-ir-144", Enc::kIso8859_5}, {"iso8859-5", Enc::kIso8859_5}, {"iso88595", Enc::kIso8859_5},
    {"iso_8859-5", Enc::kIso8859_5}, {"iso_8859-5:1988", Enc::kIso8859_5},
    // ISO-8859-6
    {"arabic", Enc::kIso8859_6}, {"asmo-708", Enc::kIso8859_6}, {"csiso88596e", Enc::kIso8859_6},
    {"csiso88596i", Enc::kIso8859_6}, {"csisolatinarabic", Enc::kIso8859_6}, {"ecma-114", Enc::kIso8859_6},
    {"iso-8859-6", Enc::kIso8859_6}, {"iso-8859-6-e", Enc::kIso8859_6}, {"iso-8859-6-i", Enc::kIso8859_6},
    {"iso-ir-127", Enc::kIso8859_6}, {"iso8859-6", Enc::kIso8859_6}, {"iso88596", Enc::kIso8859_6},
    {"iso_8859-6", Enc::kIso8859_6}, {"iso_8859-6:1987", Enc::kIso8859_6},
    // ISO-8859-7
    {"csisolatingreek", Enc::kIso8859_7}, {"ecma-118", Enc::kIso8859_7}, {"elot_928", Enc::kIso8859_7},
    {"greek", Enc::kIso8859_7}, {"greek8", Enc::kIso8859_7}, {"iso-8859-7", Enc::kIso8859_7},
    {"iso-ir-126", Enc::kIso8859_7}, {"iso8859-7", Enc::kIso8859_7}, {"iso88597", Enc::kIso8859_7},
    {"iso_8859-7", Enc::kIso8859_7}, {"iso_8859-7:1987", Enc::kIso8859_7}, {"sun_eu_greek", Enc::kIso8859_7},
    // ISO-8859-8
    {"csiso88598e", Enc::kIso8859_8}, {"csisolatinhebrew", Enc::kIso8859_8}, {"hebrew", Enc::kIso8859_8},
    {"iso-8859-8", Enc::kIso8859_8}, {"iso-8859-8-e", Enc::kIso8859_8}, {"iso-ir-138", Enc::kIso8859_8},
    {"iso8859-8", Enc::kIso8859_8}, {"iso88598", Enc::kIso8859_8}, {"iso_8859-8", Enc::kIso8859_8},
    {"iso_8859-8:1988", Enc::kIso8859_8}, {"visual", Enc::kIso8859_8},
    // ISO-8859-8-I
    {"csiso88598i", Enc::kIso8859_8I}, {"iso-8859-8-i", Enc::kIso8859_8I}, {"logical", Enc::kIso8859_8I},
    // ISO-8859-10
    {"csisolatin6", Enc::kIso8859_10}, {"iso-8859-10", Enc::kIso8859_10}, {"iso-ir-157", Enc::kIso8859_10},
    {"iso8859-10", Enc::kIso8859_10}, {"iso885910", Enc::kIso8859_10}, {"l6", Enc::kIso8859_10},
    {"latin6", Enc::kIso8859_10},
    // ISO-8859-13, -14, -15, -16
    {"iso-8859-13", Enc::kIso8859_13}, {"iso8859-13", Enc::kIso8859_13}, {"iso885913", Enc::kIso8859_13},
    {"iso-8859-14", Enc::kIso8859_14}, {"iso8859-14", Enc::kIso8859_14}, {"iso885914", Enc::kIso8859_14},
    {"csisolatin9", Enc::kIso8859_15}, {"iso-8859-15", Enc::kIso8859_15}, {"iso8859-15", Enc::kIso8859_15},
    {"iso885915", Enc::kIso8859_15}, {"iso_8859-15", Enc::kIso8859_15}, {"l9", Enc::kIso8859_15},
    {"iso-8859-16", Enc::kIso8859_16},
    // KOI8-R, KOI8-U
    {"cskoi8r", Enc::kKoi8R}, {"koi", Enc::kKoi8R}, {"koi8", Enc::kKoi8R}, {"koi8-r", Enc::kKoi8R},
    {"koi8_r", Enc::kKoi8R}, {"koi8-ru", Enc::kKoi8U}, {"koi8-u", Enc::kKoi8U},
    // macintosh
    {"csmacintosh", Enc::kMacintosh}, {"mac", Enc::kMacintosh}, {"macintosh", Enc::kMacintosh},
    {"x-mac-roman", Enc::kMacintosh},
    // windows-874
    {"dos-874", Enc::kWindows874}, {"iso-8859-11", Enc::kWindows874}, {"iso8859-11", Enc::kWindows874},
    {"iso885911", Enc::kWindows874}, {"tis-620", Enc::kWindows874}, {"windows-874", Enc::kWindows874},
    // windows-1250 … 1258
    {"cp1250", Enc::kWindows1250}, {"windows-1250", Enc::kWindows1250}, {"x-cp1250", Enc::kWindows1250},
    {"cp1251", Enc::kWindows1251}, {"windows-1251", Enc::kWindows1251}, {"x-cp1251", Enc::kWindows1251},
    {"ansi_x3.4-1968", Enc::kWindows1252}, {"ascii", Enc::kWindows1252}, {"cp1252", Enc::kWindows1252},
    {"cp819", Enc::kWindows1252}, {"csisolatin1", Enc::kWindows1252}, {"ibm819", Enc::kWindows1252},
    {"iso-8859-1", Enc::kWindows1252}, {"iso-ir-100", Enc::kWindows1252}, {"iso8859-1", Enc::kWindows1252},
    {"iso88591", Enc::kWindows1252}, {"iso_8859-1", Enc::kWindows1252}, {"iso_8859-1:1987", Enc::kWindows1252},
    {"l1", Enc::kWindows1252}, {"latin1", Enc::kWindows1252}, {"us-ascii", Enc::kWindows1252},
    {"windows-1252", Enc::kWindows1252}, {"x-cp1252", Enc::kWindows1252},
    {"cp1253", Enc::kWindows1253}, {"windows-1253", Enc::kWindows1253}, {"x-cp1253", Enc::kWindows1253},
    {"cp1254", Enc::kWindows1254}, {"csisolatin5", Enc::kWindows1254}, {"iso-8859-9", Enc::kWindows1254},
    {"iso-ir-148", Enc::kWindows1254}, {"iso8859-9", Enc::kWindows1254}, {"iso88599", Enc::kWindows1254},
    {"iso_8859-9", Enc::kWindows1254}, {"iso_8859-9:1989", Enc::kWindows1254}, {"l5", Enc::kWindows1254},
    {"latin5", Enc::kWindows1254}, {"windows-1254", Enc::kWindows1254}, {"x-cp1254", Enc::kWindows1254},
    {"cp1255", Enc::kWindows1255}, {"windows-1255", Enc::kWindows1255}, {"x-cp1255", Enc::kWindows1255},
    {"cp1256", Enc::kWindows1256}, {"windows-1256", Enc::kWindows1256}, {"x-cp1256", Enc::kWindows1256},
    {"cp1257", Enc::kWindows1257}, {"windows-1257", Enc::kWindows1257}, {"x-cp1257", Enc::kWindows1257},
    {"cp1258", Enc::kWindows1258}, {"windows-1258", Enc::kWindows1258}, {"x-cp1258", Enc::kWindows1258},
    // x-mac-cyrillic
    {"x-mac-cyrillic", Enc::kXMacCyrillic}, {"x-mac-ukrainian", Enc::kXMacCyrillic},
    // GBK, gb18030
    {"chinese", Enc::kGbk}, {"csgb2312", Enc::kGbk}, {"csiso58gb231280", Enc::kGbk}, {"gb2312", Enc::kGbk},
    {"gb_2312", Enc::kGbk}, {"gb_2312-80", Enc::kGbk}, {"gbk", Enc::kGbk}, {"iso-ir-58", Enc::kGbk},
    {"x-gbk", Enc::kGbk}, {"gb18030", Enc::kGb18030},
    // Big5
    {"big5", Enc::kBig5}, {"big5-hkscs", Enc::kBig5}, {"cn-big5", Enc::kBig5}, {"csbig5", Enc::kBig5},
    {"x-x-big5", Enc::kBig5},
    // EUC-JP, ISO-2022-JP, Shift_JIS
    {"cseucpkdfmtjapanese", Enc::kEucJp}, {"euc-jp", Enc::kEucJp}, {"x-euc-jp", Enc::kEucJp},
    {"csiso2022jp", Enc::kIso2022Jp}, {"iso-2022-jp", Enc::kIso2022Jp},
    {"csshiftjis", Enc::kShiftJis}, {"ms932", Enc::kShiftJis}, {"ms_kanji", Enc::kShiftJis},
    {"shift-jis", Enc::kShiftJis}, {"shift_jis", Enc::kShiftJis}, {"sjis", Enc::kShiftJis},
    {"windows-31j", Enc::kShiftJis}, {"x-sjis", Enc::kShiftJis},
    // EUC-KR
    {"cseuckr", Enc::kEucKr}, {"csksc56011987", Enc::kEucKr}, {"euc-kr", Enc::kEucKr},
    {"iso-ir-149", Enc::kEucKr}, {"korean", Enc::kEucKr}, {"ks_c_5601-1987", Enc::kEucKr},
    {"ks_c_5601-1989", Enc::kEucKr}, {"ksc5601", Enc::kEucKr}, {"ksc_5601", Enc::kEucKr},
    {"windows-949", Enc::kEucKr},
    // replacement: labels of encodings that were used for attacks (ISO-2022-KR/CN, HZ)
    {"csiso2022kr", Enc::kReplacement}, {"hz-gb-2312", Enc::kReplacement}, {"iso-2022-cn", Enc::kReplacement},
    {"iso-2022-cn-ext", Enc::kReplacement}, {"iso-2022-kr", Enc::kReplacement},
    {"replacement", Enc::kReplacement},
    // UTF-16BE, UTF-16LE
    {"unicodefffe", Enc::kUtf16Be}, {"utf-16be", Enc::kUtf16Be},
    {"csunicode", Enc::kUtf16Le}, {"iso-10646-ucs-2", Enc::kUtf16Le}, {"ucs-2", Enc::kUtf16Le},
    {"unicode", Enc::kUtf16Le}, {"unicodefeff", Enc::kUtf16Le}, {"utf-16", Enc::kUtf16Le},
    {"utf-16le", Enc::kUtf16Le},
    // x-user-defined
    {"x-user-defined", Enc::kXUserDefined},
};

constexpr std::array<std::string_view, kEncCount> kNames = {
    "UTF-8",        "IBM866",       "ISO-8859-2",   "ISO-8859-3",   "ISO-8859-4",     "ISO-8859-5",
    "ISO-8859-6",   "ISO-8859-7",   "ISO-8859-8",   "ISO-8859-8-I", "ISO-8859-10",    "ISO-8859-13",
    "ISO-8859-14",  "ISO-8859-15",  "ISO-8859-16",  "KOI8-R",       "KOI8-U",         "macintosh",
    "windows-874",  "windows-1250", "windows-1251", "windows-1252", "windows-1253",   "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "GBK",
    "gb18030",      "Big5",         "EUC-JP",       "ISO-2022-JP",  "Shift_JIS",      "EUC-KR",
    "replacement",  "UTF-16BE",     "UTF-16LE",     "x-user-defined",
};

const std::vector<Label>& SortedLabels() {
  static const std::vector<Label> sorted = [] {
    std::vector<Label> v(std::begin(kLabels), std::end(kLabels));
    std::sort(v.begin(), v.end(), [](const Label& a, const Label& b) { return a.label < b.label; });
    return v;
  }();
  return sorted;
}

bool IsAsciiWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

}  // namespace

std::optional<Enc> LookupLabel(std::string_view label) {
  while (!label.empty() && IsAsciiWhitespace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsAsciiWhitespace(label.back())) label.remove_suffix(1);
  // The longest label ("cseucpkdfmtjapanese") has 19 bytes.
  if (label.empty() || label.size() > 24) return std::nullopt;
  char buf[24];
  for (size_t i = 0; i < label.size(); ++i) {
    char c = label[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  std::string_view key(buf, label.size());
  const auto& v = SortedLabels();
  auto it = std::lower_bound(v.begin(), v.end(), key, [](const Label& l, std::string_view k) { return l.label < k; });
  if (it == v.end() || it->label != key) return std::nullopt;
  return it->enc;
}

std::string_view EncName(Enc e) { return kNames[static_cast<size_t>(e)]; }

size_t LabelCount() { return std::size(kLabels); }

}  // namespace matn::encoding

namespace matn {

std::string_view CanonicalEncodingName(std::string_view label) {
  auto e = encoding::LookupLabel(label);
  return e ? encoding::EncName(*e) : std::string_view();
}

}  // namespace matn
