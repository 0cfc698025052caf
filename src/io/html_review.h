// The review page: one self-contained HTML file (inline CSS and JS, no network) showing aligned
// units side by side, the weakest links and the QA findings. Writes only what it is given;
// it finds no terms and judges nothing (that is term/ and qa/). Every text is HTML-escaped.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

// A highlighted stretch of one text.
struct ReviewMark {
  core::Span span;     // bytes in the text (must lie on UTF-8 boundaries inside it)
  bool problem = false;  // true: a finding points here; false: a glossary term
  std::string title;   // shown on hover (approved renderings, the finding); plain text
};

// One aligned unit (a bead or a TMX <tu>).
struct ReviewRow {
  std::string id;                              // tuid or bead number; plain text
  std::vector<std::string> texts;              // one per ReviewPage::langs; "" = no text
  std::vector<std::vector<ReviewMark>> marks;  // one list per language (may be shorter: none)
  std::optional<double> confidence;            // alignment confidence in [0, 1], if known
  std::vector<std::string> findings;           // one line each; plain text
};

struct ReviewPage {
  std::string title;                // plain text
  std::vector<std::string> langs;   // column order, source first
  std::vector<ReviewRow> rows;      // document order
  double weak_below = 0.5;          // a row with confidence below this is highlighted as weak
  std::size_t weakest_listed = 10;  // how many of the weakest rows the summary lists
};

// `text` with & < > " ' as character references (valid UTF-8 in, valid UTF-8 out).
std::string html_escape(std::string_view text);

// Writes `page` as one HTML5 document to `out`. Overlapping marks: the earlier (then longer)
// one wins. Keyboard: n / p jump to the next / previous weak row, f to the next finding.
void write_review_html(std::ostream& out, const ReviewPage& page);

}  // namespace tilmash::io
