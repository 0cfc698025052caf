// align: documents (text, HTML, DOCX, ODT, or one sentence per line) segmented and aligned,
// one group of 2-3 documents at a time or a batch learned together, written as beads, TSV,
// JSON, TMX, XLIFF or the review page (with its alignment editor).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "io/tmx_writer.h"

namespace tilmash::app {

struct AlignRequest {
  std::vector<std::string> langs;  // normalized tags, 2 or 3, in file order (the first: source)
  std::string langs_text;          // --langs as given, for messages
  std::vector<std::string> files;  // one per language (without batch_list)
  std::string batch_list;          // "SRC TGT" per line: one group each ("" = files)
  std::string out_dir;             // with batch_list: output N goes to OUT_DIR/N.FORMAT
  std::string output = "-";        // without batch_list ("-" = stdout)
  std::string format = "tsv";      // beads | tsv | json | tmx | xliff | html
  bool pairs = false;              // also OUT-en-kk.FORMAT … from each pair's own alignment
  bool segmented = false;          // inputs are one sentence per line already
  bool headers = false;            // DOCX/ODT page headers and footers too
  align::AlignOptions options;     // use_terms false: no glossary
  // Dictionaries training the lexical model (app/align_dictionary.h: TSV or FreeDict dictd),
  // for every language pair; when there are none and find_dictionaries is set, the FreeDict
  // dictionaries installed for each pair (find_freedict in freedict_dirs()).
  std::vector<std::string> dictionaries;
  bool find_dictionaries = true;
  std::string tm;                  // TM (file or postgresql:// URI) whose units train the
                                   // lexical model, after the dictionary (app/align_tm.h; "" = none)
  std::size_t tm_units = 2000;     // at most this many of its units (and of the lexicon's)
  // TMX files whose units train the lexical model before the TM's (app/align_tm.h; the CLI
  // passes app::lexicon_paths, the shipped lexicon by default; empty = none).
  std::vector<std::string> lexicons;
  std::vector<std::string> glossaries;  // --glossary as given (app::glossary_paths resolves)
  std::string from_json;           // take the beads from this align JSON ("" = align)
  // Told each TMX/XLIFF output's statistics when some beads were left out, when set.
  std::function<void(const std::string& path, const io::TmxWriteStats& stats)> left_out;
  // Told what the run used that the user may not expect (how many TM units, or none), when set.
  std::function<void(const std::string& message)> notice;
};

// Reads, segments, aligns and writes every output. OptionError for a request that cannot be
// run (file count, batch lines, a JSON of other languages, a TM with three languages);
// core::Failure for bad input (store::StoreError for a TM that cannot be read).
void align_documents(const AlignRequest& request);

}  // namespace tilmash::app
