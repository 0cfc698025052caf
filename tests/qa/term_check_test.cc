#include "qa/term_check.h"

#include <gtest/gtest.h>

#include "io/tbx_reader.h"

namespace tilmash::qa {
namespace {

const term::Matcher& shipped() {
  static const term::Matcher m = [] {
    auto g = term::Glossary::create(io::read_tbx(TILMASH_SOURCE_DIR "/glossaries/xinjiang.tbx"));
    EXPECT_TRUE(g.has_value());
    auto r = term::Matcher::create(*g);
    EXPECT_TRUE(r.has_value());
    return std::move(*r);
  }();
  return m;
}

core::TranslationUnit unit(std::string en, std::string kk, std::string ru) {
  core::TranslationUnit u;
  u.id = "t1";
  for (auto [lang, text] : {std::pair{"en", &en}, {"kk", &kk}, {"ru", &ru}}) {
    if (text->empty()) continue;
    core::Variant v;
    v.lang = lang;
    v.text = std::move(*text);
    u.variants.push_back(std::move(v));
  }
  return u;
}

TEST(TermCheckTest, InflectedApprovedRenderingsPass) {
  Checker c(shipped(), {});
  EXPECT_TRUE(c.check(unit("held in reeducation camps in Xinjiang",
                           "Шыңжаңдағы қайта тәрбиелеу лагерлерінде ұсталған",
                           "содержатся в лагерях перевоспитания в Синьцзяне")).empty());
}

TEST(TermCheckTest, MissingTermSaysWhatStandsThere) {
  CheckOptions no_numbers;
  no_numbers.numbers = false;
  Checker c(shipped(), no_numbers);
  auto f = c.check(unit("sent to a reeducation camp", "", "отправили в исправительный лагерь"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(kind_name(f[0].kind), "missing-term");
  EXPECT_EQ(f[0].lang, "ru");
  EXPECT_EQ(f[0].expected, "лагерь перевоспитания");
  EXPECT_EQ(f[0].found, "исправительный лагерь");
}

TEST(TermCheckTest, NestedTermGivesTheFoundForm) {
  CheckOptions no_numbers;
  no_numbers.numbers = false;
  Checker c(shipped(), no_numbers);
  auto f = c.check(unit("Kazakh repatriates from China protested", "", "репатрианты из Китая протестовали"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected, "оралман");
  EXPECT_EQ(f[0].found, "репатрианты");
}

TEST(TermCheckTest, DatedTermNeedsTheTextsDate) {
  const auto u = unit("Kazakh settlers say", "Қандастар айтады", "");
  EXPECT_TRUE(Checker(shipped(), {}).check(u).empty());
  CheckOptions dated;
  dated.date = "2019-01-28";
  auto f = Checker(shipped(), dated).check(u);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(kind_name(f[0].kind), "dated-term");
  EXPECT_EQ(f[0].found, "Қандастар");
  dated.date = "2021-03-01";
  EXPECT_TRUE(Checker(shipped(), dated).check(u).empty());
}

TEST(TermCheckTest, DeprecatedRendering) {
  Checker c(shipped(), {});
  auto f = c.check(unit("in the Xinjiang Uyghur Autonomous Region", "",
                        "в Синьцзян-Уйгурском автономном округе"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(kind_name(f[0].kind), "deprecated-term");
}

TEST(TermCheckTest, SourceVariantOncePerChecker) {
  Checker c(shipped(), {});
  const auto u = unit("the Atajurt Volunteers office", "", "");
  auto f = c.check(u);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(kind_name(f[0].kind), "variant");
  EXPECT_EQ(f[0].expected, "Atazhurt Volunteers");  // the house spelling (glossaries/README.md)
  EXPECT_TRUE(c.check(u).empty());
  // Inflection and capitalisation are not variants, nor is hyphenation.
  EXPECT_TRUE(Checker(shipped(), {}).check(unit("the oralmans and Oralman", "", "")).empty());
  EXPECT_TRUE(
      Checker(shipped(), {}).check(unit("the Barkol-Kazakh Autonomous County", "", "")).empty());
  EXPECT_TRUE(Checker(shipped(), {}).check(unit("Atazhurt Volunteers", "", "")).empty());
}

TEST(TermCheckTest, NumbersInUnits) {
  Checker c(shipped(), {});
  auto f = c.check(unit("on January 28", "", "29 января"));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(kind_name(f[0].kind), "number-mismatch");
}

}  // namespace
}  // namespace tilmash::qa
