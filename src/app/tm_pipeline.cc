#include "app/tm_pipeline.h"

#include <utility>

namespace tilmash::app {

namespace {
struct Cancelled {};  // unwinds the producer when the caller has gone
}  // namespace

UnitPipeline::UnitPipeline(std::function<void(const Emit& emit)> produce)
    : worker_([this, p = std::move(produce)] { run(p); }) {}

UnitPipeline::~UnitPipeline() {
  {
    const std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void UnitPipeline::run(const std::function<void(const Emit&)>& produce) {
  std::vector<PreparedUnit> batch;
  std::vector<std::vector<PreparedUnit>> spent;
  const auto push = [&] {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return cancelled_ || queue_.size() < kMaxBatches; });
    if (cancelled_) throw Cancelled{};
    queue_.push_back(std::move(batch));
    spent.swap(spent_);
    lock.unlock();
    cv_.notify_all();
    spent.clear();
    batch.clear();
    batch.reserve(kBatch);
  };
  std::exception_ptr error;
  try {
    produce([&](PreparedUnit u) {
      batch.push_back(std::move(u));
      if (batch.size() >= kBatch) push();
    });
    if (!batch.empty()) push();
  } catch (const Cancelled&) {
    return;
  } catch (...) {
    error = std::current_exception();
  }
  {
    const std::lock_guard<std::mutex> lock(mu_);
    if (!batch.empty()) queue_.push_back(std::move(batch));
    error_ = error;
    done_ = true;
  }
  cv_.notify_all();
}

PreparedUnit* UnitPipeline::next() {
  if (pos_ == current_.size()) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!current_.empty()) spent_.push_back(std::move(current_));
    current_.clear();
    pos_ = 0;
    cv_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return nullptr;
    }
    current_ = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    cv_.notify_all();
  }
  return &current_[pos_++];
}

}  // namespace tilmash::app
