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
#include "io/alignment_reader.h"

namespace tilmash::io {

// A highlighted stretch of one text.
struct ReviewMark {
  core::Span span;       // bytes in the text (must lie on UTF-8 boundaries inside it)
  bool problem = false;  // true: a finding points here; false: a glossary term
  std::string title;     // shown on hover and focus (approved renderings, the finding); plain
                         // text, line breaks kept
};

// One finding about a unit, shown in the column of its language and in the summary.
struct ReviewFinding {
  std::string lang;     // language tag; shown under the column whose tag (or primary subtag)
                        // matches, else under the first column
  std::string kind;     // "missing-term", "number-mismatch" …; plain text
  std::string message;  // one line; plain text
  std::string severity; // "error", "warning" or "notice" ("" = error); the page groups by it
};

// One aligned unit (a bead or a TMX <tu>).
struct ReviewRow {
  std::string id;                              // tuid or bead number; plain text
  std::string detail;                          // small print under the id ("en 3-4 · kk 3");
                                               // plain text, may be empty
  std::vector<std::string> texts;              // one per ReviewPage::langs; "" = no text
  std::vector<std::vector<ReviewMark>> marks;  // one list per language (may be shorter: none)
  std::optional<double> confidence;            // alignment confidence in [0, 1], if known
  std::vector<ReviewFinding> findings;
};

// The data of the alignment editor (`align --format html`): the documents' sentences and the
// beads the rows show, row n = beads[n]. With it the page lets a reviewer merge, split, move and
// detach sentences, mark beads checked, undo, autosave and download the result as JSON or TMX.
struct ReviewEditor {
  std::vector<std::vector<std::string>> sentences;  // per language, ReviewPage::langs order
  std::vector<core::Bead> beads;   // sides index `sentences`: each sentence in exactly one bead,
                                   // in order (the page checks and refuses to edit otherwise)
  std::vector<BeadMark> marks;     // empty, or one per bead (a re-opened edited alignment)
  std::string document;            // file name the downloads are named after; plain text
};

struct ReviewPage {
  std::string title;                // plain text
  std::string subtitle;             // one line under the title (inputs, glossary); may be empty
  std::vector<std::string> langs;   // column order, source first
  std::vector<ReviewRow> rows;      // document order
  double weak_below = 0.5;          // a row with confidence below this is highlighted as weak
  std::size_t weakest_listed = 10;  // how many of the weakest rows the summary lists
  std::optional<ReviewEditor> editor;  // set: rows are its beads (rows.size() == beads.size())
};

// The key of a document's autosaved edits: FNV-1a 64 (core/hash.h) over the languages and every
// sentence, as 16 hex digits. The same documents give the same key whatever their alignment, so
// a page re-opened from a saved JSON finds its autosave again.
std::string document_hash(const std::vector<std::string>& langs,
                          const std::vector<std::vector<std::string>>& sentences);

// `text` with & < > " ' as character references (valid UTF-8 in, valid UTF-8 out). Safe in
// element content and in double- or single-quoted attribute values.
std::string html_escape(std::string_view text);

// Writes `page` as one HTML5 document to `out`: the same bytes for the same page (no clock).
// Overlapping marks: the earlier (then longer) one wins; marks outside their text are dropped.
// Weak rows carry a "weak" label besides their colour. The page works without JS (summary
// links are anchors); the script adds keys (j or n / k or p: next / previous weak row, f / F:
// next / previous finding, arrows: select, ?: help) and shows the focused term's renderings in a
// status line. Once it has run, <html> has data-review="ready" (tests look for it).
// With page.editor, each sentence is a <span class="s"> (marks cut at sentence ends), <main>
// carries the editor's data as JSON in its data-editor attribute (escaped like every text; the
// page has one <script>), and the script exposes window.tilmash (src/io/review/editor.js).
void write_review_html(std::ostream& out, const ReviewPage& page);

}  // namespace tilmash::io
