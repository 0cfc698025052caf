// Plain value types shared by every module: sentences, beads, aligned units. No behaviour
// beyond formatting; algorithms live in their modules.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tilmash::core {

// A half-open byte range [begin, end) into a UTF-8 string the caller owns.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// One sentence of one document.
struct Segment {
  std::string text;    // UTF-8, NFC, no line breaks, trimmed
  int paragraph = 0;   // 0-based index of the paragraph it came from
  bool operator==(const Segment&) const = default;
};

// A document after reading: paragraphs of normalized text (UTF-8, NFC, no '\n' inside).
// parts[i] says where paragraph i stands when the document has parts (DOCX/ODT): "" for the
// body, else "footnote", "endnote", "header" or "footer". Empty for text and HTML (all body).
struct Document {
  std::vector<std::string> paragraphs;
  std::vector<std::string> parts = {};
};

// Sentences linked together across languages. sides[k] holds the 0-based sentence indices of
// language k (in --langs order), ascending and contiguous; a side may be empty (1-0, 0-1).
struct Bead {
  std::vector<std::vector<int>> sides;
  double confidence = 1.0;  // in [0, 1]: how likely this link is right
  // Empty, or one per side and sentence: alone[k][n] is the aligner's posterior probability that
  // sentence sides[k][n] has no counterpart at all (a 1-0 / 0-1 bead of its own). In a merged
  // bead a high value marks a sentence that may be left out or added (qa/omission_check.h).
  std::vector<std::vector<double>> alone = {};
  bool operator==(const Bead& o) const { return sides == o.sides; }
};

// A bead with its text: lang tag -> the sentences of that side joined by a space.
struct AlignedUnit {
  std::map<std::string, std::string> text;
  double confidence = 1.0;
  std::string provenance;  // e.g. "tilmash align" or the TMX file it came from
  // Three-language alignment only: the target languages whose side of this bead is empty only
  // because the join groups the source differently from that pair's own alignment, which
  // renders these source sentences in a neighbouring bead (align::to_units). Not an omission.
  std::vector<std::string> grouped;
};

// A TMX <prop type="...">value</prop>.
struct Prop {
  std::string type;   // use "x-..." for tilmash's own (OmegaT reserves file, id, prev, next, path)
  std::string value;
  bool operator==(const Prop&) const = default;
};

// An XML attribute kept verbatim (name as written, value unescaped UTF-8).
struct Attr {
  std::string name;   // "creationid", "usagecount", "o-encoding" …
  std::string value;
  bool operator==(const Attr&) const = default;
};

// One language variant of a translation unit (a TMX <tuv>).
struct Variant {
  std::string lang;  // BCP 47 tag ("kk", "kk-KZ"); readers normalize case and '_' -> '-'
  std::string text;  // plain UTF-8 text of the <seg>: inline codes (bpt, ept, it, ph, ut) left
                     // out, the text of <hi> kept. This is what matching and QA look at.
  std::string inline_xml;  // the <seg>'s content as XML (escaped, tags included) when it holds
                           // inline elements; empty for plain text. Writers prefer it to `text`.
  std::vector<Prop> props;         // <prop>s of the <tuv>
  std::vector<std::string> notes;  // <note>s of the <tuv>
  std::string creationdate;        // "YYYYMMDDThhmmssZ" or empty
  std::string changedate;          // "YYYYMMDDThhmmssZ" or empty
  std::vector<Attr> attrs;         // other <tuv> attributes (creationid, usagecount …)
  bool operator==(const Variant&) const = default;
};

// What TMX and the TM store hold: a unit of two or more language variants.
struct TranslationUnit {
  std::string id;                  // tuid; no white space
  std::vector<Variant> variants;   // source first
  std::vector<Prop> props;
  std::vector<std::string> notes;
  std::string creationdate;        // "YYYYMMDDThhmmssZ" or empty
  std::string changedate;          // "YYYYMMDDThhmmssZ" or empty
  std::vector<Attr> attrs;         // other <tu> attributes as read (usagecount, lastusagedate,
                                   // creationid, changeid, srclang, datatype …), in file order
  // The alignment confidence in [0, 1] of a unit made from a bead (core::bead_unit), as a
  // number; empty for units read from files (TMX keeps it as the prop x-tilmash-confidence,
  // which io::TmxWriter writes from this field and readers leave among the props).
  std::optional<double> confidence;
  bool operator==(const TranslationUnit&) const = default;
};

// Status of a term in a terminology entry (TBX administrativeStatus).
enum class TermStatus {
  kPreferred,   // use this rendering
  kAdmitted,    // acceptable variant (spelling variant, synonym, abbreviation)
  kDeprecated,  // dated or superseded: keep for old texts and quotations, not for new ones
  kForbidden,   // wrong: never use (a QA check reports it)
};

// One term (one designation in one language) of a terminology entry.
struct Term {
  std::string text;                 // UTF-8 NFC, citation form ("қайта тәрбиелеу лагері")
  TermStatus status = TermStatus::kPreferred;
  std::string part_of_speech;       // noun | verb | adjective | adverb | other | "" (unknown)
  std::string note;                 // usage note for translators
  std::string source;               // where the rendering was attested ("[K1]", a URL)
  std::string valid_from;           // "YYYY-MM-DD" when the term came into use, or empty
  std::string valid_to;             // "YYYY-MM-DD" when it went out of use, or empty
  bool unverified = false;          // proposed rendering: needs a native speaker's review
  std::string subset;               // TBX projectSubset of this term; overrides the entry's
                                    // (core::TermEntry::subset) when the source uses it
  bool operator==(const Term&) const = default;
};

// A terminology entry: one concept with its terms per language (a TBX conceptEntry).
struct TermEntry {
  std::string id;          // XML NCName, unique in a glossary ("xinjiang", "c42")
  std::string subject;     // subject field ("camps and detention"), may be empty
  std::string definition;  // in English
  std::string note;        // concept-level note (dates, pitfalls)
  std::string subset;      // TBX projectSubset: how `check` treats the entry ("key term",
                           // "name", "reference"; see glossaries/README.md), may be empty
  std::map<std::string, std::vector<Term>> terms;  // language tag -> terms, preferred first
  bool operator==(const TermEntry&) const = default;
};

}  // namespace tilmash::core
