// io::parse_xliff / read_xliff over hand-written samples of each flavour (tests/io/xliff/:
// OmegaT/Okapi-style seg-source, SDLXLIFF, MQXLIFF, XLIFF 2.0), literal malformed cases, the
// state selection of `tm import`, and the alignment writer read back.
#include "io/xliff_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/bead.h"
#include "io/alignment_writer.h"
#include "io/errors.h"
#include "io/tmx_reader.h"
#include "io/tmx_writer.h"
#include "io/xliff_writer.h"

namespace tilmash::io {
namespace {

std::string sample(const std::string& name) {
  return std::string(TILMASH_SOURCE_DIR) + "/tests/io/xliff/" + name;
}

const XliffUnit* find(const XliffDocument& d, const std::string& id) {
  for (const XliffUnit& u : d.units) {
    if (u.unit.id == id) return &u;
  }
  return nullptr;
}

std::string text(const XliffUnit* u, std::size_t k) {
  return u != nullptr && k < u->unit.variants.size() ? u->unit.variants[k].text : "<none>";
}

// The message of parsing `xml`, "" when it parses.
std::string error_of(const std::string& xml) {
  try {
    parse_xliff(xml, "job.xlf");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string xliff12(const std::string& units) {
  return "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
         "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\" "
         "source-language=\"en\" target-language=\"kk\" datatype=\"plaintext\"><body>\n" +
         units + "</body></file></xliff>\n";
}

TEST(XliffReaderTest, OmegatSegSourcePairsTargetSegmentsByMid) {
  const XliffDocument d = read_xliff(sample("omegat.xlf"));
  EXPECT_EQ(d.version, "1.2");
  EXPECT_EQ(d.source_lang, "en-US");
  const XliffUnit* s0 = find(d, "tu1/0");
  const XliffUnit* s1 = find(d, "tu1/1");
  ASSERT_NE(s0, nullptr);
  ASSERT_NE(s1, nullptr);
  EXPECT_EQ(text(s0, 0), "Sayragul was held in a reeducation camp in Xinjiang.");
  EXPECT_EQ(text(s0, 1), "Сайрагүл Шыңжаңдағы қайта тәрбиелеу лагерінде ұсталды.");
  EXPECT_EQ(s0->unit.variants[1].lang, "kk-KZ");
  EXPECT_EQ(text(s1, 1), "Ол 2019 жылы кетті.");
  EXPECT_EQ(s1->state, "translated");
  // An empty <target/>: no target variant.
  const XliffUnit* empty = find(d, "tu2/0");
  ASSERT_NE(empty, nullptr);
  EXPECT_FALSE(empty->has_target);
  EXPECT_EQ(empty->unit.variants.size(), 1u);
  // A source segment without its target segment: no target.
  ASSERT_NE(find(d, "tu3/a"), nullptr);
  ASSERT_NE(find(d, "tu3/b"), nullptr);
  EXPECT_TRUE(find(d, "tu3/a")->has_target);
  EXPECT_FALSE(find(d, "tu3/b")->has_target);
  EXPECT_EQ(d.units.size(), 5u);
}

TEST(XliffReaderTest, InlineCodesOfXliff12BecomeTmxMarkup) {
  const XliffDocument d = read_xliff(sample("omegat.xlf"));
  const core::Variant& v = find(d, "tu2/0")->unit.variants[0];
  EXPECT_EQ(v.text, "About 200,000 people were moved.");
  EXPECT_EQ(v.inline_xml,
            "About <bpt i=\"1\" x=\"1\">&lt;g id=\"1\" ctype=\"bold\"&gt;</bpt>"
            "200,000<ept i=\"1\">&lt;/g&gt;</ept> people<ph x=\"2\">&lt;x id=\"2\"/&gt;"
            "</ph> were moved.");
}

TEST(XliffReaderTest, BxExBptEptItPhAndSub) {
  const XliffDocument d = parse_xliff(
      xliff12("<trans-unit id=\"1\"><source><bx id=\"1\" rid=\"1\"/>a<ex id=\"2\" rid=\"1\"/> "
              "<bpt id=\"3\" ctype=\"link\">&lt;a href=\"<sub>title</sub>\"&gt;</bpt>b"
              "<ept id=\"3\">&lt;/a&gt;</ept> <it id=\"4\" pos=\"close\">&lt;/i&gt;</it>"
              "<ph id=\"5\">&lt;br/&gt;</ph>c <mrk mtype=\"protected\">UN</mrk></source>"
              "<target>x</target></trans-unit>"),
      "job.xlf");
  const core::Variant& v = d.units.at(0).unit.variants.at(0);
  EXPECT_EQ(v.text, "a b c UN");  // codes are not text; <mrk> text is; <sub> is the code's
  EXPECT_NE(v.inline_xml.find("<it pos=\"begin\" x=\"1\">&lt;bx id=\"1\" rid=\"1\"/&gt;</it>"),
            std::string::npos) << v.inline_xml;
  EXPECT_NE(v.inline_xml.find("<it pos=\"end\" x=\"2\">"), std::string::npos);
  EXPECT_NE(v.inline_xml.find("<bpt i=\"1\" x=\"3\" type=\"link\">&lt;a href=\"<sub>title</sub>\"&gt;</bpt>"),
            std::string::npos) << v.inline_xml;
  EXPECT_NE(v.inline_xml.find("<ept i=\"1\">&lt;/a&gt;</ept>"), std::string::npos);
  EXPECT_NE(v.inline_xml.find("<it pos=\"end\" x=\"4\">&lt;/i&gt;</it>"), std::string::npos);
  EXPECT_NE(v.inline_xml.find("<ph x=\"5\">&lt;br/&gt;</ph>"), std::string::npos);
  EXPECT_NE(v.inline_xml.find("<hi type=\"protected\">UN</hi>"), std::string::npos);
}

// What the XLIFF reader maps, the TMX writer writes and the TMX reader reads back unchanged:
// no inline markup is dropped on the way to a TM or a TMX file.
TEST(XliffReaderTest, InlineMarkupSurvivesTheTmxWriter) {
  std::vector<core::TranslationUnit> units;
  for (const char* file : {"omegat.xlf", "trados.sdlxliff", "memoq.mqxliff", "job2.xlf"}) {
    for (XliffUnit& u : read_xliff(sample(file)).units) {
      if (u.has_target) units.push_back(std::move(u.unit));
    }
  }
  std::size_t with_codes = 0;
  for (const core::TranslationUnit& u : units) with_codes += !u.variants[0].inline_xml.empty();
  ASSERT_GE(with_codes, 5u);
  std::ostringstream out;
  TmxWriteOptions wo;
  wo.dedupe = false;
  TmxWriter writer(out, TmxHeader{}, wo);
  for (const core::TranslationUnit& u : units) writer.write(u);
  writer.finish();
  EXPECT_EQ(writer.stats().inline_dropped, 0u);
  EXPECT_EQ(writer.stats().units_written, units.size());
  const std::string path = (std::filesystem::temp_directory_path() / "xliff_inline.tmx").string();
  std::ofstream(path, std::ios::binary) << out.str();
  const TmxDocument back = read_tmx(path);
  ASSERT_EQ(back.units.size(), units.size());
  for (std::size_t n = 0; n < units.size(); ++n) {
    for (std::size_t k = 0; k < units[n].variants.size(); ++k) {
      EXPECT_EQ(back.units[n].variants[k].inline_xml, units[n].variants[k].inline_xml) << units[n].id;
      EXPECT_EQ(back.units[n].variants[k].text, units[n].variants[k].text) << units[n].id;
    }
  }
}

TEST(XliffReaderTest, SdlxliffStatesFromSegDefsAndForeignElementsIgnored) {
  const XliffDocument d = read_xliff(sample("trados.sdlxliff"));
  const XliffUnit* a = find(d, "5f1c-a2/1");
  const XliffUnit* b = find(d, "5f1c-a2/2");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(text(a, 0), "Thousands were detained.");
  EXPECT_EQ(text(a, 1), "Тысячи были задержаны.");
  EXPECT_EQ(a->unit.variants[1].lang, "ru-RU");
  EXPECT_EQ(a->state, "final");               // ApprovedSignOff
  EXPECT_EQ(b->state, "needs-translation");   // Draft
  EXPECT_EQ(text(b, 1), "Лагеря закрыли в 2019 году.");
  EXPECT_EQ(d.units.size(), 3u);  // the code-only translate="no" unit is read, without target
}

TEST(XliffReaderTest, MqxliffStatusAndThreeLetterCodes) {
  const XliffDocument d = read_xliff(sample("memoq.mqxliff"));
  EXPECT_EQ(d.source_lang, "en");
  ASSERT_EQ(d.units.size(), 3u);
  EXPECT_EQ(d.units[0].unit.variants[1].lang, "kk");
  EXPECT_EQ(d.units[0].state, "translated");                 // ManuallyConfirmed
  EXPECT_EQ(d.units[1].state, "needs-review-translation");   // PartiallyEdited
  EXPECT_EQ(d.units[2].state, "signed-off");                 // Reviewer1Confirmed
  EXPECT_EQ(d.units[0].unit.variants[0].text, "He was released on 5 May 2019.");
  EXPECT_NE(d.units[0].unit.variants[0].inline_xml.find("<bpt i=\"1\" x=\"1\" type=\"bold\">{}</bpt>"),
            std::string::npos);
  // A <bpt> whose <ept> is in another unit: an isolated <it>.
  EXPECT_NE(d.units[2].unit.variants[0].inline_xml.find("<it pos=\"begin\" x=\"7\">&lt;i&gt;</it>"),
            std::string::npos);
  // mq:insertedmatch holds a <source>/<target> of its own: not the unit's.
  EXPECT_EQ(d.units[0].unit.variants.size(), 2u);
}

TEST(XliffReaderTest, Xliff20UnitsSegmentsAndInline) {
  const XliffDocument d = read_xliff(sample("job2.xlf"));
  EXPECT_EQ(d.version, "2.0");
  const XliffUnit* s1 = find(d, "u1/s1");
  const XliffUnit* s2 = find(d, "u1/s2");
  const XliffUnit* single = find(d, "u2");
  ASSERT_NE(s1, nullptr);
  ASSERT_NE(s2, nullptr);
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(text(s1, 0), "In 2017 the camps grew.");
  EXPECT_EQ(text(s1, 1), "В 2017 году лагеря выросли.");
  EXPECT_EQ(s1->state, "translated");
  EXPECT_EQ(s2->state, "reviewed");
  EXPECT_EQ(single->state, "initial");  // no state: XLIFF 2.0's default
  EXPECT_EQ(text(s2, 0), "Xinjiang is far away.");
  const std::string& x = s2->unit.variants[0].inline_xml;
  EXPECT_NE(x.find("<bpt i=\"1\">&lt;sc id=\"3\"/&gt;</bpt>Xinjiang<ept i=\"1\">"), std::string::npos) << x;
  EXPECT_NE(x.find("<it pos=\"begin\">&lt;sc id=\"4\"/&gt;</it>"), std::string::npos) << x;
  EXPECT_NE(single->unit.variants[0].inline_xml.find("<hi type=\"term\">camp</hi>"), std::string::npos);
  EXPECT_EQ(text(single, 0), "A camp survivor spoke.");
  ASSERT_NE(find(d, "u3/1"), nullptr);
  EXPECT_FALSE(find(d, "u3/1")->has_target);
  EXPECT_EQ(find(d, "u3/2")->state, "final");
  EXPECT_EQ(d.units.size(), 5u);
}

TEST(XliffReaderTest, StatesSelectedForImport) {
  const std::set<std::string> def = default_import_states();
  XliffSelection sel = select_for_import(read_xliff(sample("job2.xlf")), def);
  std::vector<std::string> ids;
  for (const core::TranslationUnit& u : sel.units) ids.push_back(u.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"u1/s1", "u1/s2", "u3/2"}));
  EXPECT_EQ(sel.skipped["state initial"], 1u);
  EXPECT_EQ(sel.skipped["no target"], 1u);
  sel = select_for_import(read_xliff(sample("job2.xlf")), parse_states("initial,final"));
  EXPECT_EQ(sel.units.size(), 2u);  // u2 (initial), u3/2 (final)
  // approved="yes" counts whatever the state; no state counts by default (1.2).
  const std::string x = xliff12(
      "<trans-unit id=\"1\" approved=\"yes\"><source>a</source><target state=\"new\">b</target></trans-unit>"
      "<trans-unit id=\"2\"><source>c</source><target>d</target></trans-unit>"
      "<trans-unit id=\"3\"><source>e</source><target state=\"needs-review-translation\">f</target></trans-unit>");
  sel = select_for_import(parse_xliff(x, "job.xlf"), def);
  ASSERT_EQ(sel.units.size(), 2u);
  EXPECT_EQ(sel.units[0].id, "1");
  EXPECT_EQ(sel.units[1].id, "2");
  EXPECT_EQ(sel.skipped["state needs-review-translation"], 1u);
  EXPECT_THROW(parse_states("translated,done"), std::invalid_argument);
  EXPECT_EQ(parse_states("x-mine, final").size(), 2u);
}

TEST(XliffReaderTest, MalformedInputNamesThePosition) {
  // Not well-formed: the XML source's checks, with line:col.
  EXPECT_NE(error_of(xliff12("<trans-unit id=\"1\"><source>a < b</source></trans-unit>"))
                .find("job.xlf:4:"), std::string::npos);
  EXPECT_NE(error_of("<xliff version=\"1.2\"><file").find("job.xlf:1:"), std::string::npos);
  EXPECT_NE(error_of("").find("empty file"), std::string::npos);
  EXPECT_NE(error_of("<xliff version=\"3.0\"/>").find("job.xlf:1:1: error: XLIFF version '3.0' is not supported"),
            std::string::npos);
  EXPECT_NE(error_of("<xliff/>").find("without a version"), std::string::npos);
  EXPECT_NE(error_of("<tmx version=\"1.4\"/>").find("is not <xliff>"), std::string::npos);
  EXPECT_NE(error_of(xliff12("<trans-unit id=\"1\"><source>a</source></trans-unit>"))
                .find("no unit has a <target>"), std::string::npos);
  EXPECT_NE(error_of(xliff12("<trans-unit><source>a</source><target>b</target></trans-unit>"))
                .find("job.xlf:4:1: error: <trans-unit> without an id"), std::string::npos);
  EXPECT_NE(error_of(xliff12("<trans-unit id=\"1\"><target>b</target></trans-unit>"))
                .find("without <source>"), std::string::npos);
  EXPECT_NE(error_of("<xliff version=\"1.2\"><file original=\"a\" datatype=\"x\"><body/></file></xliff>")
                .find("without source-language"), std::string::npos);
  EXPECT_NE(error_of("<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"1\"><segment>"
                     "<source>a</source><target>b</target></segment></unit></file></xliff>")
                .find("no trgLang"), std::string::npos);
  // Deeper than io::kMaxXmlDepth: refused before pugixml builds the tree.
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<g id=\"1\">";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</g>";
  EXPECT_NE(error_of(xliff12("<trans-unit id=\"1\"><source>" + deep + "</source><target>y</target></trans-unit>"))
                .find("nested deeper than 256"), std::string::npos);
  // Undeclared entities are never expanded.
  EXPECT_NE(error_of(xliff12("<trans-unit id=\"1\"><source>&nbsp;</source><target>y</target></trans-unit>")),
            "");
}

// Translate Toolkit's po2xliff (tests/io/xliff/make_po2xliff.sh): XLIFF 1.1, no target-language,
// a gettext header unit, approved="yes" on translated messages, a fuzzy one as needs-translation.
TEST(XliffReaderTest, Po2xliffNeedsTheTargetLanguageGiven) {
  try {
    read_xliff(sample("po2xliff.xlf"));
    ADD_FAILURE() << "a target without a language was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("po2xliff.xlf:13:9: error: <target> without a language"),
              std::string::npos) << e.what();
  }
  const XliffDocument d = read_xliff(sample("po2xliff.xlf"), {"kk"});
  EXPECT_EQ(d.version, "1.1");
  ASSERT_EQ(d.units.size(), 4u);  // the header unit is not one
  EXPECT_EQ(d.units[0].unit.id, "3");
  EXPECT_EQ(d.units[0].unit.variants.at(1).lang, "kk");
  EXPECT_TRUE(d.units[0].approved);
  EXPECT_EQ(d.units[1].state, "needs-translation");  // fuzzy
  EXPECT_FALSE(d.units[2].has_target);
  const XliffSelection sel = select_for_import(d, default_import_states());
  ASSERT_EQ(sel.units.size(), 2u);
  EXPECT_EQ(sel.units[1].variants.at(0).text, "%d families wrote to the ministry.");
}

TEST(XliffReaderTest, PrefixedXliffAndUnknownNamespacesAreRead) {
  const std::string x =
      "<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:o=\"urn:other\" version=\"1.2\">"
      "<x:file original=\"a\" source-language=\"en\" target-language=\"ru\" datatype=\"plaintext\" o:flag=\"1\">"
      "<x:body><o:extra><x:trans-unit id=\"hidden\"><x:source>no</x:source></x:trans-unit></o:extra>"
      "<x:trans-unit id=\"1\" o:attr=\"2\"><x:source>one <o:em>two</o:em></x:source><x:target>один два</x:target>"
      "<o:note>ignored</o:note></x:trans-unit></x:body></x:file></x:xliff>";
  const XliffDocument d = parse_xliff(x, "p.xlf");
  ASSERT_EQ(d.units.size(), 1u);
  EXPECT_EQ(d.units[0].unit.variants[0].text, "one two");
  EXPECT_EQ(d.units[0].unit.variants[1].text, "один два");
}

TEST(XliffReaderTest, DetectsXliffByContent) {
  EXPECT_TRUE(is_xliff_file(sample("omegat.xlf")));  // comment first, mentioning <mrk>
  EXPECT_TRUE(is_xliff_file(sample("trados.sdlxliff")));
  EXPECT_TRUE(is_xliff_file(sample("job2.xlf")));
  EXPECT_FALSE(is_xliff_file(std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/tmx/utf16le_bom.tmx"));
  EXPECT_FALSE(is_xliff_file("-"));
  EXPECT_THROW(is_xliff_file(sample("no-such-file.xlf")), IoError);
}

// align --format xliff read back: the units and props of align --format tmx (ids aside), the
// one-sided marks, and a three-language alignment (a <file> per target) joined back by id.
TEST(XliffWriterTest, AlignmentReadsBackAsAlignTmx) {
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  std::vector<core::Bead> beads(4);
  beads[0].sides = {{0}, {0}, {0}};
  beads[1].sides = {{1}, {}, {1}};  // omitted in kk
  beads[2].sides = {{}, {1}, {}};   // added in kk
  beads[3].sides = {{}, {}, {2}};   // added in ru
  std::vector<core::AlignedUnit> units(4);
  units[0].text = {{"en", "A & <b>."}, {"kk", "Ә."}, {"ru", "А."}};
  units[0].confidence = 0.98765;
  units[1].text = {{"en", "B."}, {"kk", ""}, {"ru", "Б."}};
  units[2].text = {{"en", ""}, {"kk", "Қосымша."}, {"ru", ""}};
  units[3].text = {{"en", ""}, {"kk", ""}, {"ru", "Добавка."}};
  std::ostringstream out;
  const XliffWriteStats st = write_xliff_alignment(out, langs, beads, units, "doc.en.txt");
  EXPECT_EQ(st.units_written, 6u);  // kk: beads 1-3; ru: beads 1, 2, 4
  const std::string text = out.str();
  EXPECT_NE(text.find("target-language=\"ru\""), std::string::npos);
  const XliffDocument d = parse_xliff(text, "out.xlf");
  const std::string tmx_path = (std::filesystem::temp_directory_path() / "xliff_align.tmx").string();
  write_alignment(tmx_path, "tmx", langs, beads, units, "doc.en.txt");
  const TmxDocument tmx = read_tmx(tmx_path);
  ASSERT_EQ(d.units.size(), tmx.units.size());
  for (std::size_t n = 0; n < d.units.size(); ++n) {
    const core::TranslationUnit& x = d.units[n].unit;
    const core::TranslationUnit& t = tmx.units[n];
    EXPECT_EQ(x.id, std::to_string(n + 1));
    EXPECT_EQ(x.props, t.props) << x.id;
    ASSERT_EQ(x.variants.size(), t.variants.size()) << x.id;
    for (std::size_t k = 0; k < x.variants.size(); ++k) {
      EXPECT_EQ(x.variants[k].lang, t.variants[k].lang) << x.id;
      EXPECT_EQ(x.variants[k].text, t.variants[k].text) << x.id;
    }
    EXPECT_TRUE(x.notes.empty());  // tilmash's own note is not read back
  }
  EXPECT_EQ(d.units[0].unit.variants[0].text, "A & <b>.");
  EXPECT_EQ(d.units[0].state, "translated");
  // 0-1-0: the kk sentence alone, under the bead's number.
  ASSERT_EQ(d.units[2].unit.variants.size(), 1u);
  EXPECT_EQ(d.units[2].unit.variants[0].lang, "kk");
  EXPECT_EQ(d.units[3].unit.variants[0].lang, "ru");
}

}  // namespace
}  // namespace tilmash::io
