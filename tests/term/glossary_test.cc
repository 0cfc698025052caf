#include "term/glossary.h"

#include <gtest/gtest.h>

namespace tilmash::term {
namespace {

core::TermEntry entry(std::string id) {
  core::TermEntry e;
  e.id = std::move(id);
  core::Term t;
  t.text = "flood";
  e.terms["en"].push_back(t);
  return e;
}

TEST(GlossaryTest, CreateRejectsBadIds) {
  EXPECT_FALSE(Glossary::create({entry("1abc")}).has_value());
  EXPECT_FALSE(Glossary::create({entry("a"), entry("a")}).has_value());
  core::TermEntry empty;
  empty.id = "x";
  EXPECT_FALSE(Glossary::create({empty}).has_value());
  EXPECT_TRUE(Glossary::create({entry("a"), entry("b")}).has_value());
}

TEST(GlossaryTest, AddRemoveFind) {
  Glossary g;
  EXPECT_TRUE(g.add(entry("a")));
  EXPECT_FALSE(g.add(entry("a")));
  EXPECT_TRUE(g.add(entry("a"), true));
  EXPECT_FALSE(g.add(entry("bad id")));
  EXPECT_EQ(g.size(), 1u);
  EXPECT_EQ(g.find("a"), 0u);
  EXPECT_TRUE(g.remove("a"));
  EXPECT_FALSE(g.remove("a"));
}

TEST(GlossaryTest, NewId) {
  Glossary g;
  EXPECT_EQ(g.new_id("Nur-Sultan"), "nur-sultan");
  ASSERT_TRUE(g.add(entry("nur-sultan")));
  EXPECT_EQ(g.new_id("Nur-Sultan"), "nur-sultan-2");
  EXPECT_EQ(g.new_id("Шыңжаң"), "c2");
}

TEST(GlossaryTest, StatusNames) {
  for (auto s : {core::TermStatus::kPreferred, core::TermStatus::kAdmitted,
                 core::TermStatus::kDeprecated, core::TermStatus::kForbidden}) {
    EXPECT_EQ(parse_status(status_name(s)), s);
  }
  EXPECT_FALSE(parse_status("preferredTerm-admn-sts").has_value());
}

TEST(GlossaryTest, CheckFindsMissingLanguagesAndDates) {
  core::TermEntry e = entry("flood");
  e.terms["en"][0].valid_from = "2019-3-23";
  const std::vector<std::string> langs{"en", "kk"};
  const auto problems = check_glossary(std::vector<core::TermEntry>{e}, langs);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "flood: no kk term");
}

}  // namespace
}  // namespace tilmash::term
