#include "io/tmx_reader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;

// Writes `bytes` to a fresh temporary file and returns its path.
std::string temp_file(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "tilmash_tmx_reader_test";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::string tmx(const std::string& body,
                const std::string& header_attrs = "srclang=\"en\" adminlang=\"en\"") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header "
         "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
         "datatype=\"plaintext\" "
         + header_attrs + "/>\n<body>\n" + body + "</body>\n</tmx>\n";
}

std::string malformed(const std::string& name) {
  return std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/tmx/" + name;
}

// The error message of reading `path` to the end, or "" when it reads.
std::string read_error(const std::string& path) {
  try {
    read_tmx(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

TEST(TmxReaderTest, ReadsUnitsLanguagesPropsNotesAndDates) {
  const std::string path = temp_file(
      "basic.tmx", tmx("<tu tuid=\"n1-s1\" creationdate=\"20250101T120000Z\" usagecount=\"4\" "
                       "lastusagedate=\"20250103T000000Z\">\n"
                       "  <note>First &amp; only</note><prop type=\"x-doc\">notice-001</prop>\n"
                       "  <tuv xml:lang=\"en\"><seg>The water level is rising.</seg></tuv>\n"
                       "  <tuv xml:lang=\"KK_kz\" changedate=\"20250102T093000Z\"><prop "
                       "type=\"x-q\">ok</prop><seg>Су деңгейі көтеріліп жатыр.</seg></tuv>\n"
                       "  <tuv lang=\"ru-ru\"><seg>Уровень воды поднимается.</seg></tuv>\n"
                       "</tu>\n"));
  const TmxDocument doc = read_tmx(path);
  EXPECT_EQ(doc.header.srclang, "en");
  EXPECT_EQ(doc.header.version, "1.4");
  ASSERT_EQ(doc.units.size(), 1u);
  const core::TranslationUnit& tu = doc.units[0];
  EXPECT_EQ(tu.id, "n1-s1");
  EXPECT_EQ(tu.creationdate, "20250101T120000Z");
  ASSERT_EQ(tu.attrs.size(), 2u);
  EXPECT_EQ(tu.attrs[0], (core::Attr{"usagecount", "4"}));
  EXPECT_EQ(tu.attrs[1], (core::Attr{"lastusagedate", "20250103T000000Z"}));
  ASSERT_EQ(tu.notes.size(), 1u);
  EXPECT_EQ(tu.notes[0], "First & only");
  ASSERT_EQ(tu.props.size(), 1u);
  EXPECT_EQ(tu.props[0], (core::Prop{"x-doc", "notice-001"}));
  ASSERT_EQ(tu.variants.size(), 3u);
  EXPECT_EQ(tu.variants[0].lang, "en");
  EXPECT_EQ(tu.variants[1].lang, "kk-KZ");  // case and '_' normalized
  EXPECT_EQ(tu.variants[1].text, "Су деңгейі көтеріліп жатыр.");
  EXPECT_EQ(tu.variants[1].changedate, "20250102T093000Z");
  ASSERT_EQ(tu.variants[1].props.size(), 1u);
  EXPECT_EQ(tu.variants[2].lang, "ru-RU");  // TMX 1.1 `lang`
  EXPECT_TRUE(tu.variants[0].inline_xml.empty());
}

TEST(TmxReaderTest, InlineMarkupKeptBesidePlainText) {
  const std::string path = temp_file(
      "inline.tmx",
      tmx("<tu><tuv xml:lang=\"en\"><seg>Press <bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Save"
          "<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\">&lt;br/&gt;</ph>now, <hi type=\"term\">"
          "river</hi>.</seg></tuv>"
          "<tuv xml:lang=\"kk\"><seg><it pos=\"begin\">&lt;i&gt;</it>Сақтау <ut>{x}</ut>"
          "<ph>&lt;img alt=\"<sub>сурет</sub>\"/&gt;</ph></seg></tuv></tu>\n"));
  const TmxDocument doc = read_tmx(path);
  ASSERT_EQ(doc.units.size(), 1u);
  const core::Variant& en = doc.units[0].variants[0];
  EXPECT_EQ(en.text, "Press Save now, river.");
  EXPECT_EQ(en.inline_xml,
            "Press <bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> "
            "<ph x=\"2\">&lt;br/&gt;</ph>now, <hi type=\"term\">river</hi>.");
  const core::Variant& kk = doc.units[0].variants[1];
  EXPECT_EQ(kk.text, "Сақтау ");
  EXPECT_NE(kk.inline_xml.find("<sub>сурет</sub>"), std::string::npos);
  // The inline XML parses back to the same plain text.
  const auto again = parse_seg_content(en.inline_xml);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->text, en.text);
  EXPECT_EQ(again->inline_xml, en.inline_xml);
}

TEST(TmxReaderTest, StreamsOneUnitAtATimeAndCounts) {
  std::string body;
  for (int i = 0; i < 500; ++i) {
    body += "<tu tuid=\"u" + std::to_string(i) + "\"><tuv xml:lang=\"en\"><seg>s"
            + std::to_string(i) + "</seg></tuv><tuv xml:lang=\"ru\"><seg>с" + std::to_string(i)
            + "</seg></tuv></tu>\n";
  }
  TmxReader reader(temp_file("many.tmx", tmx(body)));
  std::size_t n = 0;
  while (auto tu = reader.next()) {
    EXPECT_EQ(tu->id, "u" + std::to_string(n));
    ++n;
  }
  EXPECT_EQ(n, 500u);
  EXPECT_EQ(reader.units_read(), 500u);
  EXPECT_FALSE(reader.next().has_value());
}

TEST(TmxReaderTest, CommentsCdataAndEndTagLookalikesInsideUnits) {
  const std::string path = temp_file(
      "tricky.tmx",
      tmx("<!-- </tu> in a comment -->\n<tu><!-- </tu> --><tuv xml:lang=\"en\"><seg><![CDATA[AT&T "
          "</tu> <b>]]></seg></tuv><tuv xml:lang=\"kk\"><seg>a &lt;/tu&gt; b</seg></tuv></tu>\n"
          "<tu ><tuv xml:lang=\"en\"><seg>x</seg></tuv><tuv xml:lang=\"kk\"><seg>y</seg></tuv>"
          "</tu >\n"));
  const TmxDocument doc = read_tmx(path);
  ASSERT_EQ(doc.units.size(), 2u);
  EXPECT_EQ(doc.units[0].variants[0].text, "AT&T </tu> <b>");
  EXPECT_EQ(doc.units[0].variants[1].text, "a </tu> b");
}

TEST(TmxReaderTest, Utf16WithBomIsTranscoded) {
  const std::string path = malformed("utf16le_bom.tmx");
  const TmxDocument doc = read_tmx(path);
  ASSERT_EQ(doc.units.size(), 1u);
  EXPECT_EQ(doc.units[0].variants[1].text, "Өзен деңгейі көтерілді.");
  const TmxDocument be = read_tmx(malformed("utf16be_bom.tmx"));
  ASSERT_EQ(be.units.size(), 1u);
  EXPECT_EQ(be.units[0].variants[1].text, doc.units[0].variants[1].text);
}

TEST(TmxReaderTest, Utf8BomAndCrlfAreFine) {
  const TmxDocument doc = read_tmx(malformed("utf8_bom_crlf.tmx"));
  ASSERT_EQ(doc.units.size(), 1u);
  EXPECT_EQ(doc.units[0].variants[0].text, "Line one\ncontinues.");  // CR LF -> LF (XML)
}

TEST(TmxReaderTest, OldTmx11WithLangAttribute) {
  const TmxDocument doc = read_tmx(malformed("tmx11_lang.tmx"));
  ASSERT_EQ(doc.units.size(), 1u);
  EXPECT_EQ(doc.header.version, "1.1");
  EXPECT_EQ(doc.units[0].variants[0].lang, "en-US");
  EXPECT_EQ(doc.units[0].variants[1].lang, "kk-KZ");
}

TEST(TmxReaderTest, ErrorsCarryLineColumnAndUnit) {
  const std::string path =
      temp_file("nolang.tmx", tmx("<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
                                  "<tu>\n  <tuv><seg>b</seg></tuv></tu>\n"));
  const std::string err = read_error(path);
  EXPECT_NE(err.find("nolang.tmx:7:3: error: <tuv> without xml:lang (TU 2)"), std::string::npos)
      << err;
}

struct MalformedCase {
  const char* file;
  const char* message;  // expected substring of the error
};

class TmxMalformedTest : public testing::TestWithParam<MalformedCase> {};

TEST_P(TmxMalformedTest, ClearErrorNeverACrash) {
  const std::string err = read_error(malformed(GetParam().file));
  EXPECT_NE(err.find(GetParam().message), std::string::npos) << err;
  EXPECT_NE(err.find(GetParam().file), std::string::npos) << err;  // path:line:col
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, TmxMalformedTest,
    testing::Values(MalformedCase{"empty.tmx", "empty file"},
                    MalformedCase{"not_xml.tmx", "not an XML file"},
                    MalformedCase{"wrong_root.tmx", "not <tmx>"},
                    MalformedCase{"no_header.tmx", "no <header>"},
                    MalformedCase{"truncated_in_unit.tmx", "truncated"},
                    MalformedCase{"truncated_after_unit.tmx", "truncated"},
                    MalformedCase{"tuv_without_lang.tmx", "<tuv> without xml:lang"},
                    MalformedCase{"missing_seg.tmx", "without <seg>"},
                    MalformedCase{"bad_char_ref.tmx", "U+0001"},
                    MalformedCase{"raw_control_char.tmx", "U+000B"},
                    MalformedCase{"invalid_utf8.tmx", "invalid UTF-8"},
                    MalformedCase{"billion_laughs.tmx", "never expanded"},
                    MalformedCase{"xxe.tmx", "never expanded"},
                    MalformedCase{"mismatched_tags.tmx", "does not match the open <seg>"},
                    MalformedCase{"text_in_body.tmx", "text directly inside <body>"},
                    MalformedCase{"content_after_root.tmx", "content after </tmx>"},
                    MalformedCase{"bad_lang_code.tmx", "bad language code"}),
    [](const testing::TestParamInfo<MalformedCase>& param) {
      std::string name = param.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(TmxReaderTest, DropInvalidCharsRepairsWithWarnings) {
  TmxReadOptions options;
  options.drop_invalid_chars = true;
  TmxReader reader(malformed("bad_char_ref.tmx"), options);
  std::size_t n = 0;
  while (auto tu = reader.next()) {
    ++n;
    EXPECT_EQ(tu->variants[0].text.find('\x01'), std::string::npos);
  }
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(reader.warnings().size(), 1u);
  EXPECT_NE(reader.warnings()[0].find("U+0001"), std::string::npos);
}

TEST(TmxReaderTest, HugeSegmentReads) {
  // 12 MB in one <seg>: the buffer grows past its read size; no quadratic rescans.
  std::string big(12u << 20, 'a');
  const std::string path =
      temp_file("huge.tmx", tmx("<tu><tuv xml:lang=\"en\"><seg>" + big
                                + "</seg></tuv><tuv xml:lang=\"kk\"><seg>б</seg></tuv></tu>\n"));
  const TmxDocument doc = read_tmx(path);
  ASSERT_EQ(doc.units.size(), 1u);
  EXPECT_EQ(doc.units[0].variants[0].text.size(), big.size());
}

TEST(TmxReaderTest, MissingFileIsIoError) {
  EXPECT_THROW(read_tmx("/nonexistent/x.tmx"), IoError);
}

}  // namespace
}  // namespace tilmash::io
