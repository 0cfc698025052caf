// Ranking with an upper bound: candidates arrive in descending base percentage and the final
// score never exceeds the base (penalties only subtract), so once `max` scored matches are at
// least the next candidate's base, no later candidate can displace them (a threshold
// algorithm in the sense of Fagin, Lotem & Naor 2003).
#include "tm/fuzzy_match.h"

#include <algorithm>

namespace tilmash::tm {

namespace {
bool better(const FuzzyMatch& a, const FuzzyMatch& b) {
  if (a.score.score != b.score.score) return a.score.score > b.score.score;
  if (a.score.base != b.score.base) return a.score.base > b.score.base;
  return a.id < b.id;
}
}  // namespace

std::vector<FuzzyMatch> rank(const TokenizedText& query, std::span<const Candidate> candidates,
                             const FetchSegments& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options) {
  std::vector<FuzzyMatch> out;
  std::vector<std::uint64_t> ids;
  for (std::size_t i = 0; i < candidates.size();) {
    if (max != 0 && out.size() >= max) {
      std::sort(out.begin(), out.end(), better);
      out.resize(max);
      // Ties on score still order by base then id, so stop only when strictly safe.
      if (out.back().score.score > candidates[i].base) break;
    }
    // The candidates certain to be scored from here (see the header).
    std::size_t n = candidates.size() - i;
    if (max != 0) n = std::min(n, out.size() < max ? max - out.size() : 1);
    ids.clear();
    for (std::size_t j = i; j < i + n; ++j) ids.push_back(candidates[j].id);
    std::vector<std::optional<TokenizedText>> texts = fetch(ids);
    for (std::size_t j = 0; j < n; ++j) {
      if (j >= texts.size() || !texts[j]) continue;
      MatchScore s = match_percent(query, *texts[j], options);
      if (s.score < min_percent) continue;
      out.push_back(FuzzyMatch{candidates[i + j].id, std::move(s), std::move(*texts[j])});
    }
    i += n;
  }
  std::sort(out.begin(), out.end(), better);
  if (max != 0 && out.size() > max) out.resize(max);
  return out;
}

std::vector<FuzzyMatch> rank(const TokenizedText& query, std::span<const Candidate> candidates,
                             const FetchSegment& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options) {
  const FetchSegments each = [&fetch](std::span<const std::uint64_t> ids) {
    std::vector<std::optional<TokenizedText>> texts;
    texts.reserve(ids.size());
    for (const std::uint64_t id : ids) texts.push_back(fetch(id));
    return texts;
  };
  return rank(query, candidates, each, min_percent, max, options);
}

}  // namespace tilmash::tm
