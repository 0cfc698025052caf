#include <limits>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "align/aligner.h"
#include "align/test_util.h"

namespace tilmash::align {
namespace {

using testing::bead_strings;
using testing::covers_exactly_once;
using Strings = std::vector<std::string>;

Alignment parse(const Strings& beads) {
  Alignment a;
  for (const auto& s : beads) {
    auto b = core::parse_bead(s, 2);
    EXPECT_TRUE(b.has_value()) << s;
    a.beads.push_back(*b);
  }
  return a;
}

TEST(TrilingualTest, SameGroupingJoinsBeadForBead) {
  Alignment kk = parse({"0:0", "1:1,2", "2:3"});
  Alignment ru = parse({"0:0", "1:1", "2:2"});
  Alignment j = join_on_source(kk, ru, 3);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1:1,2:1", "2:3:2"}));
}

TEST(TrilingualTest, DifferentGroupingsAreCoarsened) {
  // kk merges en 1+2; ru merges en 2+3: the common grouping is en 1..3 together.
  Alignment kk = parse({"0:0", "1,2:1", "3:2", "4:3"});
  Alignment ru = parse({"0:0", "1:1", "2,3:2", "4:3"});
  Alignment j = join_on_source(kk, ru, 5);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1,2,3:1,2:1,2", "4:3:3"}));
  EXPECT_TRUE(covers_exactly_once(j, {5, 4, 4}));
}

TEST(TrilingualTest, InsertionsAndOmissionsKept) {
  // kk inserts a sentence before en 1; ru omits en 2.
  Alignment kk = parse({"0:0", ":1", "1:2", "2:3"});
  Alignment ru = parse({"0:0", "1:1", "2:"});
  Alignment j = join_on_source(kk, ru, 3);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", ":1:", "1:2:1", "2:3:"}));
  EXPECT_TRUE(covers_exactly_once(j, {3, 4, 2}));
}

TEST(TrilingualTest, EmptySource) {
  Alignment kk = parse({":0", ":1"});
  Alignment ru = parse({":0"});
  Alignment j = join_on_source(kk, ru, 0);
  // Each pair keeps its own 0-1 beads: one added sentence per language in each unit.
  EXPECT_EQ(bead_strings(j), (Strings{":0:0", ":1:"}));
}

// One-sided sentences in a three-language run: the Kazakh translation leaves out en 2 (a date,
// an agency and a city it then never mentions), the Russian one adds an explanation of its own
// (numbers the English lacks). Each stands alone, and the other language keeps its 1-1 beads.
TEST(TrilingualTest, Align3KeepsOneSidedSentencesAlone) {
  auto en = testing::segs(testing::kStoryEn);
  auto kk = testing::segs(testing::kStoryKkWithoutDetention);
  auto ru = testing::segs(testing::inserted(
      testing::kStoryRu, 4,
      "Жаркент — город в 30 километрах от границы с Китаем, в 2019 году в нём жили 44 тысячи человек."));
  Alignment a = align3(en, kk, ru);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0:0", "1:1:1", "2::2", "3:2:3", "::4", "4:3:5", "5:4:6"}));
  EXPECT_TRUE(covers_exactly_once(a, {6, 5, 7}));
}

TEST(TrilingualTest, Align3CoversEverySentenceOnce) {
  auto en = testing::segs({"Almaty is the largest city of Kazakhstan.", "It had 2 million people in 2021.",
                           "Nur-Sultan is the capital.", "Is it cold there?"});
  auto kk = testing::segs({"Алматы — Қазақстанның ең үлкен қаласы.", "2021 жылы онда 2 миллион адам болды, ал астанасы — Нұр-Сұлтан.",
                           "Онда суық па?"});
  auto ru = testing::segs({"Алматы — крупнейший город Казахстана.", "В 2021 году там жили 2 миллиона человек.",
                           "Столица — Нур-Султан.", "Там холодно?"});
  Alignment j = align3(en, kk, ru);
  EXPECT_TRUE(covers_exactly_once(j, {4, 3, 4}));
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1,2:1:1,2", "3:2:3"}));
}

TEST(TrilingualTest, Align3BatchCoversEveryTripleOnce) {
  auto en = testing::segs({"Almaty is the largest city of Kazakhstan.", "It had 2 million people in 2021.",
                           "Nur-Sultan is the capital.", "Is it cold there?"});
  auto kk = testing::segs({"Алматы — Қазақстанның ең үлкен қаласы.", "2021 жылы онда 2 миллион адам болды, ал астанасы — Нұр-Сұлтан.",
                           "Онда суық па?"});
  auto ru = testing::segs({"Алматы — крупнейший город Казахстана.", "В 2021 году там жили 2 миллиона человек.",
                           "Столица — Нур-Султан.", "Там холодно?"});
  const std::vector<std::array<Document, 3>> docs = {{Document{en}, Document{kk}, Document{ru}},
                                                     {Document{en}, Document{ru}, Document{kk}}};
  std::vector<Alignment> out = align3_batch(docs);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(covers_exactly_once(out[0], {4, 3, 4}));
  EXPECT_TRUE(covers_exactly_once(out[1], {4, 4, 3}));
  // The pairwise alignments stay available, each covering its pair exactly once.
  ASSERT_EQ(out[0].pairwise.size(), 2u);
  EXPECT_TRUE(covers_exactly_once(Alignment{out[0].pairwise[0], {}}, {4, 3}));
  EXPECT_TRUE(covers_exactly_once(Alignment{out[0].pairwise[1], {}}, {4, 4}));
  EXPECT_TRUE(align3_batch({}).empty());
}

// Hand-made costs for reconcile_on_source: `cost` of each bead (di, dj) starting at (i, j)
// inside `r`, 50 nats for every other bead of the inventory.
BeadCosts costs(Rect r, const std::vector<std::tuple<int, int, int, int, double>>& cost) {
  constexpr int kTypes[8][2] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
  const int w = r.j1 - r.j0 + 1;
  std::vector<double> table(static_cast<std::size_t>((r.i1 - r.i0 + 1) * w) * 8, 50.0);
  for (const auto& [i, j, di, dj, c] : cost) {
    for (std::size_t t = 0; t < 8; ++t) {
      if (kTypes[t][0] == di && kTypes[t][1] == dj) {
        table[static_cast<std::size_t>((i - r.i0) * w + (j - r.j0)) * 8 + t] = c;
      }
    }
  }
  return BeadCosts(r, std::move(table));
}

// kk leaves out en 1 and its alignment glued en 1 to en 2 (2-1); ru translates every sentence
// (1-1, 1-1). The cut at en 2 survives when it costs kk less (1-0 + 1-1 instead of 2-1) than
// losing it costs ru (2-2 instead of 1-1 + 1-1), and not otherwise.
TEST(TrilingualTest, ReconcileKeepsACutTheOtherPairTakesCheaply) {
  Alignment kk = parse({"0:0", "1,2:1"});
  Alignment ru = parse({"0:0", "1:1", "2:2"});
  // The old join coarsens ru to kk's grouping.
  EXPECT_EQ(bead_strings(join_on_source(kk, ru, 3)), (Strings{"0:0:0", "1,2:1:1,2"}));
  auto run = [&](double ru_2_2) {
    RegionCosts cost_kk = [](std::span<const Rect> r) {
      EXPECT_EQ(r.size(), 1u);
      // kk: the glued 2-1 costs 3 nats, 1-0 then 1-1 costs 5 + 1: taking the cut costs kk 3.
      return std::vector<BeadCosts>{costs(r[0], {{1, 1, 2, 1, 3.0}, {1, 1, 1, 0, 5.0}, {2, 1, 1, 1, 1.0}})};
    };
    RegionCosts cost_ru = [ru_2_2](std::span<const Rect> r) {
      EXPECT_EQ(r.size(), 1u);
      return std::vector<BeadCosts>{costs(r[0], {{1, 1, 1, 1, 1.0}, {2, 2, 1, 1, 1.0}, {1, 1, 2, 2, ru_2_2}})};
    };
    return reconcile_on_source(kk, ru, 3, cost_kk, cost_ru, 3.0);
  };
  // ru's evidence for the cut: 8 - 2 = 6 nats > 3.
  Alignment cut = run(8.0);
  EXPECT_EQ(bead_strings(cut), (Strings{"0:0:0", "1::1", "2:1:2"}));
  EXPECT_TRUE(covers_exactly_once(cut, {3, 2, 3}));
  // ru's evidence: 4 - 2 = 2 nats < 3: the coarser grouping is the better joint reading.
  EXPECT_EQ(bead_strings(run(4.0)), (Strings{"0:0:0", "1,2:1:1,2"}));
}

// The same with real costs: the models each pair learned from these documents (align_batch
// keeps them), and a kk alignment that glued the sentence kk leaves out (en 2, the detention)
// to its neighbour. The join keeps ru's 1-1 beads and gives kk a 1-0 bead inside the unit.
TEST(TrilingualTest, ReconcileWithTheAlignersCostsKeepsRussianBeads) {
  auto en = testing::segs(testing::kStoryEn);
  auto kk = testing::segs(testing::kStoryKkWithoutDetention);
  auto ru = testing::segs(testing::kStoryRu);
  PairModel kk_model, ru_model;
  const DocPair kk_pair{en, kk}, ru_pair{en, ru};
  Alignment kk_own = align_batch(std::span(&kk_pair, 1), {}, &kk_model).front();
  Alignment ru_own = align_batch(std::span(&ru_pair, 1), {}, &ru_model).front();
  ASSERT_EQ(bead_strings(ru_own), (Strings{"0:0", "1:1", "2:2", "3:3", "4:4", "5:5"}));
  Alignment glued = parse({"0:0", "1,2:1", "3:2", "4:3", "5:4"});
  RegionCosts cost_kk = [&](std::span<const Rect> r) { return kk_model.bead_costs(0, r); };
  RegionCosts cost_ru = [&](std::span<const Rect> r) { return ru_model.bead_costs(0, r); };
  Alignment j = reconcile_on_source(glued, ru_own, 6, cost_kk, cost_ru, 3.0);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1:1:1", "2::2", "3:2:3", "4:3:4", "5:4:5"}));
  EXPECT_TRUE(covers_exactly_once(j, {6, 5, 6}));
  EXPECT_EQ(bead_strings(join_on_source(glued, ru_own, 6)),
            (Strings{"0:0:0", "1,2:1:1,2", "3:2:3", "4:3:4", "5:4:5"}));
  // A bead's cost is the one the aligner's DP adds: kk's own 1-0 for en 2 is cheaper under its
  // model than the glued 2-1 plus nothing (the aligner chose it).
  const Rect r{1, 3, 1, 2};
  BeadCosts c = kk_model.bead_costs(0, std::span(&r, 1)).front();
  EXPECT_LT(c(1, 1, 1, 1) + c(2, 2, 1, 0), c(1, 1, 2, 1));
  EXPECT_EQ(c(1, 1, 3, 1), std::numeric_limits<double>::infinity());  // leaves the rectangle
}

}  // namespace
}  // namespace tilmash::align
