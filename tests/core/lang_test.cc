#include "core/lang.h"

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(LangTest, NormalizesBcp47Case) {
  EXPECT_EQ(*normalize_lang_tag("KK"), "kk");
  EXPECT_EQ(*normalize_lang_tag("kk-cyrl-kz"), "kk-Cyrl-KZ");
  EXPECT_EQ(*normalize_lang_tag("en_us"), "en-US");
  EXPECT_EQ(primary_language("kk-Latn"), "kk");
}

TEST(LangTest, RejectsMalformedTags) {
  EXPECT_FALSE(normalize_lang_tag(""));
  EXPECT_FALSE(normalize_lang_tag("k"));
  EXPECT_FALSE(normalize_lang_tag("en--US"));
  EXPECT_FALSE(normalize_lang_tag("ру"));
}

}  // namespace
}  // namespace tilmash::core
