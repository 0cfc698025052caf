// The glossary edits: add, edit, remove, import. Each rewrites one glossary file (the first
// --glossary) atomically in canonical TBX form (app::save_glossary).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/types.h"

namespace tilmash::app {

// Changes to an entry's terms and fields, as add and edit take them.
struct TermChanges {
  // The preferred term per language (--en/--kk/--ru): the old preferred one becomes admitted.
  std::vector<std::pair<std::string, std::string>> preferred;
  // "LANG=TEXT" each: add the term with that status, or change an existing term's status.
  std::vector<std::string> admitted, deprecated, forbidden;
  std::vector<std::string> drop;  // "LANG=TEXT": remove the term
  std::optional<std::string> definition, note, subject;
};

// "LANG=TEXT" -> (lang, text); OptionError naming `option` otherwise.
std::pair<std::string, std::string> parse_lang_text(const std::string& arg, const std::string& option);

// Applies `changes` to `entry`, in this order: preferred, admitted, deprecated, forbidden,
// drop (a language left without terms is removed), then the fields.
void apply_term_changes(const TermChanges& changes, core::TermEntry& entry);

// Adds an entry; its id is `id`, else one made from the English term (else the first term).
// Returns the id. OptionError when no term is given, the id is invalid or taken.
std::string add_glossary_entry(const std::string& glossary, const std::optional<std::string>& id,
                               const TermChanges& changes);

// Changes entry `id`. OptionError when there is no such entry or it would be left termless.
void edit_glossary_entry(const std::string& glossary, const std::string& id,
                         const TermChanges& changes);

// Removes the entries `ids` (all or nothing: OptionError for an unknown id, file unchanged).
void remove_glossary_entries(const std::string& glossary, const std::vector<std::string>& ids);

struct ImportRequest {
  std::string glossary;             // the file rewritten
  std::vector<std::string> files;   // TBX, OmegaT TSV or CSV
  std::string format = "auto";      // read_term_file
  std::string src = "en";
  std::string tgt = "kk";
  bool replace = false;             // imported entries replace entries with the same id
};

// Adds the entries of `files`; returns how many were added or replaced.
std::size_t import_glossary_entries(const ImportRequest& request);

}  // namespace tilmash::app
