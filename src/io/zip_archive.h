// Reading a zip archive held in memory (DOCX and ODT are zip packages of XML parts), with
// limits against hostile archives. libzip (Debian libzip-dev) does the reading; its header
// stays in zip_archive.cc (scripts/check_layering.sh). Nothing is ever extracted to disk, so
// entry names are only compared, never used as paths.
//
// Why libzip and not minizip: libzip is maintained upstream and in Debian, opens an archive
// straight from a buffer (zip_source_buffer_create), reports each entry's uncompressed size,
// compressed size, compression and encryption method before anything is inflated, checks the
// CRC at the end of each entry, and handles zip64. minizip (zlib's contrib/) needs callback
// plumbing to read from memory, has no error strings, and its Debian package follows a
// contrib directory that upstream zlib only lightly maintains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilmash::io {

// Limits for one archive. The sizes are counted while inflating: the sizes an archive declares
// are checked first, but never trusted.
struct ZipLimits {
  std::size_t max_entries = 20000;                        // central directory entries
  std::uint64_t max_entry_size = std::uint64_t{256} << 20;  // bytes of one inflated entry
  std::uint64_t max_total_size = std::uint64_t{512} << 20;  // bytes inflated from the archive
  // Inflated bytes per compressed byte, checked once an entry passes ratio_floor bytes: the
  // XML of real documents deflates 5–30 to 1, a zip bomb about 1000 to 1. Below the floor any
  // ratio passes (a small part of repeated markup may deflate 1000 to 1 and costs nothing).
  std::uint64_t max_ratio = 100;
  std::uint64_t ratio_floor = std::uint64_t{8} << 20;
};

// The first bytes of a zip archive: a local file header, or the end record of an empty archive.
bool looks_like_zip(std::string_view bytes);

class ZipArchive {
 public:
  // Opens the archive in `bytes` (not copied: it must outlive the archive); `path` names it in
  // messages. Throws InputError (path: error: …) when the bytes are not a readable zip archive
  // (truncated, damaged, inconsistent) or hold more than limits.max_entries entries.
  ZipArchive(std::string path, std::string_view bytes, const ZipLimits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether an entry of exactly this name exists.
  bool contains(const std::string& name) const;

  // Names of all entries, in central directory order.
  std::vector<std::string> names() const;

  // The inflated content of entry `name`, or nullopt when there is none. Throws InputError
  // naming the archive and the entry when the entry is encrypted, uses a compression method
  // other than stored or deflate, is damaged (CRC, truncated data), or would pass a limit.
  std::optional<std::string> read(const std::string& name);

  const std::string& path() const { return path_; }

 private:
  class Impl;
  std::string path_;
  ZipLimits limits_;
  std::uint64_t total_ = 0;  // bytes inflated so far
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilmash::io
