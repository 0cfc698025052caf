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

TEST(HtmlReviewTest, EveryTextIsEscaped) {
  ReviewPage p;
  p.title = "<b>t</b>";
  p.langs = {"en", "kk"};
  ReviewRow r;
  r.id = "\"id\"";
  r.texts = {"a <script>alert(1)</script> b", "x\" onmouseover=\"alert(2)"};
  r.marks = {{{{2, 10}, false, "\" onmouseover=\"alert(3)"}}, {}};
  r.confidence = 0.2;
  r.findings = {"<img src=x onerror=alert(4)>"};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("\" onmouseover="), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("alert(1)&lt;/script&gt; b"), std::string::npos);
  EXPECT_NE(html.find("x&quot; onmouseover=&quot;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("title=\"&quot; onmouseover=&quot;alert(3)\""), std::string::npos);
  // Exactly one script element: ours.
  EXPECT_EQ(html.find("<script>"), html.rfind("<script>"));
}

TEST(HtmlReviewTest, WeakRowsAndSummary) {
  ReviewPage p;
  p.langs = {"en", "ru"};
  p.weak_below = 0.5;
  ReviewRow a;
  a.id = "0", a.texts = {"Almaty", "Алматы"}, a.confidence = 0.9;
  ReviewRow b;
  b.id = "1", b.texts = {"x", "y"}, b.confidence = 0.1;
  p.rows = {a, b};
  const std::string html = page_of(p);
  EXPECT_NE(html.find("<tr id=\"u1\" class=\"unit weak\""), std::string::npos);
  EXPECT_NE(html.find("<tr id=\"u0\" class=\"unit\""), std::string::npos);
  EXPECT_LT(html.find("href=\"#u1\""), html.find("href=\"#u0\""));  // weakest first
}

TEST(HtmlReviewTest, MarksKeepUtf8AndSkipOverlaps) {
  ReviewPage p;
  p.langs = {"kk"};
  ReviewRow r;
  r.id = "0";
  r.texts = {"Шыңжаңдағы лагерь"};  // Шыңжаңдағы = 20 bytes
  r.marks = {{{{0, 20}, false, "xinjiang"}, {{4, 12}, true, "overlap"}}};
  p.rows.push_back(r);
  const std::string html = page_of(p);
  EXPECT_NE(html.find("<mark class=\"term\" title=\"xinjiang\">Шыңжаңдағы</mark> лагерь"),
            std::string::npos);
  EXPECT_EQ(html.find("overlap"), std::string::npos);
}

}  // namespace
}  // namespace tilmash::io
