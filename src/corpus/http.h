// Internal to the corpus layer: header-block parsing shared by WARC and HTTP,
// and the HTTP response inside a WARC record.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "matn/status.h"
#include "matn/warc.h"

namespace matn::corpus {

// Length of the header block at the start of `s`, through its terminating
// blank line (CRLF CRLF, or bare LF LF); 0 when `s` holds no complete block.
// `*scanned` lets a caller resume a search after appending bytes.
size_t FindBlankLine(std::string_view s, size_t* scanned);

// Parses "Name: value" lines (with folded continuations) into *out. The
// first line of `block` (the WARC version or HTTP status line) is skipped.
void ParseFields(std::string_view block, HeaderMap* out);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view Trim(std::string_view s);

// Parses the HTTP response in record->block (if it is one), dechunks and
// decodes its payload. Non-OK only when the payload is unusable as sent.
Status ParseHttp(WarcRecord* record, const WarcOptions& options);

// Moves the record's content out instead of copying it: body() is the
// returned string from *begin on. The record's block (or decoded payload) is
// left empty; WarcRecord::Clear() readies it for the next record.
std::string TakeBody(WarcRecord* record, size_t* begin);

}  // namespace matn::corpus
