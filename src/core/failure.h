// The one exception family of tilmash (issue 18): io, store and app throw a core::Failure (or
// a class derived from it: io::InputError, io::IoError, store::StoreError), and the CLI catches
// the base alone (main.cc) and maps its kind to the exit status. Algorithms never throw it:
// they return core::Result (core/error.h), and the edge that knows the file adds the location.
//
// A failure carries
//   kind      bad input (exit 3: content we could read but cannot accept) or I/O (exit 4:
//             cannot open, read, write, lock, connect; disk full);
//   location  the file's path, or a server's URI with its password removed (redact_location);
//   line, column (1-based; 0 = unknown, left out of the message) and unit (the TU, entry or
//             bead the problem is in; empty = none);
//   message   one line, lower case, without the location.
// what() is "location[:line[:column]]: error: message[ (unit)]", the format of docs/CLI.md.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tilmash::core {

enum class FailureKind {
  kIo,        // exit 4
  kBadInput,  // exit 3
};

class Failure : public std::runtime_error {
 public:
  Failure(FailureKind kind, std::string location, std::string message, std::size_t line = 0,
          std::size_t column = 0, std::string unit = {});

  FailureKind kind() const { return kind_; }
  const std::string& location() const { return location_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& unit() const { return unit_; }
  const std::string& message() const { return message_; }  // without "location: error: "

 private:
  FailureKind kind_;
  std::string location_;
  std::size_t line_;
  std::size_t column_;
  std::string unit_;
  std::string message_;
};

// `location` fit for a message: a URI's password removed ("postgresql://ann:s3cret@db/tm" ->
// "postgresql://ann@db/tm"; a "password=" query parameter is dropped too). Anything that is
// not a URI (a file path) is returned as it is. Failure's constructor applies it, so no
// failure can carry a password into a message or a log.
std::string redact_location(std::string_view location);

}  // namespace tilmash::core
