// Brown, P. F., Della Pietra, S. A., Della Pietra, V. J. & Mercer, R. L. (1993). The mathematics
// of statistical machine translation: parameter estimation. Computational Linguistics 19(2).
// IBM Model 1 by EM. As in hunalign (Varga et al. 2005, "Parallel corpora for medium density
// languages"), the dictionary is learned from a first alignment pass and used in a second.
// The co-occurrence index is built once so the EM rounds run over flat arrays.
// Cross-fitting (held-out models for the pairs a model will score) follows the usual
// cross-validation idea: K models each trained without one fold, sharing one co-occurrence index.
#include "align/model1.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace tilmash::align::detail {

namespace {

// One float of each of kLanes models trained side by side, as kQuads SSE values of four (GCC
// and Clang vector extensions; wider vectors would need AVX, not in the baseline x86-64). Four
// lanes, so the six cross-fitted models take two passes over the index: eight lanes took one,
// with 3 % fewer instructions at 10x Text+Berg, but twice the memory for t and the counts
// (64 bytes per key), and the page faults cost more time than the instructions saved (1x:
// 32 -> 39 MB peak, CPU time above the code before the lanes).
using Quad = float __attribute__((vector_size(4 * sizeof(float))));
using QuadMask = std::int32_t __attribute__((vector_size(4 * sizeof(std::int32_t))));
using DoubleQuad = double __attribute__((vector_size(4 * sizeof(double))));
constexpr std::size_t kQuads = 1, kLanes = 4 * kQuads;
struct Lanes {
  std::array<Quad, kQuads> q;
  float operator[](std::size_t l) const { return q[l / 4][l % 4]; }
};
using Mask = std::array<QuadMask, kQuads>;

}  // namespace

Lexicon Lexicon::train(std::span<const TrainingPair> pairs, int src_vocab, int tgt_vocab,
                       int iterations) {
  std::vector<int> fold(pairs.size(), 0);
  return std::move(train_cross_fitted(pairs, fold, 0, src_vocab, tgt_vocab, iterations).back());
}

std::vector<Lexicon> Lexicon::train_cross_fitted(std::span<const TrainingPair> pairs,
                                                 std::span<const int> fold, int folds,
                                                 int src_vocab, int tgt_vocab, int iterations) {
  constexpr std::size_t kMaxLen = 100;
  const int null_word = src_vocab;  // extra source id
  std::vector<int> index;             // per pair, per target word: |src|+1 co-occurrence ids
  std::vector<int> block_f;           // the target word of each block
  std::vector<std::uint32_t> block;   // size of each target word's block
  std::vector<std::size_t> pair_end;  // per pair: one past its last block
  int e_end = null_word + 1, f_end = std::max(tgt_vocab, 0);  // bounds of the ids seen
  for (const TrainingPair& p : pairs) {
    std::size_t ns = std::min(p.src.size(), kMaxLen), nt = std::min(p.tgt.size(), kMaxLen);
    if (ns != 0 && nt != 0) {
      for (std::size_t k = 0; k < nt; ++k) {
        block_f.push_back(p.tgt[k]);
        f_end = std::max(f_end, p.tgt[k] + 1);
        for (std::size_t s = 0; s < ns; ++s) {
          index.push_back(p.src[s]);  // the source word for now; its key's id below
          e_end = std::max(e_end, p.src[s] + 1);
        }
        index.push_back(null_word);
        block.push_back(static_cast<std::uint32_t>(ns + 1));
      }
    }
    pair_end.push_back(block.size());
  }
  // Each distinct key (e, f) gets an id, in order of first sight, without a hash table (whose
  // random probes made this the slowest part of training): the positions are bucketed by f
  // (counting sort; a block's positions stay together and in order), each bucket groups its
  // positions by e, and the groups are numbered in order of their first position.
  std::vector<std::size_t> start(static_cast<std::size_t>(f_end) + 1, 0);
  for (std::size_t b = 0; b < block.size(); ++b) start[static_cast<std::size_t>(block_f[b]) + 1] += block[b];
  for (std::size_t f = 0; f < static_cast<std::size_t>(f_end); ++f) start[f + 1] += start[f];
  std::vector<std::uint32_t> by_f(index.size());  // positions, bucketed by f
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    std::size_t pos = 0;
    for (std::size_t b = 0; b < block.size(); ++b) {
      std::size_t& at = fill[static_cast<std::size_t>(block_f[b])];
      for (std::uint32_t k = 0; k < block[b]; ++k) by_f[at++] = static_cast<std::uint32_t>(pos++);
    }
  }
  std::vector<int> group(index.size());  // group (distinct key) of each position
  int groups = 0;
  {
    std::vector<int> stamp(static_cast<std::size_t>(e_end), -1), group_of_e(stamp.size());
    for (std::size_t f = 0; f < static_cast<std::size_t>(f_end); ++f) {
      for (std::size_t q = start[f]; q < start[f + 1]; ++q) {
        const std::uint32_t pos = by_f[q];
        const auto e = static_cast<std::size_t>(index[pos]);
        if (stamp[e] != static_cast<int>(f)) {
          stamp[e] = static_cast<int>(f);
          group_of_e[e] = groups++;
        }
        group[pos] = group_of_e[e];
      }
    }
  }
  by_f = {};
  std::vector<int> e_of, f_of;
  {
    std::vector<int> id_of_group(static_cast<std::size_t>(groups), -1);
    std::size_t pos = 0;
    for (std::size_t b = 0; b < block.size(); ++b) {
      for (std::uint32_t k = 0; k < block[b]; ++k, ++pos) {
        int& id = id_of_group[static_cast<std::size_t>(group[pos])];
        if (id < 0) {
          id = static_cast<int>(e_of.size());
          e_of.push_back(index[pos]);
          f_of.push_back(block_f[b]);
        }
        index[pos] = id;
      }
    }
  }
  group = {};
  const std::size_t n = e_of.size();
  // The real source words' keys in (e, f) order, once: each model's lexicon lists them in it.
  // A counting sort by f, then a stable one by e (a comparison sort of them cost as much as
  // all the EM rounds).
  std::vector<int> by_key;
  {
    std::vector<std::size_t> at(static_cast<std::size_t>(f_end) + 1, 0);
    for (std::size_t id = 0; id < n; ++id) {
      if (e_of[id] != null_word) ++at[static_cast<std::size_t>(f_of[id]) + 1];
    }
    for (std::size_t f = 1; f < at.size(); ++f) at[f] += at[f - 1];
    std::vector<int> of_f(at.back());
    for (std::size_t id = 0; id < n; ++id) {
      if (e_of[id] != null_word) of_f[at[static_cast<std::size_t>(f_of[id])]++] = static_cast<int>(id);
    }
    at.assign(static_cast<std::size_t>(e_end) + 1, 0);
    for (int id : of_f) ++at[static_cast<std::size_t>(e_of[static_cast<std::size_t>(id)]) + 1];
    for (std::size_t e = 1; e < at.size(); ++e) at[e] += at[e - 1];
    by_key.resize(of_f.size());
    for (int id : of_f) by_key[at[static_cast<std::size_t>(e_of[static_cast<std::size_t>(id)])]++] = id;
  }
  // Model k (k < folds) skips the pairs of fold k; model `folds` uses every pair. The models
  // are trained side by side, kLanes at a time: lane l of t[id] is model (first + l)'s t(f|e) of
  // key id, so one pass over the shared index serves them all, each key's parameters share a
  // cache line, and the lanes' sums and quotients are vector operations (GCC and Clang vector
  // extensions). Each lane does the IEEE operations of a model trained alone, in the same order.
  const int models = std::max(folds, 0) + 1;
  std::vector<Lanes> t, count;
  std::vector<std::array<DoubleQuad, kQuads>> total(static_cast<std::size_t>(src_vocab) + 1);
  std::vector<float> lane_t(n);
  std::vector<Lexicon> out;
  for (int first = 0; first < models; first += static_cast<int>(kLanes)) {
    // use[p]: all ones in the lanes whose model trains on pair p (none past the last model).
    std::vector<Mask> use(pair_end.size());
    for (std::size_t p = 0; p < use.size(); ++p) {
      for (std::size_t l = 0; l < kLanes; ++l) {
        const int model = first + static_cast<int>(l);
        use[p][l / 4][l % 4] = model < models && !(model < folds && fold[p] == model) ? -1 : 0;
      }
    }
    Lanes ones;
    ones.q.fill(Quad{} + 1.0f);
    t.assign(n, ones);
    count.assign(n, Lanes{});  // and zeroed again as each round turns the counts into t
    for (int it = 0; it < iterations; ++it) {
      std::size_t pos = 0, blk = 0;
      for (std::size_t p = 0; p < pair_end.size(); ++p) {
        for (; blk < pair_end[p]; ++blk) {
          const std::uint32_t b = block[blk];
          Lanes z{};
          for (std::uint32_t k = 0; k < b; ++k) {
            const Lanes& tk = t[static_cast<std::size_t>(index[pos + k])];
            for (std::size_t h = 0; h < kQuads; ++h) z.q[h] += tk.q[h];
          }
          // A lane with z = 0 (or a skipped pair) adds +0: its count is unchanged.
          Mask add;
          for (std::size_t h = 0; h < kQuads; ++h) add[h] = use[p][h] & (z.q[h] > 0);
          for (std::uint32_t k = 0; k < b; ++k) {
            const auto id = static_cast<std::size_t>(index[pos + k]);
            for (std::size_t h = 0; h < kQuads; ++h) {
              count[id].q[h] += add[h] ? t[id].q[h] / z.q[h] : Quad{};
            }
          }
          pos += b;
        }
      }
      std::fill(total.begin(), total.end(), std::array<DoubleQuad, kQuads>{});
      for (std::size_t id = 0; id < n; ++id) {
        auto& tot = total[static_cast<std::size_t>(e_of[id])];
        for (std::size_t h = 0; h < kQuads; ++h) {
          tot[h] += __builtin_convertvector(count[id].q[h], DoubleQuad);
        }
      }
      for (std::size_t id = 0; id < n; ++id) {
        const auto& tot = total[static_cast<std::size_t>(e_of[id])];
        for (std::size_t h = 0; h < kQuads; ++h) {
          // count / total, or 0 where the total is 0: there every count of e is 0, and q is
          // 0 / 0, the only NaN it can be (counts are finite and at least 0).
          const Quad q = __builtin_convertvector(
              __builtin_convertvector(count[id].q[h], DoubleQuad) / tot[h], Quad);
          t[id].q[h] = q == q ? q : Quad{};
        }
        count[id] = Lanes{};
      }
    }
    for (int model = first; model < std::min(models, first + static_cast<int>(kLanes)); ++model) {
      for (std::size_t id = 0; id < n; ++id) lane_t[id] = t[id][model - first];
      out.push_back(from_entries(by_key, e_of, f_of, lane_t, src_vocab));
    }
  }
  return out;
}

Lexicon Lexicon::from_entries(std::span<const int> by_key, std::span<const int> e_of,
                              std::span<const int> f_of, std::span<const float> t, int src_vocab) {
  Lexicon lex;
  lex.start_.assign(static_cast<std::size_t>(src_vocab) + 1, 0);
  lex.entries_.reserve(static_cast<std::size_t>(std::count_if(
      by_key.begin(), by_key.end(), [&](int id) { return t[static_cast<std::size_t>(id)] >= kMinProb; })));
  for (int key : by_key) {
    const auto id = static_cast<std::size_t>(key);
    if (t[id] < kMinProb) continue;
    lex.entries_.push_back({f_of[id], t[id]});
    ++lex.start_[static_cast<std::size_t>(e_of[id]) + 1];
  }
  for (std::size_t e = 1; e < lex.start_.size(); ++e) lex.start_[e] += lex.start_[e - 1];
  return lex;
}

}  // namespace tilmash::align::detail
