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
                             const FetchSegment& fetch, int min_percent, std::size_t max,
                             const MatchOptions& options) {
  std::vector<FuzzyMatch> out;
  for (const Candidate& c : candidates) {
    if (max != 0 && out.size() >= max) {
      std::sort(out.begin(), out.end(), better);
      out.resize(max);
      // Ties on score still order by base then id, so stop only when strictly safe.
      if (out.back().score.score > c.base) break;
    }
    std::optional<TokenizedText> text = fetch(c.id);
    if (!text) continue;
    MatchScore s = match_percent(query, *text, options);
    if (s.score < min_percent) continue;
    out.push_back(FuzzyMatch{c.id, std::move(s), std::move(*text)});
  }
  std::sort(out.begin(), out.end(), better);
  if (max != 0 && out.size() > max) out.resize(max);
  return out;
}

}  // namespace tilmash::tm
