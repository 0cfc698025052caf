// Per-sentence evidence for the aligner: lengths, word ids, anchors (numbers, URLs, capitalised
// tokens), punctuation counts and cognate candidates. Internal to tilmash::align; extracted once
// per run so the dynamic programme only compares small integer vectors.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "align/aligner.h"

namespace tilmash::align::detail {

// Punctuation that translators keep: ? ! ( ) and quotation marks of any style.
enum class Punct : int { kQuestion, kExclaim, kOpen, kClose, kQuote, kCount };
inline constexpr int kPunctCount = static_cast<int>(Punct::kCount);

struct SentFeat {
  int length = 0;                        // code points
  int paragraph = 0;                     // from core::Segment
  std::vector<int> words;                // side-vocabulary ids of lower-cased word tokens
  std::vector<int> stems;                // the same words cut to a prefix (lexical model)
  std::vector<int> lex;                  // the stems the trained lexical model knows (filled
                                         // after the first pass; empty before)
  int fold = 0;                          // which cross-fitted lexical model scores it
  std::vector<int> anchors;              // sorted ids in the shared anchor vocabulary
  int anchors_shared = 0;                // how many of `anchors` the other document of the pair
                                         // also has (set per document pair by the aligner)
  std::vector<int> terms;                // sorted glossary entry ids, one per occurrence
  std::vector<int> cognates;             // source: sorted target word ids cognate with a word here
                                         // target: sorted unique own word ids that are
                                         // some source word's cognate
  int cognates_shared = 0;               // words here with a cognate in the other document of
                                         // the pair (set by extract with cognates)
  std::array<std::uint8_t, kPunctCount> punct{};
  bool aside = false;                    // wholly one bracket (core::is_bracketed_sentence),
                                         // or a gloss
  bool gloss = false;                    // glosses a name of the sentences before it
                                         // (features.cc, glosses_name_before)
  std::vector<int> links;                // sorted ids of the dictionary's word links whose
                                         // word on this side the sentence has (aligner.cc,
                                         // mark_dictionary_links); empty without a dictionary
};

// Word <-> id, one per language side of a run.
class Vocab {
 public:
  int id(std::string_view word);  // adds unseen words
  bool contains(std::string_view word) const { return ids_.find(word) != ids_.end(); }
  int find(std::string_view word) const {  // -1 when unseen
    const auto it = ids_.find(word);
    return it == ids_.end() ? -1 : it->second;
  }
  int size() const { return static_cast<int>(words_.size()); }
  const std::string& word(int id) const { return words_[static_cast<std::size_t>(id)]; }

 private:
  // Looked up by string_view (no std::string made for a word already known).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

// Everything the aligner knows about the documents of one run.
struct Corpus {
  Vocab src_vocab, tgt_vocab, anchor_vocab;
  Vocab src_stems, tgt_stems;
  std::vector<std::vector<SentFeat>> src, tgt;  // [doc][sentence]
  std::vector<double> src_unigram, tgt_unigram;  // smoothed stem probabilities over the run
  // The stem ids of AlignOptions::dictionary's pairs (source, target), in order: read once per
  // run by the aligner for the dictionary's word links and Model 1's training.
  std::vector<std::pair<std::vector<int>, std::vector<int>>> dictionary;
};

// Extracts features of every sentence; cognate lists only when `cognates` is set (it needs ICU
// transliteration). Stems are words cut to `stem_prefix` code points (0: whole words). Word
// vectors are capped at kMaxWords per sentence. `langs` = {source, target} language tags for
// the number anchors (AlignOptions::langs); empty: digits only.
inline constexpr int kMaxWords = 200;
Corpus extract(std::span<const DocPair> docs, bool cognates, int stem_prefix,
               std::span<const std::string> langs = {});

// The first `prefix` code points of `word` (all of it when prefix <= 0).
std::string truncate(std::string_view word, int prefix);

// Words of `text` as lower-cased UTF-8 tokens (letters and digits; a token with no letter is
// dropped). Exposed for the dictionary option.
std::vector<std::string> word_tokens(std::string_view text);

// Normalized edit similarity used for cognates: 1 - lev(a, b') / |a| where a is the shorter
// string and b' the prefix of the longer of the same length (suffixes, i.e. inflection, ignored);
// 0 when the longer string is more than twice as long; at least 0.8 when both share their first
// five letters. ASCII strings.
double cognate_similarity(std::string_view a, std::string_view b);

// Whether a word found in `a` sentences of one side and a word found in `b` sentences of the
// other can be translations of each other: a word and its translation occur in about as many
// sentences (Fung & Church 1994, K-vec), at most kCognateFrequencyRatio times as many. Between
// languages of one script, spelling alone pairs frequent words with rare look-alikes (German
// nicht in 38 sentences with French niché in 1, hatte with hauteur, mich with michel, plus
// with plus); such pairs are no cognates. Inflected forms of a name (Шымкентте, Шымкенттегі)
// are compared one by one, so the bound is loose.
inline constexpr int kCognateFrequencyRatio = 2;
bool frequencies_agree(int a, int b);

}  // namespace tilmash::align::detail
