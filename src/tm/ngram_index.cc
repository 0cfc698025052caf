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
//  - Signature (core/posting.h): every token of c has its bit set in c's signature, so
//    |q ∩ c| <= sum of cq(x) over the distinct query tokens x whose bit is set. A prefix posting
//    whose bound is below ceil(t max(m, n) / 100) cannot reach t and is dropped before it is
//    counted, which on the synthetic 200k TM leaves ~3 of ~1,250 prefix candidates a query.
#include "tm/ngram_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>

#include "tm/match_percent.h"

namespace tilmash::tm {

namespace {
std::size_t ceil_div(std::size_t a, std::size_t b) { return (a + b - 1) / b; }
}  // namespace

void IndexSource::postings_many(std::span<const core::PostingRange> ranges,
                                std::vector<std::vector<core::Posting>>& out) const {
  out.assign(ranges.size(), {});
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    postings_range(ranges[i].token, ranges[i].min_len, ranges[i].max_len, out[i]);
  }
}

void IndexSource::tokens_many(std::span<const std::uint64_t> ids,
                              std::vector<std::vector<std::uint32_t>>& out) const {
  out.clear();
  out.reserve(ids.size());
  for (const std::uint64_t id : ids) out.push_back(tokens(id));
}

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

namespace {

// See search(): undecided candidates of one length at or below this many are verified
// directly instead of reading more posting lists.
constexpr std::size_t kVerifyDirectly = 1;

// Adds `weight` to the count of every candidate (sorted by id) whose id is in `list` (sorted
// by id(element)), skipping those already at `need`. Galloping search (Bentley & Yao 1976)
// from the last position: O(|cands| log(|list| / |cands|)) when the list is much longer, as
// frequent tokens' lists are.
template <typename T, typename Id>
void add_shared(std::vector<std::pair<std::uint64_t, std::uint32_t>>& cands, std::span<const T> list,
                Id id_of, std::uint32_t weight, std::size_t need) {
  std::size_t lo = 0;
  const auto less = [&](const T& x, std::uint64_t id) { return id_of(x) < id; };
  for (auto& [id, count] : cands) {
    if (lo >= list.size()) break;
    if (id_of(list[lo]) < id) {
      std::size_t step = 1;
      std::size_t hi = lo + 1;
      while (hi < list.size() && id_of(list[hi]) < id) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
      lo = static_cast<std::size_t>(
          std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(lo),
                           list.begin() + static_cast<std::ptrdiff_t>(std::min(hi, list.size())),
                           id, less)
          - list.begin());
    }
    if (lo < list.size() && id_of(list[lo]) == id && count < need) count += weight;
  }
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
  // shared count: sum over present tokens of cq >= |q ∩ c|), rarest first. `last_len`: the
  // longest segment length for which the token is in the prefix. A segment of n words must
  // share need(n) = ceil(t max(m, n) / 100) tokens, so the prefix for length n is the first
  // m - need(n) + 1 occurrences: all f.prefix up to n = m, fewer for longer segments (the
  // length-aware prefix of Xiao, Wang, Lin & Yu 2008, "Efficient similarity joins for near
  // duplicate detection"). The occurrence at rarity rank i is in it while need(n) <= m - i,
  // i.e. n <= floor(100 (m - i) / t).
  struct Tok {
    std::uint64_t freq;
    std::uint32_t id;
    std::uint32_t weight;
    std::size_t last_len;  // 0: never in the prefix
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
      const std::size_t last = i < f.prefix ? std::min(f.max_len, 100 * (m - i) / t) : 0;
      toks.push_back(Tok{occ[i].first, occ[i].second, 0, last});
      it = toks.end() - 1;
    }
    ++it->weight;
  }
  // The prefix lists over their length ranges, one read per token, bucketed by length, less
  // the postings whose signature rules them out. bit_weight[b]: the query-token weight behind
  // signature bit b.
  const std::size_t lengths = f.max_len - f.min_len + 1;
  struct Bucket {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> cands;  // id, shared-count bound
    std::size_t need = 0;
    std::uint32_t remaining = 0;  // weight of the tokens whose lists were not read for it
  };
  std::vector<Bucket> by_len(lengths);
  std::array<std::uint32_t, 64> bit_weight{};
  std::uint64_t query_bits = 0;
  for (const Tok& k : toks) {
    if (k.freq == 0) continue;
    const std::uint64_t bit = core::signature_bit(k.id);
    query_bits |= bit;
    bit_weight[static_cast<std::size_t>(std::countr_zero(bit))] += k.weight;
  }
  const auto signature_bound = [&](std::uint64_t sig) {
    std::uint32_t sum = 0;
    for (std::uint64_t x = sig & query_bits; x != 0; x &= x - 1) {
      sum += bit_weight[static_cast<std::size_t>(std::countr_zero(x))];
    }
    return sum;
  };
  for (std::size_t n = f.min_len; n <= f.max_len; ++n) {
    by_len[n - f.min_len].need = ceil_div(t * std::max(m, n), 100);
  }
  // All the prefix lists at once (their ranges are known before any is read).
  std::vector<core::PostingRange> prefix;
  std::vector<const Tok*> prefix_tok;
  for (const Tok& k : toks) {
    if (k.last_len < f.min_len || k.freq == 0) continue;
    prefix.push_back(core::PostingRange{k.id, f.min_len, k.last_len});
    prefix_tok.push_back(&k);
  }
  std::vector<std::vector<core::Posting>> prefix_lists;
  if (!prefix.empty()) {
    index.postings_many(prefix, prefix_lists);
    if (stats != nullptr) {
      stats->lists_read += prefix.size();
      ++stats->batches;
    }
  }
  for (std::size_t j = 0; j < prefix.size() && j < prefix_lists.size(); ++j) {
    const Tok& k = *prefix_tok[j];
    for (const core::Posting& p : prefix_lists[j]) {
      if (p.length < f.min_len || p.length > k.last_len) continue;
      Bucket& b = by_len[p.length - f.min_len];
      if (signature_bound(p.signature) < b.need) {
        if (stats != nullptr) ++stats->signature_pruned;
        continue;
      }
      b.cands.emplace_back(p.id, k.weight);
    }
  }
  for (std::size_t n = f.min_len; n <= f.max_len; ++n) {
    Bucket& b = by_len[n - f.min_len];
    for (const Tok& k : toks) {
      if (k.last_len < n && k.freq != 0) b.remaining += k.weight;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>>& cands = b.cands;
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
  }
  // The other lists, rarest first, each read once over the lengths that still need it.
  // `remaining` is what a candidate could still gain: drop those that cannot reach `need`;
  // a length needs no more lists once at most kVerifyDirectly of its candidates are undecided
  // (verifying those is cheaper than reading lists, and exact).
  auto undecided = [](Bucket& b) {
    std::size_t keep = 0;
    std::size_t open = 0;
    for (const auto& c : b.cands) {
      if (c.second + b.remaining < b.need) continue;
      open += c.second < b.need ? 1 : 0;
      b.cands[keep++] = c;
    }
    b.cands.resize(keep);
    return open;
  };
  std::vector<core::Posting> range;
  std::vector<std::uint64_t> list;
  for (const Tok& k : toks) {
    if (k.freq == 0) continue;
    std::size_t lo = 0;
    std::size_t hi = 0;
    for (std::size_t n = std::max(f.min_len, k.last_len + 1); n <= f.max_len; ++n) {
      if (undecided(by_len[n - f.min_len]) > kVerifyDirectly) {
        if (lo == 0) lo = n;
        hi = n;
      }
    }
    if (lo == 0) continue;
    range.clear();
    index.postings_range(k.id, lo, hi, range);
    if (stats != nullptr) ++stats->lists_read;
    // The store gives rows by length, then batch (ascending ids): each length's ids are a
    // sorted run, searched where they lie. Other sources may give any order.
    const auto by_length = [](const core::Posting& a, const core::Posting& b) {
      return a.length < b.length;
    };
    if (!std::is_sorted(range.begin(), range.end(), by_length)) {
      std::sort(range.begin(), range.end(), by_length);
    }
    std::size_t i = 0;
    for (std::size_t n = lo; n <= hi; ++n) {
      while (i < range.size() && range[i].length < n) ++i;
      const std::size_t from = i;
      while (i < range.size() && range[i].length == n) ++i;
      Bucket& b = by_len[n - f.min_len];
      if (b.cands.empty() || b.remaining < k.weight) continue;
      const std::span<const core::Posting> run(range.data() + from, i - from);
      const auto by_id = [](const core::Posting& a, const core::Posting& c) { return a.id < c.id; };
      if (std::is_sorted(run.begin(), run.end(), by_id)) {
        add_shared(b.cands, run, [](const core::Posting& p) { return p.id; }, k.weight, b.need);
      } else {
        list.clear();
        for (const core::Posting& p : run) list.push_back(p.id);
        std::sort(list.begin(), list.end());
        add_shared(b.cands, std::span<const std::uint64_t>(list),
                   [](std::uint64_t x) { return x; }, k.weight, b.need);
      }
      b.remaining -= k.weight;
    }
  }
  // Everything that can still reach `need`, its tokens read in one call. Each segment has
  // one length, so no id is asked twice; the order of verification does not matter (the
  // result is sorted below).
  std::vector<std::uint64_t> survivors;
  for (const Bucket& b : by_len) {
    for (const auto& [id, count] : b.cands) {
      if (count + b.remaining >= b.need) survivors.push_back(id);
    }
  }
  if (!survivors.empty()) {
    std::vector<std::vector<std::uint32_t>> segs;
    index.tokens_many(survivors, segs);
    if (stats != nullptr) {
      stats->verified += survivors.size();
      ++stats->token_reads;
    }
    for (std::size_t i = 0; i < survivors.size(); ++i) {
      verify(query, survivors[i], i < segs.size() ? std::span<const std::uint32_t>(segs[i])
                                                  : std::span<const std::uint32_t>(),
             min_percent, out);
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
  signatures_.reserve(segments_.size());
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const std::uint64_t n = segments_[i].size();
    signatures_.push_back(core::signature(segments_[i]));
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

void MemoryIndex::postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                                 std::vector<core::Posting>& out) const {
  for (std::size_t n = min_len; n <= max_len; ++n) {
    const auto it = postings_.find((std::uint64_t{token} << 32) | n);
    if (it == postings_.end()) continue;
    for (std::uint64_t id : it->second) {
      out.push_back(core::Posting{id, signatures_[id], static_cast<std::uint32_t>(n)});
    }
  }
}

std::vector<std::uint32_t> MemoryIndex::tokens(std::uint64_t id) const {
  return id < segments_.size() ? segments_[id] : std::vector<std::uint32_t>{};
}

}  // namespace tilmash::tm
