// align --tm and the lexicon: the translator's translation memory, and the shipped lexicon
// (lexicon/*.tmx: translated sentences of the field), as training pairs of the aligner's lexical
// model (align::AlignOptions::dictionary). A short document teaches the model little on its
// own; units that share words with the documents teach it their translations.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/types.h"
#include "store/tm_backend.h"

namespace tilmash::app {

// Words shorter than this many letters do not count as shared (function words, which every
// unit holds, would rank units by length instead of by topic).
inline constexpr std::size_t kTmMinLetters = 4;

// The units of a TM or a lexicon that train the aligner's lexical model for some documents:
// offered one at a time, it keeps up to `max_units` (source text, target text) pairs per target
// language, those of units with a variant of `src_lang` and one of the target language
// (io::lang_matches: "kk" takes kk-KZ; a unit's first variant of each language) ranked by the
// number of distinct words (align::detail::word_tokens, at least kTmMinLetters letters) their
// source text shares with `source_sentences`, most first, ties in the order offered. Units
// sharing no word are left out. A heap of max_units pairs per language.
class TrainingPairPicker {
 public:
  TrainingPairPicker(std::string_view src_lang, std::span<const std::string_view> tgt_langs,
                     std::span<const std::string_view> source_sentences, std::size_t max_units);
  ~TrainingPairPicker();
  TrainingPairPicker(const TrainingPairPicker&) = delete;
  TrainingPairPicker& operator=(const TrainingPairPicker&) = delete;

  // False once nothing can be kept (no document word, or max_units 0): callers may stop.
  bool wants_units() const;
  void offer(const core::TranslationUnit& unit);
  // The kept pairs, best first: result[k] for tgt_langs[k]. Leaves the picker empty.
  std::vector<std::vector<std::pair<std::string, std::string>>> take();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The picker over every unit of `tm`, in one read snapshot. StoreError as the backend throws it.
std::vector<std::vector<std::pair<std::string, std::string>>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang,
    std::span<const std::string_view> tgt_langs,
    std::span<const std::string_view> source_sentences, std::size_t max_units);

// The same for one target language.
std::vector<std::pair<std::string, std::string>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang, std::string_view tgt_lang,
    std::span<const std::string_view> source_sentences, std::size_t max_units);

// The lexicon files of an align run: `given` (--lexicon) when not empty, else
// $TILMASH_LEXICON, else the shipped lexicon/*.tmx (app/shipped.h); empty when there is none.
std::vector<std::string> lexicon_paths(std::vector<std::string> given);

// The picker over every unit of the TMX files `paths`, in order (io::TmxReader: IoError,
// InputError naming the file).
std::vector<std::vector<std::pair<std::string, std::string>>> lexicon_training_pairs(
    std::span<const std::string> paths, std::string_view src_lang,
    std::span<const std::string_view> tgt_langs,
    std::span<const std::string_view> source_sentences, std::size_t max_units);

}  // namespace tilmash::app
