// The glossary tasks: which files a task reads, loading and saving them, lookup (through the
// cache of io/glossary_cache when it is fresh), export, and glossary evidence for tasks that
// read documents (align).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/types.h"
#include "term/glossary.h"
#include "term/matcher.h"

namespace tilmash::app {

// The glossary files of a task: `given` (--glossary) when not empty, else $TILMASH_GLOSSARY,
// else the shipped glossaries/*.tbx (beside or above the executable, else the source tree).
// OptionError when there is none.
std::vector<std::string> glossary_paths(std::vector<std::string> given);

// All glossaries merged (later files add entries; an id already seen keeps the first).
// IoError / InputError for a file that cannot be read or is invalid.
term::Glossary load_glossary(const std::vector<std::string>& paths);

// Rewrites `path` atomically as canonical TBX.
void save_glossary(const std::string& path, const term::Glossary& glossary);

// The entries of a TBX, OmegaT TSV or CSV file; `format` "auto" (or empty) = by extension
// (.csv; .txt .utf8 .tab .tsv; else TBX). OptionError for an unknown format.
std::vector<core::TermEntry> read_term_file(const std::string& path, const std::string& format,
                                            const std::string& src, const std::string& tgt);

// A matcher over glossary_paths(given); nullopt when nothing is given and nothing shipped, or
// when the glossary has no term in any of `langs` after the first (nothing could match).
std::optional<term::Matcher> optional_matcher(std::vector<std::string> given,
                                              std::span<const std::string> langs);

// For each sentence of `doc`, the indices into matcher.glossary().entries() of the terms of
// `lang` found in it (find_in_text, no typos), one per occurrence, in text order.
std::vector<std::vector<int>> sentence_terms(const term::Matcher& matcher,
                                             std::span<const core::Segment> doc,
                                             const std::string& lang);

struct LookupRequest {
  std::vector<std::string> glossaries;  // resolved paths (glossary_paths)
  std::string text;
  term::LookupOptions options;
  bool use_cache = true;
  std::string cache_dir;  // empty: default_cache_dir()
};

struct LookupResult {
  std::vector<term::LookupHit> hits;
  std::vector<core::TermEntry> entries;  // the entry of each hit
};

// `text` looked up through the cache when it is fresh, else in the files (then the cache is
// rewritten; a failed write is ignored).
LookupResult lookup_glossary(const LookupRequest& request);

// $XDG_CACHE_HOME/tilmash, else ~/.cache/tilmash; "" when neither is set (no caching).
std::string default_cache_dir();

struct ExportRequest {
  std::vector<std::string> glossaries;
  std::string format;  // tbx | martif | omegat-tbx | tsv | csv
  std::string src = "en";
  std::string tgt = "kk";
  char delimiter = ',';
};

// The glossary in `format`, as bytes. OptionError for an unknown format.
std::string export_glossary(const ExportRequest& request);

// An entry's terms per language: as JSON ({"en": [{"text": …, "status": …}], …}) and as
// text ("en: camp | kk: лагерь (admitted) [unverified]"), as glossary lookup and list print them.
std::string terms_json(const core::TermEntry& entry);
std::string terms_text(const core::TermEntry& entry);

}  // namespace tilmash::app
