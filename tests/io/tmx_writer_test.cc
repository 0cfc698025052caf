#include "io/tmx_writer.h"

#include "core/bead_unit.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "io/tmx_reader.h"

namespace tilmash::io {
namespace {

core::Variant var(std::string lang, std::string text) {
  core::Variant v;
  v.lang = std::move(lang);
  v.text = std::move(text);
  return v;
}

core::TranslationUnit unit(std::string id, std::vector<core::Variant> variants) {
  core::TranslationUnit tu;
  tu.id = std::move(id);
  tu.variants = std::move(variants);
  return tu;
}

class TmxWriterTest : public testing::Test {
 protected:
  void SetUp() override { setenv("SOURCE_DATE_EPOCH", "1735732800", 1); }  // 2025-01-01 12:00Z
  void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }

  std::string write(const std::vector<core::TranslationUnit>& units, TmxWriteOptions options = {},
                    TmxHeader header = {}) {
    std::ostringstream out;
    TmxWriter w(out, std::move(header), std::move(options));
    for (const auto& u : units)
      w.write(u);
    w.finish();
    stats_ = w.stats();
    return out.str();
  }

  std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++n;
    }
    return n;
  }

  TmxWriteStats stats_;
};

TEST_F(TmxWriterTest, HeaderHasAllRequiredAttributesAndEpochDate) {
  const std::string out = write({});
  EXPECT_NE(out.find("<tmx version=\"1.4\">"), std::string::npos);
  for (const char* attr :
       {"creationtool=\"tilmash\"", "creationtoolversion=\"", "segtype=\"sentence\"",
        "o-tmf=\"tilmash\"", "adminlang=\"en\"", "srclang=\"en\"", "datatype=\"plaintext\"",
        "creationdate=\"20250101T120000Z\""}) {
    EXPECT_NE(out.find(attr), std::string::npos) << attr;
  }
}

TEST_F(TmxWriterTest, EveryUnitGetsTuidAndDate) {
  const std::string out = write({unit("", {var("en", "One."), var("kk", "Бір.")}),
                                 unit("a 1", {var("en", "Two."), var("kk", "Екі.")})});
  EXPECT_NE(out.find("<tu tuid=\"tu1\" creationdate=\"20250101T120000Z\">"), std::string::npos)
      << out;
  EXPECT_NE(out.find("<tu tuid=\"a_1\""), std::string::npos);  // no white space in tuid
}

TEST_F(TmxWriterTest, LangCodesMappedAndSourceFirst) {
  TmxWriteOptions o;
  o.lang_codes = {{"kk", "kk-KZ"}, {"en", "en-US"}};
  const std::string out =
      write({unit("1", {var("ru", "Река."), var("kk", "Өзен."), var("en", "River.")})}, o);
  const std::size_t en = out.find("<tuv xml:lang=\"en-US\">");
  const std::size_t kk = out.find("<tuv xml:lang=\"kk-KZ\">");
  const std::size_t ru = out.find("<tuv xml:lang=\"ru\">");
  ASSERT_NE(en, std::string::npos);
  ASSERT_NE(kk, std::string::npos);
  EXPECT_LT(en, kk);
  EXPECT_LT(en, ru);
  EXPECT_NE(out.find("srclang=\"en-US\""), std::string::npos);
}

TEST_F(TmxWriterTest, UnderscoreCodesNeverWritten) {
  const std::string out = write({unit("1", {var("en_US", "River."), var("KK_kz", "Өзен.")})});
  EXPECT_NE(out.find("xml:lang=\"kk-KZ\""), std::string::npos);
  EXPECT_EQ(out.find('_'), std::string::npos);
}

TEST_F(TmxWriterTest, PairFileHasExactlyTwoTuvsAndSkipsUnitsWithoutTarget) {
  TmxWriteOptions o;
  o.langs = {"en", "kk"};
  o.require_all_langs = true;
  const std::string out =
      write({unit("1", {var("en", "River."), var("kk", "Өзен."), var("ru", "Река.")}),
             unit("2", {var("en", "Lake."), var("ru", "Озеро.")}),  // no kk: OmegaT would insert ru
             unit("3", {var("kk", "  "), var("en", "Sea.")})},      // empty kk
            o);
  EXPECT_EQ(count(out, "<tu "), 1u);
  EXPECT_EQ(count(out, "<tuv "), 2u);
  EXPECT_EQ(out.find("Река"), std::string::npos);
  EXPECT_EQ(stats_.units_skipped, 2u);
}

TEST_F(TmxWriterTest, MarkedOneSidedBeadsKeptAndNeverDuplicates) {
  // align's one-sided beads: written with the languages they have, even without the source,
  // and twice when the same sentence is omitted twice; unmarked units still follow the rules.
  TmxWriteOptions o;
  o.langs = {"en", "kk"};
  o.require_all_langs = true;
  o.keep_marked = "x-tilmash-bead";
  auto marked = [&](core::TranslationUnit u, const char* shape) {
    u.props.push_back({"x-tilmash-bead", shape});
    return u;
  };
  const std::string out = write(
      {unit("1", {var("en", "River."), var("kk", "Өзен.")}),
       marked(unit("2", {var("en", "See above.")}), "1-0"),
       marked(unit("3", {var("kk", "Аудармашының ескертуі.")}), "0-1"),
       marked(unit("4", {var("en", "See above.")}), "1-0"),
       unit("5", {var("en", "Lake.")})},  // unmarked: skipped
      o);
  EXPECT_EQ(count(out, "<tu "), 4u) << out;
  EXPECT_EQ(count(out, "<prop type=\"x-tilmash-bead\">1-0</prop>"), 2u);
  EXPECT_NE(out.find("Аудармашының ескертуі."), std::string::npos);
  EXPECT_EQ(out.find("Lake."), std::string::npos);
  EXPECT_EQ(stats_.units_skipped, 1u);
}

TEST_F(TmxWriterTest, KkDoesNotMatchKkLatn) {
  EXPECT_TRUE(lang_matches("kk", "kk-KZ"));
  EXPECT_TRUE(lang_matches("kk", "kk-Cyrl"));
  EXPECT_FALSE(lang_matches("kk", "kk-Latn"));
  EXPECT_TRUE(lang_matches("kk-Latn", "kk-Latn"));
  EXPECT_FALSE(lang_matches("kk-KZ", "kk"));
  EXPECT_FALSE(lang_matches("en", "kk"));
}

TEST_F(TmxWriterTest, SegmentsTrimmedCollapsedNfcAndEscaped) {
  // "й" decomposed (и + U+0306) becomes one code point; tabs, newlines and runs collapse.
  const std::string out =
      write({unit("1", {var("en", "  A <b> & \"c\"\n\tnext  "), var("kk", "қи\xCC\x86ын  ")})});
  EXPECT_NE(out.find("<seg>A &lt;b&gt; &amp; &quot;c&quot; next</seg>"), std::string::npos) << out;
  EXPECT_NE(out.find("<seg>қйын</seg>"), std::string::npos) << out;
}

TEST_F(TmxWriterTest, InvalidXmlCharactersRemovedWithWarningNamingTheUnit) {
  const std::string out =
      write({unit("n1-s7", {var("en", "Tab\vhere\x01."), var("kk", "Жақсы\xEF\xBF\xBF.")})});
  EXPECT_NE(out.find("<seg>Tabhere.</seg>"), std::string::npos) << out;
  EXPECT_EQ(stats_.invalid_chars_removed, 3u);
  ASSERT_EQ(stats_.warnings.size(), 1u);
  EXPECT_NE(stats_.warnings[0].find("n1-s7"), std::string::npos);
}

TEST_F(TmxWriterTest, DuplicatesDroppedEmptyAndSourceLessSkipped) {
  const std::string out = write({unit("1", {var("en", "River."), var("kk", "Өзен.")}),
                                 unit("2", {var("en", "River. "), var("kk", "Өзен.")}),
                                 unit("3", {var("en", "River."), var("kk", "Басқа.")}),
                                 unit("4", {var("kk", "Өзен."), var("ru", "Река.")}),
                                 unit("5", {var("en", "Alone.")})});
  EXPECT_EQ(stats_.units_written, 2u);
  EXPECT_EQ(stats_.units_duplicate, 1u);
  EXPECT_EQ(stats_.units_no_source, 1u);
  EXPECT_EQ(stats_.units_skipped, 1u);
  EXPECT_EQ(out.find("<seg></seg>"), std::string::npos);
}

TEST_F(TmxWriterTest, PropsNotesAndAlignedUnitAdapter) {
  core::AlignedUnit a;
  a.text = {{"en", "River."}, {"kk", "Өзен."}, {"ru", ""}};
  a.confidence = 0.875;
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  core::TranslationUnit tu = core::bead_unit(a, 2, langs, "notice-001");
  EXPECT_EQ(tu.id, "3");  // the bead number, 1-based
  ASSERT_TRUE(tu.confidence.has_value());
  EXPECT_EQ(*tu.confidence, 0.875);  // a number, not a string parsed back
  tu.id = core::bead_tuid(2);
  tu.notes.push_back("checked");
  ASSERT_EQ(tu.variants.size(), 2u);
  const std::string out = write({tu});
  EXPECT_NE(out.find("<tu tuid=\"tu3\""), std::string::npos) << out;
  // The writer makes the prop from the number, before the unit's own props.
  EXPECT_NE(out.find("<prop type=\"x-tilmash-confidence\">0.875</prop>\n      <prop type=\"x-document\">"),
            std::string::npos) << out;
  // ru has no text: a one-sided bead, marked with its shape from the texts.
  EXPECT_NE(out.find("<prop type=\"x-tilmash-bead\">1-1-0</prop>"), std::string::npos);
  EXPECT_NE(out.find("<prop type=\"x-document\">notice-001</prop>"), std::string::npos);
  EXPECT_NE(out.find("<prop type=\"x-origin\">tilmash align</prop>"), std::string::npos);
  EXPECT_NE(out.find("<note>checked</note>"), std::string::npos);
}

TEST_F(TmxWriterTest, InlineMarkupWrittenBackAndBrokenMarkupFallsBack) {
  core::Variant en = var("en", "Press Save now.");
  en.inline_xml =
      "Press <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> <ut>x</ut>now.";
  core::Variant kk = var("kk", "Сақтау.");
  kk.inline_xml = "<bpt i=\"1\">&lt;b&gt;</bpt>Сақтау.";  // no <ept>: not valid TMX
  const std::string out = write({unit("1", {en, kk})});
  EXPECT_NE(out.find("<seg>Press <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> "
                     "<ph>x</ph>now.</seg>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<seg>Сақтау.</seg>"), std::string::npos);
  EXPECT_EQ(stats_.inline_dropped, 1u);
}

TEST_F(TmxWriterTest, AddsKazakhLatinVariant) {
  auto t = core::Transliterator::create("kk-Latn");
  ASSERT_TRUE(t.has_value());
  TmxWriteOptions o;
  o.kk_latn = &*t;
  const std::string out = write({unit("1", {var("en", "Kazakhstan"), var("kk", "Қазақстан")})}, o);
  EXPECT_NE(out.find("<tuv xml:lang=\"kk-Latn\"><seg>Qazaqstan</seg></tuv>"), std::string::npos)
      << out;
}

TEST_F(TmxWriterTest, RoundTripIsLossless) {
  namespace fs = std::filesystem;
  core::TranslationUnit tu = unit("n1", {var("en", "Press Save."), var("kk-KZ", "Сақтау.")});
  tu.variants[0].inline_xml = "Press <ph x=\"1\" type=\"lb\">&lt;br/&gt;</ph>Save.";
  tu.variants[1].notes = {"Kazakh note"};
  tu.variants[1].props = {{"x-status", "reviewed"}};
  tu.variants[1].changedate = "20250102T093000Z";
  tu.props = {{"x-document", "d1"}};
  tu.notes = {"a & b"};
  tu.creationdate = "20240101T000000Z";
  tu.attrs = {{"usagecount", "3"}, {"creationid", "ana"}};
  const std::string first = write({tu});
  const fs::path p = fs::temp_directory_path() / "tilmash_tmx_roundtrip.tmx";
  std::ofstream(p) << first;
  const TmxDocument doc = read_tmx(p.string());
  ASSERT_EQ(doc.units.size(), 1u);
  EXPECT_EQ(doc.units[0], tu);
  const std::string second = write(doc.units, {}, doc.header);
  EXPECT_EQ(first, second);
}

TEST_F(TmxWriterTest, DatesNormalizedOrDropped) {
  EXPECT_EQ(normalize_tmx_date("20250101T120000Z"), "20250101T120000Z");
  EXPECT_EQ(normalize_tmx_date("2025-01-01T12:00:00Z"), "20250101T120000Z");
  EXPECT_EQ(normalize_tmx_date("yesterday"), "");
  EXPECT_EQ(tmx_now(), "20250101T120000Z");
}

TEST_F(TmxWriterTest, PairPathNaming) {
  EXPECT_EQ(tmx_pair_path("out.tmx", "en", "kk"), "out-en-kk.tmx");
  EXPECT_EQ(tmx_pair_path("dir/out", "en", "ru"), "dir/out-en-ru.tmx");
  EXPECT_EQ(tmx_pair_path("tmx/udhr.en-kk-ru.tmx", "en", "kk"), "tmx/udhr.en-kk.tmx");
  EXPECT_EQ(tmx_pair_path("tmx/udhr.en-kk-ru.tmx", "en", "ru"), "tmx/udhr.en-ru.tmx");
  EXPECT_EQ(tmx_pair_path("v1.2/out.tmx", "en", "kk"), "v1.2/out-en-kk.tmx");
}

}  // namespace
}  // namespace tilmash::io
