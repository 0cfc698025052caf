// An on-disk cache of merged glossaries for fast lookups: the entries (each decodable alone,
// through an offset table) and the serialised term::MatchIndex, tagged with the source files'
// path, size and mtime and with a checksum of that table. It is only ever a copy: a mismatch, or
// damage found (header, table, an entry that does not decode), reads as "no cache" and the
// caller rebuilds from the TBX files; damage in the index is contained by term::MatchIndex's
// checks on use. No matching logic here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

// What a cache was built from: one source file.
struct SourceStamp {
  std::string path;        // absolute path
  std::uint64_t size = 0;  // bytes
  std::int64_t mtime_ns = 0;  // modification time, ns since the epoch
  bool operator==(const SourceStamp&) const = default;
};

// Stamps of `paths`, made absolute (not resolved through symlinks). Throws IoError when a
// file cannot be stat'ed.
std::vector<SourceStamp> stamp_sources(std::span<const std::string> paths);

// The cache file for `sources` in folder `dir`: "<dir>/glossary-<16 hex digits>.cache", named
// by a hash of the path list (so each set of glossaries has its own file).
std::string glossary_cache_path(std::string_view dir, std::span<const SourceStamp> sources);

// A 64-bit checksum of `bytes` (not cryptographic; detects damage, not tampering).
std::uint64_t cache_checksum(std::string_view bytes);

// The cache file contents for `entries` (merged, in matcher order) and `index_bytes`
// (term::MatchIndex::serialize). `producer` names the program build that made them; a reader
// with another producer ignores the file.
std::string encode_glossary_cache(std::span<const SourceStamp> sources, std::string_view producer,
                                  std::span<const core::TermEntry> entries,
                                  std::string_view index_bytes);

// A parsed cache file. Entries are decoded on demand.
class GlossaryCache {
 public:
  // The cache in `bytes`, or nullopt when they are truncated or damaged (bad magic, version,
  // sizes, checksum of the table up to the entries, offsets) or were made for other `sources`
  // or another `producer`. Never throws on bad bytes, never reads past them; the entry blob and
  // the index are checked where they are read (entry(), term::MatchIndex).
  static std::optional<GlossaryCache> parse(std::string bytes, std::span<const SourceStamp> sources,
                                            std::string_view producer);

  // As parse, over `bytes` owned elsewhere and kept alive by `keep` (e.g. a mapped file).
  static std::optional<GlossaryCache> parse_view(std::string_view bytes,
                                                 std::shared_ptr<const void> keep,
                                                 std::span<const SourceStamp> sources,
                                                 std::string_view producer);

  // Number of entries.
  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

  // Entry `i` (< size()), or nullopt when its bytes do not decode.
  std::optional<core::TermEntry> entry(std::size_t i) const;

  // The serialised match index (a view into this object's bytes, which start on an 8-byte
  // boundary, so term::MatchIndex::view can use them in place while storage() is held).
  std::string_view index_bytes() const;

  // Byte offsets of the entry blob and of the index in the file (for tests and diagnostics).
  std::size_t entries_offset() const { return entries_begin_; }
  std::size_t index_offset() const { return index_begin_; }

  // Keeps the bytes behind index_bytes() (a mapped file or a string) alive.
  std::shared_ptr<const void> storage() const { return keep_; }

 private:
  GlossaryCache() = default;
  std::shared_ptr<const void> keep_;
  std::string_view bytes_;
  std::size_t entries_begin_ = 0;       // byte offset of the entry blob in bytes_
  std::vector<std::uint64_t> offsets_;  // entry i = blob [offsets_[i], offsets_[i + 1])
  std::size_t index_begin_ = 0;
  std::size_t index_size_ = 0;
};

// The cache at `path` (GlossaryCache::parse of its bytes, mapped into memory rather than read,
// so only the pages a lookup touches are loaded), or nullopt when it is missing, unreadable or
// invalid. Never throws.
std::optional<GlossaryCache> read_glossary_cache(const std::string& path,
                                                 std::span<const SourceStamp> sources,
                                                 std::string_view producer);

// Writes `bytes` to `path` atomically, creating its folder. Returns false (and leaves no
// partial file) when that fails; caching is optional, so callers just go on.
bool write_glossary_cache(const std::string& path, std::string_view bytes);

}  // namespace tilmash::io
