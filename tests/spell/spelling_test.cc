// The spelling check: the algorithm over a word-list speller (what is skipped and why), and the
// real Hunspell dictionaries of Debian's hunspell-kk and hunspell-ru (scripts/setup.sh).
#include "spell/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "spell/hunspell.h"

namespace tilmash::spell {
namespace {

// A speller that knows a fixed list of words (exact spelling) and suggests nothing.
class ListSpeller final : public Speller {
 public:
  explicit ListSpeller(std::set<std::string> words) : words_(std::move(words)) {}
  bool correct(std::string_view word) override { return words_.contains(std::string(word)); }
  std::vector<std::string> suggest(std::string_view) override { return {}; }

 private:
  std::set<std::string> words_;
};

term::Matcher matcher_with(std::vector<core::TermEntry> entries) {
  auto g = term::Glossary::create(std::move(entries));
  EXPECT_TRUE(g.has_value());
  auto m = term::Matcher::create(std::move(*g));
  EXPECT_TRUE(m.has_value());
  return std::move(*m);
}

const term::Matcher& no_glossary() {
  static const term::Matcher m = matcher_with({});
  return m;
}

// ықтиярхат (residence permit) is not in hunspell-kk 1.1; the glossary knows it.
const term::Matcher& permit_glossary() {
  static const term::Matcher m = [] {
    core::TermEntry e;
    e.id = "residence-permit";
    for (auto [lang, text] : {std::pair{"en", "residence permit"}, std::pair{"kk", "ықтиярхат"},
                              std::pair{"ru", "вид на жительство"}}) {
      e.terms[lang].emplace_back().text = text;
    }
    return matcher_with({e});
  }();
  return m;
}

std::vector<std::string> words(const std::vector<Misspelling>& ms) {
  std::vector<std::string> out;
  for (const Misspelling& m : ms) out.push_back(m.word);
  return out;
}

// The system dictionaries, opened once (loading kk_KZ takes a moment).
Speller& system_speller(const std::string& lang) {
  static std::map<std::string, std::unique_ptr<HunspellSpeller>> open;
  auto it = open.find(lang);
  if (it == open.end()) {
    const std::vector<std::string> dirs{std::string(kSystemDictionaryDir)};
    auto files = find_dictionary(lang, dirs);
    EXPECT_TRUE(files.has_value()) << "no " << lang << " dictionary: run scripts/setup.sh";
    auto s = HunspellSpeller::open(*files);
    EXPECT_TRUE(s.has_value());
    it = open.emplace(lang, std::move(*s)).first;
  }
  return *it->second;
}

SpellChecker checker(const term::Matcher& matcher = no_glossary()) {
  auto c = SpellChecker::create(matcher, {{"kk", &system_speller("kk")},
                                          {"ru", &system_speller("ru")}});
  EXPECT_TRUE(c.has_value());
  return std::move(*c);
}

TEST(SpellingRules, SkipsNumbersAddressesAcronymsAndLatinWords) {
  ListSpeller none({});
  auto c = SpellChecker::create(no_glossary(), {{"kk", &none}});
  ASSERT_TRUE(c.has_value());
  const std::string text =
      "2018 жылы COVID-19 ҚХР БҰҰ-ның Reuters https://www.azattyq.org/a/30123 info@azattyq.org "
      "www.hrw.org сөз";
  // Only the Kazakh words go to the dictionary.
  EXPECT_EQ(words(c->check_text(text, "kk")), (std::vector<std::string>{"жылы", "сөз"}));
  auto at = [&](std::string_view w) {
    const std::size_t b = text.find(w);
    return core::Span{b, b + w.size()};
  };
  EXPECT_EQ(c->skip(text, at("2018"), "kk"), Skip::kNumber);
  EXPECT_EQ(c->skip(text, at("COVID-19"), "kk"), Skip::kNumber);
  EXPECT_EQ(c->skip(text, at("ҚХР"), "kk"), Skip::kAcronym);
  EXPECT_EQ(c->skip(text, at("БҰҰ-ның"), "kk"), Skip::kAcronym);
  EXPECT_EQ(c->skip(text, at("Reuters"), "kk"), Skip::kOtherScript);
  EXPECT_EQ(c->skip(text, at("azattyq"), "kk"), Skip::kUrl);
  EXPECT_EQ(c->skip(text, at("info"), "kk"), Skip::kUrl);
  EXPECT_EQ(c->skip(text, at("hrw"), "kk"), Skip::kUrl);
  EXPECT_EQ(c->skip(text, at("сөз"), "kk"), Skip::kCheck);
}

TEST(SpellingRules, LanguagesWithoutSpellerGiveNothing) {
  ListSpeller none({});
  auto c = SpellChecker::create(no_glossary(), {{"ru", &none}});
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->check_text("сөз", "kk").empty());
  EXPECT_EQ(c->check_text("слово", "ru").size(), 1u);
}

TEST(SpellingRules, NamesFromTheSourceAreKnownInAnyCase) {
  ListSpeller none({});
  auto c = SpellChecker::create(no_glossary(), {{"kk", &none}, {"ru", &none}});
  ASSERT_TRUE(c.has_value());
  const std::string source = "Sayragul Sauytbay and Serikzhan Bilash spoke in Almaty.";
  // Inflected (Сауытбайдың, Алматыда) and patronymic (Біләшұлы: Bilash + ұлы) forms too.
  EXPECT_TRUE(c->check_text("Сайрагүл Сауытбайдың Серікжан Біләшұлы Алматыда", "kk", source)
                  .empty());
  EXPECT_EQ(words(c->check_text("Сайрагуль Сауытбай выступила в Алматы", "ru", source)),
            (std::vector<std::string>{"выступила"}));  // one letter: never checked
  // Without the source, a name that opens a sentence is an ordinary unknown word; lower case
  // never counts as a name.
  EXPECT_EQ(words(c->check_text("Сауытбайдың сөзі", "kk")),
            (std::vector<std::string>{"Сауытбайдың", "сөзі"}));
  EXPECT_EQ(words(c->check_text("Сауытбайдың сөзі", "kk", source)), std::vector<std::string>{"сөзі"});
  EXPECT_EQ(c->check_text("сауытбай", "kk", source).size(), 1u);
}

TEST(SpellingRules, AbbreviationsAndInitialsAreNotChecked) {
  ListSpeller none({});
  SpellingOptions o;
  o.abbreviations["ru"] = {"г.", "т.е.", "д-р.", "млн."};
  auto c = SpellChecker::create(no_glossary(), {{"ru", &none}}, o);
  ASSERT_TRUE(c.has_value());
  // г. and т. е. with their dots, д-р without one (a hyphenated contraction), initials, a
  // unit of one letter; "гг" and "млн" without a dot are words to check.
  EXPECT_EQ(words(c->check_text("в 2017 г. д-р Б. Т. Иванов, т. е. 15 т сказал гг млн", "ru")),
            (std::vector<std::string>{"Иванов", "сказал", "гг", "млн"}));
  EXPECT_TRUE(c->check_text("в 2017 г. и т. е. 1,5 млн. т", "ru").empty());
}

TEST(SpellingRules, NameSkeletonsMeetAcrossScripts) {
  auto t = core::Transliterator::create("kk-Latn");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(name_skeleton("Сауытбай", *t), name_skeleton("Sauytbay", *t));
  EXPECT_EQ(name_skeleton("Серікжан", *t), name_skeleton("Serikzhan", *t));
  EXPECT_NE(name_skeleton("Қытай", *t), name_skeleton("Sauytbay", *t));
}

TEST(Spelling, RussianMisspellingFoundWithSuggestion) {
  SpellChecker c = checker();
  const std::string text = "Все люди рождаются свободными и равными в своем достоенстве и правах.";
  const auto ms = c.check_text(text, "ru");
  ASSERT_EQ(words(ms), std::vector<std::string>{"достоенстве"});
  EXPECT_EQ(text.substr(ms[0].span.begin, ms[0].span.end - ms[0].span.begin), "достоенстве");
  EXPECT_LE(ms[0].suggestions.size(), 3u);
  EXPECT_NE(std::find(ms[0].suggestions.begin(), ms[0].suggestions.end(), "достоинстве"),
            ms[0].suggestions.end());
}

TEST(Spelling, KazakhMisspellingFoundWithSuggestion) {
  SpellChecker c = checker();
  // ү for ұ and к for қ: typing errors of the UDHR's Kazakh text.
  const auto ms = c.check_text("Барлық үлттық топтар арасында ыкпал жасайды", "kk");
  ASSERT_EQ(words(ms), (std::vector<std::string>{"үлттық", "ыкпал"}));
  EXPECT_EQ(ms[0].suggestions.front(), "ұлттық");
  EXPECT_EQ(ms[1].suggestions.front(), "ықпал");
}

TEST(Spelling, InflectedFormsAreNotFlagged) {
  SpellChecker c = checker();
  // Kazakh noun forms hunspell-kk lacks, accepted through the generated paradigms of a lemma
  // it knows (халық, құқық, тіл, табылатын), and a hyphen hunspell does not break at (U+2010).
  EXPECT_TRUE(c.check_text("халықтар құқықтары тіліне табылатынына қадір‐қасиетін", "kk").empty());
  // A suffix against vowel harmony is still an error.
  EXPECT_EQ(words(c.check_text("халықтер", "kk")), std::vector<std::string>{"халықтер"});
  // Russian: case forms, and не written together with adjectives and participles.
  EXPECT_TRUE(c.check_text("правами свободными несамоуправляющейся неполитического "
                           "нефальсифицированных", "ru").empty());
  // Not with a verb: "не был" is two words.
  EXPECT_EQ(words(c.check_text("небыл", "ru")), std::vector<std::string>{"небыл"});
  // Stress marks, and compounds with a combining form (авто-, евро-, нац-; kk еуро-).
  EXPECT_TRUE(c.check_text("бо́льшая часть автопроизводителей Европарламента нацбезопасности",
                           "ru").empty());
  EXPECT_EQ(words(c.check_text("автапроизводителей", "ru")),
            std::vector<std::string>{"автапроизводителей"});
  EXPECT_TRUE(c.check_text("Еуроодақ", "kk").empty());
  // Every hyphen of core::is_hyphen joins parts that are checked one by one (a minus sign and
  // a fullwidth hyphen-minus typed for a hyphen); a soft hyphen is an invisible break point
  // inside one word.
  EXPECT_TRUE(c.check_text("қадір\u2212қасиетін қадір\uFF0Dқасиетін", "kk").empty());
  EXPECT_TRUE(c.check_text("достоин\u00ADстве инфор\u00ADмации", "ru").empty());
  EXPECT_EQ(words(c.check_text("досто\u00ADенстве", "ru")),
            std::vector<std::string>{"досто\u00ADенстве"});
}

TEST(Spelling, CapitalisedWordsInsideASentenceAreNames) {
  SpellChecker c = checker();
  // Unknown names inside a sentence pass; at its start a capital proves nothing.
  EXPECT_TRUE(c.check_text("Родственники обратились к Токаеву и Блинкену.", "ru").empty());
  EXPECT_EQ(words(c.check_text("Токаеву написали. Свабодными стали.", "ru")),
            (std::vector<std::string>{"Токаеву", "Свабодными"}));
  // A known name one letter off is still reported, with the name as suggestion.
  const auto ms = c.check_text("Они прилетели в Масквой вчера.", "ru");
  ASSERT_EQ(words(ms), std::vector<std::string>{"Масквой"});
  EXPECT_EQ(ms[0].suggestions.front(), "Москвой");
}

TEST(Spelling, GlossaryTermsInAnyFormAreKnown) {
  const std::string text = "Ол ықтиярхатын алды.";
  SpellChecker plain = checker();
  EXPECT_EQ(words(plain.check_text(text, "kk")), std::vector<std::string>{"ықтиярхатын"});
  SpellChecker with_glossary = checker(permit_glossary());
  EXPECT_TRUE(with_glossary.check_text(text, "kk").empty());
}

TEST(Spelling, LatinNamesAndNumbersAreNotFlagged) {
  SpellChecker c = checker();
  EXPECT_TRUE(c.check_text("Sayragul Sauytbay 2018 жылы 3,5 мың адаммен сөйлесті", "kk").empty());
  EXPECT_TRUE(c.check_text("По данным Human Rights Watch, в 2018 году задержаны 1,5 млн", "ru").empty());
}

TEST(Spelling, UnitFindingsAreWarningsOnTargets) {
  SpellChecker c = checker();
  core::TranslationUnit u;
  u.id = "7";
  for (auto [lang, text] : {std::pair{"en", "All human beings are born free."},
                            std::pair{"ru", "Все люди рождаются свабодными."},
                            std::pair{"kk", "Барлық адамдар азат және тең."}}) {
    u.variants.emplace_back().lang = lang;
    u.variants.back().text = text;
  }
  const std::vector<qa::Finding> fs = c.check(u, "en");
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].unit, "7");
  EXPECT_EQ(fs[0].lang, "ru");
  EXPECT_EQ(fs[0].kind, qa::FindingKind::kSpelling);
  EXPECT_EQ(fs[0].severity, qa::Severity::kWarning);
  EXPECT_EQ(fs[0].found, "свабодными");
  EXPECT_EQ(fs[0].span.begin, std::string("Все люди рождаются ").size());
  EXPECT_NE(fs[0].expected.find("свободными"), std::string::npos);
  EXPECT_NE(fs[0].message.find("свабодными"), std::string::npos);
}

TEST(Dictionaries, MissingDictionaryIsAClearError) {
  const std::vector<std::string> dirs{"/nonexistent/hunspell"};
  EXPECT_FALSE(find_dictionary("kk", dirs).has_value());
  const std::vector<std::string> langs{"kk"};
  auto r = open_spellers(langs, {}, dirs);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, core::ErrorCode::kUnsupported);
  EXPECT_NE(r.error().message.find("no Hunspell dictionary for 'kk'"), std::string::npos);
  EXPECT_NE(r.error().message.find("/nonexistent/hunspell"), std::string::npos);
  EXPECT_NE(r.error().message.find("hunspell-kk"), std::string::npos);
}

TEST(Dictionaries, SearchOrderAndDefaultLanguages) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "tilmash-spell-test";
  fs::create_directories(dir);
  std::ofstream(dir / "ru_TEST.aff") << "SET UTF-8\n";
  std::ofstream(dir / "ru_TEST.dic") << "1\nслово\n";
  std::ofstream(dir / "kk.aff") << "SET UTF-8\n";  // no .dic beside it: not a dictionary
  const std::vector<std::string> dirs{dir.string(), std::string(kSystemDictionaryDir)};
  auto ru = find_dictionary("ru", dirs);
  ASSERT_TRUE(ru.has_value());
  EXPECT_EQ(ru->aff, (dir / "ru_TEST.aff").string());  // the first folder wins
  auto kk = find_dictionary("kk", dirs);
  ASSERT_TRUE(kk.has_value());
  EXPECT_EQ(fs::path(kk->aff).parent_path(), fs::path(kSystemDictionaryDir));
  auto s = HunspellSpeller::open(*ru);
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE((*s)->correct("слово"));
  EXPECT_FALSE((*s)->correct("правами"));  // only this test dictionary's one word
  // No languages requested: the targets that pass the bar (ru), kk listed as off.
  const std::vector<std::string> targets{"kk", "ru", "kk"};
  auto sp = open_spellers({}, targets, dirs);
  ASSERT_TRUE(sp.has_value());
  EXPECT_EQ(sp->by_lang.size(), 1u);
  EXPECT_TRUE(sp->by_lang.contains("ru"));
  EXPECT_EQ(sp->off_by_default, std::vector<std::string>{"kk"});
  fs::remove_all(dir);
}

TEST(Dictionaries, OpenSpellingChecksTheDefaultTargets) {
  core::TranslationUnit u;
  u.id = "1";
  for (auto [lang, text] : {std::pair{"en", "Mistakes happen."}, std::pair{"kk-KZ", "Қатте болады."},
                            std::pair{"ru", "Ашибки бывают."}}) {
    u.variants.emplace_back().lang = lang;
    u.variants.back().text = text;
  }
  const std::vector<core::TranslationUnit> units{u};
  const std::vector<std::string> dirs{std::string(kSystemDictionaryDir)};
  auto s = open_spelling(no_glossary(), {}, units, "en", dirs,
                         [](std::string_view) { return std::vector<std::string>{}; });
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)->spellers.off_by_default, std::vector<std::string>{"kk"});
  const std::vector<qa::Finding> fs = (*s)->checker.check(u, "en");
  ASSERT_EQ(fs.size(), 1u);  // Kazakh is off by default; Қатте is not looked at
  EXPECT_EQ(fs[0].found, "Ашибки");
  const std::vector<std::string> both{"kk", "ru"};
  auto forced = open_spelling(no_glossary(), both, units, "en", dirs, {});
  ASSERT_TRUE(forced.has_value());
  EXPECT_EQ((*forced)->checker.check(u, "en").size(), 2u);
}

}  // namespace
}  // namespace tilmash::spell
