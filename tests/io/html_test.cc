#include "io/html.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/document.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;
using Paragraphs = std::vector<std::string>;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Paragraphs lines_of(const std::string& text) {
  Paragraphs lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

// A readable report of where two paragraph lists part: the first differing index with both
// sides, then the rest of the longer list.
std::string diff(const Paragraphs& expected, const Paragraphs& actual) {
  std::ostringstream out;
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
    ++i;
  out << "first difference at paragraph " << i + 1 << " (1-based):\n";
  for (std::size_t k = i; k < std::max(expected.size(), actual.size()) && k < i + 5; ++k) {
    if (k < expected.size())
      out << "  - " << expected[k] << '\n';
    if (k < actual.size())
      out << "  + " << actual[k] << '\n';
  }
  return out.str();
}

// --- golden pages: tests/golden/html/<case>/{input.html, expected.txt} -------------------------
// expected.txt has one paragraph per line; it was written by hand (the pages are excerpts of the
// UDHR with its structure plus a page of markup oddities), so review any change to it.

const fs::path kGolden = fs::path(TILMASH_SOURCE_DIR) / "tests/golden/html";

class HtmlGoldenTest : public testing::TestWithParam<const char*> {};

TEST_P(HtmlGoldenTest, ParagraphsInOrder) {
  const fs::path dir = kGolden / GetParam();
  const std::string html = slurp(dir / "input.html");
  ASSERT_FALSE(html.empty()) << dir;
  const Paragraphs expected = lines_of(slurp(dir / "expected.txt"));
  const Paragraphs actual = html_paragraphs(html);
  EXPECT_EQ(expected, actual) << diff(expected, actual);
  // The reader gives the same through the file path (by extension).
  EXPECT_EQ(read_document((dir / "input.html").string()).paragraphs, actual);
}

INSTANTIATE_TEST_SUITE_P(Pages, HtmlGoldenTest,
                         testing::Values("udhr_en", "udhr_kk", "udhr_ru", "markup"));

// --- single features -------------------------------------------------------------------------

TEST(HtmlTest, DecodesEntities) {
  EXPECT_EQ(html_paragraphs("<p>&#1178;аза&#x049B; &amp; &laquo;орыс&raquo;</p>"),
            (Paragraphs{"Қазақ & «орыс»"}));
}

TEST(HtmlTest, NoBreakSpaceCollapsesLikeSpace) {
  EXPECT_EQ(html_paragraphs("<p>Статья&nbsp;&nbsp;1&#160;</p>"), (Paragraphs{"Статья 1"}));
}

TEST(HtmlTest, SkipsScriptStyleHeadAndComments) {
  EXPECT_EQ(html_paragraphs("<head><title>Тақырып</title></head><script>var a='<p>x</p>';</script>"
                            "<style>p{}</style><!-- <p>түсінік</p> --><p>Мәтін</p>"),
            (Paragraphs{"Мәтін"}));
}

TEST(HtmlTest, UnclosedParagraphsAndListItems) {
  EXPECT_EQ(html_paragraphs("<p>Бір<p>Екі<ul><li>Үш<li>Төрт</ul>Бес"),
            (Paragraphs{"Бір", "Екі", "Үш", "Төрт", "Бес"}));
}

TEST(HtmlTest, BreakEndsAParagraphInlineTagsDoNot) {
  EXPECT_EQ(html_paragraphs("<p>Бір <b>жол</b><br>екі <i>жол</i><a href=x>ы</a></p>"),
            (Paragraphs{"Бір жол", "екі жолы"}));
}

TEST(HtmlTest, HeadingsAreParagraphs) {
  EXPECT_EQ(html_paragraphs("<h1>Декларация</h1><h2>Статья 1</h2><p>Текст.</p><h6>Конец</h6>"),
            (Paragraphs{"Декларация", "Статья 1", "Текст.", "Конец"}));
}

TEST(HtmlTest, TableCells) {
  EXPECT_EQ(html_paragraphs("<table><tr><th>Термин</th><td>Аударма</td></tr></table>"),
            (Paragraphs{"Термин", "Аударма"}));
}

TEST(HtmlTest, ControlsFromCharacterReferencesAreDropped) {
  // As core::clean_text does for raw bytes; breaks become spaces inside a paragraph.
  EXPECT_EQ(html_paragraphs("<p>Қаз&#27;[1mақ&#x7F;&#1;</p><p>бір&#13;екі&#x2028;үш&#12;төрт</p>"),
            (Paragraphs{"Қаз[1mақ", "бір екі үш төрт"}));
  // Raw ones are gone before gumbo sees them (gumbo itself would turn them into U+FFFD).
  EXPECT_EQ(parse_document("<p>raw\x01\x1B\r\x0B"
                           "controls</p>",
                           "a.html")
                .paragraphs,
            (Paragraphs{"raw controls"}));
}

TEST(HtmlTest, OverflowingReferencesGiveReplacementCharacters) {
  // HTML5 says U+FFFD; gumbo 0.10 wrote a stray 0xFA byte for the first one (found by fuzzing).
  EXPECT_EQ(html_paragraphs("<p>Ми&#x30ffffffffffffffffffa</p>"), (Paragraphs{"Ми\uFFFD"}));
  EXPECT_EQ(html_paragraphs("<p>a&#x110000;b&#xD800;c</p>"), (Paragraphs{"a\uFFFDb\uFFFDc"}));
}

TEST(HtmlTest, ComposesToNfc) {
  EXPECT_EQ(html_paragraphs("<p>и&#x306; е\xCC\x88</p>"), (Paragraphs{"й ё"}));
}

TEST(HtmlTest, EmptyAndMarkupOnlyInputs) {
  EXPECT_TRUE(html_paragraphs("").empty());
  EXPECT_TRUE(html_paragraphs("<html><body><p> </p><div>\n\t</div></body></html>").empty());
  EXPECT_TRUE(html_paragraphs("<!doctype html>").empty());
}

TEST(HtmlTest, TextWithoutMarkupIsOneParagraph) {
  EXPECT_EQ(html_paragraphs("Жай мәтін\nекі жолда"), (Paragraphs{"Жай мәтін екі жолда"}));
}

TEST(HtmlTest, TruncatedPageKeepsWhatItHas) {
  const std::string path = std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/truncated.html";
  EXPECT_EQ(read_document(path).paragraphs,
            (Paragraphs{"Заголовок", "Бірінші абзац & екінші бөлім.", "Соңғы абзац"}));
}

TEST(HtmlTest, DeepNestingStaysCheap) {
  // 16,000 unclosed elements (88 KB). Gumbo's parse-error records once made this take seconds
  // and gigabytes; the HTML5 scope checks still make time quadratic in depth, so keep it modest.
  std::string html;
  for (int i = 0; i < 8000; ++i)
    html += "<div><span>";
  html += "Терең";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(html_paragraphs(html), (Paragraphs{"Терең"}));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
}

}  // namespace
}  // namespace tilmash::io
