#include "align/features.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "align/length_model.h"

namespace tilmash::align::detail {
namespace {

TEST(FeaturesTest, WordTokensLowerCaseAllScripts) {
  EXPECT_EQ(word_tokens("Сауытбай fled Шыңжаң, 2018!"),
            (std::vector<std::string>{"сауытбай", "fled", "шыңжаң"}));
  EXPECT_EQ(word_tokens("ЛАГЕРЬ перевоспитания"),
            (std::vector<std::string>{"лагерь", "перевоспитания"}));
  EXPECT_TRUE(word_tokens("").empty());
  EXPECT_TRUE(word_tokens("12 , 34 ?").empty());
}

TEST(FeaturesTest, CognateSimilarityIgnoresSuffixes) {
  EXPECT_DOUBLE_EQ(cognate_similarity("almaty", "almaty"), 1.0);
  EXPECT_GE(cognate_similarity("sauytbay", "sauytbajdyn"), 0.8);  // Сауытбайдың
  EXPECT_LT(cognate_similarity("glacier", "gletscher"), 0.8);
  EXPECT_EQ(cognate_similarity("", "abc"), 0.0);
  EXPECT_EQ(cognate_similarity("abcd", "abcdefghijk"), 0.0);  // more than twice as long
}

TEST(FeaturesTest, AnchorsAndCognatesAcrossScripts) {
  std::vector<core::Segment> en = {{"Sairagul Sauytbay left Almaty in 2018 (by car)?", 0}};
  std::vector<core::Segment> kk = {{"Сайрагүл Сауытбай 2018 жылы Алматыдан кетті (көлікпен)?", 0}};
  DocPair d{en, kk};
  Corpus c = extract(std::span<const DocPair>(&d, 1), true, 6);
  const SentFeat& s = c.src[0][0];
  const SentFeat& t = c.tgt[0][0];
  // The number 2018 is one shared anchor.
  std::vector<int> common;
  std::set_intersection(s.anchors.begin(), s.anchors.end(), t.anchors.begin(), t.anchors.end(),
                        std::back_inserter(common));
  EXPECT_EQ(common.size(), 1u);
  EXPECT_EQ(s.punct[static_cast<int>(Punct::kQuestion)], 1);
  EXPECT_EQ(t.punct[static_cast<int>(Punct::kOpen)], 1);
  // Sairagul, Sauytbay and Almaty find their transliterated counterparts.
  std::vector<int> cog;
  std::set_intersection(s.cognates.begin(), s.cognates.end(), t.cognates.begin(),
                        t.cognates.end(), std::back_inserter(cog));
  EXPECT_EQ(cog.size(), 3u);
}

// A time of day is its hour (24-hour clock) and its minutes as numbers: "6 a.m." is «таңғы
// 6-да» and «в 6 утра», "2:30 pm" is «в 14.30»; a different hour shares nothing.
TEST(FeaturesTest, TimesOfDayAnchorTheirHoursAndMinutes) {
  const auto shared = [](const char* src, const char* tgt, const char* lang) {
    std::vector<core::Segment> a = {{src, 0}};
    std::vector<core::Segment> b = {{tgt, 0}};
    DocPair d{a, b};
    const std::vector<std::string> langs = {"en", lang};
    Corpus c = extract(std::span<const DocPair>(&d, 1), true, 6, langs);
    std::vector<int> s = c.src[0][0].anchors, t = c.tgt[0][0].anchors, common;
    std::sort(s.begin(), s.end());
    std::sort(t.begin(), t.end());
    std::set_intersection(s.begin(), s.end(), t.begin(), t.end(), std::back_inserter(common));
    return std::make_pair(common.size(), std::max(s.size(), t.size()));
  };
  EXPECT_EQ(shared("We got up at 6 a.m. and sang.", "Біз таңғы 6-да тұрып, ән айттық.", "kk"),
            std::make_pair(std::size_t{1}, std::size_t{1}));
  EXPECT_EQ(shared("We got up at 6 a.m. and sang.", "Мы вставали в 6 утра и пели.", "ru"),
            std::make_pair(std::size_t{1}, std::size_t{1}));
  EXPECT_EQ(shared("The hearing began at 2:30 pm.", "Заседание началось в 14.30.", "ru"),
            std::make_pair(std::size_t{2}, std::size_t{2}));
  EXPECT_EQ(shared("We got up at 7 a.m. and sang.", "Біз таңғы 6-да тұрып, ән айттық.", "kk").first,
            0u);
}

// English spells Kazakh and Russian names in BGN/PCGN romanisation (zh, kh, sh, ch, ts, y), ICU
// transliterates Cyrillic by ISO 9 (ž, h, š, č, c, j): between the two scripts both sides are
// folded to what the schemes share, so the names are cognates.
TEST(FeaturesTest, NamesInEnglishRomanisationAreCognatesOfTheirCyrillicForms) {
  std::vector<core::Segment> en = {
      {"Zhanar now lives in Shymkent on Abay Street near Tashkent Road, says Yerlan Tokayev.", 0}};
  std::vector<core::Segment> kk = {
      {"Жанар қазір Шымкентте, Абай көшесінде, Ташкент жолының жанында тұрады, дейді Ерлан "
       "Тоқаев.", 0}};
  DocPair d{en, kk};
  Corpus c = extract(std::span<const DocPair>(&d, 1), true, 6);
  const SentFeat& s = c.src[0][0];
  const SentFeat& t = c.tgt[0][0];
  std::vector<int> cog;
  std::set_intersection(s.cognates.begin(), s.cognates.end(), t.cognates.begin(),
                        t.cognates.end(), std::back_inserter(cog));
  EXPECT_EQ(cog.size(), 6u);  // Жанар, Шымкентте, Абай, Ташкент, Ерлан, Тоқаев
  EXPECT_EQ(s.cognates_shared, 6);
}

// Two documents in one script keep their spelling differences: no folding between them.
TEST(FeaturesTest, SameScriptCognatesAreNotFolded) {
  std::vector<core::Segment> a = {{"Die Familie Zhanar wohnt in Shymkent.", 0}};
  std::vector<core::Segment> b = {{"La famille Zanar habite Symkent.", 0}};
  DocPair d{a, b};
  Corpus c = extract(std::span<const DocPair>(&d, 1), true, 6);
  std::vector<int> cog;
  const SentFeat& s = c.src[0][0];
  const SentFeat& t = c.tgt[0][0];
  std::set_intersection(s.cognates.begin(), s.cognates.end(), t.cognates.begin(),
                        t.cognates.end(), std::back_inserter(cog));
  EXPECT_EQ(cog.size(), 1u);  // familie/famille only
}

// Within one script, spelling pairs a frequent word with a rare look-alike (nicht in every
// German sentence, niché in one French sentence): no word is translated that unevenly, so the
// pair is no cognate. A name that both documents use as often stays one.
TEST(FeaturesTest, LookAlikesOfVeryDifferentFrequencyAreNoCognates) {
  std::vector<core::Segment> de = {{"Das Nadelhorn war nicht weit.", 0},
                                   {"Wir gingen nicht zum Nadelhorn.", 0},
                                   {"Es regnete nicht.", 0},
                                   {"Der Hang war nicht steil.", 0}};
  std::vector<core::Segment> fr = {{"Le Nadelhorn n'était pas loin.", 0},
                                   {"Nous ne sommes pas allés au Nadelhorn.", 0},
                                   {"Il ne pleuvait pas.", 0},
                                   {"La pente, nichée au nord, n'était pas raide.", 0}};
  DocPair d{de, fr};
  Corpus c = extract(std::span<const DocPair>(&d, 1), true, 6);
  const int nichee = c.tgt_vocab.id("nichée");
  const int nadel = c.tgt_vocab.id("nadelhorn");
  const std::vector<int>& first = c.src[0][0].cognates;  // Nadelhorn, nicht
  EXPECT_TRUE(std::binary_search(first.begin(), first.end(), nadel));
  const std::vector<int>& last = c.src[0][3].cognates;  // nicht only
  EXPECT_FALSE(std::binary_search(last.begin(), last.end(), nichee));
  EXPECT_EQ(c.src[0][3].cognates_shared, 0);
  EXPECT_GE(cognate_similarity("nicht", "nichee"), 0.8);  // alike in spelling
  EXPECT_TRUE(frequencies_agree(2, 2));
  EXPECT_FALSE(frequencies_agree(4, 1));
}

TEST(LengthModelTest, CostGrowsWithMismatchAndStaysFinite) {
  LengthModel m;
  EXPECT_NEAR(length_cost(m, 100, 100), 0.0, 1e-9);
  EXPECT_LT(length_cost(m, 100, 110), length_cost(m, 100, 160));
  EXPECT_TRUE(std::isfinite(length_cost(m, 10000, 1)));
  EXPECT_TRUE(std::isfinite(length_cost(m, 0, 0)));
}

TEST(LengthModelTest, TabulatedCostMatchesDirectAndOutliersFlattenTheTail) {
  LengthModel plain;
  LengthModel robust;
  robust.outlier_share = 0.02;
  robust.outlier_scale = 2.0;
  LengthModel table = robust;
  tabulate(table);
  for (int t : {0, 50, 100, 130, 170, 250, 400, 2000}) {
    EXPECT_NEAR(length_cost(table, 100, t), length_cost(robust, 100, t), 1e-3) << t;
  }
  EXPECT_NEAR(length_cost(robust, 100, 100), 0.0, 1e-9);
  // Far in the tail the contaminated model charges much less, so gluing a short sentence to a
  // bead with a long translation no longer pays for itself.
  EXPECT_LT(length_cost(robust, 100, 250), length_cost(plain, 100, 250) - 3);
  EXPECT_LT(length_cost(robust, 100, 300) - length_cost(robust, 100, 250),
            (length_cost(plain, 100, 300) - length_cost(plain, 100, 250)) / 2);
  EXPECT_LT(length_cost(robust, 100, 110), length_cost(robust, 100, 160));
}


TEST(LengthModelTest, VarianceEstimateShrinksToPrior) {
  EXPECT_DOUBLE_EQ(estimate_variance({}, 1.0, 6.8), 6.8);
  std::vector<std::pair<int, int>> exact(200, {100, 100});
  EXPECT_LT(estimate_variance(exact, 1.0, 6.8), 6.8);
  EXPECT_DOUBLE_EQ(estimate_ratio(0, 5), 1.0);
  EXPECT_DOUBLE_EQ(estimate_ratio(100, 120), 1.2);
}

}  // namespace
}  // namespace tilmash::align::detail
