// libFuzzer target: whatever the bytes and whichever encoding they are
// decoded from, DecodeToUtf8 must succeed and return valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "matn/encoding.h"

namespace {

// Transport labels to exercise every decoder family, picked by the first byte.
constexpr std::string_view kLabels[] = {
    "",         "utf-8",     "windows-1256", "windows-1252", "koi8-u",      "iso-8859-16",    "x-user-defined",
    "utf-16le", "utf-16be",  "shift_jis",    "euc-jp",       "iso-2022-jp", "gbk",            "gb18030",
    "big5",     "euc-kr",    "hz-gb-2312",   "ibm866",       "windows-874", "x-mac-cyrillic", "iso-8859-8-i",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  matn::DecodeOptions options;
  options.transport_charset = kLabels[data[0] % std::size(kLabels)];
  options.detect = (data[0] & 0x80) == 0;
  std::string out;
  matn::EncodingInfo info;
  if (!matn::DecodeToUtf8(bytes, &out, &info, options).ok()) std::abort();
  if (!matn::IsValidUtf8(out)) std::abort();
  if (matn::CanonicalEncodingName(info.name) != info.name) std::abort();
  (void)matn::PrescanMetaCharset(bytes);
  return 0;
}
