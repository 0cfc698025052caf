#include "term/matcher.h"

#include <gtest/gtest.h>

#include "term/stem_kk.h"

namespace tilmash::term {
namespace {

using core::Term;
using core::TermEntry;
using core::TermStatus;

Term t(std::string text, TermStatus s = TermStatus::kPreferred) {
  Term x;
  x.text = std::move(text);
  x.status = s;
  return x;
}

Glossary sample() {
  std::vector<TermEntry> e(7);
  e[0].id = "reeducation-camp";
  e[0].terms["en"] = {t("reeducation camp"), t("re-education camp", TermStatus::kAdmitted)};
  e[0].terms["kk"] = {t("қайта тәрбиелеу лагері")};
  e[0].terms["ru"] = {t("лагерь перевоспитания")};
  e[1].id = "xinjiang";
  e[1].terms["en"] = {t("Xinjiang")};
  e[1].terms["kk"] = {t("Шыңжаң"), t("Шынжаң", TermStatus::kAdmitted)};
  e[1].terms["ru"] = {t("Синьцзян")};
  e[2].id = "oralman";
  e[2].terms["en"] = {t("oralman"), t("oralmen", TermStatus::kAdmitted)};
  e[2].terms["kk"] = {t("оралман"), t("қандас", TermStatus::kAdmitted)};
  e[2].terms["ru"] = {t("оралман"), t("кандас", TermStatus::kAdmitted)};
  e[3].id = "kandas";
  e[3].terms["en"] = {t("kandas")};
  e[3].terms["kk"] = {t("қандас")};
  e[3].terms["ru"] = {t("кандас")};
  e[4].id = "atajurt";
  e[4].terms["en"] = {t("Atajurt Volunteers"), t("Atazhurt", TermStatus::kAdmitted),
                      t("Atajurt", TermStatus::kAdmitted)};
  e[4].terms["kk"] = {t("Атажұрт еріктілері"), t("Атажұрт", TermStatus::kAdmitted)};
  e[4].terms["ru"] = {t("Атажурт", TermStatus::kPreferred)};
  e[5].id = "almaty";
  e[5].terms["en"] = {t("Almaty")};
  e[5].terms["kk"] = {t("Алматы")};
  e[5].terms["ru"] = {t("Алматы")};
  e[6].id = "nur-sultan";
  e[6].terms["en"] = {t("Nur-Sultan")};
  e[6].terms["kk"] = {t("Нұр-Сұлтан")};
  e[6].terms["ru"] = {t("Нур-Султан")};
  return *Glossary::create(std::move(e));
}

LookupOptions opts(std::string lang, bool typos = true) {
  LookupOptions o;
  o.lang = std::move(lang);
  o.typos = typos;
  return o;
}

class MatcherTest : public ::testing::Test {
 protected:
  MatcherTest() : m_(Matcher::create(sample()).value()) {}

  // Id of the best entry for `text`, or "" for no hit.
  std::string first(std::string_view text, std::string lang = "") const {
    auto hits = m_.lookup(text, opts(std::move(lang)));
    return hits.empty() ? "" : m_.glossary().entries()[hits[0].entry].id;
  }
  Matcher m_;
};

TEST_F(MatcherTest, ExactAnyLanguage) {
  EXPECT_EQ(first("Xinjiang"), "xinjiang");
  EXPECT_EQ(first("ШЫҢЖАҢ"), "xinjiang");
  EXPECT_EQ(first("Синьцзян"), "xinjiang");
  auto hits = m_.lookup("Шыңжаң");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kExact);
  EXPECT_EQ(hits[0].lang, "kk");
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
}

TEST_F(MatcherTest, KazakhInflection) {
  EXPECT_EQ(first("Шыңжаңдағы"), "xinjiang");
  EXPECT_EQ(first("Шыңжаңнан"), "xinjiang");
  EXPECT_EQ(first("оралмандардың"), "oralman");
  EXPECT_EQ(first("қайта тәрбиелеу лагерлерінде"), "reeducation-camp");
  EXPECT_EQ(first("қайта тәрбиелеу лагерьлеріне"), "reeducation-camp");  // with ь
  EXPECT_EQ(first("Атажұрт еріктілерінің"), "atajurt");
  EXPECT_EQ(first("Алматыдағы"), "almaty");
  EXPECT_EQ(first("НҰР-СҰЛТАНДА"), "nur-sultan");
  auto hits = m_.lookup("лагерлерінде", opts("kk"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kPartial);
}

TEST_F(MatcherTest, KazakhPartialQueryInflectsOnItsLastWord) {
  // The first words of a phrase, inflected: the query ends inside the term.
  auto hits = m_.lookup("қайта тәрбиелеуде", opts("kk"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(m_.glossary().entries()[hits[0].entry].id, "reeducation-camp");
  EXPECT_EQ(hits[0].kind, MatchKind::kPartial);
  EXPECT_EQ(first("Атажұрттың"), "atajurt");
  // Inside a sentence a phrase still inflects on its own last word only.
  EXPECT_TRUE(m_.find_in_text("қайта тәрбиелеуде лагері", "kk").empty());
}

TEST_F(MatcherTest, WholeWordPartialOutranksTwoEditTypo) {
  // One inflected word of the two-word "Атажұрт еріктілері": half the term, every letter
  // explained by morphology.
  auto hits = m_.lookup("еріктілерінің", opts("kk"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kPartial);
  EXPECT_GT(hits[0].score, 0.7);  // above every two-edit typo (0.7)
}

TEST_F(MatcherTest, RussianInflection) {
  EXPECT_EQ(first("лагерях перевоспитания"), "reeducation-camp");
  EXPECT_EQ(first("лагерей перевоспитания"), "reeducation-camp");
  EXPECT_EQ(first("Синьцзяне"), "xinjiang");
  EXPECT_EQ(first("Синьцзяна"), "xinjiang");
  EXPECT_EQ(first("оралманы"), "oralman");
  EXPECT_EQ(first("оралманов"), "oralman");
  EXPECT_EQ(first("Нур-Султане"), "nur-sultan");
  EXPECT_EQ(first("Атажурта"), "atajurt");
  EXPECT_EQ(first("Алматинской", "ru"), "almaty");  // derived adjective: stem prefix
}

TEST_F(MatcherTest, EnglishVariants) {
  EXPECT_EQ(first("re-education camps"), "reeducation-camp");
  EXPECT_EQ(first("reeducation camps"), "reeducation-camp");
  EXPECT_EQ(first("Xinjiang's"), "xinjiang");
  EXPECT_EQ(first("Atajurt"), "atajurt");
  EXPECT_EQ(first("oralmen"), "oralman");
}

TEST_F(MatcherTest, PreferredStatusWinsTies) {
  // қандас is preferred in "kandas" and admitted under "oralman".
  auto hits = m_.lookup("қандастар");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(m_.glossary().entries()[hits[0].entry].id, "kandas");
  EXPECT_EQ(m_.glossary().entries()[hits[1].entry].id, "oralman");
}

TEST_F(MatcherTest, TyposRankBelowExact) {
  EXPECT_EQ(first("Xinjaing"), "xinjiang");  // transposition: distance 2, 8 letters
  EXPECT_EQ(first("oralmna"), "oralman");
  auto hits = m_.lookup("Xinjiang");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kExact);
  auto typo = m_.lookup("Xinjiamg");
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].kind, MatchKind::kTypo);
  EXPECT_LT(typo[0].score, 0.85);
  EXPECT_TRUE(m_.lookup("Xinjiang", opts("", false)).size() >= 1u);
}

TEST_F(MatcherTest, ShortWordsNeedExactness) {
  EXPECT_TRUE(m_.lookup("ел").empty());
  EXPECT_TRUE(m_.lookup("camp").size() >= 1u);  // partial: inside "reeducation camp"
  EXPECT_TRUE(m_.lookup("").empty());
  EXPECT_TRUE(m_.lookup("…").empty());
}

TEST_F(MatcherTest, LangFilter) {
  EXPECT_EQ(first("Алматы", "en"), "");
  EXPECT_EQ(first("Almaty", "en"), "almaty");
}

TEST_F(MatcherTest, SentenceQueryContainsTerm) {
  auto hits = m_.lookup("Барлығы Шыңжаңдағы қайта тәрбиелеу лагерлерінде отыр");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, MatchKind::kContains);
}

TEST_F(MatcherTest, FindInKazakhText) {
  const std::string s =
      "Бірнеше оралман қайта тәрбиелеу лагерлерінде отырған туыстары туралы айтты; "
      "Атажұрт еріктілерінің кеңсесінде Шыңжаңдағы қандастарға көмек сұрады.";
  auto occ = m_.find_in_text(s, "kk");
  std::vector<std::string> found;
  for (const Occurrence& o : occ) {
    found.push_back(m_.glossary().entries()[o.entry].id + "=" +
                    s.substr(o.span.begin, o.span.size()));
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "oralman=оралман",
                       "reeducation-camp=қайта тәрбиелеу лагерлерінде",
                       "atajurt=Атажұрт еріктілерінің",
                       "xinjiang=Шыңжаңдағы",
                       "oralman=қандастарға",
                       "kandas=қандастарға",
                   }));
}

TEST_F(MatcherTest, FindInRussianText) {
  const std::string s = "В лагерях перевоспитания в Синьцзяне содержатся оралманы.";
  auto occ = m_.find_in_text(s, "ru");
  ASSERT_EQ(occ.size(), 3u);
  EXPECT_EQ(s.substr(occ[0].span.begin, occ[0].span.size()), "лагерях перевоспитания");
  EXPECT_EQ(occ[0].kind, MatchKind::kInflected);
  EXPECT_EQ(s.substr(occ[1].span.begin, occ[1].span.size()), "Синьцзяне");
  EXPECT_EQ(s.substr(occ[2].span.begin, occ[2].span.size()), "оралманы");
  EXPECT_TRUE(m_.find_in_text("", "ru").empty());
  EXPECT_EQ(m_.find_in_text(s, "kk").size(), 1u);  // оралманы is also a Kazakh form (POSS)
  EXPECT_TRUE(m_.find_in_text(s, "en").empty());
}

TEST_F(MatcherTest, FindWithTypos) {
  const std::string s = "Синьцзэн";
  EXPECT_TRUE(m_.find_in_text(s, "ru").empty());
  FindOptions fo;
  fo.typos = true;
  auto occ = m_.find_in_text(s, "ru", fo);
  ASSERT_EQ(occ.size(), 1u);
  EXPECT_EQ(occ[0].kind, MatchKind::kTypo);
}

}  // namespace
}  // namespace tilmash::term

namespace tilmash::term {
namespace {

// Issue 17's held-out lookup misses, on a glossary of their own.
Matcher heldout_matcher() {
  std::vector<core::TermEntry> e(3);
  e[0].id = "ethnic-kazakh";
  e[0].terms["en"] = {t("ethnic Kazakh")};
  e[0].terms["ru"] = {t("этнический казах")};
  e[1].id = "kairylman";
  e[1].terms["en"] = {t("kairylman")};
  e[1].terms["kk"] = {t("кайрылман")};
  e[2].id = "reeducation-camp";
  e[2].terms["ru"] = {t("лагерь перевоспитания")};
  auto g = Glossary::create(std::move(e));
  auto m = Matcher::create(std::move(*g));
  return std::move(*m);
}

TEST(MatcherHeldoutTest, RussianMultiWordTermInInstrumentalPlural) {
  const Matcher m = heldout_matcher();
  // Snowball stems the citation form казах to "каз" but казахами to "казах".
  for (const char* q : {"этническими казахами", "этнических казахов", "лагерями перевоспитания"}) {
    auto hits = m.lookup(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits[0].kind, MatchKind::kInflected) << q;
  }
  EXPECT_EQ(m.find_in_text("помочь этническим казахам в Синьцзяне", "ru").size(), 1u);
}

TEST(MatcherHeldoutTest, InflectedKazakhSpellingVariantInLookupOnly) {
  const Matcher m = heldout_matcher();
  for (const char* q : {"қайырылман", "қайырылмандар", "қайырылмандардың"}) {
    auto hits = m.lookup(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(m.glossary().entries()[hits[0].entry].id, "kairylman") << q;
    EXPECT_EQ(hits[0].kind, MatchKind::kTypo) << q;
  }
  // The ending must be one the term's paradigm has, and find_in_text (check) stays strict.
  EXPECT_TRUE(m.lookup("қайырылманбыздыққа").empty());
  EXPECT_TRUE(m.find_in_text("қайырылмандар келді", "kk").empty());
}

Matcher names_matcher() {
  std::vector<TermEntry> e(4);
  e[0].id = "kyrgyz-committee";
  e[0].terms["en"] = {t("Committee To Protect Kyrgyz People In China")};
  e[0].terms["kk"] = {t("Қытайдағы қырғыздарды қорғау комитеті")};
  e[0].terms["ru"] = {t("Комитет поддержки китайских кыргызов")};
  e[1].id = "kyrgyz";
  e[1].terms["en"] = {t("Kyrgyz")};
  e[1].terms["kk"] = {t("қырғыз")};
  e[1].terms["ru"] = {t("кыргыз")};
  e[2].id = "barkol";
  e[2].terms["kk"] = {t("Баркөл Қазақ автономиялық ауданы")};
  e[3].id = "cerd";
  e[3].terms["en"] = {t("Committee on the Elimination of Racial Discrimination")};
  e[3].terms["ru"] = {t("Комитет по ликвидации расовой дискриминации")};
  auto g = Glossary::create(std::move(e));
  auto m = Matcher::create(std::move(*g));
  return std::move(*m);
}

TEST(MatcherDescriptiveTest, ANameRenderedByWhatItSaysFindsItsEntryFirst) {
  const Matcher m = names_matcher();
  for (const char* q : {"Комитет по защите кыргызов в Китае", "Қытай қырғыздарын қорғау комитеті",
                        "Committee for the Protection of Kyrgyz in China"}) {
    auto hits = m.lookup(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(m.glossary().entries()[hits[0].entry].id, "kyrgyz-committee") << q;
    EXPECT_EQ(hits[0].kind, MatchKind::kDescriptive) << q;
    EXPECT_LE(hits[0].score, 0.8) << q;  // below every exact or inflected hit
  }
  // One shared word is not a rendering; nor are two among many other words.
  for (const char* q : {"Комитет по делам беженцев", "кыргызы и казахи в Китае протестовали против "
                        "закрытия школ и мечетей"}) {
    for (const LookupHit& h : m.lookup(q)) EXPECT_NE(h.kind, MatchKind::kDescriptive) << q;
  }
  // An exact term still comes first, and descriptive matching can be turned off.
  EXPECT_EQ(m.lookup("кыргыз")[0].kind, MatchKind::kExact);
  LookupOptions off;
  off.descriptive = false;
  for (const LookupHit& h : m.lookup("Комитет по защите кыргызов в Китае", off)) {
    EXPECT_NE(h.kind, MatchKind::kDescriptive);
  }
}

TEST(MatcherDescriptiveTest, FindsTheRenderingInASentence) {
  const Matcher m = names_matcher();
  const std::string s = "Вчера комитет ООН по борьбе с расовой дискриминацией заявил об этом.";
  auto d = m.find_descriptive(s, "ru", 3);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(s.substr(d->span.begin, d->span.size()), "комитет ООН по борьбе с расовой дискриминацией");
  EXPECT_EQ(d->shared, 3u);
  EXPECT_EQ(d->term_words, 4u);
  EXPECT_FALSE(m.find_descriptive(s, "ru", 0).has_value());  // another entry
  EXPECT_FALSE(m.find_descriptive("Комитет заявил об этом.", "ru", 3).has_value());
}

TEST(MatcherDerivedAdjectiveTest, AKazakhModifierWithTheOtherSuffixIsAStemMatch) {
  const Matcher m = names_matcher();
  auto o = m.find_in_text("Баркөл Қазақ автономиялы ауданынан келді", "kk");
  ASSERT_EQ(o.size(), 1u);
  EXPECT_EQ(o[0].kind, MatchKind::kStem);
  EXPECT_EQ(o[0].analysis, kDerivedAdjective);
  // The head noun does not alternate, and an exact rendering stays exact or inflected.
  EXPECT_TRUE(m.find_in_text("Баркөл Қазақ автономиялық аудандық", "kk").empty());
  EXPECT_EQ(m.find_in_text("Баркөл Қазақ автономиялық ауданында", "kk")[0].kind,
            MatchKind::kInflected);
}

TEST(MatcherRussianTest, FleetingVowelOfNounsInEts) {
  std::vector<TermEntry> e(1);
  e[0].id = "repatriate";
  e[0].terms["ru"] = {t("переселенец")};
  auto g = Glossary::create(std::move(e));
  auto m = Matcher::create(std::move(*g));
  for (const char* q : {"переселенцами", "переселенца", "переселенцев"}) {
    auto hits = m->lookup(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits[0].kind, MatchKind::kInflected) << q;
  }
  EXPECT_EQ(m->find_in_text("помогли переселенцам из Китая", "ru").size(), 1u);
}

}  // namespace
}  // namespace tilmash::term
