#include "io/tbx_writer.h"

#include <gtest/gtest.h>

#include "io/glossary_tsv.h"
#include "io/tbx_reader.h"

namespace tilmash::io {
namespace {

std::vector<core::TermEntry> flood() {
  core::TermEntry e;
  e.id = "c1";
  e.subject = "emergency management";
  e.definition = "An overflow of water; \"flood\" <noun> & more.";
  e.note = "=SUM(A1)";
  core::Term en;
  en.text = "flood";
  core::Term kk;
  kk.text = "су тасқыны";
  kk.valid_from = "2019-03-23";
  kk.unverified = true;
  core::Term bad;
  bad.text = "топан су";
  bad.status = core::TermStatus::kForbidden;
  bad.note = "Means 'deluge'.";
  core::Term old;
  old.text = "су басу";
  old.status = core::TermStatus::kDeprecated;
  e.terms["en"] = {en};
  e.terms["kk"] = {kk, bad, old};
  e.terms["ru"] = {en};
  e.terms["ru"][0].text = "наводнение";
  return {e};
}

TEST(TbxWriterTest, RoundTripBothDialects) {
  for (auto d : {TbxDialect::kTbx2019, TbxDialect::kMartif}) {
    TbxWriteOptions o;
    o.dialect = d;
    const std::string text = tbx_string(flood(), o);
    EXPECT_EQ(parse_tbx(text, "x.tbx"), flood());
    EXPECT_EQ(tbx_string(parse_tbx(text, "x.tbx"), o), text);  // deterministic
  }
}

TEST(TbxWriterTest, StatusMappingAndOmegatVariant) {
  TbxWriteOptions o;
  const std::string text = tbx_string(flood(), o);
  EXPECT_NE(text.find("deprecatedTerm-admn-sts"), std::string::npos);   // forbidden
  EXPECT_NE(text.find("supersededTerm-admn-sts"), std::string::npos);   // deprecated
  EXPECT_NE(text.find("<note>valid: 2019-03-23/</note>"), std::string::npos);
  o.dialect = TbxDialect::kMartif;
  o.drop_unusable = true;
  const std::string omegat = tbx_string(flood(), o);
  EXPECT_EQ(omegat.find("<term>топан су</term>"), std::string::npos);
  EXPECT_NE(omegat.find("<note>Do not use: топан су; су басу</note>"), std::string::npos);
  EXPECT_EQ(omegat.find("<martif type=\"TBX-Basic\" xml:lang=\"en\">"), 39u);
}

TEST(OmegatTsvTest, DeprecatedNeverInTargetColumn) {
  const std::string tsv = omegat_tsv_string(flood(), "en", "kk");
  EXPECT_EQ(tsv.substr(0, 1), "#");
  EXPECT_NE(tsv.find("flood\tсу тасқыны\t"), std::string::npos);
  EXPECT_EQ(tsv.find("\tтопан су"), std::string::npos);
  EXPECT_NE(tsv.find("Do not use: топан су (forbidden); су басу (deprecated)"), std::string::npos);
  const auto back = parse_omegat_tsv(tsv, "x.utf8", "en", "kk");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].terms.at("kk")[0].text, "су тасқыны");
}

TEST(CsvTest, ExcelBomQuotingAndFormulaGuard) {
  const std::vector<std::string> langs{"en", "kk", "ru"};
  const std::string csv = csv_string(flood(), langs, CsvOptions{});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\"'=SUM(A1)\""), std::string::npos);
  EXPECT_NE(csv.find("\"An overflow of water; \"\"flood\"\" <noun> & more.\""), std::string::npos);
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  const auto back = parse_csv(csv, "x.csv", "en", "kk");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].note, "=SUM(A1)");
  EXPECT_EQ(back[0].terms.at("kk")[2].text, "топан су");
  EXPECT_EQ(back[0].terms.at("kk")[2].status, core::TermStatus::kForbidden);
}

}  // namespace
}  // namespace tilmash::io
