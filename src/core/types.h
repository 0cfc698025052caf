// Plain value types shared by every module: sentences, beads, aligned units. No behaviour
// beyond formatting; algorithms live in their modules.
#pragma once

#include <cstddef>
#include <map>
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
struct Document {
  std::vector<std::string> paragraphs;
};

// Sentences linked together across languages. sides[k] holds the 0-based sentence indices of
// language k (in --langs order), ascending and contiguous; a side may be empty (1-0, 0-1).
struct Bead {
  std::vector<std::vector<int>> sides;
  double confidence = 1.0;  // in [0, 1]: how likely this link is right
  bool operator==(const Bead& o) const { return sides == o.sides; }
};

// A bead with its text: lang tag -> the sentences of that side joined by a space.
struct AlignedUnit {
  std::map<std::string, std::string> text;
  double confidence = 1.0;
  std::string provenance;  // e.g. "tilmash align" or the TMX file it came from
};

// A TMX <prop type="...">value</prop>.
struct Prop {
  std::string type;   // use "x-..." for tilmash's own (OmegaT reserves file, id, prev, next, path)
  std::string value;
  bool operator==(const Prop&) const = default;
};

// One language variant of a translation unit (a TMX <tuv>).
struct Variant {
  std::string lang;  // BCP 47 tag as written in the file ("kk", "kk-KZ")
  std::string text;  // plain UTF-8 text of the <seg>
  bool operator==(const Variant&) const = default;
};

// What TMX and the TM store hold: a unit of two or more language variants.
struct TranslationUnit {
  std::string id;                  // tuid; no white space
  std::vector<Variant> variants;   // source first
  std::vector<Prop> props;
  std::vector<std::string> notes;
  std::string creationdate;        // "YYYYMMDDThhmmssZ" or empty
  bool operator==(const TranslationUnit&) const = default;
};

}  // namespace tilmash::core
