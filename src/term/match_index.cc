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
using core::put_array;
using core::put_raw;
using core::put_u32;
using core::put_u64;

bool in_range(std::uint64_t begin, std::uint64_t size, std::uint64_t limit) {
  return begin <= limit && size <= limit - begin;
}

// True when [begin, begin + size) of valid UTF-8 `text` starts and ends on code point bounds.
bool on_bounds(std::string_view text, std::uint64_t begin, std::uint64_t size) {
  auto boundary = [&](std::uint64_t at) {
    return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
  };
  return in_range(begin, size, text.size()) && boundary(begin) && boundary(begin + size);
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

MatchIndex MatchIndex::build(const Glossary& glossary) {
  MatchIndex ix;
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
        r.first_key = u32(ix.keys_.size());
        r.key_count = u32(keys.size());
        r.phrase_begin = u32(ix.text_.size());
        const auto index = u32(ix.terms_.size());
        for (std::size_t p = 0; p < keys.size(); ++p) {
          if (p != 0) ix.text_ += ' ';
          const Slice key{u32(ix.text_.size()), u32(keys[p].size())};
          ix.text_ += keys[p];
          ix.keys_.push_back(key);
          pending.push_back({{key.begin, u32(bucket_of(keys[p]).size())}, {index, u32(p)}});
        }
        r.phrase_size = u32(ix.text_.size() - r.phrase_begin);
        r.phrase_cps = u32(core::count_code_points(ix.phrase(r)));
        ix.terms_.push_back(r);
      }
    }
  }
  // Group postings by bucket bytes; stable, so each bucket lists its postings in term order.
  std::stable_sort(pending.begin(), pending.end(), [&](const Pending& a, const Pending& b) {
    return ix.slice(a.bucket) < ix.slice(b.bucket);
  });
  ix.postings_.reserve(pending.size());
  for (const Pending& p : pending) {
    if (ix.buckets_.empty() || ix.slice(ix.buckets_.back().name) != ix.slice(p.bucket)) {
      ix.buckets_.push_back({p.bucket, u32(ix.postings_.size()), 0});
    }
    ++ix.buckets_.back().posting_count;
    ix.postings_.push_back(p.posting);
  }
  return ix;
}

std::span<const MatchIndex::Posting> MatchIndex::bucket(std::string_view name) const {
  auto it = std::lower_bound(buckets_.begin(), buckets_.end(), name,
                             [&](const Bucket& b, std::string_view n) { return slice(b.name) < n; });
  if (it == buckets_.end() || slice(it->name) != name) return {};
  return std::span<const Posting>(postings_).subspan(it->first_posting, it->posting_count);
}

std::string MatchIndex::serialize() const {
  std::string out;
  out.reserve(64 + text_.size() + terms_.size() * sizeof(TermRecord) +
              keys_.size() * sizeof(Slice) + buckets_.size() * sizeof(Bucket) +
              postings_.size() * sizeof(Posting));
  put_raw(out, kMagic, sizeof kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, kByteOrderMark);
  put_u32(out, entry_count_);
  put_u32(out, u32(langs_.size()));
  for (const std::string& l : langs_) {
    put_u32(out, u32(l.size()));
    out += l;
  }
  put_u64(out, text_.size());
  out += text_;
  put_array(out, terms_);
  put_array(out, keys_);
  put_array(out, buckets_);
  put_array(out, postings_);
  return out;
}

core::Result<MatchIndex> MatchIndex::deserialize(std::string_view bytes) {
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
  if (!r.u64(text_size) || text_size > std::numeric_limits<std::uint32_t>::max() ||
      !r.string(ix.text_, static_cast<std::size_t>(text_size))) {
    return bad("truncated text pool", r.pos());
  }
  if (!r.array(ix.terms_) || !r.array(ix.keys_) || !r.array(ix.buckets_) ||
      !r.array(ix.postings_)) {
    return bad("truncated arrays", r.pos());
  }
  if (!r.at_end()) return bad("trailing bytes after the index", r.pos());

  // Keys reach ICU and Snowball, which expect valid UTF-8.
  if (auto at = core::find_invalid_utf8(ix.text_)) return bad("invalid UTF-8 in the text pool", *at);
  const std::string_view text = ix.text_;
  for (const Slice& k : ix.keys_) {
    if (!on_bounds(text, k.begin, k.size)) return bad("key outside the text pool", r.pos());
  }
  for (const TermRecord& t : ix.terms_) {
    if (t.entry >= ix.entry_count_ || t.lang >= ix.langs_.size() ||
        t.kind > static_cast<std::uint32_t>(IndexLang::kOther) || t.status > 3 ||
        t.key_count == 0 || !in_range(t.first_key, t.key_count, ix.keys_.size()) ||
        !on_bounds(text, t.phrase_begin, t.phrase_size) || t.phrase_cps > t.phrase_size) {
      return bad("inconsistent term record", r.pos());
    }
  }
  for (std::size_t b = 0; b < ix.buckets_.size(); ++b) {
    const Bucket& k = ix.buckets_[b];
    if (!on_bounds(text, k.name.begin, k.name.size) ||
        !in_range(k.first_posting, k.posting_count, ix.postings_.size()) ||
        (b != 0 && !(ix.slice(ix.buckets_[b - 1].name) < ix.slice(k.name)))) {
      return bad("inconsistent bucket", r.pos());
    }
  }
  for (const Posting& p : ix.postings_) {
    if (p.term >= ix.terms_.size() || p.pos >= ix.terms_[p.term].key_count) {
      return bad("posting outside the term table", r.pos());
    }
  }
  return ix;
}

}  // namespace tilmash::term
