#include "app/tm_pipeline.h"

#include <atomic>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace tilmash::app {
namespace {

PreparedUnit numbered(std::size_t i) {
  PreparedUnit u;
  u.unit.id = std::to_string(i);
  u.keys.push_back(store::VariantKeys{{std::string("w").append(std::to_string(i))}});
  return u;
}

TEST(UnitPipelineTest, EveryUnitInOrder) {
  UnitPipeline pipeline([](const UnitPipeline::Emit& emit) {
    for (std::size_t i = 0; i < 10000; ++i) emit(numbered(i));
  });
  std::size_t n = 0;
  while (const PreparedUnit* u = pipeline.next()) {
    ASSERT_EQ(u->unit.id, std::to_string(n));
    ASSERT_EQ(u->keys.at(0).words.at(0), std::string("w").append(std::to_string(n)));
    ++n;
  }
  EXPECT_EQ(n, 10000u);
  EXPECT_EQ(pipeline.next(), nullptr);
}

TEST(UnitPipelineTest, NothingToRead) {
  UnitPipeline pipeline([](const UnitPipeline::Emit&) {});
  EXPECT_EQ(pipeline.next(), nullptr);
}

// A reader error (say, malformed TMX at some line) reaches the caller after the units read
// before it, as it would without the thread.
TEST(UnitPipelineTest, ProducerErrorAfterItsUnits) {
  UnitPipeline pipeline([](const UnitPipeline::Emit& emit) {
    for (std::size_t i = 0; i < 300; ++i) emit(numbered(i));
    throw std::runtime_error("a.tmx:7: error: truncated");
  });
  std::size_t n = 0;
  try {
    while (pipeline.next() != nullptr) ++n;
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "a.tmx:7: error: truncated");
  }
  EXPECT_EQ(n, 300u);
}

// The caller failing (disk full, say) destroys the pipeline mid-way: the worker, blocked on a
// full queue, stops instead of reading on.
TEST(UnitPipelineTest, StopsWhenTheCallerGoes) {
  std::atomic<std::size_t> emitted{0};
  {
    UnitPipeline pipeline([&](const UnitPipeline::Emit& emit) {
      for (std::size_t i = 0;; ++i) {
        emit(numbered(i));
        ++emitted;
      }
    });
    for (int i = 0; i < 5; ++i) ASSERT_NE(pipeline.next(), nullptr);
  }
  EXPECT_LT(emitted.load(), 100000u);  // bounded by the queue, not run to exhaustion
}

}  // namespace
}  // namespace tilmash::app
