// Exceptions of the I/O edge. Readers and writers throw these; algorithms never do. The CLI
// catches them in main.cc and maps InputError to exit 3 and IoError to exit 4.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tilmash::io {

// Bad content in a file we could read: "path:line:col: error: message (unit)".
// line and column are 1-based (column in code points); 0 means unknown and is left out.
class InputError : public std::runtime_error {
 public:
  InputError(std::string path, std::size_t line, std::size_t column, std::string message,
             std::string unit = {});
  const std::string& path() const { return path_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }

 private:
  std::string path_;
  std::size_t line_;
  std::size_t column_;
};

// A file we could not open, read, write or rename: "path: error: <strerror text>".
class IoError : public std::runtime_error {
 public:
  IoError(std::string path, std::string what);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace tilmash::io
