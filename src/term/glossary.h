// A terminology base in memory: entries (core::TermEntry) with unique ids, and the checks a
// shipped glossary must pass. Reading and writing files is io/'s job (tbx_reader, glossary_tsv).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "core/types.h"

namespace tilmash::term {

// "preferred" | "admitted" | "deprecated" | "forbidden".
std::string_view status_name(core::TermStatus status);

// The status named `name` (as status_name writes it), or nullopt.
std::optional<core::TermStatus> parse_status(std::string_view name);

// True for an XML NCName usable as an entry id (letter or '_' first; letters, digits, '-',
// '_', '.' after; ASCII only, so every tool accepts it).
bool is_valid_id(std::string_view id);

class Glossary {
 public:
  Glossary() = default;

  // A glossary of `entries`, kept in the given order. Fails (kBadFormat, message names the id)
  // on an invalid or duplicate id, or an entry without any term.
  static core::Result<Glossary> create(std::vector<core::TermEntry> entries);

  const std::vector<core::TermEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Index of the entry with `id`, or nullopt.
  std::optional<std::size_t> find(std::string_view id) const;

  // Adds `entry`, or replaces the entry with the same id when `replace` is true. Returns false
  // (and changes nothing) when the id is invalid, or taken and `replace` is false.
  bool add(core::TermEntry entry, bool replace = false);

  // Removes the entry with `id`; false when there is none.
  bool remove(std::string_view id);

  // Appends the entries of `other`; an entry whose id is taken replaces the old one when
  // `replace`, else is skipped. Returns the number added or replaced.
  std::size_t merge(const Glossary& other, bool replace);

  // An id not used yet, derived from `text` ("Nur-Sultan" -> "nur-sultan", "c17" when the
  // text gives no ASCII letters).
  std::string new_id(std::string_view text) const;

 private:
  void reindex();
  std::vector<core::TermEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // id -> position in entries_
};

// Problems that keep a glossary from shipping: entries lacking a term in one of `langs`, or a
// preferred term there; empty term texts; invalid dates ("YYYY-MM-DD"); duplicate ids. One
// line per problem, "id: message"; empty when the glossary is fine.
std::vector<std::string> check_glossary(std::span<const core::TermEntry> entries,
                                        std::span<const std::string> langs);

}  // namespace tilmash::term
