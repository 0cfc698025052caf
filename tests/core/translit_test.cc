#include "core/translit.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(TransliteratorTest, KazakhLatin2021Letters) {
  auto t = Transliterator::create("kk-Latn");
  ASSERT_TRUE(t.has_value()) << t.error().message;
  EXPECT_EQ((*t)("Қазақстан"), "Qazaqstan");
  EXPECT_EQ((*t)("Шыңжаң"), "Şyñjañ");
  EXPECT_EQ((*t)("бір кісі үйіне"), "bır kısı üiıne");  // і -> dotless ı, й -> i
  EXPECT_EQ((*t)("ИСЛАМ ІЛЕ"), "İSLAM ILE");           // И -> dotted İ
  EXPECT_EQ((*t)("ЮНЕСКО"), "İUNESKO");                // all-caps context for digraphs
}

TEST(TransliteratorTest, NonKazakhTextPassesThrough) {
  auto t = Transliterator::create("kk-Latn");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ((*t)("Water level 12.5 m\n<b>"), "Water level 12.5 m\n<b>");
  EXPECT_EQ((*t)(""), "");
}

TEST(TransliteratorTest, UnknownTargetIsUnsupported) {
  auto t = Transliterator::create("kk-Arab");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, ErrorCode::kUnsupported);
}

// Every pair of ../shared/terminology/kk-Cyrl-Latn-2021.tests.tsv (33 pairs).
TEST(TransliteratorTest, AllSharedTestPairs) {
  auto t = Transliterator::create("kk-Latn");
  ASSERT_TRUE(t.has_value());
  std::ifstream in(std::string(TILMASH_SHARED_DIR) + "/terminology/kk-Cyrl-Latn-2021.tests.tsv");
  ASSERT_TRUE(in) << "missing ../shared/terminology/kk-Cyrl-Latn-2021.tests.tsv";
  std::string line;
  int pairs = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_EQ((*t)(line.substr(0, tab)), line.substr(tab + 1)) << line;
    ++pairs;
  }
  EXPECT_EQ(pairs, 33);
}

}  // namespace
}  // namespace tilmash::core
