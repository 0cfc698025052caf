#include "segment/rules.h"

#include <gtest/gtest.h>

#include "segment/builtin_rules.h"

namespace tilmash::segment {
namespace {

TEST(RulesTest, ParsesClassesCommentsAndBlankLines) {
  RuleSet rules;
  auto r = parse_rules(
      "# header\n\nnever Mr. Dr.  # titles\nabbrev\tJan.\nfinal etc.\nnumeric No.\nsymbol км.\n"
      "starter The Ол\nheading Article бап\nnumstart год жылы\ncontinue Monday\nlabel Note\nspeech asked\n"
      "preposition в\n",
      rules);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(rules.abbreviations.at("Mr."), AbbrevKind::kNever);
  EXPECT_EQ(rules.abbreviations.at("Dr."), AbbrevKind::kNever);
  EXPECT_EQ(rules.abbreviations.at("Jan."), AbbrevKind::kAbbrev);
  EXPECT_EQ(rules.abbreviations.at("etc."), AbbrevKind::kFinal);
  EXPECT_EQ(rules.abbreviations.at("No."), AbbrevKind::kNumeric);
  EXPECT_EQ(rules.abbreviations.at("км."), AbbrevKind::kSymbol);
  EXPECT_EQ(rules.abbreviations.size(), 6u);
  EXPECT_TRUE(rules.starters.contains("Ол"));
  EXPECT_TRUE(rules.headings.contains("бап"));
  EXPECT_FALSE(rules.starters.contains("#"));
  EXPECT_TRUE(rules.numstarts.contains("жылы"));
  EXPECT_FALSE(rules.starters.contains("год"));
  EXPECT_TRUE(rules.continuers.contains("Monday"));
  EXPECT_TRUE(rules.labels.contains("Note"));
  EXPECT_TRUE(rules.speech.contains("asked"));
  EXPECT_TRUE(rules.prepositions.contains("в"));
  EXPECT_FALSE(rules.starters.contains("в"));
  EXPECT_FALSE(rules.headings.contains("Note"));
  EXPECT_FALSE(parse_rules("label Note.\n", rules));  // a label word has no full stop
}

TEST(RulesTest, ContinueWordsOfNamedAbbreviations) {
  RuleSet rules;
  ASSERT_TRUE(parse_rules("continue a.m. p.m. Monday GMT\ncontinue N S\n", rules));
  EXPECT_TRUE(rules.continues("a.m.", "Monday"));
  EXPECT_TRUE(rules.continues("p.m.", "GMT"));
  EXPECT_FALSE(rules.continues("Rd.", "Monday"));  // the times' own
  EXPECT_TRUE(rules.continues("Rd.", "N"));        // a line without abbreviations: after any
  EXPECT_FALSE(rules.continuers.contains("Monday"));
  // Abbreviations come first, and a line of abbreviations alone has no words.
  auto late = parse_rules("continue Monday a.m.\n", rules);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().byte_offset, 16u);
  auto bare = parse_rules("continue a.m.\n", rules);
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error().byte_offset, 0u);
}

TEST(RulesTest, LaterLineWins) {
  RuleSet rules;
  ASSERT_TRUE(parse_rules("never г.\n", rules));
  ASSERT_TRUE(parse_rules("abbrev г.", rules));  // no final newline
  EXPECT_EQ(rules.abbreviations.at("г."), AbbrevKind::kAbbrev);
}

TEST(RulesTest, ErrorsPointAtTheToken) {
  RuleSet rules;
  auto unknown = parse_rules("never Mr.\n  nevr Dr.\n", rules);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kBadFormat);
  EXPECT_EQ(unknown.error().byte_offset, 12u);

  auto no_dot = parse_rules("abbrev т.е. тыс\n", rules);
  ASSERT_FALSE(no_dot);
  EXPECT_EQ(no_dot.error().byte_offset, 14u);  // "abbrev " (7) + "т.е. " (7 bytes)

  auto dotted_starter = parse_rules("starter The.\n", rules);
  ASSERT_FALSE(dotted_starter);
  EXPECT_EQ(dotted_starter.error().byte_offset, 8u);

  auto dotted_numstart = parse_rules("numstart г.\n", rules);
  ASSERT_FALSE(dotted_numstart);
  EXPECT_EQ(dotted_numstart.error().byte_offset, 9u);

  auto empty_rule = parse_rules("\nheading\n", rules);
  ASSERT_FALSE(empty_rule);
  EXPECT_EQ(empty_rule.error().byte_offset, 1u);

  auto bad_utf8 = parse_rules("never \xD0.\n", rules);
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().byte_offset, 6u);
}

TEST(RulesTest, BuiltinFilesParse) {
  for (const char* name : {"common", "en", "kk", "ru"}) {
    RuleSet rules;
    std::string_view text = builtin_rules(name);
    ASSERT_FALSE(text.empty()) << name;
    auto r = parse_rules(text, rules);
    EXPECT_TRUE(r) << name << ": " << (r ? "" : r.error().message);
    EXPECT_FALSE(rules.abbreviations.empty()) << name;
  }
  EXPECT_TRUE(builtin_rules("de").empty());
}

}  // namespace
}  // namespace tilmash::segment
