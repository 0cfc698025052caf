// A request that cannot be run as given ("--langs has 3 languages but 2 files", "no entry 'x'
// in g.tbx"). The CLI reports it as a usage error (exit 2; cli::UsageError is this class).
// Everything else that fails in the application layer is a core::Failure (exit 3 or 4).
#pragma once

#include <stdexcept>

namespace tilmash::app {

class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tilmash::app
