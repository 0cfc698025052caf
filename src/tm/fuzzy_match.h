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
// The same for several ids at once: out[i] for ids[i] (a store behind a server answers them
// in one round trip).
using FetchSegments =
    std::function<std::vector<std::optional<TokenizedText>>(std::span<const std::uint64_t> ids)>;

// The `max` best matches with score >= min_percent, best first (score, then base, then id).
// `candidates` must be sorted best base first, as search() returns them; since score <= base,
// scoring stops as soon as no later candidate can enter the top `max`. max = 0: all.
// Texts are fetched in batches of the candidates certain to be scored: while fewer than `max`
// matches are kept, each scored candidate adds at most one, so the next max - kept are all
// scored (every candidate when max = 0); after that one at a time. No candidate is fetched
// that the one-at-a-time order would not score, and the result is the same.
std::vector<FuzzyMatch> rank(const TokenizedText& query, std::span<const Candidate> candidates,
                             const FetchSegments& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options = {});
// One text at a time.
std::vector<FuzzyMatch> rank(const TokenizedText& query, std::span<const Candidate> candidates,
                             const FetchSegment& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options = {});

}  // namespace tilmash::tm
