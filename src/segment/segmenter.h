// Sentence segmentation of one language's paragraphs: ICU's sentence BreakIterator (the default
// rules of UAX #29, "Unicode Text Segmentation", section 5) followed by per-language exception
// rules read from data files (abbreviations, initials, list markers). It works on UTF-8 bytes
// and returns byte spans; it never reads files, alters the text or merges paragraphs.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/types.h"

namespace tilmash::segment {

class SegmenterImpl;

// A sentence splitter for one language. Create once and share: split() is const and may be
// called from several threads at once. Movable, not copyable; a moved-from Segmenter may only
// be destroyed or assigned to.
class Segmenter {
 public:
  // Built-in rules for `lang`, a BCP 47 tag of which only the primary subtag counts ("kk-Cyrl"
  // -> kk). en and ru use ICU's rules for that locale, every other language (kk included: ICU
  // has no Kazakh sentence data) the root rules; all get common.rules plus LANG.rules if we
  // ship one. Fails with kUnsupported for a malformed tag and kIcu when ICU cannot create the
  // break iterator (missing ICU data).
  static core::Result<Segmenter> create(std::string_view lang);

  // As create(lang), plus `extra_rules` in the rules-file syntax (see rules/common.rules), which
  // add to the built-in ones (a later line wins for the same abbreviation). A malformed line
  // gives kBadFormat whose byte_offset points into `extra_rules` at the offending token.
  static core::Result<Segmenter> create(std::string_view lang, std::string_view extra_rules);

  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

  // The sentences of one paragraph (UTF-8, NFC, no '\n') as half-open byte spans into
  // `paragraph`, in order, each trimmed of white space and never empty. Empty or
  // white-space-only input gives an empty vector; text without final punctuation is one
  // sentence. Linear in the input size. The spans are valid as long as `paragraph` is.
  // Ill-formed UTF-8 does not crash: each bad byte reads as U+FFFD. A paragraph of 2 GiB or
  // more comes back as one span (ICU's positions are 32-bit).
  std::vector<core::Span> split(std::string_view paragraph) const;

 private:
  explicit Segmenter(std::unique_ptr<SegmenterImpl> impl);
  std::unique_ptr<SegmenterImpl> impl_;
};

// All sentences of `doc`, paragraph by paragraph, each copied out with its 0-based paragraph
// index. The result does not refer to `doc`.
std::vector<core::Segment> segment_document(const Segmenter& segmenter, const core::Document& doc);

}  // namespace tilmash::segment
