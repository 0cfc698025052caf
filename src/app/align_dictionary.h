// align's bilingual dictionaries: word pairs that train the aligner's lexical model
// (align::AlignOptions::dictionary) beside the documents, the lexicon and a TM. A general
// dictionary knows the words a short document cannot teach Model 1: on the Text+Berg test
// documents, each aligned alone, FreeDict's de-fr dictionaries take strict F1 from 0.866 to
// 0.904 (docs/ARCHITECTURE.md, "A general dictionary").
//
// Two kinds of file: a TSV of source<TAB>target pairs, and a FreeDict dictionary in the dictd
// format (io/dictd.h). By default align looks for the FreeDict dictionaries of its language
// pair where Debian installs them (package dict-freedict-deu-fra: /usr/share/dictd/
// freedict-deu-fra.index), in both directions: freedict-deu-fra gives (headword, translation)
// pairs for de→fr, freedict-fra-deu the same pairs reversed.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tilmash::app {

using WordPairs = std::vector<std::pair<std::string, std::string>>;

// A dictionary file and whether its pairs run the other way (target language first).
struct DictionaryFile {
  std::string path;
  bool reversed = false;
};

// The folders searched for FreeDict dictionaries: $TILMASH_DICTD_DIR (':'-separated) when set,
// else /usr/share/dictd.
std::vector<std::string> freedict_dirs();

// FreeDict's three-letter code of a language tag ("de-CH" -> "deu"), or "" for a language this
// table does not know (a three-letter primary subtag is taken as it is).
std::string freedict_code(std::string_view lang);

// The FreeDict dictionaries for source language `src` and target `tgt` in `dirs`: the first
// freedict-SRC-TGT.index found, and the first freedict-TGT-SRC.index (reversed). Empty when
// there is none or a language has no code.
std::vector<DictionaryFile> find_freedict(std::string_view src, std::string_view tgt,
                                          std::span<const std::string> dirs);

// The (source, target) pairs of a dictionary file: a dictd dictionary (io::is_dictd_path) gives
// one pair per translation of each entry, the headword first unless `reversed`; any other file
// is read as TSV (source<TAB>target a line; lines without a tab are skipped). Errors as
// io::read_dictd, or io::InputError on invalid UTF-8 in a TSV.
WordPairs read_dictionary_pairs(const DictionaryFile& file);

}  // namespace tilmash::app
