// Building, serialising and checking the flat lookup index of term::Matcher. The byte form is
// a tagged header followed by length-prefixed arrays of 32-bit records; deserialize checks every
// length against the bytes left and every cross-reference against its target array, so no
// later access through the index can leave its arrays.
#include "term/match_index.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <limits>
#include <type_traits>

#include "core/bytes.h"
#include "core/lang.h"
#include "core/utf8.h"
#include "term/normalize.h"

namespace tilmash::term {

namespace {

constexpr char kMagic[4] = {'T', 'M', 'I', 'X'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

IndexLang lang_of(std::string_view tag) {
  const std::string_view p = core::primary_language(tag);
  if (p == "kk") return IndexLang::kKazakh;
  if (p == "ru") return IndexLang::kRussian;
  if (p == "en") return IndexLang::kEnglish;
  return IndexLang::kOther;
}

std::uint32_t status_rank(core::TermStatus s) {
  switch (s) {
    case core::TermStatus::kPreferred: return 0;
    case core::TermStatus::kAdmitted: return 1;
    case core::TermStatus::kDeprecated: return 2;
    case core::TermStatus::kForbidden: return 3;
  }
  return 0;
}

std::uint32_t u32(std::size_t n) {
  assert(n <= std::numeric_limits<std::uint32_t>::max());
  return static_cast<std::uint32_t>(n);
}

using core::ByteReader;
using core::put_raw;
using core::put_u32;
using core::put_u64;

bool in_range(std::uint64_t begin, std::uint64_t size, std::uint64_t limit) {
  return begin <= limit && size <= limit - begin;
}

core::Unexpected bad(std::string message, std::size_t offset) {
  return core::unexpected(core::Error{core::ErrorCode::kBadFormat, std::move(message), offset});
}

}  // namespace

std::string_view bucket_of(std::string_view key) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < 4 && pos < key.size(); ++i) core::next_code_point(key, pos);
  return key.substr(0, pos);
}

struct MatchIndex::Owned {
  std::string text;
  std::vector<TermRecord> terms;
  std::vector<Slice> keys;
  std::vector<Bucket> buckets;
  std::vector<Posting> postings;
};

MatchIndex MatchIndex::build(const Glossary& glossary) {
  MatchIndex ix;
  auto o = std::make_shared<Owned>();
  const auto& entries = glossary.entries();
  ix.entry_count_ = u32(entries.size());
  for (const core::TermEntry& e : entries) {
    for (const auto& kv : e.terms) ix.langs_.push_back(kv.first);
  }
  std::sort(ix.langs_.begin(), ix.langs_.end());
  ix.langs_.erase(std::unique(ix.langs_.begin(), ix.langs_.end()), ix.langs_.end());

  struct Pending {
    Slice bucket;
    Posting posting;
  };
  std::vector<Pending> pending;
  std::vector<std::string> keys;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    for (const auto& [lang, list] : entries[e].terms) {
      const IndexLang kind = lang_of(lang);
      const auto lang_index = static_cast<std::size_t>(
          std::lower_bound(ix.langs_.begin(), ix.langs_.end(), lang) - ix.langs_.begin());
      for (std::size_t t = 0; t < list.size(); ++t) {
        keys.clear();
        for (Token& tok : tokenize(list[t].text)) {
          keys.push_back(kind == IndexLang::kKazakh ? kazakh_key(tok.key) : std::move(tok.key));
          if (keys.back().empty()) keys.pop_back();
        }
        if (keys.empty()) continue;
        TermRecord r;
        r.entry = u32(e);
        r.term = u32(t);
        r.lang = u32(lang_index);
        r.kind = static_cast<std::uint32_t>(kind);
        r.status = status_rank(list[t].status);
        r.first_key = u32(o->keys.size());
        r.key_count = u32(keys.size());
        r.phrase_begin = u32(o->text.size());
        const auto index = u32(o->terms.size());
        for (std::size_t p = 0; p < keys.size(); ++p) {
          if (p != 0) o->text += ' ';
          const Slice key{u32(o->text.size()), u32(keys[p].size())};
          o->text += keys[p];
          o->keys.push_back(key);
          pending.push_back({{key.begin, u32(bucket_of(keys[p]).size())}, {index, u32(p)}});
        }
        r.phrase_size = u32(o->text.size() - r.phrase_begin);
        r.phrase_cps = u32(core::count_code_points(
            std::string_view(o->text).substr(r.phrase_begin, r.phrase_size)));
        o->terms.push_back(r);
      }
    }
  }
  const auto name = [&](Slice s) { return std::string_view(o->text).substr(s.begin, s.size); };
  // Group postings by bucket bytes; stable, so each bucket lists its postings in term order.
  std::stable_sort(pending.begin(), pending.end(), [&](const Pending& a, const Pending& b) {
    return name(a.bucket) < name(b.bucket);
  });
  o->postings.reserve(pending.size());
  for (const Pending& p : pending) {
    if (o->buckets.empty() || name(o->buckets.back().name) != name(p.bucket)) {
      o->buckets.push_back({p.bucket, u32(o->postings.size()), 0});
    }
    ++o->buckets.back().posting_count;
    o->postings.push_back(p.posting);
  }
  ix.text_ = o->text;
  ix.terms_ = o->terms;
  ix.keys_ = o->keys;
  ix.buckets_ = o->buckets;
  ix.postings_ = o->postings;
  ix.keep_ = std::move(o);
  return ix;
}

bool MatchIndex::operator==(const MatchIndex& o) const {
  return entry_count_ == o.entry_count_ && langs_ == o.langs_ && text_ == o.text_ &&
         std::ranges::equal(terms_, o.terms_) && std::ranges::equal(keys_, o.keys_) &&
         std::ranges::equal(buckets_, o.buckets_) && std::ranges::equal(postings_, o.postings_);
}

std::span<const MatchIndex::Posting> MatchIndex::bucket(std::string_view name) const {
  // A damaged bucket table (out of order, names outside the pool) can only make this miss.
  auto it = std::lower_bound(buckets_.begin(), buckets_.end(), name,
                             [&](const Bucket& b, std::string_view n) { return slice(b.name) < n; });
  if (it == buckets_.end() || slice(it->name) != name) return {};
  if (!in_range(it->first_posting, it->posting_count, postings_.size())) return {};
  return postings_.subspan(it->first_posting, it->posting_count);
}

bool MatchIndex::valid(const TermRecord& t) const {
  if (t.entry >= entry_count_ || t.lang >= langs_.size() ||
      t.kind > static_cast<std::uint32_t>(IndexLang::kOther) || t.status > 3 ||
      t.key_count == 0 || !in_range(t.first_key, t.key_count, keys_.size()) ||
      !in_range(t.phrase_begin, t.phrase_size, text_.size()) || t.phrase_cps > t.phrase_size) {
    return false;
  }
  for (std::uint32_t p = 0; p < t.key_count; ++p) {
    const Slice k = keys_[t.first_key + p];
    if (!in_range(k.begin, k.size, text_.size())) return false;
  }
  return true;
}

const MatchIndex::TermRecord* MatchIndex::term_at(const Posting& p) const {
  if (p.term >= terms_.size()) return nullptr;
  const TermRecord& t = terms_[p.term];
  return p.pos < t.key_count && valid(t) ? &t : nullptr;
}

namespace {

// Zero bytes up to the next kAlignment boundary of `out` (counted from its start).
void pad(std::string& out) {
  while (out.size() % MatchIndex::kAlignment != 0) out += '\0';
}

template <typename T>
void put_span(std::string& out, std::span<const T> v) {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % MatchIndex::kAlignment == 0);
  put_u64(out, v.size());
  if (!v.empty()) put_raw(out, v.data(), v.size_bytes());
}

// Reads what pad() wrote: the bytes up to the next boundary, which must be zero.
bool skip_pad(ByteReader& r, std::string_view bytes) {
  while (r.pos() % MatchIndex::kAlignment != 0) {
    std::uint8_t z = 1;
    if (!r.u8(z) || z != 0) return false;
  }
  return bytes.size() >= r.pos();
}

// A u64 count, then that many T in place: a view into `bytes` (aligned by the writer's pad).
template <typename T>
bool view_array(ByteReader& r, std::string_view bytes, std::span<const T>& out) {
  std::uint64_t n = 0;
  if (!r.u64(n) || n > r.left() / sizeof(T)) return false;
  const char* p = bytes.data() + r.pos();
  if (reinterpret_cast<std::uintptr_t>(p) % alignof(T) != 0) return false;
  out = std::span<const T>(reinterpret_cast<const T*>(p), static_cast<std::size_t>(n));
  return r.skip(n * sizeof(T));
}

}  // namespace

std::string MatchIndex::serialize() const {
  std::string out;
  out.reserve(96 + text_.size() + terms_.size_bytes() + keys_.size_bytes() +
              buckets_.size_bytes() + postings_.size_bytes());
  put_raw(out, kMagic, sizeof kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, kByteOrderMark);
  put_u32(out, entry_count_);
  put_u32(out, u32(langs_.size()));
  for (const std::string& l : langs_) {
    put_u32(out, u32(l.size()));
    out += l;
  }
  pad(out);
  put_u64(out, text_.size());
  out += text_;
  pad(out);
  put_span(out, terms_);
  put_span(out, keys_);
  put_span(out, buckets_);
  put_span(out, postings_);
  return out;
}

core::Result<MatchIndex> MatchIndex::deserialize(std::string_view bytes) {
  // An aligned private copy, then the same checks as view().
  auto buffer = std::make_shared<std::vector<std::uint64_t>>((bytes.size() + 7) / 8);
  if (!bytes.empty()) std::memcpy(buffer->data(), bytes.data(), bytes.size());
  const std::string_view copy(reinterpret_cast<const char*>(buffer->data()), bytes.size());
  return parse(copy, std::move(buffer));
}

core::Result<MatchIndex> MatchIndex::view(std::string_view bytes, std::shared_ptr<const void> keep) {
  if (reinterpret_cast<std::uintptr_t>(bytes.data()) % kAlignment != 0) {
    return bad("match index bytes are not aligned", 0);
  }
  return parse(bytes, std::move(keep));
}

core::Result<MatchIndex> MatchIndex::parse(std::string_view bytes, std::shared_ptr<const void> keep) {
  ByteReader r(bytes);
  MatchIndex ix;
  char magic[4] = {};
  std::uint32_t version = 0;
  std::uint32_t bom = 0;
  if (!r.raw(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) {
    return bad("not a match index", 0);
  }
  if (!r.u32(version) || version != kFormatVersion) return bad("match index version differs", 4);
  if (!r.u32(bom) || bom != kByteOrderMark) return bad("match index byte order differs", 8);
  std::uint32_t lang_count = 0;
  if (!r.u32(ix.entry_count_) || !r.u32(lang_count)) return bad("truncated header", r.pos());
  for (std::uint32_t i = 0; i < lang_count; ++i) {
    std::uint32_t n = 0;
    std::string l;
    if (!r.u32(n) || !r.string(l, n)) return bad("truncated language table", r.pos());
    ix.langs_.push_back(std::move(l));
  }
  std::uint64_t text_size = 0;
  if (!skip_pad(r, bytes) || !r.u64(text_size) ||
      text_size > std::numeric_limits<std::uint32_t>::max() || text_size > r.left()) {
    return bad("truncated text pool", r.pos());
  }
  ix.text_ = bytes.substr(r.pos(), static_cast<std::size_t>(text_size));
  r.skip(text_size);
  if (!skip_pad(r, bytes) || !view_array(r, bytes, ix.terms_) || !view_array(r, bytes, ix.keys_) ||
      !view_array(r, bytes, ix.buckets_) || !view_array(r, bytes, ix.postings_)) {
    return bad("truncated arrays", r.pos());
  }
  if (!r.at_end()) return bad("trailing bytes after the index", r.pos());

  // Records are not checked here (see view() in the header): the matcher uses them through
  // valid(), term_at() and bucket(), which check each one it touches. Keys are not checked for
  // valid UTF-8 either: the matcher checks a key before it reaches ICU or Snowball.
  ix.keep_ = std::move(keep);
  return ix;
}

}  // namespace tilmash::term
