// Exceptions of the I/O edge, members of the one failure family (core/failure.h). Readers and
// writers throw these; algorithms never do. The CLI catches core::Failure in main.cc and maps
// InputError (kind kBadInput) to exit 3 and IoError (kind kIo) to exit 4.
#pragma once

#include <cstddef>
#include <string>

#include "core/failure.h"

namespace tilmash::io {

// Bad content in a file we could read: "path:line:col: error: message (unit)".
// line and column are 1-based (column in code points); 0 means unknown and is left out.
class InputError : public core::Failure {
 public:
  InputError(std::string path, std::size_t line, std::size_t column, std::string message,
             std::string unit = {});
  const std::string& path() const { return location(); }
};

// A file we could not open, read, write or rename: "path: error: <strerror text>".
class IoError : public core::Failure {
 public:
  IoError(std::string path, std::string what);
  const std::string& path() const { return location(); }
};

}  // namespace tilmash::io
