// tmx validate|stats|split|merge: TMX files checked, counted, split per language pair and
// merged, streaming (io::TmxReader), outputs written atomically (io::AtomicFile).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "io/tmx_header.h"
#include "io/tmx_validate.h"
#include "io/tmx_writer.h"

namespace tilmash::app {

// What the commands that write TMX share.
struct TmxWriteSetup {
  std::vector<std::string> lang_codes;  // "kk=kk-KZ": the xml:lang written for a language
  bool add_kk_latn = false;             // a kk-Latn variant after each Kazakh one
  std::size_t max_chars = 0;            // skip units with a longer segment (0 = no limit)
  bool drop_invalid_chars = false;      // read leniently: drop characters XML forbids
  // Told each reader warning (one line), when set.
  std::function<void(const std::string&)> warning;
};

struct TmxValidation {
  std::vector<io::TmxFinding> findings;  // every file's, in order
  // Files that are not well-formed XML: one "path:line:col: error: …" line each (bad input,
  // exit 3, not findings).
  std::vector<std::string> errors;
};

TmxValidation validate_tmx_files(const std::vector<std::string>& files, std::size_t max_chars);

// The findings as tmx validate --json prints them, and one line each (path:line:col …).
std::string tmx_findings_json(const std::vector<io::TmxFinding>& findings);
std::string tmx_findings_text(const std::vector<io::TmxFinding>& findings);

struct TmxFileStats {
  std::string path;
  io::TmxHeader header;
  std::size_t units = 0;
  std::size_t units_with_inline = 0;
  std::size_t empty_segments = 0;
  std::map<std::string, std::size_t> languages;  // units with a non-empty segment per language
  std::map<std::string, std::size_t> pairs;      // "en-kk" -> units having both
};

// Counts each file in turn and tells `each` about it before reading the next (so that what was
// counted is shown when a later file fails). Returns them all.
std::vector<TmxFileStats> tmx_stats(const std::vector<std::string>& files, bool drop_invalid_chars,
                                    const std::function<void(const TmxFileStats&)>& each = {});
// One file's counts: the JSON object of tmx stats --json, and the text block of tmx stats.
std::string tmx_stats_json(const TmxFileStats& stats);
std::string tmx_stats_text(const TmxFileStats& stats);

struct TmxOutput {
  std::string path;
  io::TmxWriteStats stats;
};

// One bilingual file per pair ("en-kk", "en:kk-Latn") named after `prefix` (io::tmx_pair_path).
// OptionError for a malformed pair or --lang-code.
std::vector<TmxOutput> split_tmx(const std::string& input, const std::vector<std::string>& pairs,
                                 const std::string& prefix, const TmxWriteSetup& setup);

struct MergeRequest {
  std::vector<std::string> inputs;
  std::string output;
  std::string srclang;          // normalized; "" = the first file's
  std::string langs;            // "en,kk,ru": only these, in this order ("" = all)
  bool keep_duplicates = false;
};

TmxOutput merge_tmx(const MergeRequest& request, const TmxWriteSetup& setup);

// "tilmash tmx VERB: path: N units; skipped …" and the writer's warnings, one per line.
std::string tmx_write_report(const std::string& verb, const TmxOutput& output);

}  // namespace tilmash::app
