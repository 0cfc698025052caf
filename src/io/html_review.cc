// Review page writer. The page works without JS (anchors in the summary, titles on the marks);
// the inline script adds keyboard navigation, a status line and, with editor data, the
// alignment editor (src/io/review/). Nothing from the input reaches the page unescaped: every
// string goes through html_escape (the editor's JSON too, as an attribute value), and the only
// other bytes are this file's literals, the embedded assets and numbers it formats itself.
#include "io/html_review.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdint>
#include <numeric>

#include "core/hash.h"
#include "io/json.h"
#include "io/review_assets.h"

namespace tilmash::io {
namespace {

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

// The text of one side as its sentences, each a <span class="s"> (the editor's unit), joined by
// spaces as align::side_text joins them; `marks` (bytes of the joined text) are cut at the
// sentence ends. Falls back to render() if `text` is not those sentences joined.
std::string render_sentences(std::string_view text, const std::vector<ReviewMark>& marks,
                             const std::vector<std::string>& sentences, const std::vector<int>& side) {
  std::string joined;
  std::vector<std::size_t> starts;
  for (int i : side) {
    if (i < 0 || static_cast<std::size_t>(i) >= sentences.size()) return render(text, marks);
    if (!joined.empty()) joined += ' ';
    starts.push_back(joined.size());
    joined += sentences[static_cast<std::size_t>(i)];
  }
  if (side.empty() || joined != text) return render(text, marks);
  std::string out;
  for (std::size_t j = 0; j < side.size(); ++j) {
    const std::string& sent = sentences[static_cast<std::size_t>(side[j])];
    const std::size_t b = starts[j], e = b + sent.size();
    std::vector<ReviewMark> mine;
    for (const ReviewMark& m : marks) {
      const std::size_t mb = std::max(m.span.begin, b), me = std::min(m.span.end, e);
      if (mb < me) mine.push_back({{mb - b, me - b}, m.problem, m.title});
    }
    out.append(j == 0 ? "" : " ").append("<span class=\"s\">");
    out.append(sent.empty() ? std::string() : render(sent, std::move(mine))).append("</span>");
  }
  return out;
}

// The editor's data: {"langs", "hash", "document", "sentences": [[…] per language], "beads":
// [[count per language…, flags (1 edited, 2 checked), "confidence as align --format json
// writes it"] …]}. Sides are contiguous, so counts are enough; the page checks the sum.
std::string editor_json(const ReviewPage& page) {
  const ReviewEditor& e = *page.editor;
  std::string out = "{\"langs\": [";
  for (std::size_t k = 0; k < page.langs.size(); ++k)
    out.append(k ? ", " : "").append(json_string(page.langs[k]));
  out.append("], \"hash\": ").append(json_string(document_hash(page.langs, e.sentences)));
  out.append(", \"document\": ").append(json_string(e.document)).append(", \"sentences\": [");
  for (std::size_t k = 0; k < e.sentences.size(); ++k) {
    out.append(k ? "], [" : "[");
    for (std::size_t i = 0; i < e.sentences[k].size(); ++i)
      out.append(i ? ", " : "").append(json_string(e.sentences[k][i]));
  }
  out.append(e.sentences.empty() ? "], \"beads\": [" : "]], \"beads\": [");
  for (std::size_t n = 0; n < e.beads.size(); ++n) {
    out.append(n ? ", [" : "[");
    for (const std::vector<int>& side : e.beads[n].sides) out.append(std::to_string(side.size())).append(", ");
    const BeadMark m = n < e.marks.size() ? e.marks[n] : BeadMark{};
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.3f", e.beads[n].confidence);
    out.append(std::to_string((m.edited ? 1 : 0) + (m.checked ? 2 : 0))).append(", \"")
        .append(conf).append("\"]");
  }
  return out + "]}";
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
  const ReviewEditor* editor = page.editor ? &*page.editor : nullptr;
  const BeadMark mark = editor != nullptr && i < editor->marks.size() ? editor->marks[i] : BeadMark{};
  out << "<section id=\"u" << i << "\" class=\"unit" << (is_weak ? " weak" : "")
      << (r.findings.empty() ? "" : " has-findings") << (mark.edited ? " edited" : "")
      << (mark.checked ? " checked" : "") << "\" tabindex=\"-1\""
      << (editor != nullptr ? " role=\"option\" aria-selected=\"false\"" : "") << " data-label=\""
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
  if (mark.edited)
    out << "<span class=\"flag edited\">edited</span> ";
  if (mark.checked)
    out << "<span class=\"flag checked\">checked</span>";
  out << "</div>\n";
  std::vector<std::vector<const ReviewFinding*>> by_column(page.langs.size());
  for (const ReviewFinding& f : r.findings) {
    if (!page.langs.empty())
      by_column[column_of(page.langs, f.lang)].push_back(&f);
  }
  for (std::size_t k = 0; k < page.langs.size(); ++k) {
    const std::string& text = k < r.texts.size() ? r.texts[k] : std::string();
    const std::vector<ReviewMark> no_marks;
    const std::vector<ReviewMark>& marks = k < r.marks.size() ? r.marks[k] : no_marks;
    out << "<div lang=\"" << html_escape(page.langs[k]) << "\">";
    if (editor != nullptr && i < editor->beads.size() && k < editor->beads[i].sides.size() &&
        k < editor->sentences.size())
      out << render_sentences(text, marks, editor->sentences[k], editor->beads[i].sides[k]);
    else
      out << render(text, marks);
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

std::string document_hash(const std::vector<std::string>& langs,
                          const std::vector<std::vector<std::string>>& sentences) {
  // Unit and record separators keep ("ab", "c") and ("a", "bc") apart; clean text has neither.
  std::uint64_t h = core::kFnv1aOffset;
  for (std::size_t k = 0; k < langs.size(); ++k) {
    h = core::fnv1a(langs[k], h);
    h = core::fnv1a("\x1e", h);
    for (const std::string& s : k < sentences.size() ? sentences[k] : std::vector<std::string>{}) {
      h = core::fnv1a(s, h);
      h = core::fnv1a("\x1f", h);
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

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
      << "<title>" << html_escape(page.title) << "</title>\n<style>" << review_asset("review.css")
      << "</style>\n</head>\n<body style=\"--grid:8rem repeat("
      << std::max<std::size_t>(page.langs.size(), 1) << ",minmax(0,1fr))\">\n";
  write_header(out, page);
  if (page.editor) {
    out << "<main role=\"listbox\" aria-label=\"Beads\" data-editor=\"" << html_escape(editor_json(page))
        << "\">\n";
  } else {
    out << "<main>\n";
  }
  for (std::size_t i = 0; i < page.rows.size(); ++i)
    write_row(out, page, i);
  out << "</main>\n<div id=\"status\" role=\"status\" aria-live=\"polite\"></div>\n<script>"
      << review_asset("model.js") << review_asset("review.js") << "</script>\n</body>\n</html>\n";
}

}  // namespace tilmash::io
