// TILMASH_PROFILE=1: the wall time of each phase of an import on stderr, for benchmarks
// (not a user feature). Both backends mark the same phases.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace tilmash::store {

class ImportPhases {
 public:
  ImportPhases() : on_(std::getenv("TILMASH_PROFILE") != nullptr) {}
  void mark(const char* what) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "tilmash profile: %-28s %8.3f s\n", what,
                 std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  // Time spent in `what` within a phase (the batches' COPYs among the units' keying).
  void add(double& total, std::chrono::steady_clock::time_point since) const {
    if (on_) total += std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
  }
  bool on() const { return on_; }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace tilmash::store
