// Sentence alignment by dynamic programming over beads.
// - Gale, W. A. & Church, K. W. (1993). A program for aligning sentences in bilingual corpora.
//   Computational Linguistics 19(1): the DP over 1-1/1-0/0-1/2-1/1-2/2-2 beads and the length model.
// - Simard, M., Foster, G. & Isabelle, P. (1992). Using cognates to align sentences: anchors.
// - Moore, R. C. (2002). Fast and accurate sentence alignment of bilingual corpora (AMTA): a
//   length-based first pass in a band, then a lexical (IBM Model 1) second pass near its path.
// - Varga, D. et al. (2005). Parallel corpora for medium density languages (hunalign): the
//   dictionary learned from the first pass's confident beads, then realignment.
// - Moore (2002) also maps words seen once to nothing; here stems found in fewer than two
//   training pairs carry no lexical evidence.
// - The lexical model is cross-fitted (K-fold, as in cross-validation): a sentence is scored
//   by a Model 1 that did not see its own first-pass pairing, mixed with the full model.
// The band around the diagonal doubles whenever the best path runs along its edge.
// Confidence is the bead's posterior probability (forward–backward over the band).
#include "align/aligner.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "align/dp.h"
#include "align/features.h"
#include "align/length_model.h"
#include "align/model1.h"
#include "core/utf8.h"

namespace tilmash::align {
namespace {

using detail::Band;
using detail::BeadType;
using detail::Corpus;
using detail::LengthModel;
using detail::Lexicon;
using detail::SentFeat;
using detail::Step;
using detail::Vocab;

constexpr BeadType kTypes[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
constexpr int kNumTypes = 8;
// Model 1 learns enough from this many beads (Text+Berg's 7 test documents give ~700); the
// cross-fitted models cost (folds + 1) EM runs, so more would only cost time on long inputs.
constexpr std::size_t kMaxTrainingPairs = 2000;
constexpr std::int64_t kMaxCells = 12'000'000;  // band widening stops here (memory bound)

struct Models {
  LengthModel length;
  // Cross-fitted Model 1 (see train_lexicon): fwd[k] = t(target word | source word) trained
  // without fold k's pairs, bwd[k] = t(source word | target word) likewise. A sentence of fold
  // k is scored with the models of index k only.
  std::vector<Lexicon> fwd, bwd;
  Lexicon fwd_all, bwd_all;  // trained on every pair, own pairing included
  float self_weight = 0;     // share of fwd_all/bwd_all in the mixture (AlignOptions)
  bool lexical = false;
  double anchor_miss = 0;    // cost of an expected anchor without counterpart (AlignOptions)
  double cognate_miss = 0;   // the same for a word with a cognate in the other document
  double aside_miss = 0;     // the same for an aside (AlignOptions::use_aside_misses)
  // Unsupported sentences in merged beads (AlignOptions::use_support_misses): a sentence of w
  // words costs min(support_rate * w, support_cap).
  double support_rate = 0;
  double support_cap = 0;
};

// ln(x) for x > 0 to about 1e-5 (the lexical score takes millions of logarithms):
// x = m·2^e, m in [1, 2); ln m = 2·atanh(t), t = (m − 1)/(m + 1) < 1/3, by its series.
inline float fast_log(float x) {
  auto bits = std::bit_cast<std::uint32_t>(x);
  int e = static_cast<int>((bits >> 23) & 0xffu) - 127;
  float mant = std::bit_cast<float>((bits & 0x7fffffu) | 0x3f800000u);
  float t = (mant - 1.0f) / (mant + 1.0f), t2 = t * t;
  float p = t * (2.0f + t2 * (2.0f / 3 + t2 * (2.0f / 5 + t2 * (2.0f / 7))));
  return static_cast<float>(e) * 0.69314718f + p;
}

int intersect_count(std::span<const int> a, std::span<const int> b) {
  int n = 0;
  auto x = a.begin(), y = b.begin();
  while (x != a.end() && y != b.end()) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++n;
      ++x;
      ++y;
    }
  }
  return n;
}

// Whether source sentence s and target sentence t share an anchor, a cognate or a glossary
// entry (the evidence switched on in `o`): t supports s and s supports t
// (AlignOptions::use_support_misses).
bool shares_evidence(const SentFeat& s, const SentFeat& t, const AlignOptions& o) {
  return (o.use_anchors && intersect_count(s.anchors, t.anchors) > 0) ||
         (o.use_cognates && intersect_count(s.cognates, t.cognates) > 0) ||
         (o.use_terms && intersect_count(s.terms, t.terms) > 0) ||
         intersect_count(s.links, t.links) > 0;
}

// The words a sentence could share evidence through (at least 1): AlignOptions::
// use_support_misses scales by them.
double support_words(const SentFeat& f) {
  return static_cast<double>(std::max<std::size_t>(1, f.words.size()));
}

// The band widened by `extend` columns on both sides: every cell a bead ending in `band` touches.
Band extend_band(const Band& band, int extend) {
  Band ext;
  ext.n = band.n;
  ext.m = band.m;
  ext.lo = band.lo;
  ext.hi = band.hi;
  for (std::size_t i = 0; i < ext.lo.size(); ++i) {
    ext.lo[i] = std::max(0, ext.lo[i] - extend);
    ext.hi[i] = std::min(band.m, ext.hi[i] + extend);
  }
  ext.off.assign(static_cast<std::size_t>(band.n) + 2, 0);
  for (std::size_t i = 0; i <= static_cast<std::size_t>(band.n); ++i) {
    ext.off[i + 1] = ext.off[i] + (ext.hi[i] - ext.lo[i] + 1);
  }
  return ext;
}

// One float and one small count (0..255) per cell of an extended band, computed for every cell
// when made (a bead's cells are all inside; see LexCache::target).
class CellTable {
 public:
  // compute(i, j) returns {value, count} of cell (i, j).
  template <class F>
  CellTable(const Band& ext, F&& compute)
      : ext_(ext), values_(static_cast<std::size_t>(ext.size())), counts_(values_.size()) {
    for (int i = 0; i <= ext.n; ++i) {
      const auto r = static_cast<std::size_t>(i);
      for (int j = ext.lo[r]; j <= ext.hi[r]; ++j) {
        const auto cell = static_cast<std::size_t>(ext.index(i, j));
        auto [v, k] = compute(i, j);
        values_[cell] = v;
        counts_[cell] = static_cast<std::uint8_t>(std::min(k, 255));
      }
    }
  }
  // Cell (i, j)'s value; its count is added to `count`.
  float get(int i, int j, int& count) const {
    assert(ext_.contains(i, j));
    const auto cell = static_cast<std::size_t>(ext_.index(i, j));
    count += counts_[cell];
    return values_[cell];
  }

 private:
  const Band& ext_;
  std::vector<float> values_;
  std::vector<std::uint8_t> counts_;
};

// Model 1 scores of the groups of 1-3 sentences of one side against one sentence of the other,
// for every cell of a band widened by `extend`, computed once before the DP (bead scores add
// them). With λ = lexical_floor and p the unigram model of the run:
//   target(i1, j, d) = Σ over the words f of target j of log(λ + (1−λ)·Σ_{e in S} t(f|e) /
//     (|S|·p(f))), S = source sentences [i1 − d, i1), |S| their stem count;
//   source(i, j1, d) = the same for the words of source i explained by targets [j1 − d, j1).
// The inner sums come from per-cell sums A(i, j)[k] = Σ_{e in src i} t(f_k|e) over the words
// f_k of target j (made a row at a time: the source sentence's translation mass scattered once,
// read at each target word) and R(i, j)[k] = Σ_{f in tgt j} t(e_k|f) (a column at a time). Only
// the last three rows (columns) of sums are kept: a group has at most three sentences, and
// storing the sums of every cell took more memory than all the rest of the aligner.
class LexCache {
 public:
  LexCache(const Band& band, int extend, const std::vector<SentFeat>& src,
           const std::vector<SentFeat>& tgt, const Models& models, const Corpus& corpus,
           float lambda)
      : ext_(extend_band(band, extend)), lambda_(lambda) {
    const int n = band.n, m = band.m;
    scores_.assign(static_cast<std::size_t>(ext_.size()) * 6, 0.0f);
    std::array<Sums, 3> ring;  // sums of the last three rows (then columns); [k % 3] = row k
    const Background src_bg(src, corpus.src_unigram), tgt_bg(tgt, corpus.tgt_unigram);
    const float* group[3];
    // Rows: scatter the source sentence's translation mass, read it at each target word.
    std::vector<float> dense(static_cast<std::size_t>(corpus.tgt_stems.size()), 0.0f);
    std::vector<int> touched;
    for (int i = 0; i < n; ++i) {
      const Lexicon& fwd = models.fwd[static_cast<std::size_t>(src[static_cast<std::size_t>(i)].fold)];
      for (int e : src[static_cast<std::size_t>(i)].lex) {
        for (const Lexicon::Entry& x : fwd.translations(e)) {
          auto f = static_cast<std::size_t>(x.f);
          if (dense[f] == 0.0f) touched.push_back(x.f);
          dense[f] += (1 - models.self_weight) * x.prob;
        }
        for (const Lexicon::Entry& x : models.fwd_all.translations(e)) {
          auto f = static_cast<std::size_t>(x.f);
          if (dense[f] == 0.0f) touched.push_back(x.f);
          dense[f] += models.self_weight * x.prob;
        }
      }
      Sums& row = ring[static_cast<std::size_t>(i % 3)];
      row.fill(ext_.lo[static_cast<std::size_t>(i)], std::min(ext_.hi[static_cast<std::size_t>(i)], m - 1),
               [&](int j) -> const std::vector<int>& { return tgt[static_cast<std::size_t>(j)].lex; },
               dense);
      for (int f : touched) dense[static_cast<std::size_t>(f)] = 0.0f;
      touched.clear();
      // Every target score of row i + 1 now has its sums. The DP reads those of target
      // sentences [j0, j1) of two-sided beads ending at (i + 1, j1) in the band: j from the
      // row's first cell less `extend` to its last cell less one.
      const int i1 = i + 1;
      const auto r1 = static_cast<std::size_t>(i1);
      for (int j = std::max(ext_.lo[r1], band.lo[r1] - extend);
           j <= std::min({ext_.hi[r1], m - 1, band.hi[r1] - 1}); ++j) {
        std::size_t words = 0;
        for (int d = 1; d <= std::min(3, i1); ++d) {
          const int i0 = i1 - d;
          words += src[static_cast<std::size_t>(i0)].stems.size();
          for (int k = i0; k < i1; ++k) {
            group[k - i0] = ring[static_cast<std::size_t>(k % 3)].at(j, ext_.contains(k, j));
          }
          at(0, i1, j, d) = score(tgt_bg.of(j), group, d, words);
        }
      }
    }
    // Columns: the same from the target side.
    std::vector<float> dense_s(static_cast<std::size_t>(corpus.src_stems.size()), 0.0f);
    int r0 = 0;
    for (int j = 0; j < m; ++j) {
      while (r0 <= n && ext_.hi[static_cast<std::size_t>(r0)] < j) ++r0;
      const Lexicon& bwd = models.bwd[static_cast<std::size_t>(tgt[static_cast<std::size_t>(j)].fold)];
      for (int f : tgt[static_cast<std::size_t>(j)].lex) {
        for (const Lexicon::Entry& x : bwd.translations(f)) {
          auto e = static_cast<std::size_t>(x.f);
          if (dense_s[e] == 0.0f) touched.push_back(x.f);
          dense_s[e] += (1 - models.self_weight) * x.prob;
        }
        for (const Lexicon::Entry& x : models.bwd_all.translations(f)) {
          auto e = static_cast<std::size_t>(x.f);
          if (dense_s[e] == 0.0f) touched.push_back(x.f);
          dense_s[e] += models.self_weight * x.prob;
        }
      }
      int r1 = r0;  // rows [r0, r1) of the band's column j, below n
      while (r1 < n && ext_.lo[static_cast<std::size_t>(r1)] <= j) ++r1;
      ring[static_cast<std::size_t>(j % 3)].fill(
          r0, r1 - 1,
          [&](int i) -> const std::vector<int>& { return src[static_cast<std::size_t>(i)].lex; },
          dense_s);
      for (int e : touched) dense_s[static_cast<std::size_t>(e)] = 0.0f;
      touched.clear();
      // Every source score of column j + 1 now has its sums.
      const int j1 = j + 1;
      int q0 = r0;
      while (q0 <= n && ext_.hi[static_cast<std::size_t>(q0)] < j1) ++q0;
      for (int i = q0; i < n && ext_.lo[static_cast<std::size_t>(i)] <= j1; ++i) {
        // The DP reads source(i, j1, d) only for beads ending at (i1, j1) in the band with
        // i < i1 <= i + extend: rows i + 1 .. i + extend of the band must reach column j1.
        if (band.lo[static_cast<std::size_t>(i) + 1] > j1 ||
            band.hi[static_cast<std::size_t>(std::min(i + extend, n))] < j1) {
          continue;
        }
        std::size_t words = 0;
        for (int d = 1; d <= std::min(3, j1); ++d) {
          const int j0 = j1 - d;
          words += tgt[static_cast<std::size_t>(j0)].stems.size();
          for (int k = j0; k < j1; ++k) {
            group[k - j0] = ring[static_cast<std::size_t>(k % 3)].at(i, ext_.contains(i, k));
          }
          at(1, i, j1, d) = score(src_bg.of(i), group, d, words);
        }
      }
    }
  }

  // target(i1, j, d) and source(i, j1, d) of the comment above, 1 <= d <= 3, for a cell (i1, j)
  // or (i, j1) of the widened band. Every bead the DP scores has its cells there (its first and
  // last cells are in the band, and a bead spans at most `extend` sentences). Scores of the
  // widened band that no bead of the band reads are not computed (0).
  float target(int i1, int j, int d) const { return get(0, i1, j, d); }
  float source(int i, int j1, int d) const { return get(1, i, j1, d); }

 private:
  // Sums of one row (column) of cells: the cells [lo, hi] along it, each a run of floats.
  struct Sums {
    std::vector<float> data;
    std::vector<std::size_t> off;
    int lo = 0, hi = -1;
    // Cell c's run: dense[w] for each word w of words(c).
    template <class Words>
    void fill(int first, int last, Words&& words, const std::vector<float>& dense) {
      lo = first;
      hi = last;
      off.assign(1, 0);
      for (int c = lo; c <= hi; ++c) off.push_back(off.back() + words(c).size());
      data.resize(off.back());
      float* out = data.data();
      for (int c = lo; c <= hi; ++c) {
        for (int w : words(c)) *out++ = dense[static_cast<std::size_t>(w)];
      }
    }
    const float* at(int c, bool inside) const {
      if (!inside || c < lo || c > hi) return nullptr;
      return data.data() + off[static_cast<std::size_t>(c - lo)];
    }
  };

  // p(w) as a float for the model words of each sentence of one side, in their order.
  struct Background {
    std::vector<float> p;
    std::vector<std::size_t> off;
    Background(const std::vector<SentFeat>& side, const std::vector<double>& unigram) {
      off.push_back(0);
      for (const SentFeat& f : side) {
        for (int w : f.lex) p.push_back(static_cast<float>(unigram[static_cast<std::size_t>(w)]));
        off.push_back(p.size());
      }
    }
    std::span<const float> of(int sentence) const {
      const auto k = static_cast<std::size_t>(sentence);
      return std::span<const float>(p).subspan(off[k], off[k + 1] - off[k]);
    }
  };

  // Σ_k log(λ + (1−λ)·x_k / (words·p(w_k))) over the words w_k of a sentence (bg[k] = p(w_k)),
  // x_k = the sum of sums[q][k] over the group's cells that have sums. The logarithms are taken
  // in a loop of their own (the compiler vectorises it: the same IEEE operations per word), then
  // added in word order.
  float score(std::span<const float> bg, const float* const* sums, int cells,
              std::size_t words) const {
    const float lam = lambda_;
    if (words == 0) return std::log(lam) * static_cast<float>(bg.size());
    const float scale = (1 - lam) / static_cast<float>(words);
    const float* s[3] = {nullptr, nullptr, nullptr};
    int have = 0;
    for (int q = 0; q < cells; ++q) {
      if (sums[q] != nullptr) s[have++] = sums[q];
    }
    logs_.resize(bg.size());
    float* out = logs_.data();
    const float* b = bg.data();
    const std::size_t nw = bg.size();
    switch (have) {
      case 0:
        for (std::size_t k = 0; k < nw; ++k) out[k] = fast_log(lam + scale * 0.0f / b[k]);
        break;
      case 1:
        for (std::size_t k = 0; k < nw; ++k) {
          float x = 0;
          x += s[0][k];
          out[k] = fast_log(lam + scale * x / b[k]);
        }
        break;
      case 2:
        for (std::size_t k = 0; k < nw; ++k) {
          float x = 0;
          x += s[0][k];
          x += s[1][k];
          out[k] = fast_log(lam + scale * x / b[k]);
        }
        break;
      default:
        for (std::size_t k = 0; k < nw; ++k) {
          float x = 0;
          x += s[0][k];
          x += s[1][k];
          x += s[2][k];
          out[k] = fast_log(lam + scale * x / b[k]);
        }
        break;
    }
    float sum = 0;
    for (std::size_t k = 0; k < nw; ++k) sum += out[k];
    return sum;
  }

  float& at(int kind, int i, int j, int d) {
    return scores_[(static_cast<std::size_t>(ext_.index(i, j)) * 2 + static_cast<std::size_t>(kind)) * 3 +
                   static_cast<std::size_t>(d - 1)];
  }
  float get(int kind, int i, int j, int d) const {
    assert(d >= 1 && d <= 3 && ext_.contains(i, j));
    return scores_[(static_cast<std::size_t>(ext_.index(i, j)) * 2 + static_cast<std::size_t>(kind)) * 3 +
                   static_cast<std::size_t>(d - 1)];
  }

  Band ext_;
  float lambda_;
  mutable std::vector<float> logs_;  // score()'s per-word logarithms
  std::vector<float> scores_;  // per cell of ext_: target d = 1..3, then source d = 1..3
};

// The sorted pools of anchors (kind 0, a multiset) and cognates (kind 1, a set) of each group
// of 1 to 3 consecutive sentences of one side, built once per document: merged_reward needs them
// for every bead whose sentences repeat an anchor or cognate, and rebuilding them per bead was
// a tenth of the run time.
class GroupPools {
 public:
  explicit GroupPools(const std::vector<SentFeat>& side) {
    const std::size_t n = side.size();
    std::vector<int> pooled;
    for (std::size_t kind = 0; kind < 2; ++kind) {
      std::vector<int>& data = data_[kind];
      std::vector<std::uint32_t>& off = off_[kind];
      off.assign(1, 0);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t size = 1; size <= 3; ++size) {
          if (i + size <= n) {
            pool(side, i, i + size, kind, pooled);
            data.insert(data.end(), pooled.begin(), pooled.end());
          }
          off.push_back(static_cast<std::uint32_t>(data.size()));
        }
      }
    }
  }

  // The pool of sentences [a, b), 1 <= b - a <= 3: anchors (kind 0) or cognates (kind 1).
  std::span<const int> get(int a, int b, int kind) const {
    assert(0 <= a && a < b && b - a <= 3);
    const auto& off = off_[static_cast<std::size_t>(kind)];
    const std::size_t k = static_cast<std::size_t>(a) * 3 + static_cast<std::size_t>(b - a - 1);
    const std::span<const int> data = data_[static_cast<std::size_t>(kind)];
    return data.subspan(off[k], off[k + 1] - off[k]);
  }

 private:
  static void pool(const std::vector<SentFeat>& side, std::size_t a, std::size_t b,
                   std::size_t kind, std::vector<int>& out) {
    out.clear();
    for (std::size_t i = a; i < b; ++i) {
      const std::vector<int>& v = kind == 0 ? side[i].anchors : side[i].cognates;
      out.insert(out.end(), v.begin(), v.end());
    }
    std::sort(out.begin(), out.end());
    if (kind == 1) out.erase(std::unique(out.begin(), out.end()), out.end());
  }

  std::array<std::vector<int>, 2> data_;            // per kind: the pools in a row
  std::array<std::vector<std::uint32_t>, 2> off_;  // per kind: [i * 3 + size - 1] starts there
};

// What a bead's cost needs of a group of consecutive sentences of one side, summed over them.
struct Group {
  int length = 0;           // code points
  int cross = 0;            // paragraph boundaries inside the group
  int anchors_shared = 0;   // SentFeat::anchors_shared, summed
  int cognates_shared = 0;  // SentFeat::cognates_shared, summed
  bool repeats = false;     // two of its sentences share an anchor or cognate entry
  bool aside = false;       // one of its sentences is an aside (SentFeat::aside)
  bool gloss = false;       // one of its sentences glosses a name (SentFeat::gloss)
  std::uint8_t punct_classes = 0;                         // bit k: punct[k] > 0
  std::array<std::uint16_t, detail::kPunctCount> punct{};  // at most 3 · 255 each
};

// flags[i] bit d-1 (d = 1, 2): sentences i and i + d share an anchor or a cognate entry.
std::vector<std::uint8_t> repeat_flags(const std::vector<SentFeat>& side) {
  std::vector<std::uint8_t> flags(side.size(), 0);
  for (std::size_t i = 0; i < side.size(); ++i) {
    for (std::size_t d = 1; d <= 2 && i + d < side.size(); ++d) {
      if (intersect_count(side[i].anchors, side[i + d].anchors) > 0 ||
          intersect_count(side[i].cognates, side[i + d].cognates) > 0) {
        flags[i] = static_cast<std::uint8_t>(flags[i] | (1u << (d - 1)));
      }
    }
  }
  return flags;
}

// Group of each run of 0-3 sentences of one side, made once per document (every bead of the DP
// would otherwise add them up again).
class GroupTable {
 public:
  GroupTable(const std::vector<SentFeat>& side, const std::vector<std::uint8_t>& repeat_flags)
      : flags_(repeat_flags) {
    const std::size_t n = side.size();
    groups_.resize((n + 1) * 4);
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t d = 1; d <= 3 && i + d <= n; ++d) {
        groups_[i * 4 + d] = make(side, static_cast<int>(i), static_cast<int>(i + d));
      }
    }
  }

  // The group of sentences [a, b), b - a <= 3.
  const Group& get(int a, int b) const {
    assert(0 <= a && a <= b && b - a <= 3);
    return groups_[static_cast<std::size_t>(a) * 4 + static_cast<std::size_t>(b - a)];
  }

 private:
  Group make(const std::vector<SentFeat>& side, int a, int b) const {
    Group g;
    for (int i = a; i < b; ++i) {
      const SentFeat& f = side[static_cast<std::size_t>(i)];
      g.length += f.length;
      if (i > a) g.cross += f.paragraph != side[static_cast<std::size_t>(i - 1)].paragraph;
      g.anchors_shared += f.anchors_shared;
      g.cognates_shared += f.cognates_shared;
      g.aside = g.aside || f.aside;
      g.gloss = g.gloss || f.gloss;
      for (std::size_t k = 0; k < g.punct.size(); ++k) g.punct[k] += f.punct[k];
    }
    for (std::size_t k = 0; k < g.punct.size(); ++k) {
      if (g.punct[k] > 0) g.punct_classes = static_cast<std::uint8_t>(g.punct_classes | 1u << k);
    }
    // Whether two of its sentences share an anchor or cognate entry (flags reach 2 ahead:
    // groups have at most 3 sentences).
    for (int i = a; i + 1 < b; ++i) {
      auto f = flags_[static_cast<std::size_t>(i)];
      if ((f & 1u) != 0 || (i + 2 < b && (f & 2u) != 0)) g.repeats = true;
    }
    return g;
  }

  const std::vector<std::uint8_t>& flags_;  // repeat flags (repeat_flags)
  std::vector<Group> groups_;               // [i * 4 + size], size 0..3
};

// The tables of one side's sentences that the scorer reads: they depend on the sentences'
// anchors, cognates and lengths only, so they are made once per document, not once per pass
// and band width (at 10x Text+Berg that was four times).
struct SideTables {
  explicit SideTables(const std::vector<SentFeat>& side)
      : flags(repeat_flags(side)), pools(side), groups(side, flags) {}
  SideTables(const SideTables&) = delete;  // `groups` refers to `flags`
  SideTables& operator=(const SideTables&) = delete;

  std::vector<std::uint8_t> flags;
  GroupPools pools;
  GroupTable groups;
};

// Bead cost (nats) for one document pair.
class Scorer {
 public:
  Scorer(const std::vector<SentFeat>& src, const std::vector<SentFeat>& tgt,
         const SideTables& src_tables, const SideTables& tgt_tables, const Corpus& corpus,
         const Models& models, const AlignOptions& o, const LexCache* lex, const Band& ext)
      : src_(src), tgt_(tgt), corpus_(corpus), models_(models), o_(o), lex_(lex),
        src_pools_(src_tables.pools), tgt_pools_(tgt_tables.pools),
        src_groups_(src_tables.groups), tgt_groups_(tgt_tables.groups),
        has_terms_(o.use_terms && (any_terms(src) || any_terms(tgt))),
        anchor_match_(o.anchor_weight + 2 * models.anchor_miss),
        cognate_match_(o.cognate_weight + 2 * models.cognate_miss),
        pairs_(ext, [&](int i, int j) {
          // The last row and column of the band are past the last sentence.
          const bool pair = i < static_cast<int>(src.size()) && j < static_cast<int>(tgt.size());
          return pair ? pair_reward(i, j) : std::pair<float, int>{0.0f, 0};
        }) {
    // Without use_priors (ablation) every bead type is equally likely.
    for (int t = 0; t < kNumTypes; ++t) {
      prior_[t] = o.use_priors ? -std::log(o.priors[static_cast<std::size_t>(t)]) * o.prior_weight
                               : 0.0;
    }
  }

  // Costs (nats) of the beads of type `type` ending at (i1, j1) for j1 = first..last, into
  // out[j1 - first]; every bead starts in the band the scorer was made for.
  void row(int type, int i1, int first, int last, std::span<double> out) const {
    assert(out.size() > static_cast<std::size_t>(last - first));
    const int i0 = i1 - kTypes[type].di;
    const Group& s = src_groups_.get(i0, i1);
    for (int j1 = first; j1 <= last; ++j1) {
      const int j0 = j1 - kTypes[type].dj;
      out[static_cast<std::size_t>(j1 - first)] =
          cost(type, s, tgt_groups_.get(j0, j1), i0, i1, j0, j1);
    }
  }

  // The cost of the bead [i0, i1) x [j0, j1) of type `type` (as row gives it).
  double operator()(int type, [[maybe_unused]] int i0, int i1, [[maybe_unused]] int j0,
                    int j1) const {
    assert(i1 - i0 == kTypes[type].di && j1 - j0 == kTypes[type].dj);
    double c = 0;
    row(type, i1, j1, j1, std::span<double>(&c, 1));
    return c;
  }

 private:
  // The bead's cost from its sides' groups s and t (row's loop body).
  double cost(int type, const Group& s, const Group& t, int i0, int i1, int j0, int j1) const {
    double c = prior_[type];
    const int ls = s.length, lt = t.length;
    // Gale & Church also charge 1-0/0-1 beads by length; a sentence with no counterpart has no
    // length relation to predict, so here only its prior applies (measured: far fewer unaligned
    // sentences were swallowed into 1-3/3-1 beads).
    if (o_.use_length && ls > 0 && lt > 0) {
      c += o_.length_weight *
           (models_.length.pmi ? detail::length_pmi_cost(models_.length, i1 - i0, ls, j1 - j0, lt)
                               : detail::length_cost(models_.length, ls, lt));
    }
    if (o_.use_paragraphs) c += o_.paragraph_penalty * (s.cross + t.cross);
    if (i0 == i1 || j0 == j1) return c;
    if (o_.use_anchors) {
      int pm = 0;  // (no class on both sides, the usual case: 0)
      if ((s.punct_classes & t.punct_classes) != 0) {
        for (std::size_t k = 0; k < s.punct.size(); ++k) pm += std::min(s.punct[k], t.punct[k]);
      }
      c -= o_.punct_weight * pm;
    }
    int anchors = 0;  // expected anchors of the bead (with missed-anchor costs)
    if (models_.anchor_miss > 0 || models_.cognate_miss > 0) {
      // Every expected anchor and cognate of the bead is charged here; each one matched on the
      // other side gets its charge back twice (once per side) in the rewards below.
      anchors = s.anchors_shared + t.anchors_shared;
      const int cognates = s.cognates_shared + t.cognates_shared;
      c += models_.anchor_miss * anchors + models_.cognate_miss * cognates;
    }
    if (o_.use_anchors || o_.use_cognates) {
      // Anchors and cognates the two sides share. Summing the per-pair rewards is exact unless
      // an anchor or cognate occurs in two sentences of one side; then a 2-2 bead of two
      // sentences about the same names would count each name twice (and beat two 1-1 beads),
      // so such beads are counted on the merged sides.
      int matched = 0;  // anchors found on both sides
      if (s.repeats || t.repeats) {
        c -= merged_reward(i0, i1, j0, j1, matched);
      } else {
        for (int i = i0; i < i1; ++i) {
          for (int j = j0; j < j1; ++j) c -= pairs_.get(i, j, matched);
        }
      }
      // Misses of one bead are not independent evidence: the anchors of a glued sentence, or of
      // a page header the OCR put inside a sentence, go missing together. Beyond the first, each
      // miss costs anchor_miss_further of a miss (the charges above less the refunds leave
      // anchor_miss per miss: the excess is taken back here).
      const int missed = anchors - 2 * matched;
      if (missed > 1 && models_.anchor_miss > 0) {
        c -= models_.anchor_miss * (1 - o_.anchor_miss_further) * (missed - 1);
      }
    }
    // A 1-1 bead of an aside and a sentence that is none: a translator's note or gloss given
    // as the translation of a sentence it does not render (AlignOptions::use_aside_misses).
    // So is a merged bead whose one side holds a gloss of a name the other side lacks: the
    // translator's explanation glued to the sentence it explains (a bracketed aside may be
    // merged: Text+Berg's translators fold the author's remarks in brackets into a sentence).
    if (type == 0 ? s.aside != t.aside : s.gloss != t.gloss) c += models_.aside_miss;
    if (has_terms_) c += term_cost(i0, i1, j0, j1);
    if (lex_ != nullptr) c -= o_.lexical_weight * lexical(i0, i1, j0, j1);
    if (models_.support_rate > 0 && (i1 - i0 > 1 || j1 - j0 > 1)) {
      c += unsupported(i0, i1, j0, j1);
    }
    return c;
  }

  // How many sentences of a merged bead's larger side(s) share nothing with the bead's other
  // side while another sentence of the same side does (AlignOptions::use_support_misses): a
  // sentence glued to a neighbour that has a counterpart.
  // Their cost: each pays min(support_rate * its words, support_cap) (support_rates).
  double unsupported(int i0, int i1, int j0, int j1) const {
    // Which sentence pairs of the bead share evidence: bit (i - i0) of rows[j - j0] and bit
    // (j - j0) of cols[i - i0] (at most 3 x 3 pairs).
    unsigned rows[3] = {0, 0, 0}, cols[3] = {0, 0, 0};
    bool any = false;
    for (int i = i0; i < i1; ++i) {
      for (int j = j0; j < j1; ++j) {
        if (!shares(i, j)) continue;
        rows[j - j0] |= 1u << (i - i0);
        cols[i - i0] |= 1u << (j - j0);
        any = true;
      }
    }
    if (!any) return 0;  // no sentence of the bead is supported: no evidence either way
    // Some pair shares evidence, so each side of two or more sentences has a supported one
    // (every sentence of a one-sentence side is in every pair): charge its unsupported ones.
    auto side_cost = [&](int n, const unsigned* linked, const std::vector<SentFeat>& side,
                         int first) {
      double c = 0;
      for (int k = 0; n > 1 && k < n; ++k) {
        if (linked[k] != 0) continue;
        c += std::min(models_.support_cap,
                      models_.support_rate * support_words(side[static_cast<std::size_t>(first + k)]));
      }
      return c;
    };
    return side_cost(i1 - i0, cols, src_, i0) + side_cost(j1 - j0, rows, tgt_, j0);
  }

  // shares_evidence(source i, target j), read from the pair rewards (positive exactly when the
  // pair shares an anchor or a cognate) and the glossary entries.
  bool shares(int i, int j) const {
    int matched = 0;
    if (pairs_.get(i, j, matched) > 0) return true;
    const SentFeat& s = src_[static_cast<std::size_t>(i)];
    const SentFeat& t = tgt_[static_cast<std::size_t>(j)];
    return (has_terms_ && intersect_count(s.terms, t.terms) > 0) ||
           intersect_count(s.links, t.links) > 0;
  }


  // The anchor/cognate reward of the bead with each side's sentences pooled: anchors as
  // multisets (min of the counts), cognates as sets of target words.
  double merged_reward(int i0, int i1, int j0, int j1, int& matched) const {
    double r = 0;
    if (o_.use_anchors) {
      const int n = intersect_count(src_pools_.get(i0, i1, 0), tgt_pools_.get(j0, j1, 0));
      matched += n;
      r += anchor_match_ * n;
    }
    if (o_.use_cognates) {
      r += cognate_match_ * intersect_count(src_pools_.get(i0, i1, 1), tgt_pools_.get(j0, j1, 1));
    }
    return r;
  }

  // Glossary evidence of a bead with text on both sides: each side's entries pooled as a
  // multiset; -term_weight per entry on both sides, +term_miss_penalty per occurrence on one
  // side only.
  double term_cost(int i0, int i1, int j0, int j1) const {
    auto pool = [](const std::vector<SentFeat>& side, int a, int b, std::vector<int>& out) {
      out.clear();
      for (int i = a; i < b; ++i) {
        const std::vector<int>& v = side[static_cast<std::size_t>(i)].terms;
        out.insert(out.end(), v.begin(), v.end());
      }
      if (b - a > 1) std::sort(out.begin(), out.end());
    };
    pool(src_, i0, i1, scratch_s_);
    pool(tgt_, j0, j1, scratch_t_);
    if (scratch_s_.empty() && scratch_t_.empty()) return 0;
    const int both = intersect_count(scratch_s_, scratch_t_);
    const auto once = static_cast<int>(scratch_s_.size() + scratch_t_.size()) - 2 * both;
    return -o_.term_weight * both + o_.term_miss_penalty * once;
  }

  static bool any_terms(const std::vector<SentFeat>& side) {
    return std::any_of(side.begin(), side.end(), [](const SentFeat& f) { return !f.terms.empty(); });
  }

  // {reward, anchors matched} of sentence pair (i, j).
  std::pair<float, int> pair_reward(int i, int j) const {
    const SentFeat& s = src_[static_cast<std::size_t>(i)];
    const SentFeat& t = tgt_[static_cast<std::size_t>(j)];
    double r = 0;
    int matched = 0;
    if (o_.use_anchors) {
      matched = intersect_count(s.anchors, t.anchors);
      r += anchor_match_ * matched;
    }
    if (o_.use_cognates) r += cognate_match_ * intersect_count(s.cognates, t.cognates);
    return {static_cast<float>(r), matched};
  }

  // log p(T|S)/p(T) + log p(S|T)/p(S) under Model 1 mixed with the unigram model (weight λ):
  // each target sentence explained by the source side, each source sentence by the target side.
  double lexical(int i0, int i1, int j0, int j1) const {
    double sum = 0;
    for (int j = j0; j < j1; ++j) sum += lex_->target(i1, j, i1 - i0);
    for (int i = i0; i < i1; ++i) sum += lex_->source(i, j1, j1 - j0);
    return sum;
  }

  const std::vector<SentFeat>& src_;
  const std::vector<SentFeat>& tgt_;
  const Corpus& corpus_;
  const Models& models_;
  const AlignOptions& o_;
  const LexCache* lex_;
  const GroupPools& src_pools_;
  const GroupPools& tgt_pools_;
  const GroupTable& src_groups_;
  const GroupTable& tgt_groups_;
  bool has_terms_;                               // glossary entries on either side
  double anchor_match_;                          // reward per matched anchor (see operator())
  double cognate_match_;                         // reward per matched cognate (likewise)
  mutable std::vector<int> scratch_s_, scratch_t_;
  double prior_[kNumTypes];
  const CellTable pairs_;  // pair_reward of every cell of the widened band (uses the above)
};

std::span<const BeadType> bead_types(const AlignOptions& o) {
  return std::span<const BeadType>(kTypes, o.max_side >= 3 ? 8 : 6);
}

// Centre of each row: where the cumulative length fraction of the target matches the source's.
void length_diagonal(const std::vector<SentFeat>& src, const std::vector<SentFeat>& tgt,
                     std::vector<int>& clo, std::vector<int>& chi) {
  const std::size_t n = src.size(), m = tgt.size();
  std::vector<double> cs(n + 1, 0), ct(m + 1, 0);
  for (std::size_t i = 0; i < n; ++i) cs[i + 1] = cs[i] + src[i].length + 1;
  for (std::size_t j = 0; j < m; ++j) ct[j + 1] = ct[j] + tgt[j].length + 1;
  clo.assign(n + 1, 0);
  std::size_t j = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    double x = n == 0 ? 1.0 : cs[i] / cs[n];
    while (j < m && ct[j + 1] / std::max(ct[m], 1.0) <= x) ++j;
    clo[i] = static_cast<int>(j);
  }
  chi = clo;
}

// Centre ranges from a previous path: the target positions the path visits at each row.
void path_centre(const std::vector<Step>& path, int n, std::vector<int>& clo,
                 std::vector<int>& chi) {
  clo.assign(static_cast<std::size_t>(n) + 1, std::numeric_limits<int>::max());
  chi.assign(static_cast<std::size_t>(n) + 1, 0);
  for (const Step& s : path) {
    for (int i = s.i0; i <= s.i1; ++i) {
      auto r = static_cast<std::size_t>(i);
      clo[r] = std::min(clo[r], s.j0);
      chi[r] = std::max(chi[r], s.j1);
    }
  }
  for (int& x : clo) {
    if (x == std::numeric_limits<int>::max()) x = 0;  // only for an empty path (n = m = 0)
  }
}

// One DP over a document pair, widening the band until the path stays inside it. The first pass
// (guide == nullptr) searches around the length diagonal and also reports where its posterior
// mass lies (DpResult::support_lo/hi); the second pass searches around the first pass's path
// and those cells: where the first pass was unsure, the lexical model gets to choose among all
// the readings it found likely, not only near the one it picked. `alone`: the last pass, whose
// sentences' chances of standing alone go out with the beads (DpResult::alone).
detail::DpResult run_pass(const std::vector<SentFeat>& src, const std::vector<SentFeat>& tgt,
                          const SideTables& src_tables, const SideTables& tgt_tables,
                          const Corpus& corpus, const Models& models, const AlignOptions& o,
                          const detail::DpResult* guide, bool alone = false) {
  const int n = static_cast<int>(src.size()), m = static_cast<int>(tgt.size());
  std::vector<int> clo, chi;
  if (guide != nullptr) {
    path_centre(guide->path, n, clo, chi);
    if (!guide->support_lo.empty()) {
      for (std::size_t i = 0; i < clo.size(); ++i) {
        if (guide->support_lo[i] > guide->support_hi[i]) continue;
        clo[i] = std::min(clo[i], guide->support_lo[i]);
        chi[i] = std::max(chi[i], guide->support_hi[i]);
      }
    }
  } else {
    length_diagonal(src, tgt, clo, chi);
  }
  int width = std::max(1, guide != nullptr ? o.lexical_band : o.band);
  const bool lexical = models.lexical && o.use_lexical;
  const double support = guide == nullptr ? o.second_pass_support : 0.0;
  bool recentred = false;
  for (;;) {
    Band band = Band::around(clo, chi, width, n, m);
    std::unique_ptr<LexCache> cache;
    if (lexical) {
      cache = std::make_unique<LexCache>(band, std::max(2, o.max_side), src, tgt, models, corpus,
                                         static_cast<float>(o.lexical_floor));
    }
    Band ext = extend_band(band, std::max(2, o.max_side));
    Scorer scorer(src, tgt, src_tables, tgt_tables, corpus, models, o, cache.get(), ext);
    // The first pass's posteriors select Model 1's training beads: always at temperature 1.
    auto row_costs = [&](int t, int i, int first, int last, std::span<double> out) {
      scorer.row(t, i, first, last, out);
    };
    detail::DpResult r = detail::solve(band, bead_types(o), row_costs,
                                       guide != nullptr ? o.temperature : 1.0, support, alone);
    bool full = width >= std::max(n, m);
    if (!r.touched_edge || full) return r;
    if (!recentred) {
      // First try the same width around the new path (it usually moved only locally), then
      // double the width.
      path_centre(r.path, n, clo, chi);
      recentred = true;
      continue;
    }
    if (Band::around(clo, chi, width * 2, n, m).size() > kMaxCells) return r;
    width *= 2;
    recentred = false;
  }
}

// A 1-0 bead next to a 0-1 bead says that a source sentence has no translation and that, at
// the same point, a target sentence has no source: under a monotone alignment the two occupy
// the same slot, and the plainer reading is one loose translation (Text+Berg's annotators align
// such pairs 1-1). They become one 1-1 bead. Its posterior was not computed; the chance that
// neither one-sided bead holds is at least 1 - p_a - p_b (Bonferroni), and that lower bound is
// its confidence: a rewritten sentence is one for the reviewer to look at. Omitted or added
// sentences that stand next to a two-sided bead are untouched. So are an aside and a sentence
// that is none (with `asides`, AlignOptions::use_aside_misses): a note the translator added
// beside a sentence left out is no rendering of it.
std::vector<Step> join_facing_one_sided(std::vector<Step> path, const std::vector<SentFeat>& src,
                                        const std::vector<SentFeat>& tgt, bool asides) {
  auto one_sided = [](const Step& s, bool source) {
    return source ? (s.i1 - s.i0 == 1 && s.j1 == s.j0) : (s.i1 == s.i0 && s.j1 - s.j0 == 1);
  };
  std::vector<Step> out;
  out.reserve(path.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    const Step& a = path[k];
    if (k + 1 < path.size()) {
      const Step& b = path[k + 1];
      const bool facing = (one_sided(a, true) && one_sided(b, false)) ||
                          (one_sided(a, false) && one_sided(b, true));
      if (facing && !(asides && src[static_cast<std::size_t>(std::min(a.i0, b.i0))].aside !=
                                    tgt[static_cast<std::size_t>(std::min(a.j0, b.j0))].aside)) {
        out.push_back({a.i0, a.j0, b.i1, b.j1, 0, std::max(0.0, 1 - a.posterior - b.posterior)});
        ++k;
        continue;
      }
    }
    out.push_back(a);
  }
  return out;
}

// The beads of `path`, each sentence with its chance of standing alone (`alone`, per side).
Alignment to_alignment(const std::vector<Step>& path,
                       const std::array<std::vector<double>, 2>& alone) {
  Alignment a;
  a.beads.reserve(path.size());
  for (const Step& s : path) {
    core::Bead b;
    b.sides.resize(2);
    b.alone.resize(2);
    for (int i = s.i0; i < s.i1; ++i) {
      b.sides[0].push_back(i);
      b.alone[0].push_back(alone[0][static_cast<std::size_t>(i)]);
    }
    for (int j = s.j0; j < s.j1; ++j) {
      b.sides[1].push_back(j);
      b.alone[1].push_back(alone[1][static_cast<std::size_t>(j)]);
    }
    b.confidence = s.posterior;
    a.beads.push_back(std::move(b));
  }
  return a;
}

// The stems of `text`'s words (the dictionary option).
std::vector<std::string> dictionary_stems(std::string_view text, int prefix) {
  std::vector<std::string> out;
  for (const std::string& w : detail::word_tokens(text)) out.push_back(detail::truncate(w, prefix));
  return out;
}

// Adds the dictionary's pairs to corpus.dictionary as stem ids, leaving out each pair none of
// whose stems occurs in the run's documents on its side: such a pair only teaches Model 1 words
// the run never scores, and a general dictionary (FreeDict's 140,000 de-fr pairs) is nearly all
// such pairs. A pair is judged by the documents' own stems, not by those the pairs kept before
// it add: otherwise a pair of two common words ("das") pulled in a chain of others, and a
// one-sentence document kept most of the dictionary (0.66 s of CPU instead of 0.29 s for
// de-fr). A pair reached only through such a chain shares no word with a sentence: without
// them Text+Berg with FreeDict gave the same F1 (0.900 per document, 0.904 --batch), the news
// 01-179 with the lexicon of the other texts the same (0.981 en-kk, 0.980 en-ru) and without
// it, FreeDict eng-rus only, 0.969 instead of 0.968 en-ru. A TM's or the lexicon's pairs, chosen for
// sharing words with the documents, are all kept.
void add_dictionary(std::span<const std::pair<std::string, std::string>> pairs, int prefix,
                    Corpus& corpus) {
  const int src_words = corpus.src_stems.size(), tgt_words = corpus.tgt_stems.size();
  for (const auto& [s, t] : pairs) {
    const std::vector<std::string> src = dictionary_stems(s, prefix);
    const std::vector<std::string> tgt = dictionary_stems(t, prefix);
    auto known = [](const std::vector<std::string>& stems, const Vocab& vocab, int words) {
      return std::any_of(stems.begin(), stems.end(), [&](const std::string& w) {
        const int id = vocab.find(w);
        return id >= 0 && id < words;
      });
    };
    if (!known(src, corpus.src_stems, src_words) && !known(tgt, corpus.tgt_stems, tgt_words)) continue;
    auto ids = [](const std::vector<std::string>& stems, Vocab& vocab) {
      std::vector<int> out;
      out.reserve(stems.size());
      for (const std::string& w : stems) out.push_back(vocab.id(w));
      return out;
    };
    corpus.dictionary.emplace_back(ids(src, corpus.src_stems), ids(tgt, corpus.tgt_stems));
  }
}


// Word links of the external dictionary (AlignOptions::dictionary: a TM's or the lexicon's
// units), as support for use_support_misses: the pairs of a source stem and a target stem
// that occur together in at least kMinLinkPairs of its pairs, with a Dice coefficient
// 2·c(e, f) / (c(e) + c(f)) of at least kMinLinkDice (Smadja et al. 1996 use Dice to find
// translations in aligned text): words the dictionary translates into each other, not words
// that merely occur often. A sentence of a bead that shares such a link with the other side is
// supported, as by a shared anchor; a short plain sentence glued to a neighbour whose
// translation does share one is then what use_support_misses charges. Links come from the
// dictionary alone, before the first pass, so the rates support_rates fits count them as the
// costs do. Set a priori: strong, repeated associations only.
constexpr int kMinLinkPairs = 3;
constexpr double kMinLinkDice = 0.5;
// Function words ("we" / «мы», "he" / «ол») link every sentence to every other: only words of at
// least this many letters link.
constexpr std::size_t kMinLinkLetters = 4;

void mark_dictionary_links(Corpus& corpus) {
  if (corpus.dictionary.empty()) return;
  auto unique_ids = [](std::vector<int> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  // Each pair's distinct stems, then how many pairs hold each stem.
  std::vector<std::pair<std::vector<int>, std::vector<int>>> stems;
  stems.reserve(corpus.dictionary.size());
  std::unordered_map<int, int> src_count, tgt_count;
  for (const auto& [s, t] : corpus.dictionary) {
    auto& [a, b] = stems.emplace_back(unique_ids(s), unique_ids(t));
    for (int e : a) ++src_count[e];
    for (int f : b) ++tgt_count[f];
  }
  // Only stems that could link (long enough, in enough pairs) are paired.
  auto linkable = [](const Vocab& vocab, const std::unordered_map<int, int>& count) {
    std::unordered_set<int> out;
    for (const auto& [id, n] : count) {
      if (n >= kMinLinkPairs && core::count_code_points(vocab.word(id)) >= kMinLinkLetters) {
        out.insert(id);
      }
    }
    return out;
  };
  const std::unordered_set<int> src_ok = linkable(corpus.src_stems, src_count);
  const std::unordered_set<int> tgt_ok = linkable(corpus.tgt_stems, tgt_count);
  std::unordered_map<std::uint64_t, int> pair_count;
  for (const auto& [a, b] : stems) {
    for (int e : a) {
      if (!src_ok.contains(e)) continue;
      for (int f : b) {
        if (tgt_ok.contains(f)) {
          ++pair_count[static_cast<std::uint64_t>(e) << 32 | static_cast<std::uint32_t>(f)];
        }
      }
    }
  }
  std::vector<std::uint64_t> kept;
  for (const auto& [key, n] : pair_count) {
    const int e = static_cast<int>(key >> 32), f = static_cast<int>(key & 0xffffffffu);
    if (n >= kMinLinkPairs && 2.0 * n >= kMinLinkDice * (src_count[e] + tgt_count[f])) {
      kept.push_back(key);
    }
  }
  // Link ids by stem, in a fixed order (the map's is not): sorted (e, f) keys.
  std::sort(kept.begin(), kept.end());
  std::unordered_map<int, std::vector<int>> src_links, tgt_links;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    src_links[static_cast<int>(kept[k] >> 32)].push_back(static_cast<int>(k));
    tgt_links[static_cast<int>(kept[k] & 0xffffffffu)].push_back(static_cast<int>(k));
  }
  auto mark = [&](std::vector<std::vector<SentFeat>>& docs,
                  const std::unordered_map<int, std::vector<int>>& links) {
    for (auto& doc : docs) {
      for (SentFeat& f : doc) {
        for (int stem : f.stems) {
          if (auto it = links.find(stem); it != links.end()) {
            f.links.insert(f.links.end(), it->second.begin(), it->second.end());
          }
        }
        f.links = unique_ids(std::move(f.links));
      }
    }
  };
  mark(corpus.src, src_links);
  mark(corpus.tgt, tgt_links);
}

// Repeat counts over the first pass's confident beads with two sides: `own` pairs each bead's
// sides (true beads), `chance` a bead's source with the target of the confident bead two
// further on (almost surely not a translation). {matched, expected} occurrences each, as
// count(d, source step, target step) gives them for the source sentences of one step of
// document d against the target sentences of the other.
struct RepeatCounts {
  std::pair<int, int> own{0, 0}, chance{0, 0};
};
template <class Count>
RepeatCounts repeat_counts(const std::vector<detail::DpResult>& first, const AlignOptions& o,
                           Count&& count) {
  RepeatCounts out;
  auto add = [](std::pair<int, int>& c, std::pair<int, int> n) {
    c.first += n.first;
    c.second += n.second;
  };
  for (std::size_t d = 0; d < first.size(); ++d) {
    std::vector<const Step*> sure;
    for (const Step& s : first[d].path) {
      if (s.i0 != s.i1 && s.j0 != s.j1 && s.posterior >= o.train_confidence) sure.push_back(&s);
    }
    for (std::size_t k = 0; k < sure.size(); ++k) {
      add(out.own, count(d, *sure[k], *sure[k]));
      if (k + 2 < sure.size()) add(out.chance, count(d, *sure[k], *sure[k + 2]));
    }
  }
  return out;
}

// Repeat counts of `items` (anchors or cognates; `unique`: counted as sets, as the scorer does
// for cognates): the expected items of both sides (`shared`), and twice the items the sides
// have in common, at most that.
RepeatCounts item_repeats(const Corpus& corpus, const std::vector<detail::DpResult>& first,
                          const AlignOptions& o, std::vector<int> SentFeat::*items,
                          int SentFeat::*shared, bool unique) {
  std::vector<int> a, b;
  auto pool = [&](const std::vector<SentFeat>& side, int lo, int hi, std::vector<int>& v) {
    v.clear();
    int expected = 0;
    for (int k = lo; k < hi; ++k) {
      const SentFeat& f = side[static_cast<std::size_t>(k)];
      expected += f.*shared;
      v.insert(v.end(), (f.*items).begin(), (f.*items).end());
    }
    std::sort(v.begin(), v.end());
    if (unique) v.erase(std::unique(v.begin(), v.end()), v.end());
    return expected;
  };
  return repeat_counts(first, o, [&](std::size_t d, const Step& s, const Step& t) {
    const int e = pool(corpus.src[d], s.i0, s.i1, a) + pool(corpus.tgt[d], t.j0, t.j1, b);
    return std::pair<int, int>{std::min(2 * intersect_count(a, b), e), e};
  });
}

// The asides (SentFeat::aside) of both sides expected, and twice those the other side also
// has: a bead with one aside on each side matches both (AlignOptions::use_aside_misses).
RepeatCounts aside_repeats(const Corpus& corpus, const std::vector<detail::DpResult>& first,
                           const AlignOptions& o) {
  auto asides = [](const std::vector<SentFeat>& side, int lo, int hi) {
    int n = 0;
    for (int k = lo; k < hi; ++k) n += side[static_cast<std::size_t>(k)].aside ? 1 : 0;
    return n;
  };
  return repeat_counts(first, o, [&](std::size_t d, const Step& s, const Step& t) {
    const int a = asides(corpus.src[d], s.i0, s.i1), b = asides(corpus.tgt[d], t.j0, t.j1);
    return std::pair<int, int>{2 * std::min(a, b), a + b};
  });
}

// The log-likelihood ratio of a miss, log((1 - c) / (1 - h)): h the share of expected items
// that true beads repeat, c the share that unrelated sentence groups repeat by chance (Beta
// priors of mean anchor_repeat_prior and 0, anchor_repeat_weight occurrences each; h at most
// anchor_repeat_max). Not below 0.
double miss_cost(const AlignOptions& o, const RepeatCounts& n) {
  const double w = o.anchor_repeat_weight;
  const double h = std::min(o.anchor_repeat_max,
                            (n.own.first + o.anchor_repeat_prior * w) / (n.own.second + w));
  const double c = std::min(h, n.chance.first / (n.chance.second + w));
  return std::max(0.0, std::log(1 - c) - std::log(1 - h));
}

// Per-word support rates of the first pass's confident two-sided beads (AlignOptions::
// use_support_misses). A sentence of w words that truly belongs to its bead shares an anchor, a
// cognate or a glossary entry with the other side with probability 1 - exp(-p·w): a short
// fragment has few chances to share anything, a long sentence many. p is fitted to the
// sentences of the confident beads (own) and q likewise to each bead's source against the
// target of the confident bead two further on and the reverse (chance), by matching the
// expected number of unsupported sentences, Σ exp(-p·w_k) = unsupported, with a prior of
// anchor_repeat_weight sentences of mean length of which anchor_repeat_prior are supported
// (chance: none). An unsupported sentence then has the log-likelihood ratio (p - q)·w of
// being glued against standing alone, capped at -log(1 - anchor_repeat_max), the largest a
// miss may cost. Sets models.support_rate and models.support_cap.
void support_rates(const Corpus& corpus, const std::vector<detail::DpResult>& first,
                   const AlignOptions& o, Models& models) {
  std::vector<double> own_w, chance_w;  // words of each sentence
  double own_unsupported = 0, chance_unsupported = 0;
  // The sentences of source group s against target group t, then t's against s's.
  auto add = [&](std::vector<double>& words, double& unsupported, const std::vector<SentFeat>& src,
                 const std::vector<SentFeat>& tgt, const Step& s, const Step& t) {
    for (const bool source : {true, false}) {
      const int a0 = source ? s.i0 : t.j0, a1 = source ? s.i1 : t.j1;
      const int b0 = source ? t.j0 : s.i0, b1 = source ? t.j1 : s.i1;
      for (int a = a0; a < a1; ++a) {
        bool any = false;
        for (int b = b0; b < b1 && !any; ++b) {
          const auto i = static_cast<std::size_t>(source ? a : b);
          const auto j = static_cast<std::size_t>(source ? b : a);
          any = shares_evidence(src[i], tgt[j], o);
        }
        words.push_back(support_words((source ? src : tgt)[static_cast<std::size_t>(a)]));
        unsupported += any ? 0 : 1;
      }
    }
  };
  for (std::size_t d = 0; d < first.size(); ++d) {
    std::vector<const Step*> sure;
    for (const Step& s : first[d].path) {
      if (s.i0 != s.i1 && s.j0 != s.j1 && s.posterior >= o.train_confidence) sure.push_back(&s);
    }
    for (std::size_t k = 0; k < sure.size(); ++k) {
      add(own_w, own_unsupported, corpus.src[d], corpus.tgt[d], *sure[k], *sure[k]);
      if (k + 2 < sure.size()) {
        add(chance_w, chance_unsupported, corpus.src[d], corpus.tgt[d], *sure[k], *sure[k + 2]);
      }
    }
  }
  double total = 0;
  for (double w : own_w) total += w;
  const double mean = own_w.empty() ? 10.0 : total / static_cast<double>(own_w.size());
  const double prior = o.anchor_repeat_weight;
  // The rate r with Σ exp(-r·w) + prior·exp(-r·mean) = target (decreasing in r), by bisection.
  auto fit = [&](const std::vector<double>& words, double target) {
    auto unsupported = [&](double r) {
      double sum = prior * std::exp(-r * mean);
      for (double w : words) sum += std::exp(-r * w);
      return sum;
    };
    double lo = 0, hi = 10;
    if (unsupported(hi) >= target) return hi;
    for (int k = 0; k < 60; ++k) {
      const double mid = (lo + hi) / 2;
      (unsupported(mid) > target ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
  };
  const double p = fit(own_w, own_unsupported + prior * (1 - o.anchor_repeat_prior));
  const double q = fit(chance_w, chance_unsupported + prior);
  models.support_rate = std::max(0.0, p - q);
  // The cap: the per-sentence miss, from the same counts (supported, all).
  const auto own_n = static_cast<int>(own_w.size());
  const auto chance_n = static_cast<int>(chance_w.size());
  RepeatCounts n;
  n.own = {own_n - static_cast<int>(own_unsupported), own_n};
  n.chance = {chance_n - static_cast<int>(chance_unsupported), chance_n};
  models.support_cap = miss_cost(o, n);
}

// Sets each sentence's anchors_shared: its anchors a translation is expected to repeat.
// Numbers and URLs always are (the anchor key's first byte is its kind: '#' number, 'u' URL);
// a name only when the other document has it somewhere: a Latin name in a Cyrillic
// translation, or a German noun that French does not capitalise, never could be repeated.
void mark_shared_anchors(std::vector<SentFeat>& src, std::vector<SentFeat>& tgt,
                         const Vocab& anchor_vocab) {
  auto ids = [](const std::vector<SentFeat>& side) {
    std::vector<int> out;
    for (const SentFeat& f : side) out.insert(out.end(), f.anchors.begin(), f.anchors.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const std::vector<int> in_src = ids(src), in_tgt = ids(tgt);
  auto mark = [&](std::vector<SentFeat>& side, const std::vector<int>& other) {
    for (SentFeat& f : side) {
      f.anchors_shared = static_cast<int>(std::count_if(
          f.anchors.begin(), f.anchors.end(),
          [&](int a) {
            const char kind = anchor_vocab.word(a).front();
            return kind == '#' || kind == 'u' || std::binary_search(other.begin(), other.end(), a);
          }));
    }
  };
  mark(src, in_tgt);
  mark(tgt, in_src);
}

// Model 1 in both directions from the first pass's confident 1-1 beads (`train`) plus the
// external dictionary. Only stems found in at least kMinPairs training pairs enter the model
// (Moore 2002 does the same with singletons): a stem seen in one pair only is "translated" by
// EM into whatever shares that pair, so the second pass would reward exactly the first pass's
// pairing, right or wrong, and an omitted sentence stays glued to a neighbour's translation.
// Fills every sentence's `lex` with its model stems; stems outside the model carry no evidence.
void train_lexicon(Corpus& corpus, const std::vector<std::pair<SentFeat*, SentFeat*>>& train,
                   const AlignOptions& o, Models& models) {
  constexpr int kMinPairs = 2;
  constexpr int kFolds = 5;
  // A copy: the stems outside the model are dropped from it below, for this training only.
  auto dict = corpus.dictionary;
  // Unigram tables must cover stems the dictionary added.
  corpus.src_unigram.resize(static_cast<std::size_t>(corpus.src_stems.size()), 1e-6);
  corpus.tgt_unigram.resize(static_cast<std::size_t>(corpus.tgt_stems.size()), 1e-6);
  std::vector<int> src_pairs(static_cast<std::size_t>(corpus.src_stems.size()), 0);
  std::vector<int> tgt_pairs(static_cast<std::size_t>(corpus.tgt_stems.size()), 0);
  std::vector<int> seen_s(src_pairs.size(), -1), seen_t(tgt_pairs.size(), -1);
  auto count = [](const std::vector<int>& words, std::vector<int>& pairs, std::vector<int>& seen, int id) {
    for (int w : words) {
      auto k = static_cast<std::size_t>(w);
      if (seen[k] != id) ++pairs[k];
      seen[k] = id;
    }
  };
  int id = 0;
  for (const auto& [a, b] : train) {
    count(a->stems, src_pairs, seen_s, id);
    count(b->stems, tgt_pairs, seen_t, id++);
  }
  for (const auto& [a, b] : dict) {
    count(a, src_pairs, seen_s, id);
    count(b, tgt_pairs, seen_t, id++);
  }
  auto keep = [](const std::vector<int>& words, const std::vector<int>& pairs) {
    std::vector<int> out;
    for (int w : words) {
      if (pairs[static_cast<std::size_t>(w)] >= kMinPairs) out.push_back(w);
    }
    return out;
  };
  for (auto& doc : corpus.src) {
    for (SentFeat& f : doc) f.lex = keep(f.stems, src_pairs);
  }
  for (auto& doc : corpus.tgt) {
    for (SentFeat& f : doc) f.lex = keep(f.stems, tgt_pairs);
  }
  for (auto& [a, b] : dict) {
    a = keep(a, src_pairs);
    b = keep(b, tgt_pairs);
  }
  // Cross-fitting: training pair p is in fold p mod kFolds, with both its sentences; a sentence
  // outside the training pairs gets its index mod kFolds. Model k is trained on every fold but
  // k (dictionary pairs always), so no sentence is scored by a model that saw its own pairing.
  for (auto* side : {&corpus.src, &corpus.tgt}) {
    for (auto& doc : *side) {
      for (std::size_t i = 0; i < doc.size(); ++i) doc[i].fold = static_cast<int>(i % kFolds);
    }
  }
  std::vector<int> fold(train.size());
  for (std::size_t p = 0; p < train.size(); ++p) {
    fold[p] = static_cast<int>(p % kFolds);
    train[p].first->fold = fold[p];
    train[p].second->fold = fold[p];
  }
  std::vector<detail::TrainingPair> fwd, bwd;
  for (std::size_t p = 0; p < train.size(); ++p) {
    fwd.push_back({train[p].first->lex, train[p].second->lex});
    bwd.push_back({train[p].second->lex, train[p].first->lex});
  }
  for (const auto& [a, b] : dict) {  // in no fold: every model keeps the dictionary
    fwd.push_back({a, b});
    bwd.push_back({b, a});
    fold.push_back(kFolds);
  }
  models.fwd = Lexicon::train_cross_fitted(fwd, fold, kFolds, corpus.src_stems.size(),
                                           corpus.tgt_stems.size());
  models.bwd = Lexicon::train_cross_fitted(bwd, fold, kFolds, corpus.tgt_stems.size(),
                                           corpus.src_stems.size());
  // [0, kFolds) held out, [kFolds] all.
  models.fwd_all = std::move(models.fwd.back());
  models.bwd_all = std::move(models.bwd.back());
  models.fwd.resize(kFolds);
  models.bwd.resize(kFolds);
  models.self_weight = static_cast<float>(o.lexical_self_weight);
  models.lexical = std::any_of(models.fwd.begin(), models.fwd.end(),
                               [](const Lexicon& l) { return !l.empty(); });
}

// Model 1's training pairs: the 1-1 beads of `passes` (one per document) with posterior at
// least train_confidence, in document order, at most kMaxTrainingPairs.
std::vector<std::pair<SentFeat*, SentFeat*>> training_pairs(
    Corpus& corpus, const std::vector<detail::DpResult>& passes, const AlignOptions& o) {
  std::vector<std::pair<SentFeat*, SentFeat*>> train;
  for (std::size_t d = 0; d < passes.size(); ++d) {
    for (const Step& s : passes[d].path) {
      if (train.size() >= kMaxTrainingPairs) break;
      if (s.i1 - s.i0 != 1 || s.j1 - s.j0 != 1 || s.posterior < o.train_confidence) continue;
      train.emplace_back(&corpus.src[d][static_cast<std::size_t>(s.i0)],
                         &corpus.tgt[d][static_cast<std::size_t>(s.j0)]);
    }
  }
  return train;
}

}  // namespace

// What PairModel keeps of one align_batch run (bead_costs, at the end of this file).
struct PairModel::Run {
  Corpus corpus;
  Models models;
  AlignOptions options;
};

std::vector<Alignment> align_batch(std::span<const DocPair> docs, const AlignOptions& o,
                                   PairModel* keep) {
  if (!o.joint_training && docs.size() > 1) {
    std::vector<Alignment> out;
    for (const DocPair& d : docs) {
      auto one = align_batch(std::span<const DocPair>(&d, 1), o, keep);
      out.push_back(std::move(one.front()));
    }
    return out;
  }
  Corpus corpus = detail::extract(docs, o.use_cognates, o.lexical_prefix, o.langs);
  for (std::size_t d = 0; d < docs.size(); ++d) mark_shared_anchors(corpus.src[d], corpus.tgt[d], corpus.anchor_vocab);
  add_dictionary(o.dictionary, o.lexical_prefix, corpus);
  if (o.use_support_misses) mark_dictionary_links(corpus);
  Models models;
  double ls = 0, lt = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (const SentFeat& f : corpus.src[d]) ls += f.length;
    for (const SentFeat& f : corpus.tgt[d]) lt += f.length;
  }
  models.length.ratio = detail::estimate_ratio(ls, lt);
  models.length.pmi = o.length_pmi && o.use_length;
  if (models.length.pmi) {
    for (const auto& [side, m] : {std::pair{&corpus.src, &models.length.src},
                                  std::pair{&corpus.tgt, &models.length.tgt}}) {
      double sum = 0, sum_sq = 0, count = 0;
      for (const auto& doc : *side) {
        for (const SentFeat& f : doc) {
          const double l = std::max(f.length, 1);
          sum += l;
          sum_sq += l * l;
          count += 1;
        }
      }
      detail::fit_marginal(*m, sum, sum_sq, count);
    }
  }
  models.length.outlier_share = o.length_outlier_share;
  models.length.outlier_scale = o.length_outlier_scale;
  detail::tabulate(models.length);
  if (o.use_anchors && o.use_anchor_misses) models.anchor_miss = miss_cost(o, {});
  if (o.use_cognates && o.use_anchor_misses) {
    models.cognate_miss = o.cognate_miss_weight * miss_cost(o, {});
  }

  std::vector<std::array<std::unique_ptr<const SideTables>, 2>> tables(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    tables[d][0] = std::make_unique<const SideTables>(corpus.src[d]);
    tables[d][1] = std::make_unique<const SideTables>(corpus.tgt[d]);
  }
  std::vector<detail::DpResult> first(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    first[d] = run_pass(corpus.src[d], corpus.tgt[d], *tables[d][0], *tables[d][1], corpus,
                        models, o, nullptr);
  }
  // Re-estimate the length variance and train Model 1 on the confident 1-1 beads of all docs.
  std::vector<std::pair<int, int>> lengths;
  std::vector<std::pair<SentFeat*, SentFeat*>> train = training_pairs(corpus, first, o);
  for (const auto& [a, b] : train) lengths.emplace_back(a->length, b->length);
  if (o.use_anchor_misses) {
    // How often confident beads repeat their expected anchors and cognates: OCR'd or loosely
    // translated text drops more of them than a careful translation, and a miss then says less.
    if (o.use_anchors) {
      models.anchor_miss = miss_cost(o, item_repeats(corpus, first, o, &SentFeat::anchors,
                                                     &SentFeat::anchors_shared, false));
    }
    if (o.use_cognates) {
      models.cognate_miss = o.cognate_miss_weight *
                            miss_cost(o, item_repeats(corpus, first, o, &SentFeat::cognates,
                                                      &SentFeat::cognates_shared, true));
    }
  }
  // Asides are counted on a first pass that did not charge them: charged there, the asides
  // it pairs with plain text would mostly go, and h would confirm its own prior.
  if (o.use_aside_misses) models.aside_miss = miss_cost(o, aside_repeats(corpus, first, o));
  if (o.use_support_misses) support_rates(corpus, first, o, models);
  if (o.use_length) {
    // The ratio of total lengths is biased by omitted and added sentences (in a short document
    // one omission moves it by 10-20 %); the confident 1-1 beads give an unbiased one.
    models.length.ratio = detail::estimate_ratio(lengths, models.length.ratio);
    models.length.variance = detail::estimate_variance(lengths, models.length.ratio,
                                                       models.length.variance);
  }
  if (o.use_lexical) train_lexicon(corpus, train, o, models);
  // The guide of the last pass: the first pass, or the lexical pass of a second round.
  std::vector<detail::DpResult> guide = std::move(first);
  if (o.use_lexical && o.retrain_lexicon && models.lexical && train.size() < kMaxTrainingPairs) {
    std::vector<detail::DpResult> second(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) {
      second[d] = run_pass(corpus.src[d], corpus.tgt[d], *tables[d][0], *tables[d][1], corpus,
                           models, o, &guide[d]);
    }
    auto confirmed = training_pairs(corpus, second, o);
    if (!confirmed.empty()) {
      train_lexicon(corpus, confirmed, o, models);
      guide = std::move(second);
    }
  }
  std::vector<Alignment> out;
  out.reserve(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    detail::DpResult last = run_pass(corpus.src[d], corpus.tgt[d], *tables[d][0], *tables[d][1],
                                     corpus, models, o, &guide[d], /*alone=*/true);
    out.push_back(to_alignment(join_facing_one_sided(std::move(last.path), corpus.src[d],
                                                     corpus.tgt[d], o.use_aside_misses),
                               last.alone));
  }
  if (keep != nullptr) {
    keep->add_run(std::make_shared<const PairModel::Run>(
                      PairModel::Run{std::move(corpus), std::move(models), o}),
                  docs.size());
  }
  return out;
}

Alignment align(std::span<const core::Segment> src, std::span<const core::Segment> tgt,
                const AlignOptions& options) {
  DocPair d{src, tgt};
  return std::move(align_batch(std::span<const DocPair>(&d, 1), options).front());
}

// --- Bead costs after the alignment (align3's join, trilingual.cc) -------------------------

double BeadCosts::operator()(int i, int j, int di, int dj) const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const Rect& r = rect_;
  if (i < r.i0 || j < r.j0 || i + di > r.i1 || j + dj > r.j1) return kInf;
  for (int t = 0; t < kNumTypes; ++t) {
    if (kTypes[t].di != di || kTypes[t].dj != dj) continue;
    const auto cell = static_cast<std::size_t>((i - r.i0) * (r.j1 - r.j0 + 1) + (j - r.j0));
    return table_[cell * kNumTypes + static_cast<std::size_t>(t)];
  }
  return kInf;
}

void PairModel::add_run(std::shared_ptr<const Run> run, std::size_t docs) {
  for (std::size_t d = 0; d < docs; ++d) docs_.emplace_back(run, d);
}

// One Scorer (as the last pass builds it) over a band that holds every rectangle: the rows of
// a rectangle span its columns, the rows between rectangles the few cells that keep the band
// monotone. Every bead inside a rectangle then has its cells in the band and its widened band.
std::vector<BeadCosts> PairModel::bead_costs(std::size_t doc, std::span<const Rect> rects) const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<BeadCosts> out;
  if (rects.empty()) return out;
  const auto& [run, d] = docs_.at(doc);
  const std::vector<SentFeat>& src = run->corpus.src[d];
  const std::vector<SentFeat>& tgt = run->corpus.tgt[d];
  const AlignOptions& o = run->options;
  const int n = static_cast<int>(src.size()), m = static_cast<int>(tgt.size());
  std::vector<int> clo(static_cast<std::size_t>(n) + 1, m), chi(static_cast<std::size_t>(n) + 1, 0);
  for (const Rect& r : rects) {
    assert(0 <= r.i0 && r.i0 <= r.i1 && r.i1 <= n && 0 <= r.j0 && r.j0 <= r.j1 && r.j1 <= m);
    for (int i = r.i0; i <= r.i1; ++i) {
      clo[static_cast<std::size_t>(i)] = std::min(clo[static_cast<std::size_t>(i)], r.j0);
      chi[static_cast<std::size_t>(i)] = std::max(chi[static_cast<std::size_t>(i)], r.j1);
    }
  }
  const Band band = Band::around(clo, chi, 0, n, m);
  std::unique_ptr<LexCache> cache;
  if (run->models.lexical && o.use_lexical) {
    cache = std::make_unique<LexCache>(band, std::max(2, o.max_side), src, tgt, run->models,
                                       run->corpus, static_cast<float>(o.lexical_floor));
  }
  const Band ext = extend_band(band, std::max(2, o.max_side));
  const SideTables src_tables(src), tgt_tables(tgt);
  const Scorer scorer(src, tgt, src_tables, tgt_tables, run->corpus, run->models, o, cache.get(),
                      ext);
  const std::span<const BeadType> types = bead_types(o);
  for (const Rect& r : rects) {
    const int w = r.j1 - r.j0 + 1;
    std::vector<double> table(static_cast<std::size_t>((r.i1 - r.i0 + 1) * w) * kNumTypes, kInf);
    for (int i = r.i0; i <= r.i1; ++i) {
      for (int j = r.j0; j <= r.j1; ++j) {
        const auto cell = static_cast<std::size_t>((i - r.i0) * w + (j - r.j0));
        for (std::size_t t = 0; t < types.size(); ++t) {
          const int i1 = i + types[t].di, j1 = j + types[t].dj;
          if (i1 > r.i1 || j1 > r.j1) continue;
          table[cell * kNumTypes + t] = scorer(static_cast<int>(t), i, i1, j, j1);
        }
      }
    }
    out.emplace_back(r, std::move(table));
  }
  return out;
}

}  // namespace tilmash::align
