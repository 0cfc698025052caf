// app::check_units on literal TMX and align JSON: planted problems are found, clean units are
// not flagged, and the report functions say so.
#include "app/check.h"

#include "test_dir.h"

namespace tilmash::app {
namespace {

using CheckTest = testing::TestDir;

const std::string kGlossary = TILMASH_SOURCE_DIR "/glossaries/xinjiang.tbx";

std::string tmx(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
         "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" "
         "o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n" +
         body + "</body>\n</tmx>\n";
}

std::string unit(const std::string& id, const std::string& en, const std::string& kk) {
  return "<tu tuid=\"" + id + "\"><tuv xml:lang=\"en\"><seg>" + en +
         "</seg></tuv><tuv xml:lang=\"kk\"><seg>" + kk + "</seg></tuv></tu>\n";
}

TEST_F(CheckTest, FindsAPlantedNumberMismatchAndNothingInTheCleanUnit) {
  CheckRequest r;
  r.path = write("a.tmx", tmx(unit("1", "In 2017, 120 people were detained.",
                                   "2017 жылы 120 адам ұсталды.") +
                              unit("2", "In 2018, 300 people were released.",
                                   "2018 жылы 800 адам босатылды.")));
  r.glossaries = {kGlossary};
  r.options.terms = false;
  const CheckResult result = check_units(r);
  ASSERT_EQ(result.units.size(), 2u);
  // The planted change (300 -> 800) is reported on unit 2 only (the number missing, the
  // number added), as errors; the clean unit 1 has no finding.
  ASSERT_FALSE(result.findings.empty());
  for (const qa::Finding& f : result.findings) {
    EXPECT_EQ(f.unit, "2");
    EXPECT_EQ(f.kind, qa::FindingKind::kNumberMismatch);
    EXPECT_EQ(f.severity, qa::Severity::kError);
  }
  const std::size_t n = result.findings.size();
  EXPECT_EQ(result.count(qa::Severity::kError), n);
  EXPECT_NE(findings_json(result).find("\"kind\": \"number-mismatch\""), std::string::npos);
  EXPECT_EQ(check_summary(result),
            std::to_string(n) + (n == 1 ? " error" : " errors") + ", 0 warnings, 0 notices in 2 units");
}

TEST_F(CheckTest, AlignJsonBeadsAreUnitsNumberedFromOneWithTheirConfidence) {
  CheckRequest r;
  r.path = write("a.json",
                 "[\n"
                 "  {\"confidence\": 0.91, \"indices\": {\"en\": [0], \"kk\": [0]}, \"text\": "
                 "{\"en\": \"The camp was closed.\", \"kk\": \"Лагерь жабылды.\"}},\n"
                 "  {\"confidence\": 0.3, \"indices\": {\"en\": [1], \"kk\": []}, \"text\": "
                 "{\"en\": \"Nobody was told why.\", \"kk\": \"\"}},\n"
                 "  {\"confidence\": 0.88, \"indices\": {\"en\": [2], \"kk\": [1]}, \"text\": "
                 "{\"en\": \"The families waited.\", \"kk\": \"Отбасылар күтті.\"}}\n"
                 "]\n");
  r.glossaries = {kGlossary};
  r.options.terms = false;
  const CheckResult result = check_units(r);
  ASSERT_EQ(result.units.size(), 3u);
  EXPECT_EQ(result.units[1].id, "2");
  ASSERT_TRUE(result.units[1].confidence.has_value());
  EXPECT_DOUBLE_EQ(*result.units[1].confidence, 0.3);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].kind, qa::FindingKind::kOmittedSentence);
  EXPECT_EQ(result.findings[0].unit, "2");
  ASSERT_EQ(result.context.count(0), 1u);  // the sentences around it
  EXPECT_EQ(result.context.at(0).previous.id, "1");
  EXPECT_EQ(result.context.at(0).next.id, "3");
  const std::string text = findings_text(result, false);
  EXPECT_NE(text.find("unit 2 (weak link, confidence 0.30"), std::string::npos) << text;
}

TEST_F(CheckTest, WritesTheReviewPageWhenAsked) {
  CheckRequest r;
  r.path = write("a.tmx", tmx(unit("7", "In 2018, 300 people were released.",
                                   "2018 жылы 800 адам босатылды.")));
  r.glossaries = {kGlossary};
  r.html = path("review.html");
  const CheckResult result = check_units(r);
  const std::string page = read("review.html");
  EXPECT_NE(page.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(page.find("number-mismatch"), std::string::npos);
  EXPECT_GE(result.count(qa::Severity::kError), 1u);
}

TEST_F(CheckTest, UnreadableInputIsBadInput) {
  CheckRequest r;
  r.path = write("a.tmx", "<tmx version=\"1.4\"><body><tu></body></tmx>");
  r.glossaries = {kGlossary};
  try {
    check_units(r);
    FAIL() << "no failure";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kBadInput);
    EXPECT_EQ(e.location(), r.path);
  }
}

}  // namespace
}  // namespace tilmash::app
