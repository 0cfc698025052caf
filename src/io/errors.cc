#include "io/errors.h"

namespace tilmash::io {
namespace {

std::string format_input_error(const std::string& path, std::size_t line, std::size_t column,
                               const std::string& message, const std::string& unit) {
  std::string out = path;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": error: " + message;
  if (!unit.empty()) out += " (" + unit + ")";
  return out;
}

}  // namespace

InputError::InputError(std::string path, std::size_t line, std::size_t column,
                       std::string message, std::string unit)
    : std::runtime_error(format_input_error(path, line, column, message, unit)),
      path_(std::move(path)),
      line_(line),
      column_(column) {}

IoError::IoError(std::string path, std::string what)
    : std::runtime_error(path + ": error: " + what), path_(std::move(path)) {}

}  // namespace tilmash::io
