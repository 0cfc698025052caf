// Review page writer. The page works without JS (anchors in the summary); the inline script
// only adds keyboard navigation. Nothing from the input reaches the page unescaped.
#include "io/html_review.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace tilmash::io {
namespace {

constexpr const char* kStyle = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:19px;margin:0 0 6px}
.summary{display:flex;gap:40px;flex-wrap:wrap;font-size:13px}
.summary ol,.summary ul{margin:4px 0;padding-left:20px}
.help{color:#666;font-size:12px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th{position:sticky;top:0;background:#eee;text-align:left;padding:6px;font-size:13px}
td{vertical-align:top;padding:6px 8px;border-top:1px solid #e3e3e3}
td.id{width:90px;font-size:12px;color:#555}
tr.weak td{background:#fff4d6}
tr.current td{outline:2px solid #2b6cb0;outline-offset:-2px}
mark.term{background:#d8ecff;border-bottom:1px dotted #2b6cb0;cursor:help}
mark.problem{background:#ffd6d6;border-bottom:2px solid #c53030;cursor:help}
.findings{margin:4px 0 0;padding-left:18px;color:#a11;font-size:13px}
.conf{display:block;font-variant-numeric:tabular-nums}
)css";

constexpr const char* kScript = R"js(
(function(){
  var rows=Array.prototype.slice.call(document.querySelectorAll('tr.unit'));
  var cur=-1;
  function go(i){
    if(i<0||i>=rows.length)return;
    if(cur>=0)rows[cur].classList.remove('current');
    cur=i;rows[i].classList.add('current');
    rows[i].scrollIntoView({block:'center'});
  }
  function step(sel,dir){
    for(var i=cur+dir;i>=0&&i<rows.length;i+=dir){if(rows[i].matches(sel)){go(i);return;}}
  }
  document.addEventListener('keydown',function(e){
    if(e.ctrlKey||e.metaKey||e.altKey)return;
    if(e.key==='n')step('.weak',1);
    else if(e.key==='p')step('.weak',-1);
    else if(e.key==='f')step('.has-findings',1);
    else if(e.key==='F')step('.has-findings',-1);
  });
})();
)js";

std::string conf_text(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

// The text with its marks as <mark> elements, everything escaped.
std::string render(std::string_view text, std::vector<ReviewMark> marks) {
  std::sort(marks.begin(), marks.end(), [](const ReviewMark& a, const ReviewMark& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::string out;
  std::size_t pos = 0;
  for (const ReviewMark& m : marks) {
    if (m.span.begin < pos || m.span.end > text.size() || m.span.begin >= m.span.end) continue;
    out += html_escape(text.substr(pos, m.span.begin - pos));
    out += std::string("<mark class=\"") + (m.problem ? "problem" : "term") + "\" title=\"" +
           html_escape(m.title) + "\">" + html_escape(text.substr(m.span.begin, m.span.size())) +
           "</mark>";
    pos = m.span.end;
  }
  out += html_escape(text.substr(pos));
  return out;
}

bool weak(const ReviewRow& r, double below) { return r.confidence && *r.confidence < below; }

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_review_html(std::ostream& out, const ReviewPage& page) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      << "<title>" << html_escape(page.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<header>\n<h1>" << html_escape(page.title) << "</h1>\n";

  std::vector<std::size_t> order(page.rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::erase_if(order, [&](std::size_t i) { return !page.rows[i].confidence; });
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *page.rows[a].confidence < *page.rows[b].confidence;
  });
  if (order.size() > page.weakest_listed) order.resize(page.weakest_listed);
  std::size_t n_weak = 0, n_findings = 0;
  for (const ReviewRow& r : page.rows) {
    n_weak += weak(r, page.weak_below) ? 1 : 0;
    n_findings += r.findings.size();
  }
  out << "<p class=\"help\">" << page.rows.size() << " units, " << n_weak
      << " weak links (confidence below " << conf_text(page.weak_below) << "), " << n_findings
      << " findings. Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous weak link, <kbd>f</kbd>/"
         "<kbd>F</kbd> next/previous finding. Hover a highlighted term for its approved "
         "renderings.</p>\n<div class=\"summary\">\n";
  if (!order.empty()) {
    out << "<div><b>Weakest links</b><ol>\n";
    for (std::size_t i : order) {
      out << "<li><a href=\"#u" << i << "\">" << html_escape(page.rows[i].id) << "</a> "
          << conf_text(*page.rows[i].confidence) << "</li>\n";
    }
    out << "</ol></div>\n";
  }
  out << "<div><b>Findings</b>";
  if (n_findings == 0) {
    out << "<p>none</p>";
  } else {
    out << "<ul>\n";
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      for (const std::string& f : page.rows[i].findings) {
        out << "<li><a href=\"#u" << i << "\">" << html_escape(page.rows[i].id) << "</a> "
            << html_escape(f) << "</li>\n";
      }
    }
    out << "</ul>";
  }
  out << "</div>\n</div>\n</header>\n<table>\n<thead><tr><th class=\"id\">unit</th>";
  for (const std::string& l : page.langs) out << "<th>" << html_escape(l) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    const ReviewRow& r = page.rows[i];
    out << "<tr id=\"u" << i << "\" class=\"unit" << (weak(r, page.weak_below) ? " weak" : "")
        << (r.findings.empty() ? "" : " has-findings") << "\"><td class=\"id\">"
        << html_escape(r.id);
    if (r.confidence) out << "<span class=\"conf\">" << conf_text(*r.confidence) << "</span>";
    out << "</td>";
    for (std::size_t k = 0; k < page.langs.size(); ++k) {
      const std::string text = k < r.texts.size() ? r.texts[k] : std::string();
      out << "<td lang=\"" << html_escape(page.langs[k]) << "\">"
          << render(text, k < r.marks.size() ? r.marks[k] : std::vector<ReviewMark>{});
      if (k == 0 && !r.findings.empty()) {
        out << "<ul class=\"findings\">";
        for (const std::string& f : r.findings) out << "<li>" << html_escape(f) << "</li>";
        out << "</ul>";
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace tilmash::io
