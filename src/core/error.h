// Error values returned by core algorithms. No paths, no exceptions: the I/O edge adds the file
// name and turns byte offsets into line:column (io/location.h).
#pragma once

#include <cstddef>
#include <string>

namespace tilmash::core {

enum class ErrorCode {
  kInvalidUtf8,     // a byte sequence that is not well-formed UTF-8
  kControlChar,     // a C0/C1 control character that text input rejects (NUL, ESC …)
  kBadFormat,       // structurally invalid data (a bad bead string, a malformed rule)
  kUnsupported,     // a valid request we cannot serve (an unknown language)
  kIcu,             // ICU reported a failure (data missing, bad rule syntax)
};

struct Error {
  ErrorCode code;
  std::string message;            // one line, lower case, no trailing full stop
  std::size_t byte_offset = 0;    // offset into the input the function was given, in bytes
};

}  // namespace tilmash::core
