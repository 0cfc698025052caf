// Count filtering for word q-grams (q = 1). Let q have m words, c have n, L = max(m, n) and D
// their word edit distance. base >= t means 100 (L - D) >= t L, i.e. D <= L - ceil(t L / 100).
//  - Length: D >= |m - n| gives ceil(t m / 100) <= n <= floor(100 m / t).
//  - Count (Jokinen & Ukkonen 1991; Navarro 2001, "A guided tour to approximate string
//    matching", §8 q-gram filters): take an optimal alignment with M matches, S substitutions,
//    I insertions and E deletions; m = M + S + E, n = M + S + I, D = S + I + E, so
//    L - D = M - min(I, E) <= M <= |q ∩ c| (multiset). Hence |q ∩ c| >= ceil(t L / 100)
//    >= ceil(t m / 100) = T.
//  - Prefix (Chaudhuri, Ganti & Kaushik 2006; Bayardo, Ma & Srikant 2007): order the m query
//    token occurrences by ascending frequency; a segment sharing none of the first m - T + 1
//    shares at most T - 1, so it cannot reach t. Reading those posting lists is enough.
#include "tm/ngram_index.h"

#include <algorithm>
#include <cassert>

#include "tm/match_percent.h"

namespace tilmash::tm {

namespace {
std::size_t ceil_div(std::size_t a, std::size_t b) { return (a + b - 1) / b; }
}  // namespace

CountFilter count_filter(std::size_t m, int min_percent) {
  const std::size_t t = static_cast<std::size_t>(std::clamp(min_percent, 1, 100));
  CountFilter f;
  f.min_shared = std::max<std::size_t>(1, ceil_div(t * m, 100));
  f.min_len = f.min_shared;
  f.max_len = 100 * m / t;
  f.prefix = m >= f.min_shared ? m - f.min_shared + 1 : 0;
  return f;
}

std::size_t max_distance(std::size_t m, std::size_t n, int min_percent) {
  const std::size_t t = static_cast<std::size_t>(std::clamp(min_percent, 1, 100));
  const std::size_t l = std::max(m, n);
  return l - ceil_div(t * l, 100);
}

namespace {

void verify(std::span<const std::uint32_t> query, std::uint64_t id,
            std::span<const std::uint32_t> seg, int min_percent, std::vector<Candidate>& out) {
  const std::size_t k = max_distance(query.size(), seg.size(), min_percent);
  const std::size_t d = word_distance(query, seg, k);
  if (d > k) return;
  const int base = base_percent(query.size(), seg.size(), d);
  if (base >= min_percent) out.push_back(Candidate{id, base, d});
}

void sort_best_first(std::vector<Candidate>& v) {
  std::sort(v.begin(), v.end(), [](const Candidate& a, const Candidate& b) {
    return a.base != b.base ? a.base > b.base : a.id < b.id;
  });
}

}  // namespace

std::vector<Candidate> search(const IndexSource& index, std::span<const std::uint32_t> query,
                              int min_percent, SearchStats* stats) {
  std::vector<Candidate> out;
  if (query.empty()) return out;
  const std::size_t m = query.size();
  const CountFilter f = count_filter(m, min_percent);
  const std::size_t t = static_cast<std::size_t>(std::clamp(min_percent, 1, 100));
  // Distinct query tokens with their multiplicity (the weight a present token adds to the
  // shared count: sum over present tokens of cq >= |q ∩ c|), rarest first.
  struct Tok {
    std::uint64_t freq;
    std::uint32_t id;
    std::uint32_t weight;
    bool prefix;
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> occ;
  for (std::uint32_t tok : query) {
    occ.emplace_back(tok == kUnknownToken ? 0 : index.frequency(tok), tok);
  }
  std::sort(occ.begin(), occ.end());
  std::vector<Tok> toks;
  for (std::size_t i = 0; i < occ.size(); ++i) {
    auto it = std::find_if(toks.begin(), toks.end(),
                           [&](const Tok& x) { return x.id == occ[i].second; });
    if (it == toks.end()) {
      toks.push_back(Tok{occ[i].first, occ[i].second, 0, i < f.prefix});
      it = toks.end() - 1;
    }
    ++it->weight;
  }
  std::vector<std::uint64_t> list;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> cands;  // id, shared-count bound
  std::vector<std::uint64_t> verified;
  for (std::size_t n = f.min_len; n <= f.max_len; ++n) {
    const std::size_t need = ceil_div(t * std::max(m, n), 100);
    cands.clear();
    for (const Tok& k : toks) {
      if (!k.prefix || k.freq == 0) continue;
      list.clear();
      index.postings(k.id, n, list);
      for (std::uint64_t id : list) cands.emplace_back(id, k.weight);
    }
    if (cands.empty()) continue;
    std::sort(cands.begin(), cands.end());
    std::size_t w = 0;  // merge duplicates, summing weights
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (w > 0 && cands[w - 1].first == cands[i].first) {
        cands[w - 1].second += cands[i].second;
      } else {
        cands[w++] = cands[i];
      }
    }
    cands.resize(w);
    if (stats != nullptr) stats->candidates += cands.size();
    // The other lists, rarest first. `remaining` is what a candidate could still gain: drop
    // those that cannot reach `need`, and stop reading lists once every candidate left is
    // already sure to be verified.
    std::uint32_t remaining = 0;
    for (const Tok& k : toks) {
      if (!k.prefix && k.freq != 0) remaining += k.weight;
    }
    for (const Tok& k : toks) {
      if (k.prefix || k.freq == 0) continue;
      std::size_t keep = 0;
      bool undecided = false;
      for (const auto& c : cands) {
        if (c.second + remaining < need) continue;
        undecided |= c.second < need;
        cands[keep++] = c;
      }
      cands.resize(keep);
      if (!undecided) break;
      list.clear();
      index.postings(k.id, n, list);
      if (!std::is_sorted(list.begin(), list.end())) std::sort(list.begin(), list.end());
      for (auto& [id, count] : cands) {
        if (count < need && std::binary_search(list.begin(), list.end(), id)) count += k.weight;
      }
      remaining -= k.weight;
    }
    for (const auto& [id, count] : cands) {
      if (count < need) continue;
      if (stats != nullptr) ++stats->verified;
      verify(query, id, index.tokens(id), min_percent, out);
    }
  }
  if (stats != nullptr) stats->probed_tokens = toks.size();
  sort_best_first(out);
  return out;
}

std::vector<Candidate> brute_force(std::span<const std::vector<std::uint32_t>> segments,
                                   std::span<const std::uint32_t> query, int min_percent) {
  std::vector<Candidate> out;
  if (query.empty()) return out;
  const CountFilter f = count_filter(query.size(), min_percent);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::size_t n = segments[i].size();
    if (n < f.min_len || n > f.max_len) continue;
    verify(query, i, segments[i], min_percent, out);
  }
  sort_best_first(out);
  return out;
}

MemoryIndex::MemoryIndex(std::vector<std::vector<std::uint32_t>> segments)
    : segments_(std::move(segments)) {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const std::uint64_t n = segments_[i].size();
    for (std::uint32_t tok : segments_[i]) {
      std::vector<std::uint64_t>& list = postings_[(std::uint64_t{tok} << 32) | n];
      if (list.empty() || list.back() != i) list.push_back(i);
      std::uint64_t& df = frequency_[tok];
      if (last_[tok] != i + 1) {
        ++df;
        last_[tok] = i + 1;
      }
    }
  }
  last_.clear();
}

std::uint64_t MemoryIndex::frequency(std::uint32_t token) const {
  const auto it = frequency_.find(token);
  return it == frequency_.end() ? 0 : it->second;
}

void MemoryIndex::postings(std::uint32_t token, std::size_t length,
                           std::vector<std::uint64_t>& out) const {
  const auto it = postings_.find((std::uint64_t{token} << 32) | length);
  if (it != postings_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
}

std::vector<std::uint32_t> MemoryIndex::tokens(std::uint64_t id) const {
  return id < segments_.size() ? segments_[id] : std::vector<std::uint32_t>{};
}

}  // namespace tilmash::tm
