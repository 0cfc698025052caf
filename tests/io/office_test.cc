// DOCX and ODT input (io/docx.h, io/odt.h, io/zip_archive.h, dispatch in io/document.h):
// fixtures from tests/io/office/make_fixtures.py, written by python3-docx and python3-odf
// (writer.*) and by hand for what those libraries cannot write (tricky.*).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/document.h"
#include "io/docx.h"
#include "io/errors.h"
#include "io/odt.h"
#include "io/zip_archive.h"

namespace tilmash::io {
namespace {

using Paragraphs = std::vector<std::string>;

const std::string kOffice = std::string(TILMASH_SOURCE_DIR) + "/tests/io/office/";

Paragraphs read(const std::string& name, bool headers = false) {
  return read_document(kOffice + name, ReadOptions{DocFormat::kAuto, headers}).paragraphs;
}

std::string error_of(std::string_view bytes, const std::string& path,
                     DocFormat format = DocFormat::kAuto) {
  try {
    parse_document(bytes, path, format);
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError for " << path;
  return {};
}

const Paragraphs kTrickyDocx = {
    "Detention centres exist.",                        // runs split mid-word, marks between
    "The camps were documented by satellite.",         // w:ins kept, w:del and moveFrom dropped
    "Joined paragraph.",                               // deleted paragraph mark: joined
    "See page 12 and 1 May 2024 shown.",               // field results, codes and hidden dropped
    "Line two tab cr non-breaking cooperation.",       // br/tab/cr, hyphens, w:sym dropped
    "In a content control.",
    "Anchor paragraph.",
    "Text box content.",                               // after its anchor, mc:Choice only
    "A1.", "B1.", "Nested one.", "Nested two.", "B2.",  // cells in reading order
    "Noted here.",                                     // reference marks dropped
    "Footnote one.", "Footnote two, first.", "Footnote two, second.",  // separators skipped
    "Endnote one."};

TEST(DocxTest, TextAsAReaderSeesIt) { EXPECT_EQ(read("tricky.docx"), kTrickyDocx); }

TEST(DocxTest, HeadersAndFootersOnlyWhenAsked) {
  Paragraphs want = {"Header one.", "Header two."};
  want.insert(want.end(), kTrickyDocx.begin(), kTrickyDocx.end());
  want.push_back("Footer one.");
  EXPECT_EQ(read("tricky.docx", true), want);
}

TEST(DocxTest, WrittenByPythonDocx) {
  EXPECT_EQ(read("writer.docx"),
            (Paragraphs{"Detention in Xinjiang", "The detainees were held without trial. They were released.",
                        "Column A Column B second line with no-break space.", "Cell one.",
                        "Cell two.", "Cell three.", "Cell four, first.", "Cell four, second.",
                        "Адам құқықтары туралы.", "Права человека."}));
  const Paragraphs with = read("writer.docx", true);
  ASSERT_GE(with.size(), 2u);
  EXPECT_EQ(with.front(), "Amnesty briefing — header");
  EXPECT_EQ(with.back(), "Page footer");
}

TEST(DocxTest, NotesAreMarkedAsSuch) {
  const std::string bytes = read_file(kOffice + "tricky.docx");
  ZipArchive zip("tricky.docx", bytes);
  const std::vector<PartParagraph> parts = docx_paragraphs(zip, true);
  std::vector<std::pair<DocPart, std::string>> notes;
  for (const PartParagraph& p : parts) {
    if (p.part != DocPart::kBody) notes.emplace_back(p.part, p.text);
  }
  ASSERT_EQ(notes.size(), 7u);
  EXPECT_EQ(notes[0], std::make_pair(DocPart::kHeader, std::string("Header one.")));
  EXPECT_EQ(notes[2], std::make_pair(DocPart::kFootnote, std::string(" Footnote one.")));
  EXPECT_EQ(notes[5], std::make_pair(DocPart::kEndnote, std::string(" Endnote one.")));
  EXPECT_EQ(notes[6], std::make_pair(DocPart::kFooter, std::string("Footer one.")));
}

// The document keeps each paragraph's part, after cleaning dropped the empty ones: body
// paragraphs "", then the notes and page furniture by name (segment --json prints them).
TEST(DocxTest, DocumentCarriesEachParagraphsPart) {
  const core::Document doc =
      read_document(kOffice + "tricky.docx", ReadOptions{DocFormat::kAuto, true});
  ASSERT_EQ(doc.parts.size(), doc.paragraphs.size());
  std::vector<std::pair<std::string, std::string>> marked;
  for (std::size_t i = 0; i < doc.parts.size(); ++i) {
    if (!doc.parts[i].empty()) marked.emplace_back(doc.parts[i], doc.paragraphs[i]);
  }
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(marked, (std::vector<P>{{"header", "Header one."}, {"header", "Header two."},
                                    {"footnote", "Footnote one."},
                                    {"footnote", "Footnote two, first."},
                                    {"footnote", "Footnote two, second."},
                                    {"endnote", "Endnote one."}, {"footer", "Footer one."}}));
  const core::Document odt = read_document(kOffice + "tricky.odt");
  ASSERT_EQ(odt.parts.size(), odt.paragraphs.size());
  EXPECT_EQ(odt.parts.back(), "endnote");
  EXPECT_EQ(odt.parts[odt.parts.size() - 2], "footnote");
  EXPECT_EQ(odt.parts.front(), "");
  EXPECT_TRUE(parse_document("One.\n\nTwo.\n", "plain.txt").parts.empty());  // text: all body
}

TEST(DocxTest, NamesAreMatchedByNamespaceNotPrefix) {
  EXPECT_EQ(read("prefixes.docx"), (Paragraphs{"Default namespace.", "Prefix x."}));
}

const Paragraphs kTrickyOdt = {
    "Detention centres",                                // span split mid-word
    "The camps were documented by satellite imagery.",  // insertion kept, text:s c=1e9 one space
    "Split across pages.",  // soft page break, citations, annotation, hidden text dropped
    "Anchor paragraph.", "Text box content.",            // frame text after its anchor, no alt text
    "Merged.", "A2.", "B2.",                             // covered cell skipped
    "Item with link.",
    "Footnote one.", "Endnote one."};  // deletion (in text:tracked-changes) never appears

TEST(OdtTest, TextAsAReaderSeesIt) { EXPECT_EQ(read("tricky.odt"), kTrickyOdt); }

TEST(OdtTest, HeadersAndFootersOnlyWhenAsked) {
  Paragraphs want = {"Header one."};
  want.insert(want.end(), kTrickyOdt.begin(), kTrickyOdt.end());
  want.push_back("Footer one.");
  EXPECT_EQ(read("tricky.odt", true), want);
}

TEST(OdtTest, WrittenByPythonOdf) {
  EXPECT_EQ(read("writer.odt"),
            (Paragraphs{"Detention in Xinjiang", "The detainees were held without trial. Second line.",
                        "First item.", "Cell one.", "Cell two.", "Cell three.", "Cell four.",
                        "Anchor paragraph.", "Text box content.", "Адам құқықтары туралы.",
                        "Source: interviews, 2019."}));
}

TEST(OfficeTest, RecognisedByContentNotName) {
  const std::string docx = read_file(kOffice + "tricky.docx");
  const std::string odt = read_file(kOffice + "tricky.odt");
  EXPECT_EQ(parse_document(docx, "report.txt").paragraphs, kTrickyDocx);
  EXPECT_EQ(parse_document(odt, "-").paragraphs, kTrickyOdt);
  EXPECT_EQ(parse_document(odt, "x.docx", DocFormat::kDocx).paragraphs, kTrickyOdt);
  // Read as text when asked: the zip's bytes are not text.
  EXPECT_THROW(parse_document(docx, "report.docx", DocFormat::kText), InputError);
}

TEST(OfficeTest, LegacyFormatsAskForDocxOrOdt) {
  const std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  EXPECT_NE(error_of(ole2, "old.doc").find("old.doc: error: a legacy Microsoft Office file"),
            std::string::npos);
  EXPECT_NE(error_of(ole2, "renamed.txt").find("save it as DOCX or ODT"), std::string::npos);
  EXPECT_NE(error_of("{\\rtf1\\ansi Hello}", "letter.rtf").find("an RTF file"), std::string::npos);
  EXPECT_NE(error_of("{\\rtf1\\ansi Hello}", "letter").find("save it as DOCX or ODT"),
            std::string::npos);
  EXPECT_NE(error_of("plain words", "fake.docx").find("named .docx but not a zip archive"),
            std::string::npos);
  EXPECT_NE(error_of("plain words", "x", DocFormat::kOdt).find("not a zip archive, so not ODT"),
            std::string::npos);
}

TEST(OfficeTest, TruncatedArchiveIsAnInputError) {
  const std::string docx = read_file(kOffice + "writer.docx");
  for (const std::size_t keep : {docx.size() - 1, docx.size() / 2, std::size_t{30}, std::size_t{4}}) {
    const std::string message = error_of(docx.substr(0, keep), "cut.docx");
    EXPECT_EQ(message.rfind("cut.docx: error: ", 0), 0u) << keep << ": " << message;
  }
}

TEST(ZipArchiveTest, LimitsAreCountedWhileInflating) {
  const std::string bytes = read_file(kOffice + "writer.docx");
  ZipArchive plain("w.docx", bytes);
  const std::optional<std::string> doc = plain.read("word/document.xml");
  ASSERT_TRUE(doc.has_value());
  EXPECT_FALSE(plain.read("no/such/entry").has_value());
  EXPECT_TRUE(plain.contains("word/styles.xml"));

  ZipLimits small;
  small.max_entry_size = doc->size() - 1;
  ZipArchive one("w.docx", bytes, small);
  try {
    one.read("word/document.xml");
    ADD_FAILURE() << "no limit";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("w.docx: error: zip entry word/document.xml:"),
              std::string::npos)
        << e.what();
  }
  ZipLimits total;  // the sum over entries, whatever each one declares
  total.max_total_size = doc->size() + 10;
  ZipArchive two("w.docx", bytes, total);
  EXPECT_NO_THROW(two.read("word/document.xml"));
  EXPECT_THROW(two.read("word/styles.xml"), InputError);

  ZipLimits ratio;  // XML deflates more than 2:1
  ratio.max_ratio = 2;
  ratio.ratio_floor = 0;
  ZipArchive three("w.docx", bytes, ratio);
  try {
    three.read("word/styles.xml");
    ADD_FAILURE() << "no ratio limit";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("times its compressed size"), std::string::npos) << e.what();
  }

  ZipLimits entries;
  entries.max_entries = 3;
  EXPECT_THROW(ZipArchive("w.docx", bytes, entries), InputError);
}

}  // namespace
}  // namespace tilmash::io
