// Decoders for every WHATWG encoding, built on ICU where ICU has a converter
// that matches the standard's index closely enough.
//
// Where ICU and the WHATWG Encoding Standard differ (found by decoding every
// single byte with both and by spot checks), and what is done about it:
//  * Single-byte encodings are decoded through 128-entry tables built once
//    from ICU. ASCII bytes always map to themselves, because IBM-derived ICU
//    tables (ibm-866) permute 0x1A, 0x1C and 0x7F.
//  * ISO-8859-16 has no converter in Debian's ICU data: its table is below.
//  * KOI8-U: the WHATWG table is KOI8-RU (0xAE → U+045E, 0xBE → U+040E);
//    ICU's ibm-1168 has box-drawing characters there. Patched.
//  * windows-874: ICU maps the unassigned bytes 0xDB–0xDE, 0xFC–0xFF to
//    private-use characters; WHATWG treats them as errors. Patched.
//  * windows-1253 0xAA and windows-1255 0xCA differ in minor ways (ICU's
//    table is older); not patched.
//  * Shift_JIS: ICU's ibm-943_P15A-2003 (its "windows-31j") is WHATWG's
//    index-jis0208 with the NEC/IBM extensions, but it permutes 0x1A, 0x1C,
//    0x7F (fixed on output) and rejects the lone byte 0x80, which WHATWG
//    decodes to U+0080 (fixed in the error callback).
//  * GBK is decoded with the gb18030 decoder, as WHATWG says. ICU's gb18030
//    rejects the lone byte 0x80 that WHATWG decodes to U+20AC (fixed in the
//    callback). ICU follows GB18030-2005 for a few dozen rarely used
//    characters that GB18030-2022 (and WHATWG) moved out of the PUA.
//  * Big5: WHATWG's index is Big5-HKSCS, so ICU's ibm-1375 (Big5-HKSCS:2008)
//    is used, not its windows-950; a handful of pointers differ.
//  * EUC-JP: ICU's euc-jp-2007. ISO-2022-JP: ICU's ISO_2022 (ja, version 4),
//    which also accepts the ESC ( I katakana set that WHATWG accepts, and
//    more (8-bit katakana) that WHATWG rejects.
//  * EUC-KR is windows-949 (UHC) in WHATWG: ICU's windows-949-2000.
//  * UTF-16, x-user-defined and "replacement" are implemented here directly.
// ICU is always told to write U+FFFD for an invalid sequence (its default
// substitution callback writes U+001A for converters whose substitution
// character is the SUB byte).
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <array>
#include <memory>

#include "encoding/encoding_internal.h"

namespace matn::encoding {
namespace {

constexpr uint16_t kIso8859_16High[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB,
    0x0179, 0x00AD, 0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A, 0x0170, 0x00D9, 0x00DA, 0x00DB,
    0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,
};

// The ICU converter for each encoding; nullptr where it is decoded here.
const char* IcuName(Enc e) {
  switch (e) {
    case Enc::kIbm866: return "ibm-866_P100-1995";
    case Enc::kIso8859_2: return "ISO-8859-2";
    case Enc::kIso8859_3: return "ISO-8859-3";
    case Enc::kIso8859_4: return "ISO-8859-4";
    case Enc::kIso8859_5: return "ISO-8859-5";
    case Enc::kIso8859_6: return "ISO-8859-6";
    case Enc::kIso8859_7: return "ISO-8859-7";
    case Enc::kIso8859_8:
    case Enc::kIso8859_8I: return "ISO-8859-8";  // -I differs only in bidi handling, not bytes
    case Enc::kIso8859_10: return "ISO-8859-10";
    case Enc::kIso8859_13: return "ISO-8859-13";
    case Enc::kIso8859_14: return "ISO-8859-14";
    case Enc::kIso8859_15: return "ISO-8859-15";
    case Enc::kKoi8R: return "KOI8-R";
    case Enc::kKoi8U: return "KOI8-U";
    case Enc::kMacintosh: return "macintosh";
    case Enc::kWindows874: return "windows-874";
    case Enc::kWindows1250: return "windows-1250";
    case Enc::kWindows1251: return "windows-1251";
    case Enc::kWindows1252: return "windows-1252";
    case Enc::kWindows1253: return "windows-1253";
    case Enc::kWindows1254: return "windows-1254";
    case Enc::kWindows1255: return "windows-1255";
    case Enc::kWindows1256: return "windows-1256";
    case Enc::kWindows1257: return "windows-1257";
    case Enc::kWindows1258: return "windows-1258";
    case Enc::kXMacCyrillic: return "x-mac-cyrillic";
    case Enc::kGbk:
    case Enc::kGb18030: return "gb18030";
    case Enc::kBig5: return "ibm-1375_P100-2008";
    case Enc::kEucJp: return "euc-jp-2007";
    case Enc::kIso2022Jp: return "ISO_2022,locale=ja,version=4";
    case Enc::kShiftJis: return "ibm-943_P15A-2003";
    case Enc::kEucKr: return "windows-949-2000";
    default: return nullptr;
  }
}

bool IsSingleByte(Enc e) {
  return (e >= Enc::kIbm866 && e <= Enc::kXMacCyrillic);
}

struct UConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, UConverterCloser>;

ConverterPtr OpenConverter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  return c;
}

// Code point for each byte 0x80..0xFF; 0xFFFF marks an unassigned byte.
using HighTable = std::array<uint16_t, 128>;
constexpr uint16_t kUnassigned = 0xFFFF;

std::optional<HighTable> BuildTable(Enc e) {
  HighTable t;
  if (e == Enc::kIso8859_16) {
    for (int b = 0x80; b < 0xA0; ++b) t[b - 0x80] = static_cast<uint16_t>(b);
    for (int b = 0xA0; b < 0x100; ++b) t[b - 0x80] = kIso8859_16High[b - 0xA0];
    return t;
  }
  ConverterPtr cnv = OpenConverter(IcuName(e));
  if (!cnv) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  for (int b = 0x80; b < 0x100; ++b) {
    ucnv_reset(cnv.get());
    const char in = static_cast<char>(b);
    const char* src = &in;
    UChar buf[4];
    UChar* dst = buf;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &dst, buf + 4, &src, &in + 1, nullptr, true, &err);
    t[b - 0x80] = (U_FAILURE(err) || dst - buf != 1) ? kUnassigned : buf[0];
  }
  if (e == Enc::kKoi8U) {
    t[0xAE - 0x80] = 0x045E;
    t[0xBE - 0x80] = 0x040E;
  }
  if (e == Enc::kWindows874) {
    for (auto& cp : t)
      if (cp >= 0xE000 && cp <= 0xF8FF) cp = kUnassigned;
  }
  return t;
}

const std::optional<HighTable>& TableFor(Enc e) {
  static const std::array<std::optional<HighTable>, kEncCount> tables = [] {
    std::array<std::optional<HighTable>, kEncCount> v;
    for (int i = 0; i < kEncCount; ++i)
      if (IsSingleByte(static_cast<Enc>(i))) v[i] = BuildTable(static_cast<Enc>(i));
    return v;
  }();
  return tables[static_cast<size_t>(e)];
}

size_t DecodeSingleByte(const HighTable& t, std::string_view bytes, std::string* out) {
  size_t replaced = 0;
  size_t run = 0;  // start of the pending ASCII run, appended in one go
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) continue;
    out->append(bytes.data() + run, i - run);
    run = i + 1;
    const uint16_t cp = t[b - 0x80];
    if (cp == kUnassigned) {
      out->append("\xEF\xBF\xBD", 3);
      ++replaced;
    } else {
      AppendCodePoint(cp, out);
    }
  }
  out->append(bytes.data() + run, bytes.size() - run);
  return replaced;
}

size_t DecodeUtf16(std::string_view bytes, bool big_endian, std::string* out) {
  size_t replaced = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t units = bytes.size() / 2;
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (s[2 * i] << 8 | s[2 * i + 1]) : (s[2 * i + 1] << 8 | s[2 * i]);
  };
  for (size_t i = 0; i < units; ++i) {
    const uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      AppendCodePoint(u, out);
    } else if (u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      AppendCodePoint(0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00), out);
      ++i;
    } else {
      out->append("\xEF\xBF\xBD", 3);  // lone surrogate
      ++replaced;
    }
  }
  if (bytes.size() % 2) {
    out->append("\xEF\xBF\xBD", 3);  // odd byte at the end
    ++replaced;
  }
  return replaced;
}

struct CallbackState {
  Enc enc;
  size_t replaced = 0;
};

void ToUnicodeCallback(const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
                       UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* state = static_cast<CallbackState*>(const_cast<void*>(context));
  UChar c[2] = {0xFFFD, 0};
  int32_t n = 1;
  if (length == 1 && static_cast<unsigned char>(units[0]) == 0x80) {
    if (state->enc == Enc::kGbk || state->enc == Enc::kGb18030) c[0] = 0x20AC;
    if (state->enc == Enc::kShiftJis) c[0] = 0x0080;
  } else if (length == 2 && static_cast<unsigned char>(units[1]) < 0x80 && state->enc != Enc::kIso2022Jp) {
    // A well-formed pair with no mapping: ICU swallows the ASCII trail byte,
    // WHATWG decoders give it back ("restore byte to ioQueue").
    c[1] = static_cast<unsigned char>(units[1]);
    n = 2;
  }
  if (c[0] == 0xFFFD) ++state->replaced;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, c, n, 0, err);
}

// Appends UTF-16 from ICU as UTF-8. *pending_high carries a high surrogate
// across buffer boundaries; unpaired surrogates become U+FFFD.
void AppendUtf16(const UChar* p, const UChar* end, bool unswap_ibm, uint32_t* pending_high, size_t* replaced,
                 std::string* out) {
  for (; p < end; ++p) {
    uint32_t u = *p;
    if (*pending_high) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendCodePoint(0x10000 + ((*pending_high - 0xD800) << 10) + (u - 0xDC00), out);
        *pending_high = 0;
        continue;
      }
      out->append("\xEF\xBF\xBD", 3);
      ++*replaced;
      *pending_high = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      *pending_high = u;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      out->append("\xEF\xBF\xBD", 3);
      ++*replaced;
      continue;
    }
    if (unswap_ibm) {
      // ibm-943 decodes 0x1A→U+001C, 0x1C→U+007F, 0x7F→U+001A.
      if (u == 0x1C) u = 0x1A;
      else if (u == 0x7F) u = 0x1C;
      else if (u == 0x1A) u = 0x7F;
    }
    if (u < 0x80) out->push_back(static_cast<char>(u));
    else AppendCodePoint(u, out);
  }
}

std::optional<size_t> DecodeIcu(Enc e, std::string_view bytes, std::string* out) {
  ConverterPtr cnv = OpenConverter(IcuName(e));
  if (!cnv) return std::nullopt;
  CallbackState state{e};
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), ToUnicodeCallback, &state, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  const char* src = bytes.data();
  const char* const src_end = src + bytes.size();
  UChar buf[8192];
  uint32_t pending_high = 0;
  do {
    UChar* dst = buf;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &dst, buf + std::size(buf), &src, src_end, nullptr, /*flush=*/true, &err);
    AppendUtf16(buf, dst, e == Enc::kShiftJis, &pending_high, &state.replaced, out);
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  if (pending_high) {
    out->append("\xEF\xBF\xBD", 3);
    ++state.replaced;
  }
  if (U_FAILURE(err)) return std::nullopt;
  return state.replaced;
}

}  // namespace

std::optional<size_t> DecodeWith(Enc e, std::string_view bytes, std::string* out) {
  switch (e) {
    case Enc::kUtf8: return AppendSanitizedUtf8(bytes, out);
    case Enc::kUtf16Be: return DecodeUtf16(bytes, true, out);
    case Enc::kUtf16Le: return DecodeUtf16(bytes, false, out);
    case Enc::kReplacement:
      // The replacement decoder turns any non-empty input into one U+FFFD.
      if (bytes.empty()) return 0;
      out->append("\xEF\xBF\xBD", 3);
      return 1;
    case Enc::kXUserDefined: {
      // 0x80..0xFF map to U+F780..U+F7FF.
      for (unsigned char b : bytes) AppendCodePoint(b < 0x80 ? b : 0xF780 + (b - 0x80), out);
      return 0;
    }
    default: break;
  }
  if (IsSingleByte(e)) {
    const auto& table = TableFor(e);
    if (!table) return std::nullopt;
    return DecodeSingleByte(*table, bytes, out);
  }
  return DecodeIcu(e, bytes, out);
}

}  // namespace matn::encoding
