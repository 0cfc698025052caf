#include "io/html_review.h"

#include <sstream>

#include <gtest/gtest.h>

namespace tilmash::io {
namespace {

std::string page_of(const ReviewPage& p) {
  std::ostringstream os;
  write_review_html(os, p);
  return os.str();
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(HtmlReviewTest, EscapeCoversAttributeQuotes) {
  EXPECT_EQ(html_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(html_escape("Шыңжаң"), "Шыңжаң");
  EXPECT_EQ(html_escape(""), "");
}

// Every string of the page model carries a payload; none may come out as markup.
TEST(HtmlReviewTest, EveryTextIsEscaped) {
  ReviewPage p;
  p.title = "<b>t</b>";
  p.subtitle = "</title><script>alert(0)</script>";
  p.langs = {"en", "kk\" onmouseover=\"alert(5)"};
  ReviewRow r;
  r.id = "\" onmouseover=\"alert(6)";
  r.detail = "<script>alert(7)</script>";
  r.texts = {"a <script>alert(1)</script> b", "x\" onmouseover=\"alert(2)"};
  r.marks = {{{{2, 10}, false, "\" onmouseover=\"alert(3)"}}, {}};
  r.confidence = 0.2;
  r.findings = {{"en", "<i>kind</i>", "<img src=x onerror=alert(4)>", "error"},
                {"kk'", "k' onfocus='alert(8)", "m", "<b>"}};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("\" onmouseover="), std::string::npos);
  EXPECT_EQ(html.find("' onfocus="), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("<b>t"), std::string::npos);
  EXPECT_NE(html.find("alert(1)&lt;/script&gt; b"), std::string::npos);
  EXPECT_NE(html.find("x&quot; onmouseover=&quot;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("title=\"&quot; onmouseover=&quot;alert(3)\""), std::string::npos);
  EXPECT_NE(html.find("data-label=\"unit &quot; onmouseover=&quot;alert(6), confidence 0.20"),
            std::string::npos);
  EXPECT_NE(html.find("lang=\"kk&quot; onmouseover=&quot;alert(5)\""), std::string::npos);
  // Exactly one script element (ours) and one title element.
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(count(html, "</script>"), 1u);
  EXPECT_EQ(count(html, "<title>"), 1u);
  EXPECT_EQ(count(html, "</title>"), 1u);
}

// Self-contained: nothing is fetched, and a CSP forbids anything but the inline style and script.
TEST(HtmlReviewTest, NoNetwork) {
  ReviewPage p;
  p.langs = {"en", "kk", "ru"};
  ReviewRow r;
  r.id = "1";
  r.texts = {"See https://example.org", "", "x"};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  EXPECT_NE(html.find("content=\"default-src 'none';"), std::string::npos);
  for (const char* s : {"<link", "src=", "@import", "url(", "<iframe", "<img", "<object"}) {
    EXPECT_EQ(html.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(count(html, "https://"), 1u);  // the text itself, as text
  EXPECT_NE(html.find("<span class=\"none\">(no text)</span>"), std::string::npos);
}

TEST(HtmlReviewTest, WeakRowsAndSummary) {
  ReviewPage p;
  p.langs = {"en", "ru"};
  p.weak_below = 0.5;
  ReviewRow a;
  a.id = "1", a.texts = {"Almaty", "Алматы"}, a.confidence = 0.9;
  ReviewRow b;
  b.id = "2", b.texts = {"x", "y"}, b.confidence = 0.1;
  ReviewRow c;
  c.id = "3", c.texts = {"z", "w"};  // no confidence: never weak, not listed
  p.rows = {a, b, c};
  const std::string html = page_of(p);
  EXPECT_NE(html.find("<section id=\"u1\" class=\"unit weak\""), std::string::npos);
  EXPECT_NE(html.find("<section id=\"u0\" class=\"unit\""), std::string::npos);
  EXPECT_NE(html.find("<section id=\"u2\" class=\"unit\""), std::string::npos);
  EXPECT_LT(html.find("href=\"#u1\""), html.find("href=\"#u0\""));  // weakest first
  EXPECT_EQ(html.find("href=\"#u2\""), std::string::npos);
  // Weak is said in words too, not only in colour.
  EXPECT_EQ(count(html, "<span class=\"flag weak\">weak link</span>"), 1u);
  EXPECT_NE(html.find("1 weak (confidence below 0.50)"), std::string::npos);
  EXPECT_NE(html.find("<span style=\"width:10%\">"), std::string::npos);
}

TEST(HtmlReviewTest, WeakestListIsBounded) {
  ReviewPage p;
  p.langs = {"en"};
  p.weakest_listed = 3;
  for (int i = 0; i < 10; ++i) {
    ReviewRow r;
    r.id = std::to_string(i);
    r.texts = {"s"};
    r.confidence = 0.05 * i;
    p.rows.push_back(r);
  }
  const std::string html = page_of(p);
  const std::size_t nav = html.find("<nav"), end = html.find("</nav>");
  ASSERT_NE(nav, std::string::npos);
  EXPECT_EQ(count(html.substr(nav, end - nav), "<a "), 3u);
}

TEST(HtmlReviewTest, FindingsGoUnderTheirLanguage) {
  ReviewPage p;
  p.langs = {"en", "kk-KZ", "ru"};
  ReviewRow r;
  r.id = "000-3";
  r.texts = {"Xinjiang", "Шыңжаң", "Синьцзян"};
  r.findings = {{"kk", "missing-term", "expected Шыңжаң", "warning"},
                {"ru", "number-mismatch", "12", "error"},
                {"en", "variant", "the source writes Atajurt", "notice"}};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  const std::size_t kk = html.find("<div lang=\"kk-KZ\">"), ru = html.find("<div lang=\"ru\">");
  const std::size_t main = html.find("<main>");  // the summary above lists them too
  const std::size_t f1 = html.find("missing-term</span>: expected Шыңжаң</li>", main);
  const std::size_t f2 = html.find("number-mismatch</span>: 12</li>", main);
  ASSERT_NE(f1, std::string::npos);
  ASSERT_NE(f2, std::string::npos);
  EXPECT_LT(main, kk);
  EXPECT_LT(kk, f1);
  EXPECT_LT(f1, ru);
  EXPECT_LT(ru, f2);
  EXPECT_NE(html.find("class=\"unit has-findings\""), std::string::npos);
  // The summary groups by severity, errors first.
  const std::size_t errors = html.find("<summary>Errors (1)</summary>");
  const std::size_t warnings = html.find("<summary>Warnings (1)</summary>");
  const std::size_t notices = html.find("<summary>Notices (1)</summary>");
  ASSERT_NE(notices, std::string::npos);
  EXPECT_LT(errors, warnings);
  EXPECT_LT(warnings, notices);
  EXPECT_LT(notices, main);
  EXPECT_NE(html.find("<li class=\"warning\"><span class=\"sev\">warning</span>"), std::string::npos);
  EXPECT_NE(html.find("3 findings in 1 unit"), std::string::npos);
  EXPECT_NE(html.find("<div>Қазақша · kk-KZ</div>"), std::string::npos);
}

TEST(HtmlReviewTest, MarksKeepUtf8AndSkipOverlaps) {
  ReviewPage p;
  p.langs = {"kk"};
  ReviewRow r;
  r.id = "0";
  r.texts = {"Шыңжаңдағы лагерь"};  // Шыңжаңдағы = 20 bytes
  r.marks = {{{{0, 20}, false, "xinjiang"}, {{4, 12}, true, "overlap"}, {{30, 99}, true, "out"}}};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  EXPECT_NE(html.find("<mark tabindex=\"0\" class=\"term\" title=\"xinjiang\">Шыңжаңдағы</mark> "
                      "лагерь"),
            std::string::npos);
  EXPECT_EQ(html.find("overlap"), std::string::npos);
  EXPECT_EQ(html.find("title=\"out\""), std::string::npos);
}

TEST(HtmlReviewTest, SamePageSameBytes) {
  ReviewPage p;
  p.title = "udhr";
  p.langs = {"en", "kk"};
  ReviewRow r;
  r.id = "1", r.texts = {"a", "b"}, r.confidence = 0.42;
  p.rows = {r, r};
  EXPECT_EQ(page_of(p), page_of(p));
  EXPECT_NE(page_of(p).find("data-review"), std::string::npos);  // the script's ready marker
}

// The editor's page: sentences as spans (marks cut at their ends), the data as one escaped
// attribute, still exactly one <script>, whatever the sentences hold.
TEST(HtmlReviewTest, EditorDataIsEscapedAndSentencesAreSpans) {
  ReviewPage p;
  p.langs = {"en", "kk"};
  ReviewEditor e;
  e.sentences = {{"A </main><script>alert(1)</script>", "B \" onclick=\"x\" & 'c'"}, {"Бір.", "Екі."}};
  core::Bead b0, b1;
  b0.sides = {{0, 1}, {0}};
  b0.confidence = 0.25;
  b1.sides = {{}, {1}};
  b1.confidence = 0.5;
  e.beads = {b0, b1};
  e.marks = {{true, false}, {false, true}};
  e.document = "doc\"<x>";
  p.editor = e;
  ReviewRow r0;
  r0.id = "1";
  r0.texts = {e.sentences[0][0] + " " + e.sentences[0][1], "Бір."};
  // A mark over the boundary of the two en sentences: "/script> B \"".
  const std::size_t from = r0.texts[0].find("/script>"), to = r0.texts[0].find("B \"") + 3;
  r0.marks = {{{{from, to}, true, "across"}}, {}};
  r0.confidence = 0.25;
  ReviewRow r1;
  r1.id = "2";
  r1.texts = {"", "Екі."};
  p.rows = {r0, r1};
  const std::string html = page_of(p);
  EXPECT_EQ(count(html, "<script"), 1u);
  EXPECT_EQ(count(html, "</script>"), 1u);
  EXPECT_EQ(count(html, "</main>"), 1u);
  EXPECT_EQ(html.find("\" onclick="), std::string::npos);
  const std::size_t data = html.find("data-editor=\"");
  ASSERT_NE(data, std::string::npos);
  const std::string attr = html.substr(data, html.find('"', data + 13) - data);
  EXPECT_EQ(attr.find('<'), std::string::npos);
  EXPECT_EQ(attr.find('\''), std::string::npos);
  EXPECT_NE(attr.find("&quot;beads&quot;: [[2, 1, 1, &quot;0.250&quot;], [0, 1, 2, &quot;0.500&quot;]]"),
            std::string::npos) << attr;
  EXPECT_NE(attr.find("&quot;hash&quot;: &quot;" + document_hash(p.langs, e.sentences) + "&quot;"),
            std::string::npos);
  // Each sentence a span; the mark cut in two at the sentence end, both halves escaped.
  EXPECT_NE(html.find("<span class=\"s\">A &lt;/main&gt;&lt;script&gt;alert(1)&lt;<mark tabindex=\"0\" "
                      "class=\"problem\" title=\"across\">/script&gt;</mark></span> <span class=\"s\">"
                      "<mark tabindex=\"0\" class=\"problem\" title=\"across\">B &quot;</mark>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("class=\"unit weak edited\" tabindex=\"-1\" role=\"option\" aria-selected=\"false\""),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"flag checked\">checked</span>"), std::string::npos);
  EXPECT_NE(html.find("<main role=\"listbox\""), std::string::npos);
}

TEST(HtmlReviewTest, DocumentHashKeysTheSentences) {
  const std::vector<std::string> langs = {"en", "kk"};
  const std::string h = document_hash(langs, {{"ab", "c"}, {"x"}});
  EXPECT_EQ(h.size(), 16u);
  EXPECT_EQ(h, document_hash(langs, {{"ab", "c"}, {"x"}}));
  EXPECT_NE(h, document_hash(langs, {{"a", "bc"}, {"x"}}));
  EXPECT_NE(h, document_hash(langs, {{"ab"}, {"c", "x"}}));
  EXPECT_NE(h, document_hash({"en", "ru"}, {{"ab", "c"}, {"x"}}));
}

}  // namespace
}  // namespace tilmash::io
