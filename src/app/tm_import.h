// The TM tasks that write: import files (TMX, XLIFF, `tilmash align` JSON/TSV), create an
// empty TM, copy one TM into another. Each is one transaction on the TM written.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/types.h"
#include "store/tm_backend.h"

namespace tilmash::app {

// Called as units are read (on the caller's thread) and once before the index is written.
// `waiting`, when set, is told what the import waits for when another client's import holds
// the TM (the import then waits for it to end); unset, the import fails with StoreError (kIo)
// once the TM stays locked for open_tm's busy timeout (5 s).
struct ImportProgress {
  std::function<void()> unit;
  std::function<void()> writing_index;
  std::function<void(const std::string&)> waiting;
};

struct TmImportRequest {
  std::string db;                  // a file path or a postgresql:// URI
  std::vector<std::string> files;
  std::string format = "tmx";      // tmx (XLIFF found by content too) | xliff | json | tsv
  std::set<std::string> states;    // XLIFF: target states imported (io::default_import_states)
  std::string target_lang;         // XLIFF: when a file names none
  std::vector<std::string> langs;  // tsv: the languages of the columns
  std::optional<std::string> origin;  // default: tmx import, xliff import, tilmash align
  std::string now;                 // "YYYYMMDDThhmmssZ" for units without dates; "" = the clock
};

struct TmImportResult {
  store::ImportStats stats;
  std::map<std::string, std::size_t> xliff_skipped;  // reason -> XLIFF units not imported
};

// All files in one transaction; a failure (a bad file: io::InputError; the TM: StoreError)
// leaves the TM as it was.
TmImportResult import_tm(const TmImportRequest& request, const ImportProgress& progress = {});

// The provenance of a unit read from `path`: the file and `origin`, unless `tilmash align`
// recorded the document, origin (when origin_given is false) and bead confidence as props
// (x-document, x-origin, x-tilmash-confidence).
void tmx_provenance(const core::TranslationUnit& tu, store::Provenance& provenance,
                    std::optional<double>& confidence, bool origin_given);

// Creates the TM at `db` with its schema (nothing when it exists and is a tilmash TM).
void init_tm(const std::string& db);

struct TmCopyRequest {
  std::string from;  // file path or postgresql:// URI
  std::string to;    // created when missing
};

// Every unit of `from` (variants, props, notes, attributes, dates, provenance, confidence)
// into `to`, in one transaction on `to`, read from one snapshot of `from`; units `to` already
// holds merge as in an import. Units are kept as stored: a copy into an empty TM and back
// gives the same units.
store::ImportStats copy_tm(const TmCopyRequest& request,
                           const ImportProgress& progress = {});

}  // namespace tilmash::app
