// matn/status.h — the result of an operation that can fail.
//
// matn does not throw across its public API. Functions that can fail return a
// Status; callers test ok() and, when it is false, show message() to the user.
// A Status says what failed in plain words ("input is 80 MB, limit is 64 MB"),
// because it ends up on stderr and in the `error` field of a JSONL record.
//
// Status is a small value type; an OK status holds no allocation.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace matn {

class Status {
 public:
  enum class Code : unsigned char {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something impossible (bad flag, unknown charset)
    kNotFound,         // a file or record that does not exist
    kIOError,          // the OS refused a read or write
    kCorrupt,          // the input is damaged beyond use (truncated gzip, broken WARC)
    kLimitExceeded,    // the input breaks a configured limit (size, depth)
    kUnsupported,      // well-formed input matn does not handle (e.g. a non-HTML record)
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view m) { return Status(Code::kInvalidArgument, m); }
  static Status NotFound(std::string_view m) { return Status(Code::kNotFound, m); }
  static Status IOError(std::string_view m) { return Status(Code::kIOError, m); }
  static Status Corrupt(std::string_view m) { return Status(Code::kCorrupt, m); }
  static Status LimitExceeded(std::string_view m) { return Status(Code::kLimitExceeded, m); }
  static Status Unsupported(std::string_view m) { return Status(Code::kUnsupported, m); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: gzip stream ends early" — for logs and error records.
  std::string ToString() const;

 private:
  Status(Code c, std::string_view m) : code_(c), message_(m) {}
  Code code_ = Code::kOk;
  std::string message_;
};

inline std::string Status::ToString() const {
  static constexpr const char* kNames[] = {"ok",      "invalid argument", "not found", "I/O error",
                                           "corrupt", "limit exceeded",   "unsupported"};
  if (ok()) return "ok";
  return std::string(kNames[static_cast<int>(code_)]) + ": " + message_;
}

}  // namespace matn
