#include "io/errors.h"

#include <utility>

namespace tilmash::io {

InputError::InputError(std::string path, std::size_t line, std::size_t column,
                       std::string message, std::string unit)
    : core::Failure(core::FailureKind::kBadInput, std::move(path), std::move(message), line,
                    column, std::move(unit)) {}

IoError::IoError(std::string path, std::string what)
    : core::Failure(core::FailureKind::kIo, std::move(path), std::move(what)) {}

}  // namespace tilmash::io
