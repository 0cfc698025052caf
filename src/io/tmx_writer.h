// TMX 1.4b output (../shared/formats/TMX-NOTES.md §1, §4, §5): streaming, one <tu> at a time.
// Enforces what CAT tools need: a tuid on every unit, xml:lang codes the user chose (never '_'),
// source variant first, trimmed NFC segments without line breaks or double spaces, no empty
// <seg>, XML 1.0 characters only (removed with a warning naming the unit), UTC dates, no exact
// duplicates; per-pair files hold exactly two <tuv>s. Inline markup read from TMX is written
// back (Level 2) after a structure check. Holds no alignment logic; output is deterministic.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/translit.h"
#include "core/types.h"
#include "io/tmx_header.h"

namespace tilmash::io {

struct TmxWriteOptions {
  // Tag or primary language -> the xml:lang written ({"kk": "kk-KZ", "en": "en-US"}). A tag is
  // looked up as written (normalized), then by its primary language unless it names a
  // non-default script (kk-Latn is not mapped by "kk"). Unmapped tags are written normalized.
  std::map<std::string, std::string> lang_codes;
  // Non-empty: write only these languages, in this order (the first is the source and the
  // header srclang). Matching as for lang_codes. Empty: all variants, source first.
  std::vector<std::string> langs;
  // With `langs`: skip a unit unless every listed language has a non-empty segment. Set for
  // per-pair files (OmegaT inserts another language's text when the target is missing).
  bool require_all_langs = false;
  // Skip a unit that has no non-empty segment in the source language (header srclang).
  bool require_source = true;
  // A unit with a prop of this type is written with whatever languages it has (one variant, no
  // source) and is never a duplicate: align's one-sided beads (core::kOneSidedBeadProp).
  std::string keep_marked;
  // Skip a unit whose written variants equal an earlier unit's (64-bit hash of lang+segment).
  bool dedupe = true;
  // Units without a tuid get tuid_prefix + their 1-based position among written units.
  std::string tuid_prefix = "tu";
  // Units without a creationdate get the header's (so "keep most recent" works on import).
  bool stamp_units = true;
  // > 0: skip a unit with a segment longer than this many code points (Trados cloud: 2000).
  std::size_t max_seg_chars = 0;
  // When set: a variant "kk-Latn" (mapped through lang_codes) is added after each Kazakh
  // Cyrillic one that has no Latin sibling. Must outlive the writer.
  const core::Transliterator* kk_latn = nullptr;
};

struct TmxWriteStats {
  std::size_t units_written = 0;
  std::size_t units_skipped = 0;          // fewer than two variants or a listed language missing
  std::size_t units_no_source = 0;        // no source-language segment (require_source)
  std::size_t units_duplicate = 0;        // same written variants as an earlier unit
  std::size_t units_too_long = 0;         // a segment over max_seg_chars
  std::size_t variants_dropped = 0;       // empty after trimming, or a language not listed
  std::size_t invalid_chars_removed = 0;  // not XML 1.0 Char
  std::size_t inline_dropped = 0;         // inline markup that failed the check; text written
  std::vector<std::string> warnings;      // "TU n1-s3: removed 1 character …" (first 1000)
};

// The current time (or $SOURCE_DATE_EPOCH when set, for byte-stable golden files) as
// "YYYYMMDDThhmmssZ".
std::string tmx_now();

// `date` as "YYYYMMDDThhmmssZ" when it is that or the extended form "YYYY-MM-DDThh:mm:ssZ";
// empty when it is neither (the writer then leaves the attribute out).
std::string normalize_tmx_date(std::string_view date);

// Writes a TMX document to a stream. Usage: construct (writes the header), write() each unit,
// finish() (writes the closing tags). The stream must outlive the writer. Write to an
// AtomicFile so a failure leaves no partial file.
class TmxWriter {
 public:
  TmxWriter(std::ostream& out, TmxHeader header, TmxWriteOptions options = {});

  // Writes `unit` under the rules of TmxWriteOptions, or counts why it was skipped. Returns
  // true if it was written.
  bool write(const core::TranslationUnit& unit);

  // Writes </body></tmx>. Call once.
  void finish();

  const TmxWriteStats& stats() const { return stats_; }
  // The xml:lang written for `tag` (after lang_codes).
  std::string code_for(std::string_view tag) const;

 private:
  void warn(std::string message);

  std::ostream& out_;
  TmxHeader header_;
  TmxWriteOptions options_;
  std::string source_;  // normalized source tag (langs[0] or header srclang)
  TmxWriteStats stats_;
  std::unordered_set<std::uint64_t> seen_;
};

// Text with characters outside XML 1.0 `Char` (and ill-formed UTF-8 bytes) removed; `removed`
// is incremented per character.
std::string xml_safe(std::string_view text, std::size_t& removed);

// Whether variant tag `tag` counts as language `wanted` ("kk" matches "kk-KZ" and "kk-Cyrl",
// not "kk-Latn"; "kk-Latn" matches only kk-Latn…). Both normalized BCP 47 tags.
bool lang_matches(std::string_view wanted, std::string_view tag);

// "out.tmx" + en + kk -> "out-en-kk.tmx" (the --pairs naming of docs/CLI.md); a name that
// already lists the languages, "udhr.en-kk-ru.tmx", becomes "udhr.en-kk.tmx".
std::string tmx_pair_path(std::string_view path, std::string_view source, std::string_view target);

// The text of an alignment confidence in TMX (the prop x-tilmash-confidence, which the writer
// makes from TranslationUnit::confidence) and in align's XLIFF: up to 4 decimals, trailing
// zeros dropped ("0.875", "1").
std::string confidence_text(double confidence);

}  // namespace tilmash::io
