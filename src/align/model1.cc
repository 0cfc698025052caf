// Brown, P. F., Della Pietra, S. A., Della Pietra, V. J. & Mercer, R. L. (1993). The mathematics
// of statistical machine translation: parameter estimation. Computational Linguistics 19(2).
// IBM Model 1 by EM. As in hunalign (Varga et al. 2005, "Parallel corpora for medium density
// languages"), the dictionary is learned from a first alignment pass and used in a second.
// The co-occurrence index is built once so the EM rounds run over flat arrays.
// Cross-fitting (held-out models for the pairs a model will score) follows the usual
// cross-validation idea: K models each trained without one fold, sharing one co-occurrence index.
#include "align/model1.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace tilmash::align::detail {

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
  std::unordered_map<std::uint64_t, int> id_of;
  std::vector<int> e_of, f_of;
  std::vector<int> index;             // per pair, per target word: |src|+1 co-occurrence ids
  std::vector<std::uint32_t> block;   // size of each target word's block
  std::vector<std::size_t> pair_end;  // per pair: one past its last block
  for (const TrainingPair& p : pairs) {
    std::size_t ns = std::min(p.src.size(), kMaxLen), nt = std::min(p.tgt.size(), kMaxLen);
    if (ns != 0 && nt != 0) {
      for (std::size_t k = 0; k < nt; ++k) {
        int f = p.tgt[k];
        for (std::size_t s = 0; s <= ns; ++s) {
          int e = s < ns ? p.src[s] : null_word;
          std::uint64_t key = (static_cast<std::uint64_t>(e) << 32) | static_cast<std::uint32_t>(f);
          auto [it, inserted] = id_of.try_emplace(key, static_cast<int>(e_of.size()));
          if (inserted) {
            e_of.push_back(e);
            f_of.push_back(f);
          }
          index.push_back(it->second);
        }
        block.push_back(static_cast<std::uint32_t>(ns + 1));
      }
    }
    pair_end.push_back(block.size());
  }
  id_of = {};
  const std::size_t n = e_of.size();
  std::vector<float> t(n), count(n);
  std::vector<double> total(static_cast<std::size_t>(src_vocab) + 1);
  std::vector<Lexicon> out;
  // Model k (k < folds) skips the pairs of fold k; model `folds` uses every pair. All share the
  // index built above, so each costs only its EM rounds.
  for (int model = 0; model <= std::max(folds, 0); ++model) {
    std::fill(t.begin(), t.end(), 1.0f);
    for (int it = 0; it < iterations; ++it) {
      std::fill(count.begin(), count.end(), 0.0f);
      std::size_t pos = 0, blk = 0;
      for (std::size_t p = 0; p < pair_end.size(); ++p) {
        const bool skip = model < folds && fold[p] == model;
        for (; blk < pair_end[p]; ++blk) {
          const std::uint32_t b = block[blk];
          if (!skip) {
            float z = 0;
            for (std::uint32_t k = 0; k < b; ++k) z += t[static_cast<std::size_t>(index[pos + k])];
            if (z > 0) {
              for (std::uint32_t k = 0; k < b; ++k) {
                auto id = static_cast<std::size_t>(index[pos + k]);
                count[id] += t[id] / z;
              }
            }
          }
          pos += b;
        }
      }
      std::fill(total.begin(), total.end(), 0.0);
      for (std::size_t id = 0; id < n; ++id) total[static_cast<std::size_t>(e_of[id])] += count[id];
      for (std::size_t id = 0; id < n; ++id) {
        double z = total[static_cast<std::size_t>(e_of[id])];
        t[id] = z > 0 ? static_cast<float>(count[id] / z) : 0.0f;
      }
    }
    out.push_back(from_entries(e_of, f_of, t, null_word, src_vocab));
  }
  (void)tgt_vocab;
  return out;
}

Lexicon Lexicon::from_entries(std::span<const int> e_of, std::span<const int> f_of,
                              std::span<const float> t, int null_word, int src_vocab) {
  Lexicon lex;
  lex.start_.assign(static_cast<std::size_t>(src_vocab) + 1, 0);
  std::vector<std::size_t> order;
  for (std::size_t id = 0; id < t.size(); ++id) {
    if (e_of[id] != null_word && t[id] >= kMinProb) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return e_of[a] != e_of[b] ? e_of[a] < e_of[b] : f_of[a] < f_of[b];
  });
  lex.entries_.reserve(order.size());
  for (std::size_t id : order) {
    lex.entries_.push_back({f_of[id], t[id]});
    ++lex.start_[static_cast<std::size_t>(e_of[id]) + 1];
  }
  for (std::size_t e = 1; e < lex.start_.size(); ++e) lex.start_[e] += lex.start_[e - 1];
  return lex;
}

}  // namespace tilmash::align::detail
