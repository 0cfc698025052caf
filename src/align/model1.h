// IBM Model 1 word-translation probabilities t(f|e), trained by EM on sentence pairs the first
// alignment pass is confident about. Internal to tilmash::align.
#pragma once

#include <span>
#include <vector>

namespace tilmash::align::detail {

struct TrainingPair {
  std::span<const int> src;  // word ids, source side of the direction being trained
  std::span<const int> tgt;
};

// t(f|e) after pruning (entries below kMinProb dropped), stored per e as a compact list.
class Lexicon {
 public:
  struct Entry {
    int f;
    float prob;
  };
  static constexpr float kMinProb = 0.01f;

  // Trains t(f|e) with `iterations` EM rounds (plus a NULL source word). Word ids must be below
  // the vocabulary sizes. Sentences are truncated to 100 words. An empty `pairs` gives an
  // empty lexicon.
  static Lexicon train(std::span<const TrainingPair> pairs, int src_vocab, int tgt_vocab,
                       int iterations = 5);

  // Cross-fitted training: `fold[p]` is the fold of pairs[p] (a value >= folds puts a pair in
  // every model). Returns folds + 1 lexicons: [k] trained without fold k's pairs (held out),
  // [folds] trained on all pairs. The co-occurrence index is built once for all of them.
  static std::vector<Lexicon> train_cross_fitted(std::span<const TrainingPair> pairs,
                                                 std::span<const int> fold, int folds,
                                                 int src_vocab, int tgt_vocab, int iterations = 5);

  // Translations of source word e (empty for unknown e).
  std::span<const Entry> translations(int e) const {
    if (e < 0 || e + 1 >= static_cast<int>(start_.size())) return {};
    auto b = static_cast<std::size_t>(start_[static_cast<std::size_t>(e)]);
    auto n = static_cast<std::size_t>(start_[static_cast<std::size_t>(e) + 1]) - b;
    return std::span<const Entry>(entries_).subspan(b, n);
  }
  bool empty() const { return entries_.empty(); }

 private:
  // Pruned CSR lexicon from co-occurrence entries e_of[id] -> f_of[id] with probability t[id],
  // taking the ids `by_key` (sorted by (e, f), no NULL word) in that order.
  static Lexicon from_entries(std::span<const int> by_key, std::span<const int> e_of,
                              std::span<const int> f_of, std::span<const float> t, int src_vocab);

  std::vector<int> start_;  // CSR offsets, size src_vocab + 1
  std::vector<Entry> entries_;
};

}  // namespace tilmash::align::detail
