// The TM tasks that read: fuzzy lookup, concordance, export.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/tm_backend.h"
#include "tm/match_percent.h"

namespace tilmash::app {

struct TmLookupRequest {
  std::string db;
  std::string src = "en";  // language of the queries
  std::string tgt;         // "" = every other variant
  int min = 70;            // lowest score, 1–100
  std::size_t max = 10;    // most matches (0 = all)
  bool brute_force = false;  // score every segment (the reference)
};

struct TmMatch {
  int score = 0;
  std::string tuid;
  std::string source;  // the stored segment
  std::string target;  // the first target variant's text
  std::vector<std::pair<std::string, std::string>> targets;  // (lang, text) of each target
  std::vector<std::string> differs;  // words of `source` the query does not match exactly
};

// A lookup session: the TM opened once for many queries, each in its own read snapshot (what
// it remembers is dropped when another client commits).
class TmLookup {
 public:
  explicit TmLookup(TmLookupRequest request);
  ~TmLookup();
  TmLookup(const TmLookup&) = delete;
  TmLookup& operator=(const TmLookup&) = delete;
  // Matches of `text` (NFC and white space collapsed first), best first.
  std::vector<TmMatch> lookup(std::string_view text);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

struct TmConcordanceRequest {
  std::string db;
  std::string lang;    // language of the words ("" = any)
  std::string words;
  std::size_t max = 50;
};

struct TmConcordanceHit {
  store::StoredUnit unit;
  std::size_t self = 0;  // the variant that holds the words
};

struct TmConcordanceResult {
  bool has_words = true;  // false: `words` has no word (nothing was searched)
  std::vector<TmConcordanceHit> hits;  // by variant id, at most max
};

// Units holding the words as a phrase, in any inflected form. Builds the concordance index
// first when an import made it stale (which needs write access to the TM).
TmConcordanceResult concordance_tm(const TmConcordanceRequest& request);

struct TmExportRequest {
  std::string db;
  std::string output;  // TMX file, "-" = stdout; written atomically
  std::optional<std::pair<std::string, std::string>> pair;  // one language pair only
};

struct TmExportResult {
  std::size_t written = 0;
  std::size_t left_out = 0;
};

// The TM as TMX 1.4b, from one snapshot.
TmExportResult export_tm(const TmExportRequest& request);

}  // namespace tilmash::app
