// Finding glossary terms: lookup of a word or phrase in any language (ranked entries), and
// occurrences of terms in a sentence with byte spans (for the checker and the aligner).
// Matching ignores case, Unicode form, ё/е, Latin look-alikes and hyphenation; it follows
// Kazakh inflection (generated paradigms), Russian and English inflection (Snowball stems
// compared by prefix), and tolerates small typos. No I/O, no globals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "term/glossary.h"
#include "term/match_index.h"

namespace tilmash::term {

// How a term matched, best first.
enum class MatchKind {
  kExact,      // equal after normalisation
  kInflected,  // an inflected form (Kazakh paradigm, equal Snowball stems)
  kStem,       // Snowball stems related by prefix (over-stemmed names, derived adjectives)
  kContains,   // the query holds the term and more words
  kTypo,       // within edit distance 1 (<= 6 letters) or 2 (longer)
  kPartial,    // the term holds the query and more words
  kDescriptive,  // the query shares most content words with a multi-word term, in any order
                 // and form: a name rendered by what it says («Комитет по защите кыргызов в
                 // Китае» for «Комитет поддержки китайских кыргызов»)
};

// "exact", "inflected", "stem", "contains", "typo", "partial", "descriptive".
std::string_view kind_name(MatchKind kind);

struct LookupHit {
  std::size_t entry = 0;   // index into Glossary::entries()
  std::string lang;        // language tag of the matched term
  std::size_t term = 0;    // index into entries()[entry].terms.at(lang)
  MatchKind kind = MatchKind::kExact;
  double score = 0;        // in (0, 1]; 1 = exact match of a preferred term
  std::string analysis;    // e.g. "PL+POSS+CASE" for Kazakh, "stem" …; may be empty
};

struct Occurrence {
  core::Span span;         // bytes of the matched words in the sentence (first to last word)
  std::size_t entry = 0;   // index into Glossary::entries()
  std::string lang;        // language tag of the matched term
  std::size_t term = 0;    // index into entries()[entry].terms.at(lang)
  MatchKind kind = MatchKind::kExact;  // kExact, kInflected, kStem or kTypo
  std::string analysis;
};

struct LookupOptions {
  std::string lang;             // only terms of this language ("" = any)
  std::size_t max_hits = 20;    // at most this many entries
  bool typos = true;            // also try edit distance
  bool descriptive = true;      // also try content-word overlap with multi-word terms
};

// A rendering of a multi-word term by its content words (Matcher::find_descriptive).
struct DescriptiveMatch {
  core::Span span;            // bytes of the rendering in the sentence (first to last shared word)
  std::size_t term = 0;       // index into entries()[entry].terms.at(lang): the term it renders
  std::size_t shared = 0;     // content words of the term found in the span
  std::size_t term_words = 0; // content words of the term
};

struct FindOptions {
  bool typos = false;           // also report words within edit distance of a one-word term
};

class Matcher {
 public:
  // Indexes every term of `glossary`, which is copied (the matcher owns its data). Fails only
  // when a Snowball stemmer cannot be created (kUnsupported).
  static core::Result<Matcher> create(Glossary glossary);

  // A matcher over a prebuilt `index` (MatchIndex::build or deserialize) without the glossary
  // itself: glossary() is then empty, and hits index entries the caller keeps (entry <
  // index.entry_count()). Results equal those of create() on the glossary the index was built
  // from. Fails only when a Snowball stemmer cannot be created (kUnsupported).
  static core::Result<Matcher> create(MatchIndex index);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  // The glossary given to create(); empty for a matcher created from an index.
  const Glossary& glossary() const;

  // The lookup index (to serialise it for a later create(MatchIndex)).
  const MatchIndex& index() const;

  // Entries matching `text` (a word, a phrase or a sentence, UTF-8), one hit per entry (its
  // best), best first: by score, then preferred before other statuses, then glossary order.
  // Empty when nothing matches. Safe to call from one thread at a time.
  std::vector<LookupHit> lookup(std::string_view text, const LookupOptions& options = {}) const;

  // Occurrences of terms of language `lang` in `sentence` (UTF-8), ordered by span begin; an
  // occurrence inside a longer one of the same entry is dropped. Spans point into `sentence`,
  // which must outlive their use. Multi-word terms must appear as consecutive words.
  std::vector<Occurrence> find_in_text(std::string_view sentence, std::string_view lang,
                                       const FindOptions& options = {}) const;

  // The words of `sentence` that render a multi-word term of entry `entry` in language `lang`
  // descriptively: the shortest run of at most twice the term's word count holding the most of
  // its content words (each in any inflected form, in any order), at least two and at least
  // half of them. For showing what a translator wrote for a name, never for accepting a term.
  // nullopt when no run qualifies.
  std::optional<DescriptiveMatch> find_descriptive(std::string_view sentence, std::string_view lang,
                                                   std::size_t entry) const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilmash::term
