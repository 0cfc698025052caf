// The TMX tasks: split keeps only units with both languages, merge drops duplicates, stats
// counts, validate reports a bad language code and refuses markup that is not XML.
#include "app/tmx.h"

#include "app/option_error.h"
#include "io/tmx_reader.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using TmxTest = testing::TestDir;

const std::string kTmx =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
    "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
    "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n"
    "<tu tuid=\"a\"><tuv xml:lang=\"en\"><seg>The camp.</seg></tuv>"
    "<tuv xml:lang=\"kk\"><seg>Лагерь.</seg></tuv><tuv xml:lang=\"ru\"><seg>Лагерь.</seg></tuv></tu>\n"
    "<tu tuid=\"b\"><tuv xml:lang=\"en\"><seg>The wall.</seg></tuv>"
    "<tuv xml:lang=\"ru\"><seg>Стена.</seg></tuv></tu>\n"
    "</body>\n</tmx>\n";

std::vector<core::TranslationUnit> units_of(const std::string& path) {
  io::TmxReader reader(path);
  std::vector<core::TranslationUnit> out;
  while (auto u = reader.next()) out.push_back(std::move(*u));
  return out;
}

TEST_F(TmxTest, SplitWritesOnePairFileWithUnitsHavingBothLanguages) {
  const std::string in = write("tri.tmx", kTmx);
  const auto outs = split_tmx(in, {"en-kk", "en-ru"}, path("out.tmx"), {});
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(outs[0].path, path("out-en-kk.tmx"));
  EXPECT_EQ(outs[0].stats.units_written, 1u);
  EXPECT_EQ(outs[1].stats.units_written, 2u);
  const auto kk = units_of(outs[0].path);
  ASSERT_EQ(kk.size(), 1u);
  ASSERT_EQ(kk[0].variants.size(), 2u);
  EXPECT_EQ(kk[0].variants[1].text, "Лагерь.");
  EXPECT_NE(tmx_write_report("split", outs[0]).find("1 units"), std::string::npos);
  EXPECT_THROW(split_tmx(in, {"en"}, path("x.tmx"), {}), OptionError);
}

TEST_F(TmxTest, MergeDropsDuplicatesAndStatsCountThem) {
  const std::string a = write("a.tmx", kTmx);
  const std::string b = write("b.tmx", kTmx);
  MergeRequest r;
  r.inputs = {a, b};
  r.output = path("all.tmx");
  const TmxOutput out = merge_tmx(r, {});
  EXPECT_EQ(out.stats.units_written, 2u);
  EXPECT_EQ(out.stats.units_duplicate, 2u);
  std::vector<std::string> told;
  const auto stats = tmx_stats({out.path}, false, [&](const TmxFileStats& s) { told.push_back(s.path); });
  EXPECT_EQ(told, std::vector<std::string>{out.path});
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].units, 2u);
  EXPECT_EQ(stats[0].languages.at("en"), 2u);
  EXPECT_EQ(stats[0].languages.at("kk"), 1u);
  EXPECT_EQ(stats[0].pairs.at("en-ru"), 2u);
  EXPECT_NE(tmx_stats_json(stats[0]).find("\"units\": 2"), std::string::npos);
}

TEST_F(TmxTest, ValidateReportsABadLanguageCodeAndRefusesBrokenXml) {
  std::string bad = kTmx;
  bad.replace(bad.find("xml:lang=\"kk\""), 13, "xml:lang=\"kk_KZ\"");
  const TmxValidation v = validate_tmx_files({write("bad.tmx", bad)}, 0);
  EXPECT_TRUE(v.errors.empty());
  EXPECT_FALSE(v.findings.empty());
  EXPECT_NE(tmx_findings_text(v.findings).find("kk_KZ"), std::string::npos);
  const TmxValidation broken = validate_tmx_files({write("broken.tmx", "<tmx><body><tu></tmx>")}, 0);
  ASSERT_FALSE(broken.errors.empty());
  EXPECT_EQ(broken.errors[0].rfind(path("broken.tmx") + ":", 0), 0u);
}

}  // namespace
}  // namespace tilmash::app
