#include "qa/omission_check.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

namespace tilmash::qa {
namespace {

// A unit with id `id`; texts as (lang, text); `bead`: carries the one-sided bead prop.
core::TranslationUnit unit(std::string id, std::initializer_list<std::pair<const char*, const char*>> texts,
                           bool bead = false) {
  core::TranslationUnit u;
  u.id = std::move(id);
  for (const auto& [lang, text] : texts) {
    u.variants.emplace_back();
    u.variants.back().lang = lang;
    u.variants.back().text = text;
  }
  if (bead) u.props.push_back({std::string(core::kOneSidedBeadProp), "?"});
  return u;
}

std::string text_of(const core::TranslationUnit& u, std::string_view lang) {
  for (const core::Variant& v : u.variants) {
    if (v.lang == lang) return v.text;
  }
  return "(none)";
}

TEST(OmissionCheckTest, OmittedSourceSentenceWithNeighbours) {
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "Everyone has the right to life."}, {"kk", "Әркімнің өмір сүруге құқығы бар."}}),
      unit("2", {{"en", "No one shall be held in slavery."}}, true),
      unit("3", {{"en", "No one shall be tortured."}, {"kk", "Ешкімді азаптауға болмайды."}}),
  };
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_TRUE(found[0].empty());
  EXPECT_TRUE(found[2].empty());
  ASSERT_EQ(found[1].size(), 1u);
  const Finding& f = found[1][0].finding;
  const OneSided& one = found[1][0];
  EXPECT_EQ(f.kind, FindingKind::kOmittedSentence);
  EXPECT_EQ(kind_name(f.kind), "omitted-sentence");
  EXPECT_EQ(f.unit, "2");
  EXPECT_EQ(f.lang, "kk");
  EXPECT_EQ(f.term, "No one shall be held in slavery.");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(one.previous.id, "1");
  EXPECT_EQ(text_of(one.previous, "en"), "Everyone has the right to life.");
  EXPECT_EQ(text_of(one.previous, "kk"), "Әркімнің өмір сүруге құқығы бар.");
  EXPECT_EQ(one.next.id, "3");
  EXPECT_EQ(text_of(one.next, "kk"), "Ешкімді азаптауға болмайды.");
}

TEST(OmissionCheckTest, AddedTargetSentenceAtTheEnd) {
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "He was detained in 2018."}, {"ru", "Его задержали в 2018 году."}}),
      unit("2", {{"ru", "Прим. пер.: речь идёт о лагере в Синьцзяне."}}, true),
  };
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found[1].size(), 1u);
  const Finding& f = found[1][0].finding;
  const OneSided& one = found[1][0];
  EXPECT_EQ(kind_name(f.kind), "added-sentence");
  EXPECT_EQ(f.lang, "ru");
  EXPECT_EQ(f.term, "Прим. пер.: речь идёт о лагере в Синьцзяне.");
  EXPECT_EQ(f.severity, Severity::kWarning);
  EXPECT_NE(f.message.find("no en source"), std::string::npos);
  EXPECT_EQ(one.previous.id, "1");
  EXPECT_TRUE(one.next.id.empty());  // the document's end
  EXPECT_TRUE(one.next.variants.empty());
}

TEST(OmissionCheckTest, ThreeLanguagesJudgedPerPair) {
  // 1-1-0: only ru lacks the sentence; 0-1-1: both targets added one; 1-0-0: omitted twice.
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "Article 1."}, {"kk", "1-бап."}, {"ru", "Статья 1."}}),
      unit("2", {{"en", "All human beings are born free."}, {"kk", "Барлық адамдар тең болып туады."}}, true),
      unit("3", {{"kk", "Аудармашының ескертуі."}, {"ru", "Примечание переводчика."}}, true),
      unit("4", {{"en", "They are endowed with reason."}}, true),
  };
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].finding.kind, FindingKind::kOmittedSentence);
  EXPECT_EQ(found[1][0].finding.lang, "ru");
  // The neighbours hold the source and the pair's target only.
  EXPECT_EQ(text_of(found[1][0].previous, "ru"), "Статья 1.");
  EXPECT_EQ(text_of(found[1][0].previous, "kk"), "(none)");
  ASSERT_EQ(found[2].size(), 2u);
  EXPECT_EQ(found[2][0].finding.kind, FindingKind::kAddedSentence);
  EXPECT_EQ(found[2][0].finding.lang, "kk");
  EXPECT_EQ(found[2][1].finding.lang, "ru");
  EXPECT_EQ(found[2][1].finding.term, "Примечание переводчика.");
  EXPECT_EQ(found[1][0].next.id, "3");
  EXPECT_EQ(text_of(found[1][0].next, "ru"), "Примечание переводчика.");
  EXPECT_EQ(found[1][0].next.variants.size(), 1u);
  ASSERT_EQ(found[3].size(), 2u);
  EXPECT_EQ(found[3][0].finding.lang, "kk");
  EXPECT_EQ(found[3][1].finding.lang, "ru");
  EXPECT_EQ(found[3][1].finding.kind, FindingKind::kOmittedSentence);
}

TEST(OmissionCheckTest, SideEmptyOnlyByTheJoinsGroupingIsNotAnOmission) {
  // Unit 2: ru renders en 2 together with en 3 in unit 3 (kGroupedBeadProp "ru"), while kk
  // leaves it out: only kk is reported. Unit 4: the prop names ru-RU's primary subtag.
  std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "Article 1."}, {"kk", "1-бап."}, {"ru", "Статья 1."}}),
      unit("2", {{"en", "Many were recorded by phone."}}, true),
      unit("3", {{"en", "Some asked to stay anonymous."}, {"kk", "Кейбірі атын атамауды сұраған."},
                 {"ru", "Многие записаны по телефону, а некоторые просили не называть имен."}}),
      unit("4", {{"en", "10 concern women."}, {"kk", "10-ы әйелдерге қатысты."}}, true),
  };
  units[1].props.push_back({std::string(core::kGroupedBeadProp), "ru"});
  units[3].props.push_back({std::string(core::kGroupedBeadProp), "kk ru-RU"});
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].finding.lang, "kk");
  EXPECT_EQ(found[1][0].finding.kind, FindingKind::kOmittedSentence);
  EXPECT_TRUE(found[3].empty());
}

TEST(OmissionCheckTest, NeighboursAreThoseOfThePairsView) {
  // Unit 3 holds kk only: in the en-ru view it does not exist, so unit 2's next is unit 4.
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "Article 1."}, {"kk", "1-бап."}, {"ru", "Статья 1."}}),
      unit("2", {{"en", "All are born free."}, {"kk", "Барлығы азат болып туады."}}, true),
      unit("3", {{"kk", "Аудармашының ескертуі."}}, true),
      unit("4", {{"en", "Article 2."}, {"kk", "2-бап."}, {"ru", "Статья 2."}}),
  };
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].next.id, "4");
  EXPECT_EQ(text_of(found[1][0].next, "ru"), "Статья 2.");
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(found[2][0].finding.lang, "kk");
  EXPECT_EQ(found[2][0].previous.id, "2");
}

TEST(OmissionCheckTest, UnitsWithoutTheBeadPropAreNotJudged) {
  // A multilingual TM may lack a language in some units: that is no omission.
  const std::vector<core::TranslationUnit> units = {
      unit("a", {{"en-US", "Torture is prohibited."}, {"kk-KZ", "Азаптауға тыйым салынады."}}),
      unit("b", {{"en-US", "Freedom of expression."}}),
      unit("c", {{"en-US", "Freedom of assembly."}}, true),
  };
  auto found = find_one_sided(units, "en");
  EXPECT_TRUE(found[1].empty());
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(found[2][0].finding.lang, "kk");  // primary subtags
  // The neighbour texts keep their own tags.
  EXPECT_EQ(text_of(found[2][0].previous, "en-US"), "Freedom of expression.");
}

TEST(OmissionCheckTest, FullBeadWithThePropIsNotReported) {
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "Everyone has rights."}, {"kk", "Әркімнің құқығы бар."}}, true)};
  EXPECT_TRUE(find_one_sided(units, "en")[0].empty());
}

TEST(OmissionCheckTest, LongSentenceShortenedInTheMessageOnly) {
  std::string longer;
  for (int i = 0; i < 40; ++i) longer += "Құқық ";
  core::TranslationUnit u = unit("1", {{"en", "x"}}, true);
  u.variants[0].text = longer;
  const std::vector<core::TranslationUnit> units = {u, unit("2", {{"en", "y"}, {"kk", "ы"}})};
  auto found = find_one_sided(units, "en");
  ASSERT_EQ(found[0].size(), 1u);
  EXPECT_EQ(found[0][0].finding.term, longer);
  EXPECT_NE(found[0][0].finding.message.find("…"), std::string::npos);
  EXPECT_LT(found[0][0].finding.message.size(), longer.size());
}

TEST(OmissionCheckTest, BeadShape) {
  const core::Bead two{{{4}, {}}, 0.8}, three{{{}, {7}, {6, 7}}, 0.5}, full{{{1}, {1}}, 1.0};
  EXPECT_EQ(core::bead_shape(two), "1-0");
  EXPECT_EQ(core::bead_shape(three), "0-1-2");
  EXPECT_TRUE(core::one_sided(two));
  EXPECT_TRUE(core::one_sided(three));
  EXPECT_FALSE(core::one_sided(full));
}

// A merged bead (align's x-tilmash-alone prop): a sentence whose chance of standing alone
// reaches kPossiblyAlone is reported, by its place in the bead, as possibly left out (source)
// or added (target); the others are not, nor is a bead without the prop or with a bad one.
TEST(OmissionCheckTest, SentenceOfAMergedBeadThatMayStandAlone) {
  core::TranslationUnit merged =
      unit("2", {{"en", "He wrote to them. Keep copies."}, {"kk", "Ол оларға хат жазды."}});
  merged.props.push_back({std::string(core::kAloneBeadProp), "en=0.050,0.410 kk=0.030"});
  const std::vector<core::TranslationUnit> units = {
      unit("1", {{"en", "They waited."}, {"kk", "Олар күтті."}}), merged,
      unit("3", {{"en", "Nobody came."}, {"kk", "Ешкім келмеді."}})};
  auto found = find_one_sided(units, "en");
  EXPECT_TRUE(found[0].empty());
  EXPECT_TRUE(found[2].empty());
  ASSERT_EQ(found[1].size(), 1u);
  const Finding& f = found[1][0].finding;
  EXPECT_EQ(f.kind, FindingKind::kPossiblyOmitted);
  EXPECT_EQ(kind_name(f.kind), "possibly-omitted-sentence");
  EXPECT_EQ(f.severity, Severity::kWarning);
  EXPECT_EQ(f.lang, "kk");
  EXPECT_EQ(f.term, "He wrote to them. Keep copies.");
  EXPECT_NE(f.message.find("2nd of its 2 sentences"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("41 %"), std::string::npos) << f.message;
  EXPECT_EQ(found[1][0].previous.id, "1");
  EXPECT_EQ(found[1][0].next.id, "3");

  // A target sentence: possibly added.
  core::TranslationUnit added =
      unit("4", {{"en", "He left."}, {"ru", "Он уехал. Кульджа — город в Синьцзяне."}});
  added.props.push_back({std::string(core::kAloneBeadProp), "en=0.010 ru=0.020,0.380"});
  auto more = find_one_sided(std::vector<core::TranslationUnit>{added}, "en");
  ASSERT_EQ(more[0].size(), 1u);
  EXPECT_EQ(more[0][0].finding.kind, FindingKind::kPossiblyAdded);
  EXPECT_EQ(more[0][0].finding.term, "Он уехал. Кульджа — город в Синьцзяне.");

  // Of a side's sentences only the likeliest is reported.
  core::TranslationUnit loose = merged;
  loose.props.back().value = "en=0.500,0.410 kk=0.030";
  auto once = find_one_sided(std::vector<core::TranslationUnit>{loose}, "en");
  ASSERT_EQ(once[0].size(), 1u);
  EXPECT_NE(once[0][0].finding.message.find("1st of its 2"), std::string::npos);

  // Below the threshold, malformed, or one sentence per side: nothing.
  for (const char* value : {"en=0.050,0.340 kk=0.030", "en=0.050,x kk=0.030",
                            "en=0.050,1.400 kk=0.030", "en=0.900 kk=0.900"}) {
    core::TranslationUnit u = merged;
    u.props.back().value = value;
    EXPECT_TRUE(find_one_sided(std::vector<core::TranslationUnit>{u}, "en")[0].empty()) << value;
  }
}

}  // namespace
}  // namespace tilmash::qa
