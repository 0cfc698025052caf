// A two-stage pipeline for TM imports and copies: a worker thread reads units and computes
// their fuzzy keys (ICU word tokens, the costliest step per unit) while the caller's thread
// stores them through its one TM connection. Units arrive in the order the producer emits them.
// Errors thrown by the producer (a malformed file, say) reach the caller from next(), after
// the units emitted before them; the worker stops when the pipeline is destroyed early.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/types.h"
#include "store/tm_backend.h"

namespace tilmash::app {

struct PreparedUnit {
  core::TranslationUnit unit;
  store::Provenance provenance;
  std::optional<double> confidence;
  std::vector<store::VariantKeys> keys;  // keys[i] for unit.variants[i]
};

class UnitPipeline {
 public:
  using Emit = std::function<void(PreparedUnit)>;
  // `produce` runs on the worker thread and calls `emit` once per unit.
  explicit UnitPipeline(std::function<void(const Emit& emit)> produce);
  ~UnitPipeline();
  UnitPipeline(const UnitPipeline&) = delete;
  UnitPipeline& operator=(const UnitPipeline&) = delete;

  // The next unit, valid until the following call; nullptr once the producer has returned and
  // every unit was taken (the caller may take parts of it). Rethrows what the producer threw.
  PreparedUnit* next();

 private:
  void run(const std::function<void(const Emit&)>& produce);
  // Units travel in batches: one lock per batch, not per unit.
  static constexpr std::size_t kBatch = 256;
  static constexpr std::size_t kMaxBatches = 16;  // bounds memory: ~4k units in flight
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<PreparedUnit>> queue_;
  // Batches the caller is done with go back to the worker, which frees them: memory is then
  // freed by the thread that allocated it.
  std::vector<std::vector<PreparedUnit>> spent_;
  bool done_ = false;
  bool cancelled_ = false;
  std::exception_ptr error_;
  std::vector<PreparedUnit> current_;  // the caller's batch
  std::size_t pos_ = 0;
  std::thread worker_;
};

}  // namespace tilmash::app
