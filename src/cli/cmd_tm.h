// What the `tm` subcommands (cmd_tm_*.cc) share: the --db option and the mapping of TM errors
// to the CLI's exits.
#pragma once

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "app/tm_import.h"
#include "cli/command.h"
#include "io/errors.h"
#include "store/tm_backend.h"

namespace tilmash::cli {

// --db: a SQLite file or a postgresql:// URI; $TILMASH_DB when the option is absent (shown as
// such in --help: the URI may hold a password), required when neither is given.
inline po::typed_value<std::string>* tm_db_value() {
  auto* v = po::value<std::string>();
  const char* env = std::getenv("TILMASH_DB");
  if (env != nullptr && *env != '\0') return v->default_value(env, "$TILMASH_DB");
  return v->required();
}
inline constexpr const char* kTmDbHelp =
    "the TM: a SQLite file or a postgresql:// URI (default: $TILMASH_DB)";

// Units read so far, on stderr: rewritten in place on a terminal, a line each time otherwise
// (--progress into a log). Checks the clock once every 1,024 units.
class TmProgress {
 public:
  TmProgress(const char* what, bool forced)
      : what_(what), terminal_(is_terminal(2)), on_(forced || terminal_),
        started_(std::chrono::steady_clock::now()), last_(started_) {}
  // The hooks an app:: import or copy calls (valid while this lives).
  app::ImportProgress hooks() {
    return {[this] { tick(); }, [this] { finish("writing the index"); },
            [this](const std::string& why) { std::cerr << what_ << ": " << why << "\n" << std::flush; }};
  }
  void tick() {
    if (!on_ || (++units_ & 1023u) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < (terminal_ ? std::chrono::milliseconds(500) : std::chrono::seconds(5))) {
      return;
    }
    last_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    std::cerr << (terminal_ ? "\r" : "") << what_ << ": " << units_ << " units read ("
              << static_cast<long long>(static_cast<double>(units_) / secs) << "/s)"
              << (terminal_ ? "" : "\n") << std::flush;
    shown_ = true;
  }
  void finish(const char* next_step) {
    if (!shown_) return;
    std::cerr << (terminal_ ? "\r" : "") << what_ << ": " << units_ << " units read; "
              << next_step << "\n" << std::flush;
  }

 private:
  const char* what_;
  bool terminal_;
  bool on_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_;
  std::size_t units_ = 0;
  bool shown_ = false;
};

}  // namespace tilmash::cli
