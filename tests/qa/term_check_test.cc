#include "qa/term_check.h"

#include <gtest/gtest.h>

#include <algorithm>

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

CheckOptions terms_only() {
  CheckOptions o;
  o.numbers = false;
  return o;
}

// Findings of one unit checked alone (a fresh checker).
std::vector<Finding> check(const core::TranslationUnit& u, CheckOptions o = terms_only()) {
  return Checker(shipped(), std::move(o)).check(u);
}

TEST(TermCheckTest, SeveritiesByKind) {
  auto missing = check(unit("sent to a reeducation camp", "", "отправили в исправительный лагерь"));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].severity, Severity::kError);
  auto deprecated = check(unit("in the Xinjiang Uyghur Autonomous Region", "",
                               "в Синьцзян-Уйгурском автономном округе"));
  ASSERT_EQ(deprecated.size(), 1u);
  EXPECT_EQ(deprecated[0].severity, Severity::kError);
  auto numbers = Checker(shipped(), {}).check(unit("on January 28", "", "29 января"));
  ASSERT_FALSE(numbers.empty());
  for (const Finding& f : numbers) EXPECT_EQ(f.severity, Severity::kError);
  // Source spellings are notes about the source.
  for (const char* en : {"Sayragul Sauytbay spoke", "Serikjan Bilash spoke", "Uighur families"}) {
    auto v = check(unit(en, "", ""));
    ASSERT_EQ(v.size(), 1u) << en;
    EXPECT_EQ(kind_name(v[0].kind), "variant");
    EXPECT_EQ(v[0].severity, Severity::kNotice) << en;
  }
}

TEST(TermCheckTest, ReferenceEntriesOnlyGiveNotices) {
  // Words a translator may render in several correct ways.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a crackdown on Muslims", "мусульман притесняют"},
      {"she was granted asylum in Sweden", "она получила убежище в Швеции"},
      {"returnees from China", "вернувшиеся из Китая"},
      {"they repatriated the family", "семью вернули на родину"},
      {"talks in Beijing", "переговоры в китайской столице"},
      {"paid in yuan", "оплата в китайской валюте"},
      {"RFE/RL reported", "сообщило радио"},
  };
  for (const auto& [en, ru] : cases) {
    for (const Finding& f : check(unit(en, "", ru))) {
      EXPECT_EQ(f.severity, Severity::kNotice) << en << ": " << f.message;
    }
    CheckOptions strict = terms_only();
    strict.min_severity = Severity::kWarning;
    EXPECT_TRUE(check(unit(en, "", ru), strict).empty()) << en;
  }
}

TEST(TermCheckTest, PekinIsAdmittedInKazakh) {
  EXPECT_TRUE(check(unit("Xinjiang and Beijing", "Шыңжаң мен Пекин", "")).empty());
  EXPECT_TRUE(check(unit("Xinjiang and Beijing", "Шыңжаң мен Бейжің", "")).empty());
}

TEST(TermCheckTest, UnverifiedRenderingsNeverGiveErrors) {
  // kk кайрылман and the kk/ru counter-extremism names are marked unverified.
  for (const auto& u : {unit("a kairylman from China", "Қытайдан келген қырғыз", ""),
                        unit("in counterextremism centers", "экстремизммен күрес мекемелерінде",
                             "в учреждениях по борьбе с радикализмом")}) {
    auto f = check(u);
    ASSERT_FALSE(f.empty());
    for (const Finding& x : f) {
      EXPECT_EQ(x.severity, Severity::kNotice) << x.message;
      EXPECT_NE(x.message.find("unverified"), std::string::npos) << x.message;
    }
  }
  // ru vocational centre: the preferred literal form is unverified, an admitted one is
  // verified, so a missing rendering is an error measured against the verified one.
  auto f = check(unit("vocational education and training centers", "", "в школах"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].expected, "центр профессиональной подготовки");
}

TEST(TermCheckTest, DescriptiveOrganisationNameIsAWarningQuotingBoth) {
  auto f = check(unit("the Committee on the Elimination of Racial Discrimination said", "",
                      "комитет ООН по борьбе с расовой дискриминацией заявил"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_NE(f[0].message.find("'Committee on the Elimination of Racial Discrimination'"),
            std::string::npos);
  EXPECT_NE(f[0].message.find("'Комитет по ликвидации расовой дискриминации'"), std::string::npos);
  EXPECT_NE(f[0].message.find("дискриминацией"), std::string::npos) << f[0].message;  // found
  // What stands there is the whole descriptive rendering, from its first to its last shared word.
  EXPECT_EQ(f[0].found, "комитет ООН по борьбе с расовой дискриминацией");
  EXPECT_NE(f[0].message.find("descriptively"), std::string::npos) << f[0].message;
  // With an unverified rendering (the Kyrgyz committee's ru name) it is only a notice.
  auto u = check(unit("the Committee To Protect Kyrgyz People In China said", "",
                      "комитет защиты кыргызов Китая заявил"));
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].severity, Severity::kNotice);
}

TEST(TermCheckTest, ATermsOwnSubsetOverridesItsEntry) {
  // "internment center" is a reference-only synonym: translators render "center" literally.
  for (const Finding& f : check(unit("the internment centers", "қамау орталықтары",
                                     "центры для интернированных"))) {
    EXPECT_EQ(f.severity, Severity::kNotice) << f.message;
  }
  // The entry's preferred English term stays a key term.
  auto f = check(unit("the internment camps", "", "тюрьмы"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
}

TEST(TermCheckTest, KazakhSingularOfAPluralTermPasses) {
  EXPECT_TRUE(check(unit("two ethnic Tatars", "екі этникалық татар", "")).empty());
  EXPECT_TRUE(check(unit("Tatars and Tajiks", "татарлар мен тәжіктерге", "")).empty());
}

TEST(TermCheckTest, MinSeverityFilters) {
  const auto u = unit("Uighur detainees in a reeducation camp", "", "уйгуры в тюрьме");
  auto all = check(u);
  CheckOptions errors = terms_only();
  errors.min_severity = Severity::kError;
  auto only = check(u, errors);
  ASSERT_LT(only.size(), all.size());
  for (const Finding& f : only) EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(parse_severity("warning"), Severity::kWarning);
  EXPECT_EQ(parse_severity("fatal"), std::nullopt);
}

TEST(TermCheckTest, EnforcementFromProjectSubset) {
  core::TermEntry e;
  EXPECT_EQ(enforcement_of(e), Enforcement::kKeyTerm);  // a glossary that says nothing
  e.subset = "key term";
  EXPECT_EQ(enforcement_of(e), Enforcement::kKeyTerm);
  e.subset = "Reference";
  EXPECT_EQ(enforcement_of(e), Enforcement::kReference);
  e.subset = "name";
  EXPECT_EQ(enforcement_of(e), Enforcement::kName);
}

// Multi-word key terms in inflected forms pass; renderings that differ in a word do not.
TEST(TermCheckTest, InflectedMultiWordKeyTermsPass) {
  const std::vector<core::TranslationUnit> pass = {
      unit("in the Barkol Kazakh Autonomous County", "Баркөл Қазақ автономиялық ауданында", ""),
      unit("born in the Ili Kazakh Autonomous Prefecture", "Іле Қазақ автономиялық облысының",
           "родилась в Илийско-Казахском автономном округе"),
      unit("the Xinjiang Uyghur Autonomous Region", "Шыңжаң Ұйғыр автономиялық ауданындағы",
           "Синьцзян-Уйгурского автономного района"),
      unit("reeducation camps", "қайта тәрбиелеу лагерлеріне", "лагерями перевоспитания"),
      unit("illegal border crossing", "", "за незаконное пересечение границы"),
      unit("vocational education and training centers", "",
           "центрами профессиональной подготовки"),
  };
  for (const auto& u : pass) {
    for (const Finding& f : check(u)) ADD_FAILURE() << u.variants[0].text << ": " << f.message;
  }
}

TEST(TermCheckTest, NearMissRenderingsOfKeyTermsFail) {
  const std::vector<std::pair<core::TranslationUnit, std::string>> fail = {
      // Two of four words differ (the case issue 17 reports): no partial credit.
      {unit("in the Barkol Kazakh Autonomous County", "Баркөл Қырғыз автономиялық облысында", ""),
       "kk"},
      {unit("the Ili Kazakh Autonomous Prefecture", "Іле Қазақ автономиялық ауданы", ""), "kk"},
      // A typo is not the approved term (typo tolerance belongs to lookups).
      {unit("reeducation camps", "қайта тәрбиелу лагерлеріне", ""), "kk"},
      // (A misspelt ending that Snowball strips, "перевоспитаня", is left to a spelling check.)
      {unit("reeducation camps", "", "лагерями перевспитания"), "ru"},
      // One word of a Russian multi-word term replaced.
      {unit("the Xinjiang Uyghur Autonomous Region", "", "Синьцзян-Уйгурской автономной области"),
       "ru"},
      {unit("reeducation camps", "", "лагерями воспитания"), "ru"},
  };
  for (const auto& [u, lang] : fail) {
    auto f = check(u);
    const bool error = std::any_of(f.begin(), f.end(), [&](const Finding& x) {
      return x.lang == lang && x.severity == Severity::kError && kind_name(x.kind) == "missing-term";
    });
    EXPECT_TRUE(error) << u.variants[1].text;
  }
}

TEST(TermCheckTest, AModifierWithTheOtherAdjectiveSuffixIsATermFormNotice) {
  // автономиялы ("having autonomy") for автономиялық ("of autonomy"): every word of the key
  // term, one modifier derived with the other suffix of its stem.
  auto f = check(unit("in the Barkol Kazakh Autonomous County", "Баркөл Қазақ автономиялы ауданынан",
                      ""));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(kind_name(f[0].kind), "term-form");
  EXPECT_EQ(f[0].severity, Severity::kNotice);
  EXPECT_EQ(f[0].found, "Баркөл Қазақ автономиялы ауданынан");
  EXPECT_NE(f[0].message.find("'Баркөл Қазақ автономиялық ауданы'"), std::string::npos);
  // Not for the head noun, nor for the privative -сыз ("without"), nor with a word changed.
  for (const char* kk : {"Баркөл Қазақ автономиялық аудандық", "Баркөл Қазақ автономиясыз ауданы",
                         "Баркөл Қырғыз автономиялы ауданы"}) {
    auto g = check(unit("in the Barkol Kazakh Autonomous County", kk, ""));
    ASSERT_EQ(g.size(), 1u) << kk;
    EXPECT_EQ(g[0].severity, Severity::kError) << kk;
    EXPECT_EQ(kind_name(g[0].kind), "missing-term") << kk;
  }
}

TEST(TermCheckTest, WhatStandsThereFollowsTheTermNotTheNeighbours) {
  core::TermEntry e;
  e.id = "human-rights";
  e.terms["en"] = {core::Term{}};
  e.terms["en"][0].text = "human rights";
  e.terms["kk"] = {core::Term{}};
  e.terms["kk"][0].text = "адам құқықтары";
  auto g = term::Glossary::create({e});
  ASSERT_TRUE(g.has_value());
  auto m = term::Matcher::create(std::move(*g));
  ASSERT_TRUE(m.has_value());
  CheckOptions o;
  o.numbers = false;
  Checker c(*m, o);
  // The official Kazakh UDHR, article 26: «адамның» governs two nouns and «кұқықтары» has a
  // Russian к for қ. The finding points at the word that stands for the term (the keyboard
  // look-alike only chooses what to show), not at «беру адамның».
  auto f = c.check(unit("respect for human rights and fundamental freedoms",
                        "Білім беру адамның жеке басының толық кемелденуіне және кұқықтары мен "
                        "негізгі бостандықтарына деген құрметті арттыруға бағытталуы тиіс.",
                        ""));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].found, "кұқықтары") << f[0].message;
}

TEST(TermCheckTest, NumbersInUnits) {
  Checker c(shipped(), {});
  auto f = c.check(unit("on January 28", "", "29 января"));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(kind_name(f[0].kind), "number-mismatch");
}

}  // namespace
}  // namespace tilmash::qa
