// Fuzzy lookup on top of the index: candidates from search() (ngram_index.h), scored with
// match_percent() and ranked as CAT tools show them. Pure: segment texts come through a
// callback, so the store (or anything else) can supply them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "tm/match_percent.h"
#include "tm/ngram_index.h"

namespace tilmash::tm {

struct FuzzyMatch {
  std::uint64_t id = 0;   // segment id (as in Candidate)
  MatchScore score;       // spans point into `text`
  TokenizedText text;     // the candidate as analysed
};

// Segment text for an id, analysed; nullopt to leave the segment out (no target language …).
using FetchSegment = std::function<std::optional<TokenizedText>(std::uint64_t id)>;

// The `max` best matches with score >= min_percent, best first (score, then base, then id).
// `candidates` must be sorted best base first, as search() returns them; since score <= base,
// scoring stops as soon as no later candidate can enter the top `max`. max = 0: all.
std::vector<FuzzyMatch> rank(const TokenizedText& query, std::span<const Candidate> candidates,
                             const FetchSegment& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options = {});

}  // namespace tilmash::tm
