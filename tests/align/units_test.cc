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
}

}  // namespace
}  // namespace tilmash::align
