#include "align/units.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "align/test_util.h"

namespace tilmash::align {
namespace {

using testing::segs;

TEST(UnitsTest, SideTextJoinsWithOneSpace) {
  auto doc = segs({"Бір.", "Екі.", "Үш."});
  EXPECT_EQ(side_text(doc, std::vector<int>{0, 1}), "Бір. Екі.");
  EXPECT_EQ(side_text(doc, std::vector<int>{2}), "Үш.");
  EXPECT_EQ(side_text(doc, std::vector<int>{}), "");
}

TEST(UnitsTest, OneUnitPerBeadWithEveryLanguage) {
  std::vector<std::vector<core::Segment>> docs = {
      segs({"One.", "Two.", "Three."}), segs({"Бір. Екі.", "Үш."}), segs({"Один.", "Два.", "Три."})};
  Alignment a;
  a.beads.push_back({{{0, 1}, {0}, {0, 1}}, 0.75});
  a.beads.push_back({{{2}, {1}, {}}, 0.5});
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  auto units = to_units(a, docs, langs);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].text.at("en"), "One. Two.");
  EXPECT_EQ(units[0].text.at("kk"), "Бір. Екі.");
  EXPECT_EQ(units[0].text.at("ru"), "Один. Два.");
  EXPECT_DOUBLE_EQ(units[0].confidence, 0.75);
  EXPECT_EQ(units[1].text.at("ru"), "");  // omitted in Russian: present, empty
  EXPECT_EQ(units[1].provenance, "tilmash align");
  EXPECT_TRUE(units[1].grouped.empty());  // no pair alignments: every empty side is an omission
}

// Russian renders "Many were recorded by phone. Some asked to stay anonymous." as one sentence;
// Kazakh renders them apart. The joined beads keep Kazakh's cut, which leaves Russian's side of
// the first bead empty: the en-ru alignment on its own (a 2-1 bead) says nothing was left out.
// Kazakh's empty side of the last bead is an omission by both readings.
TEST(UnitsTest, EmptySideFromTheJoinsGroupingIsMarkedNotAnOmission) {
  std::vector<std::vector<core::Segment>> docs = {
      segs({"Many were recorded by phone.", "Some asked to stay anonymous.", "10 concern women."}),
      segs({"Көбі телефонмен жазылған.", "Кейбірі атын атамауды сұраған."}),
      segs({"Многие записаны по телефону, а некоторые просили не называть имен.", "10 касаются женщин."})};
  Alignment a;
  a.beads.push_back({{{0}, {0}, {}}, 0.4});
  a.beads.push_back({{{1}, {1}, {0}}, 0.4});
  a.beads.push_back({{{2}, {}, {1}}, 0.6});
  a.pairwise = {{{{{0}, {0}}, 0.9}, {{{1}, {1}}, 0.9}, {{{2}, {}}, 0.6}},
                {{{{0, 1}, {0}}, 0.9}, {{{2}, {1}}, 0.9}}};
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  const auto grouped = grouped_by_join(a);
  ASSERT_EQ(grouped.size(), 3u);
  EXPECT_EQ(grouped[0], (std::vector<bool>{false, false, true}));
  EXPECT_EQ(grouped[1], (std::vector<bool>{false, false, false}));
  EXPECT_EQ(grouped[2], (std::vector<bool>{false, false, false}));  // kk omits it in both
  auto units = to_units(a, docs, langs);
  EXPECT_EQ(units[0].grouped, (std::vector<std::string>{"ru"}));
  EXPECT_TRUE(units[2].grouped.empty());
}

}  // namespace
}  // namespace tilmash::align
