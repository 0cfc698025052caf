// align --tm: the translator's translation memory as training pairs of the aligner's lexical
// model (align::AlignOptions::dictionary). A short document teaches the model little on its
// own; the TM's units that share words with the documents teach it their translations.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/tm_backend.h"

namespace tilmash::app {

// Words shorter than this many letters do not count as shared (function words, which every
// unit holds, would rank units by length instead of by topic).
inline constexpr std::size_t kTmMinLetters = 4;

// Up to `max_units` (source text, target text) pairs from `tm`: units with a variant of
// `src_lang` and one of `tgt_lang` (io::lang_matches: "kk" takes kk-KZ; a unit's first variant of
// each language), ranked by the number of distinct words (align::detail::word_tokens, at least
// kTmMinLetters letters) their source text shares with `source_sentences`, most first, ties in
// the TM's unit order. Units sharing no word are left out. One scan of every unit in one read
// snapshot, a heap of max_units pairs. Empty when none fits. StoreError as the backend throws it.
std::vector<std::pair<std::string, std::string>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang, std::string_view tgt_lang,
    std::span<const std::string_view> source_sentences, std::size_t max_units);

// The same for several target languages in one scan of the TM: result[k] for tgt_langs[k].
std::vector<std::vector<std::pair<std::string, std::string>>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang,
    std::span<const std::string_view> tgt_langs,
    std::span<const std::string_view> source_sentences, std::size_t max_units);

}  // namespace tilmash::app
