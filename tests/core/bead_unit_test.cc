#include "core/bead_unit.h"

#include <gtest/gtest.h>

#include "core/bead.h"

namespace tilmash::core {
namespace {

TEST(BeadUnit, OneRuleForIdVariantsConfidenceAndShape) {
  AlignedUnit a;
  a.text = {{"en", "Nobody was told why."}, {"kk", ""}, {"ru", "Никому не сказали."}};
  a.confidence = 0.4375;
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  TranslationUnit tu = bead_unit(a, 4, langs);
  EXPECT_EQ(tu.id, "5");
  EXPECT_EQ(bead_tuid(4), "tu5");
  ASSERT_EQ(tu.variants.size(), 2u);  // kk has no text
  EXPECT_EQ(tu.variants[0].lang, "en");
  EXPECT_EQ(tu.variants[1].lang, "ru");
  ASSERT_TRUE(tu.confidence.has_value());
  EXPECT_EQ(*tu.confidence, 0.4375);
  const auto prop = [&](std::string_view type) -> std::string {
    for (const Prop& p : tu.props) {
      if (p.type == type) return p.value;
    }
    return "(none)";
  };
  EXPECT_EQ(prop("x-origin"), "tilmash align");
  EXPECT_EQ(prop("x-document"), "(none)");
  EXPECT_EQ(prop(kOneSidedBeadProp), "1-0-1");
  EXPECT_EQ(prop(kConfidenceProp), "(none)");  // a number on the unit, a prop only in TMX
  // The bead's real shape wins over the texts' when given.
  Bead b;
  b.sides = {{3, 4}, {}, {2}};
  tu = bead_unit(a, 4, langs, "doc.txt", &b);
  EXPECT_EQ(prop(kOneSidedBeadProp), "2-0-1");
  EXPECT_EQ(prop("x-document"), "doc.txt");
  a.text["kk"] = "Ешкімге айтылмады.";
  EXPECT_EQ(bead_unit(a, 0, langs).props.size(), 1u);  // x-origin only: not one-sided
}

}  // namespace
}  // namespace tilmash::core
