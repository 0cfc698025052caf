// Review page writer. The page works without JS (anchors in the summary, titles on the marks);
// the inline script only adds keyboard navigation and a status line. Nothing from the input
// reaches the page unescaped: every string goes through html_escape, and the only other bytes
// are this file's literals and numbers it formats itself.
#include "io/html_review.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>

namespace tilmash::io {
namespace {

// Fonts: families with full Cyrillic including the Kazakh letters (ә ғ қ ң ө ұ ү һ і) come
// first; none is downloaded (the page makes no requests), so the list covers Linux, Windows
// and macOS defaults.
constexpr const char* kStyle = R"css(
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f4f6f8;--card:#fff;--accent:#0a58ca;
--weak:#fff3c4;--weak-edge:#b7791f;--bad:#fde4e2;--bad-edge:#c0392b;--term:#e2eeff;
--term-edge:#2b6cb0;--head:12rem}
*{box-sizing:border-box}
html{scroll-padding-top:var(--head)}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.55 "Noto Sans","PT Sans","Segoe UI","DejaVu Sans",Roboto,"Helvetica Neue",Arial,
sans-serif}
header.top{position:sticky;top:0;z-index:10;background:var(--card);
border-bottom:1px solid var(--line);box-shadow:0 2px 6px rgba(31,35,40,.08)}
.bar{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 16px;padding:10px 20px 4px}
h1{font-size:18px;font-weight:600;margin:0}
.sub{color:var(--muted);font-size:13px;margin:0}
.stats{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;padding:2px 20px 8px;
font-size:13px}
.pill{border:1px solid var(--line);border-radius:999px;padding:0 10px;background:var(--bg);
white-space:nowrap}
.pill.weak{background:var(--weak);border-color:var(--weak-edge)}
.pill.bad{background:var(--bad);border-color:var(--bad-edge)}
.keys{margin-left:auto;color:var(--muted);font-size:12px}
html:not([data-review=ready]) .keys{display:none}
kbd{font:11px/1.3 "DejaVu Sans Mono",Consolas,monospace;border:1px solid #afb8c1;
border-bottom-width:2px;border-radius:4px;padding:0 4px;background:#fff;color:var(--ink)}
.weakest{display:flex;align-items:center;gap:6px;padding:0 20px 8px;font-size:13px;
overflow-x:auto;white-space:nowrap}
.chip{border:1px solid var(--line);border-radius:6px;padding:0 7px;background:#fff;
color:var(--ink);text-decoration:none;font-variant-numeric:tabular-nums}
.chip.weak{background:var(--weak);border-color:var(--weak-edge)}
.chip:hover,.chip:focus{border-color:var(--accent)}
details.found{padding:0 20px 8px;font-size:13px}
details.found summary{cursor:pointer;font-weight:600}
details.found ul{max-height:22vh;overflow:auto;margin:4px 0 0;padding-left:22px}
details.found a{color:var(--accent)}
.cols{display:grid;grid-template-columns:var(--grid);background:#eaeef2;
border-top:1px solid var(--line);color:var(--muted);font-size:12px;font-weight:600;
letter-spacing:.03em}
.cols>div{padding:5px 10px}
main{padding-bottom:4rem}
.unit{display:grid;grid-template-columns:var(--grid);background:var(--card);
border-bottom:1px solid var(--line);border-left:5px solid transparent;
scroll-margin-top:var(--head)}
.unit>div{padding:8px 10px;min-width:0;overflow-wrap:anywhere}
.unit:focus{outline:none}
.unit.weak{background:var(--weak);border-left:5px dashed var(--weak-edge)}
.unit.has-findings{border-left-color:var(--bad-edge)}
.unit.current{outline:3px solid var(--accent);outline-offset:-3px}
.id{color:var(--muted);font-size:12px}
.id b{color:var(--ink);font-size:14px}
.id small{display:block;font-size:11px}
.conf{display:flex;align-items:center;gap:6px;font-variant-numeric:tabular-nums}
.meter{width:44px;height:6px;border-radius:3px;background:#d8dee4;overflow:hidden}
.meter>span{display:block;height:100%;background:#2f855a}
.weak .meter>span{background:var(--weak-edge)}
.flag{display:inline-block;margin-top:3px;border:1px solid currentColor;border-radius:4px;
padding:0 4px;font-size:10px;font-weight:700;letter-spacing:.06em;text-transform:uppercase}
.flag.weak{color:#7a4b00}
.flag.bad{color:#9b1c1c}
mark{color:inherit;border-radius:2px;padding:0 1px;cursor:help;text-underline-offset:3px}
mark.term{background:var(--term);text-decoration:underline dotted var(--term-edge)}
mark.problem{background:var(--bad);text-decoration:underline wavy var(--bad-edge)}
mark:focus{outline:2px solid var(--accent)}
.none{color:#8c959f;font-style:italic}
ul.findings{list-style:none;margin:6px 0 0;padding:0;font-size:13px;color:#9b1c1c}
ul.findings li{padding-left:1.2em;text-indent:-1.2em}
ul.findings li::before{content:"\2716\00a0"}
ul.findings li.warning{color:#7a4b00}
ul.findings li.warning::before{content:"\26A0\00a0"}
ul.findings li.notice{color:#57606a}
ul.findings li.notice::before{content:"\2139\00a0"}
.sev{font-weight:700;text-transform:uppercase;font-size:11px;letter-spacing:.04em}
.kind{font-weight:600}
#status{position:fixed;left:0;right:0;bottom:0;z-index:11;display:none;padding:6px 20px;
background:#1f2328;color:#fff;font-size:13px;white-space:pre-line}
#status.on{display:block}
@media (max-height:600px){header.top{position:static}html{scroll-padding-top:0}
.unit{scroll-margin-top:0}}
@media print{header.top{position:static;box-shadow:none}.unit{break-inside:avoid}
#status,.keys{display:none!important}}
)css";

constexpr const char* kScript = R"js(
(function(){
  'use strict';
  var root=document.documentElement;
  var head=document.querySelector('header.top');
  var rows=Array.prototype.slice.call(document.querySelectorAll('main .unit'));
  var status=document.getElementById('status');
  var cur=-1;
  function fit(){root.style.setProperty('--head',(head.offsetHeight+8)+'px');}
  function say(text){status.textContent=text||'';status.className=text?'on':'';}
  function mark(i){
    if(cur>=0)rows[cur].classList.remove('current');
    cur=i;rows[i].classList.add('current');
  }
  function go(i,what){
    mark(i);
    var r=rows[i];
    r.scrollIntoView({block:'center'});
    r.focus({preventScroll:true});
    say(what+' \u2014 '+r.getAttribute('data-label'));
  }
  function step(cls,dir,one,many){
    var list=rows.filter(function(r){return r.classList.contains(cls);});
    if(!list.length){say('No '+many+' on this page.');return;}
    for(var i=cur+dir;i>=0&&i<rows.length;i+=dir){
      if(rows[i].classList.contains(cls)){
        go(i,one+' '+(list.indexOf(rows[i])+1)+' of '+list.length);return;
      }
    }
    say('No further '+one+(dir>0?' below.':' above.'));
  }
  document.addEventListener('keydown',function(e){
    if(e.ctrlKey||e.metaKey||e.altKey)return;
    var t=e.target;
    if(t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))return;
    var k=e.key;
    if(k==='j'||k==='n')step('weak',1,'weak link','weak links');
    else if(k==='k'||k==='p')step('weak',-1,'weak link','weak links');
    else if(k==='f')step('has-findings',1,'unit with findings','units with findings');
    else if(k==='F')step('has-findings',-1,'unit with findings','units with findings');
    else if(k==='Escape')say('');
    else if(k==='?')say(document.querySelector('.keys').textContent);
    else return;
    e.preventDefault();
  });
  document.addEventListener('click',function(e){
    var a=e.target.closest?e.target.closest('a[href^="#u"]'):null;
    var r=a?document.getElementById(a.getAttribute('href').slice(1)):
      (e.target.closest?e.target.closest('main .unit'):null);
    var i=rows.indexOf(r);
    if(i>=0)mark(i);
  });
  function show(e){
    var m=e.target;
    if(m&&m.tagName==='MARK')say(m.getAttribute('title'));
  }
  document.addEventListener('mouseover',show);
  document.addEventListener('focusin',show);
  window.addEventListener('resize',fit);
  fit();
  root.setAttribute('data-review','ready');
})();
)js";

std::string conf_text(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string percent(double c) {
  const double clamped = std::clamp(c, 0.0, 1.0);
  return std::to_string(static_cast<int>(clamped * 100.0 + 0.5));
}

// "kk" for "kk-KZ" (ASCII lower case).
std::string primary(std::string_view tag) {
  std::string out(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The column header: the language's own name for the three languages tilmash is made for.
std::string lang_heading(const std::string& tag) {
  const std::string p = primary(tag);
  std::string name;
  if (p == "en")
    name = "English";
  if (p == "kk")
    name = "Қазақша";
  if (p == "ru")
    name = "Русский";
  return name.empty() ? html_escape(tag) : name + " · " + html_escape(tag);
}

// Column of a finding about language `lang`: the same tag, else the same primary subtag, else 0.
std::size_t column_of(const std::vector<std::string>& langs, const std::string& lang) {
  for (std::size_t k = 0; k < langs.size(); ++k) {
    if (langs[k] == lang)
      return k;
  }
  for (std::size_t k = 0; k < langs.size(); ++k) {
    if (primary(langs[k]) == primary(lang))
      return k;
  }
  return 0;
}

// The text with its marks as <mark> elements, everything escaped.
std::string render(std::string_view text, std::vector<ReviewMark> marks) {
  if (text.empty())
    return "<span class=\"none\">(no text)</span>";
  std::stable_sort(marks.begin(), marks.end(), [](const ReviewMark& a, const ReviewMark& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::string out;
  std::size_t pos = 0;
  for (const ReviewMark& m : marks) {
    if (m.span.begin < pos || m.span.end > text.size() || m.span.begin >= m.span.end)
      continue;
    out += html_escape(text.substr(pos, m.span.begin - pos));
    out.append("<mark tabindex=\"0\" class=\"")
        .append(m.problem ? "problem" : "term")
        .append("\" title=\"")
        .append(html_escape(m.title))
        .append("\">")
        .append(html_escape(text.substr(m.span.begin, m.span.size())))
        .append("</mark>");
    pos = m.span.end;
  }
  out += html_escape(text.substr(pos));
  return out;
}

// The severities the page groups findings by, most severe first.
constexpr std::array<std::string_view, 3> kSeverities = {"error", "warning", "notice"};

// The finding's severity as one of kSeverities (anything else counts as an error).
std::string_view severity_of(const ReviewFinding& f) {
  for (std::string_view s : kSeverities) {
    if (f.severity == s) return s;
  }
  return kSeverities[0];
}

bool weak(const ReviewRow& r, double below) {
  return r.confidence && *r.confidence < below;
}

void write_header(std::ostream& out, const ReviewPage& page) {
  std::size_t n_weak = 0, n_findings = 0, n_rows_found = 0;
  for (const ReviewRow& r : page.rows) {
    n_weak += weak(r, page.weak_below) ? 1 : 0;
    n_findings += r.findings.size();
    n_rows_found += r.findings.empty() ? 0 : 1;
  }
  out << "<header class=\"top\">\n<div class=\"bar\"><h1>" << html_escape(page.title) << "</h1>";
  if (!page.subtitle.empty())
    out << "<p class=\"sub\">" << html_escape(page.subtitle) << "</p>";
  out << "</div>\n<div class=\"stats\"><span class=\"pill\">" << page.rows.size()
      << (page.rows.size() == 1 ? " unit" : " units") << "</span><span class=\"pill"
      << (n_weak != 0 ? " weak" : "") << "\">" << n_weak << " weak (confidence below "
      << conf_text(page.weak_below) << ")</span><span class=\"pill"
      << (n_findings != 0 ? " bad" : "") << "\">" << n_findings
      << (n_findings == 1 ? " finding" : " findings");
  if (n_findings != 0)
    out << " in " << n_rows_found << (n_rows_found == 1 ? " unit" : " units");
  out << "</span>\n<span class=\"keys\">Keys: <kbd>j</kbd>/<kbd>n</kbd> next weak link, "
         "<kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>f</kbd>/<kbd>F</kbd> next/previous finding, "
         "<kbd>?</kbd> help. Hover or tab to a highlighted term for its approved renderings."
         "</span></div>\n";

  std::vector<std::size_t> order(page.rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::erase_if(order, [&](std::size_t i) { return !page.rows[i].confidence; });
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *page.rows[a].confidence < *page.rows[b].confidence;
  });
  if (order.size() > page.weakest_listed)
    order.resize(page.weakest_listed);
  if (!order.empty()) {
    out << "<nav class=\"weakest\" aria-label=\"Weakest links\"><b>Weakest links</b> (unit · "
           "confidence):";
    for (std::size_t i : order) {
      const ReviewRow& r = page.rows[i];
      out << " <a class=\"chip" << (weak(r, page.weak_below) ? " weak" : "") << "\" href=\"#u" << i
          << "\">" << html_escape(r.id) << " · " << conf_text(*r.confidence) << "</a>";
    }
    out << "</nav>\n";
  }
  // One list per severity, errors first: a reviewer reads the errors and may skip the notices.
  for (std::string_view sev : kSeverities) {
    std::size_t n = 0;
    for (const ReviewRow& r : page.rows) {
      n += static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(),
                                                  [&](const ReviewFinding& f) { return severity_of(f) == sev; }));
    }
    if (n == 0) continue;
    std::string title(sev);
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    out << "<details class=\"found " << sev << "\"" << (n <= 5 && sev != "notice" ? " open" : "")
        << "><summary>" << title << "s (" << n << ")</summary><ul>\n";
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      for (const ReviewFinding& f : page.rows[i].findings) {
        if (severity_of(f) != sev) continue;
        out << "<li><a href=\"#u" << i << "\">" << html_escape(page.rows[i].id) << "</a> "
            << html_escape(f.lang) << " <span class=\"kind\">" << html_escape(f.kind)
            << "</span>: " << html_escape(f.message) << "</li>\n";
      }
    }
    out << "</ul></details>\n";
  }
  out << "<div class=\"cols\" aria-hidden=\"true\"><div>unit</div>";
  for (const std::string& l : page.langs)
    out << "<div>" << lang_heading(l) << "</div>";
  out << "</div>\n</header>\n";
}

void write_row(std::ostream& out, const ReviewPage& page, std::size_t i) {
  const ReviewRow& r = page.rows[i];
  const bool is_weak = weak(r, page.weak_below);
  std::string label = std::string("unit ").append(r.id);
  if (r.confidence)
    label.append(", confidence ").append(conf_text(*r.confidence));
  if (is_weak)
    label += ", weak";
  if (!r.findings.empty())
    label.append(", ")
        .append(std::to_string(r.findings.size()))
        .append(r.findings.size() == 1 ? " finding" : " findings");
  out << "<section id=\"u" << i << "\" class=\"unit" << (is_weak ? " weak" : "")
      << (r.findings.empty() ? "" : " has-findings") << "\" tabindex=\"-1\" data-label=\""
      << html_escape(label) << "\">\n<div class=\"id\"><b>" << html_escape(r.id) << "</b>";
  if (!r.detail.empty())
    out << "<small>" << html_escape(r.detail) << "</small>";
  if (r.confidence) {
    out << "<span class=\"conf\"><span class=\"meter\"><span style=\"width:"
        << percent(*r.confidence) << "%\"></span></span>" << conf_text(*r.confidence) << "</span>";
  }
  if (is_weak)
    out << "<span class=\"flag weak\">weak link</span> ";
  if (!r.findings.empty())
    out << "<span class=\"flag bad\">check</span>";
  out << "</div>\n";
  std::vector<std::vector<const ReviewFinding*>> by_column(page.langs.size());
  for (const ReviewFinding& f : r.findings) {
    if (!page.langs.empty())
      by_column[column_of(page.langs, f.lang)].push_back(&f);
  }
  for (std::size_t k = 0; k < page.langs.size(); ++k) {
    const std::string& text = k < r.texts.size() ? r.texts[k] : std::string();
    out << "<div lang=\"" << html_escape(page.langs[k]) << "\">"
        << render(text, k < r.marks.size() ? r.marks[k] : std::vector<ReviewMark>{});
    // An omitted sentence: say so where its rendering should stand.
    if (text.empty() && std::any_of(by_column[k].begin(), by_column[k].end(), [](const ReviewFinding* f) {
          return f->kind == "omitted-sentence";
        }))
      out << "<span class=\"gap\" lang=\"en\" style=\"color:#9b1c1c;font-style:italic\">"
             "(no sentence here)</span>";
    if (!by_column[k].empty()) {
      out << "<ul class=\"findings\" lang=\"en\">";
      std::stable_sort(by_column[k].begin(), by_column[k].end(),
                       [](const ReviewFinding* a, const ReviewFinding* b) {
                         return std::find(kSeverities.begin(), kSeverities.end(), severity_of(*a)) <
                                std::find(kSeverities.begin(), kSeverities.end(), severity_of(*b));
                       });
      for (const ReviewFinding* f : by_column[k]) {
        out << "<li class=\"" << severity_of(*f) << "\"><span class=\"sev\">" << severity_of(*f)
            << "</span> <span class=\"kind\">" << html_escape(f->kind)
            << "</span>: " << html_escape(f->message) << "</li>";
      }
      out << "</ul>";
    }
    out << "</div>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void write_review_html(std::ostream& out, const ReviewPage& page) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      << "<meta name=\"generator\" content=\"tilmash\">\n"
      << "<title>" << html_escape(page.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body style=\"--grid:8rem repeat("
      << std::max<std::size_t>(page.langs.size(), 1) << ",minmax(0,1fr))\">\n";
  write_header(out, page);
  out << "<main>\n";
  for (std::size_t i = 0; i < page.rows.size(); ++i)
    write_row(out, page, i);
  out << "</main>\n<div id=\"status\" role=\"status\" aria-live=\"polite\"></div>\n<script>"
      << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace tilmash::io
