#include "term/stem_kk.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace tilmash::term {
namespace {

bool has(std::string_view lemma, std::string_view form, std::string_view label = {}) {
  for (const KazakhForm& f : kazakh_forms(lemma)) {
    if (f.form == form) return label.empty() || f.label == label;
  }
  return false;
}

// One test per final-sound class (MORPHOLOGY.md §7a), back and front harmony.
TEST(KazakhFormsTest, VowelFinal) {
  EXPECT_TRUE(has("алматы", "алматыда", "CASE"));
  EXPECT_TRUE(has("алматы", "алматыдағы", "LOC+ATTR"));
  EXPECT_TRUE(has("алматы", "алматының"));
  EXPECT_TRUE(has("алматы", "алматыға"));
  EXPECT_TRUE(has("радио", "радиосы", "POSS"));
  EXPECT_TRUE(has("радио", "радиосына", "POSS+CASE"));
  EXPECT_TRUE(has("радио", "радиосының"));
  EXPECT_TRUE(has("астана", "астанада"));
  EXPECT_FALSE(has("алматы", "алматыдә"));
}

TEST(KazakhFormsTest, GlideFinal) {
  EXPECT_TRUE(has("ұйғыр", "ұйғырлар", "PL"));
  EXPECT_TRUE(has("ұйғыр", "ұйғырлардың", "PL+CASE"));
  EXPECT_TRUE(has("ұйғыр", "ұйғырға"));
  EXPECT_TRUE(has("сауытбай", "сауытбайдың"));
  EXPECT_TRUE(has("сауытбай", "сауытбайды"));
  EXPECT_TRUE(has("хуэй", "хуэйлер"));  // э is front
  EXPECT_TRUE(has("лагер", "лагері", "POSS"));
  EXPECT_TRUE(has("лагер", "лагеріне", "POSS+CASE"));
  EXPECT_TRUE(has("лагер", "лагерлерінде", "PL+POSS+CASE"));
  EXPECT_TRUE(has("лагер", "лагерлерінің"));
  EXPECT_TRUE(has("лагер", "лагерлерінен"));
  EXPECT_TRUE(has("лагер", "лагеріндегі", "POSS+LOC+ATTR"));
}

TEST(KazakhFormsTest, LFinal) {
  EXPECT_TRUE(has("баркөл", "баркөлде"));
  EXPECT_TRUE(has("сайрагүл", "сайрагүлдің"));
  EXPECT_TRUE(has("ел", "елдер", "PL"));
}

TEST(KazakhFormsTest, ZFinal) {
  EXPECT_TRUE(has("қағаз", "қағаздар", "PL"));
  EXPECT_TRUE(has("қағаз", "қағазбен"));
  EXPECT_TRUE(has("қағаз", "қағаздың"));
}

TEST(KazakhFormsTest, NasalFinal) {
  EXPECT_TRUE(has("оралман", "оралмандар", "PL"));
  EXPECT_TRUE(has("оралман", "оралмандардың", "PL+CASE"));
  EXPECT_TRUE(has("оралман", "оралманның"));
  EXPECT_TRUE(has("оралман", "оралманнан"));
  EXPECT_TRUE(has("оралман", "оралманмен"));
  EXPECT_TRUE(has("шыңжаң", "шыңжаңда"));
  EXPECT_TRUE(has("шыңжаң", "шыңжаңдағы", "LOC+ATTR"));
  EXPECT_TRUE(has("шыңжаң", "шыңжаңнан"));
  EXPECT_TRUE(has("шыңжаң", "шыңжаңның"));
  EXPECT_TRUE(has("шыңжаң", "шыңжаңға"));
  EXPECT_TRUE(has("нұрсұлтан", "нұрсұлтанда"));
  EXPECT_TRUE(has("дүңген", "дүңгендер"));
}

TEST(KazakhFormsTest, VoicelessFinal) {
  EXPECT_TRUE(has("қандас", "қандастар", "PL"));
  EXPECT_TRUE(has("қандас", "қандастың"));
  EXPECT_TRUE(has("қандас", "қандасқа"));
  EXPECT_TRUE(has("қандас", "қандаста"));
  EXPECT_TRUE(has("қазақ", "қазағы", "POSS"));  // қ -> ғ before a vowel
  EXPECT_TRUE(has("қазақ", "қазақтарға"));
  EXPECT_TRUE(has("бішкек", "бішкекте"));
  EXPECT_TRUE(has("біләш", "біләштің"));
  EXPECT_TRUE(has("біләш", "біләшке"));
  EXPECT_TRUE(has("орталық", "орталықтарында"));
  EXPECT_TRUE(has("орталық", "орталықтарына"));
  EXPECT_TRUE(has("азаттық", "азаттыққа"));
}

TEST(KazakhFormsTest, PossessiveDativeAfterFirstPerson) {
  EXPECT_TRUE(has("ел", "еліме"));
  EXPECT_TRUE(has("қандас", "қандастарымызға"));
}

TEST(KazakhFormsTest, EmptyLemma) { EXPECT_TRUE(kazakh_forms("").empty()); }

TEST(KazakhIzafetTest, Heads) {
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(contains(kazakh_izafet_heads("лагері"), "лагер"));
  EXPECT_TRUE(contains(kazakh_izafet_heads("еріктілері"), "ерікті"));
  EXPECT_TRUE(contains(kazakh_izafet_heads("радиосы"), "радио"));
  EXPECT_TRUE(contains(kazakh_izafet_heads("орталықтары"), "орталық"));
  EXPECT_TRUE(contains(kazakh_izafet_heads("ауданы"), "аудан"));
  EXPECT_TRUE(contains(kazakh_izafet_heads("облысы"), "облыс"));
  EXPECT_TRUE(kazakh_izafet_heads("ел").empty());
}

TEST(KazakhLemmaCandidatesTest, PrefixesAndUnvoicing) {
  const auto c = kazakh_lemma_candidates("қазағы");
  EXPECT_NE(std::find(c.begin(), c.end(), "қазақ"), c.end());
  EXPECT_EQ(c.front(), "қазағы");
}

TEST(KazakhSearchPrefixesTest, ShortestThirdPersonLemmaAndItsVoicedStem) {
  using V = std::vector<std::string>;
  EXPECT_EQ(kazakh_search_prefixes("құқық"), (V{"құқық", "құқығ"}));
  EXPECT_EQ(kazakh_search_prefixes("құқықтарын"), (V{"құқық", "құқығ"}));
  EXPECT_EQ(kazakh_search_prefixes("құқығы"), (V{"құқық", "құқығ"}));
  EXPECT_EQ(kazakh_search_prefixes("кітабы"), (V{"кітап", "кітаб"}));
  EXPECT_EQ(kazakh_search_prefixes("еңбегі"), (V{"еңбек", "еңбег"}));
  EXPECT_EQ(kazakh_search_prefixes("адамдардың"), (V{"адам"}));
  // адам is not ада + 1st person -м, nor адамның ада + -м + -ның.
  EXPECT_EQ(kazakh_search_prefixes("адам"), (V{"адам"}));
  EXPECT_EQ(kazakh_search_prefixes("адамның"), (V{"адам"}));
  EXPECT_EQ(kazakh_search_prefixes("шыңжаңдағы"), (V{"шыңжаң"}));
  // Lemmas under 3 letters stay whole words: ел* would find елші, елес.
  EXPECT_EQ(kazakh_search_prefixes("елде"), (V{"елде"}));
  EXPECT_EQ(kazakh_search_prefixes("ақ"), (V{"ақ"}));
}

TEST(KazakhAdjectiveAlternateTest, RelationalAndPossessiveSuffixes) {
  EXPECT_EQ(kazakh_adjective_alternate("автономиялық"), "автономиялы");
  EXPECT_EQ(kazakh_adjective_alternate("автономиялы"), "автономиялық");
  EXPECT_EQ(kazakh_adjective_alternate("мәдениетті"), "мәдениеттік");
  EXPECT_EQ(kazakh_adjective_alternate("тарихтық"), "тарихты");
  EXPECT_EQ(kazakh_adjective_alternate("ұлттық"), "ұлтты");
  // Harmony is kept (-лық/-лы back, -лік/-лі front); a mixed ending is neither suffix.
  EXPECT_EQ(kazakh_adjective_alternate("әлемдік"), "әлемді");
  EXPECT_EQ(kazakh_adjective_alternate("автономиялык"), "");
  // Neither suffix, the privative -сыз, or a base under 3 letters.
  EXPECT_EQ(kazakh_adjective_alternate("қазақ"), "");
  EXPECT_EQ(kazakh_adjective_alternate("автономиясыз"), "");
  EXPECT_EQ(kazakh_adjective_alternate("алты"), "");
  EXPECT_EQ(kazakh_adjective_alternate(""), "");
}

}  // namespace
}  // namespace tilmash::term
