// The glossary cache file. Layout (host byte order, tagged so another order is rejected):
//   header  "tilmGC\r\n", u32 version, u32 byte-order mark, u64 payload size, u64 checksum of
//           the payload up to the entry blob (producer, sources, offsets)
//   payload producer, sources (path, size, mtime), entry count, entry offset table (count + 1
//           u64), entry blob, index size, zero padding to an 8-byte file offset, index bytes
//           (aligned, so the match index can be used in place from a memory-mapped file)
// Strings are u32 length + bytes. Every length is checked against the bytes left before use.
// The entry blob and the index (most of the file) are not checksummed: reading them all on each
// lookup would cost more than the lookup (page-cache reads of several MB). They are checked
// where they are read instead: entry() decodes with bounds checks and fails on damage, and
// term::MatchIndex checks each record it uses, so damage is contained, never followed.
#include "io/glossary_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/bytes.h"
#include "io/atomic_file.h"
#include "io/errors.h"

namespace tilmash::io {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'t', 'i', 'l', 'm', 'G', 'C', '\r', '\n'};
constexpr std::uint32_t kVersion = 4;
constexpr std::size_t kIndexAlignment = 8;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

using core::ByteReader;
using core::put_raw;
using core::put_u32;
using core::put_u64;
using core::put_u8;

void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

void put_entry(std::string& out, const core::TermEntry& e) {
  put_str(out, e.id);
  put_str(out, e.subject);
  put_str(out, e.definition);
  put_str(out, e.note);
  put_str(out, e.subset);
  put_u32(out, static_cast<std::uint32_t>(e.terms.size()));
  for (const auto& [lang, terms] : e.terms) {
    put_str(out, lang);
    put_u32(out, static_cast<std::uint32_t>(terms.size()));
    for (const core::Term& t : terms) {
      put_str(out, t.text);
      put_u8(out, static_cast<std::uint8_t>(t.status));
      put_str(out, t.part_of_speech);
      put_str(out, t.note);
      put_str(out, t.source);
      put_str(out, t.valid_from);
      put_str(out, t.valid_to);
      put_u8(out, t.unverified ? 1 : 0);
      put_str(out, t.subset);
    }
  }
}

std::optional<core::TermEntry> get_entry(std::string_view bytes) {
  ByteReader r(bytes);
  core::TermEntry e;
  std::uint32_t langs = 0;
  if (!r.str(e.id) || !r.str(e.subject) || !r.str(e.definition) || !r.str(e.note) ||
      !r.str(e.subset) || !r.u32(langs)) {
    return std::nullopt;
  }
  for (std::uint32_t l = 0; l < langs; ++l) {
    std::string lang;
    std::uint32_t n = 0;
    // Each term takes at least 30 bytes: bound the count before reserving for it.
    if (!r.str(lang) || !r.u32(n) || n > r.left() / 30) return std::nullopt;
    std::vector<core::Term>& terms = e.terms[lang];
    terms.resize(n);
    for (core::Term& t : terms) {
      std::uint8_t status = 0;
      std::uint8_t unverified = 0;
      if (!r.str(t.text) || !r.u8(status) || status > 3 || !r.str(t.part_of_speech) ||
          !r.str(t.note) || !r.str(t.source) || !r.str(t.valid_from) || !r.str(t.valid_to) ||
          !r.u8(unverified) || unverified > 1 || !r.str(t.subset)) {
        return std::nullopt;
      }
      t.status = static_cast<core::TermStatus>(status);
      t.unverified = unverified == 1;
    }
  }
  if (r.left() != 0) return std::nullopt;
  return e;
}

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

std::uint64_t load64(const char* p) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

std::uint64_t cache_checksum(std::string_view bytes) {
  // Fletcher's scheme over 64-bit words (J. G. Fletcher, "An Arithmetic Checksum for Serial
  // Transmissions", IEEE Trans. Commun. 30(1), 1982), in four interleaved lanes so the compiler
  // can vectorise it: per lane a running sum and a sum of running sums (which makes the result
  // depend on word order). Additions only, so checking a few MB costs well under a millisecond;
  // then the tail and a multiply-xorshift avalanche over the lanes.
  constexpr std::uint64_t kA = 0x9E3779B185EBCA87ULL;
  constexpr std::uint64_t kB = 0xC2B2AE3D27D4EB4FULL;
  std::uint64_t sum[4] = {1, 2, 3, 4};
  std::uint64_t sum2[4] = {0, 0, 0, 0};
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int l = 0; l < 4; ++l) {
      sum[l] += load64(p + i + 8 * static_cast<std::size_t>(l));
      sum2[l] += sum[l];
    }
  }
  std::uint64_t h = static_cast<std::uint64_t>(n) * kA;
  for (int l = 0; l < 4; ++l) {
    h = rotl((h ^ sum[l]) * kB, 27);
    h = rotl((h ^ sum2[l]) * kA, 31);
  }
  for (; i < n; ++i) h = rotl((h ^ static_cast<unsigned char>(p[i])) * kA, 23);
  h ^= h >> 33;
  h *= kB;
  h ^= h >> 29;
  h *= kA;
  h ^= h >> 32;
  return h;
}

std::vector<SourceStamp> stamp_sources(std::span<const std::string> paths) {
  std::vector<SourceStamp> out;
  for (const std::string& p : paths) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) throw IoError(p, std::strerror(errno));
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    out.push_back({ec ? p : abs.lexically_normal().string(), static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                       st.st_mtim.tv_nsec});
  }
  return out;
}

std::string glossary_cache_path(std::string_view dir, std::span<const SourceStamp> sources) {
  std::string key;
  for (const SourceStamp& s : sources) {
    key += s.path;
    key += '\0';
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "glossary-";
  const std::uint64_t h = cache_checksum(key);
  for (int shift = 60; shift >= 0; shift -= 4) name += kHex[(h >> shift) & 0xF];
  return (fs::path(dir) / (name + ".cache")).string();
}

std::string encode_glossary_cache(std::span<const SourceStamp> sources, std::string_view producer,
                                  std::span<const core::TermEntry> entries,
                                  std::string_view index_bytes) {
  std::string payload;
  put_str(payload, producer);
  put_u32(payload, static_cast<std::uint32_t>(sources.size()));
  for (const SourceStamp& s : sources) {
    put_str(payload, s.path);
    put_u64(payload, s.size);
    put_u64(payload, static_cast<std::uint64_t>(s.mtime_ns));
  }
  std::string blob;
  std::vector<std::uint64_t> offsets{0};
  for (const core::TermEntry& e : entries) {
    put_entry(blob, e);
    offsets.push_back(blob.size());
  }
  put_u64(payload, entries.size());
  put_raw(payload, offsets.data(), offsets.size() * sizeof(std::uint64_t));
  const std::uint64_t checksum = cache_checksum(payload);
  payload += blob;
  put_u64(payload, index_bytes.size());
  while ((kHeaderSize + payload.size()) % kIndexAlignment != 0) payload += '\0';
  payload += index_bytes;

  std::string out;
  out.reserve(kHeaderSize + payload.size());
  put_raw(out, kMagic, sizeof kMagic);
  put_u32(out, kVersion);
  put_u32(out, kByteOrderMark);
  put_u64(out, payload.size());
  put_u64(out, checksum);
  return out + payload;
}

std::optional<GlossaryCache> GlossaryCache::parse(std::string bytes,
                                                  std::span<const SourceStamp> sources,
                                                  std::string_view producer) {
  auto keep = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view view = *keep;
  return parse_view(view, std::move(keep), sources, producer);
}

std::optional<GlossaryCache> GlossaryCache::parse_view(std::string_view bytes,
                                                       std::shared_ptr<const void> keep,
                                                       std::span<const SourceStamp> sources,
                                                       std::string_view producer) {
  ByteReader r(bytes);
  char magic[sizeof kMagic] = {};
  std::uint32_t version = 0;
  std::uint32_t bom = 0;
  std::uint64_t payload_size = 0;
  std::uint64_t checksum = 0;
  if (!r.raw(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
      !r.u32(version) || version != kVersion || !r.u32(bom) || bom != kByteOrderMark ||
      !r.u64(payload_size) || !r.u64(checksum) || payload_size != r.left()) {
    return std::nullopt;
  }
  std::string s;
  std::uint32_t count = 0;
  if (!r.str(s) || s != producer || !r.u32(count) || count != sources.size()) return std::nullopt;
  for (const SourceStamp& want : sources) {
    SourceStamp got;
    std::uint64_t mtime = 0;
    if (!r.str(got.path) || !r.u64(got.size) || !r.u64(mtime)) return std::nullopt;
    got.mtime_ns = static_cast<std::int64_t>(mtime);
    if (!(got == want)) return std::nullopt;
  }
  GlossaryCache c;
  std::uint64_t entries = 0;
  if (!r.u64(entries) || entries >= r.left() / sizeof(std::uint64_t)) return std::nullopt;
  c.offsets_.resize(static_cast<std::size_t>(entries) + 1);
  if (!r.raw(c.offsets_.data(), c.offsets_.size() * sizeof(std::uint64_t))) return std::nullopt;
  if (c.offsets_.front() != 0) return std::nullopt;
  for (std::size_t i = 1; i < c.offsets_.size(); ++i) {
    if (c.offsets_[i] < c.offsets_[i - 1]) return std::nullopt;
  }
  c.entries_begin_ = r.pos();
  if (cache_checksum(bytes.substr(kHeaderSize, c.entries_begin_ - kHeaderSize)) != checksum) {
    return std::nullopt;
  }
  std::uint64_t index_size = 0;
  if (!r.skip(c.offsets_.back()) || !r.u64(index_size)) return std::nullopt;
  while (r.pos() % kIndexAlignment != 0) {
    std::uint8_t zero = 1;
    if (!r.u8(zero) || zero != 0) return std::nullopt;
  }
  if (index_size != r.left()) return std::nullopt;
  c.index_begin_ = r.pos();
  c.index_size_ = static_cast<std::size_t>(index_size);
  c.bytes_ = bytes;
  c.keep_ = std::move(keep);
  return c;
}

std::optional<core::TermEntry> GlossaryCache::entry(std::size_t i) const {
  if (i >= size()) return std::nullopt;
  const std::string_view blob = bytes_.substr(entries_begin_);
  return get_entry(blob.substr(static_cast<std::size_t>(offsets_[i]),
                               static_cast<std::size_t>(offsets_[i + 1] - offsets_[i])));
}

std::string_view GlossaryCache::index_bytes() const {
  return bytes_.substr(index_begin_, index_size_);
}

std::optional<GlossaryCache> read_glossary_cache(const std::string& path,
                                                 std::span<const SourceStamp> sources,
                                                 std::string_view producer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  void* map = MAP_FAILED;
  std::size_t size = 0;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    size = static_cast<std::size_t>(st.st_size);
    // Private and read-only: a later rewrite of the file (always by rename) cannot change it.
    map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  }
  ::close(fd);
  if (map == MAP_FAILED) return std::nullopt;
  std::shared_ptr<const void> keep(map, [size](const void* p) {
    ::munmap(const_cast<void*>(p), size);
  });
  const std::string_view bytes(static_cast<const char*>(map), size);
  return GlossaryCache::parse_view(bytes, std::move(keep), sources, producer);
}

bool write_glossary_cache(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return false;
  try {
    write_file_atomic(path, bytes);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace tilmash::io
