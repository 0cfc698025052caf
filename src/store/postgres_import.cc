// The PostgreSQL TM's import (store/postgres_tm.h): units are checked, keyed and buffered as
// they come, without touching the server; commit() takes the write lock and writes them all
// in one transaction with binary COPY, the postings as the SQLite TM lays them out.
#include "store/postgres_import.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "core/hash.h"
#include "core/posting.h"
#include "store/extra_codec.h"
#include "store/postgres_conn.h"
#include "store/postings_codec.h"
#include "store/unit_keys.h"

namespace tilmash::store::pg {

namespace {

using Kind = StoreError::Kind;

// The 16 bytes of a digest, most significant first (bytea).
std::string digest_bytes(const core::Fnv128& h) {
  std::string out(16, '\0');
  for (int i = 0; i < 8; ++i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>((h.hi >> (56 - 8 * i)) & 0xFF);
    out[static_cast<std::size_t>(8 + i)] = static_cast<char>((h.lo >> (56 - 8 * i)) & 0xFF);
  }
  return out;
}

// Length-prefixed fields of a pending unit, in one buffer.
void put_str(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

std::string_view get_str(std::string_view& in) {
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) {
    in = {};
    return {};
  }
  const std::string_view s = in.substr(0, n);
  in.remove_prefix(n);
  return s;
}

std::uint64_t get_u(std::string_view& in) {
  std::uint64_t v = 0;
  get_varint(in, v);
  return v;
}

struct SvHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using KeyMap = std::unordered_map<std::string, std::uint32_t, SvHash, std::equal_to<>>;

struct DigestHash {
  std::size_t operator()(const core::Fnv128& h) const { return h.hi ^ (h.lo * 0x9E3779B97F4A7C15ULL); }
};

class PgImport : public TmImport {
 public:
  PgImport(PostgresTm& tm, Keyer keyer, std::string now);
  ~PgImport() override;
  void add(const core::TranslationUnit& unit, const Provenance& provenance,
           std::optional<double> confidence, std::vector<VariantKeys>* keys) override;
  ImportStats commit() override;
  const ImportStats& stats() const override { return stats_; }

 private:
  struct Pending {
    core::Fnv128 digest;
    std::uint64_t dedup = 0;
    UnitDates dates;
    std::string blob;  // tuid document origin confidence extra | variants
    bool merged = false;  // into a unit already stored (found at commit)
  };
  std::uint32_t final_token(std::uint32_t t) const {
    return t < first_new_ ? t : remap_[t - first_new_];
  }
  void resolve_tokens();
  void resolve_duplicates();
  void write(std::int64_t next_batch);
  static constexpr std::size_t kBulkUnits = 20000;  // fewer: indexes kept, rows indexed as written

  PostgresTm& tm_;
  const pg::Conn& c_;
  Keyer keyer_;
  std::string now_;
  ImportStats stats_;
  bool open_ = false;
  std::unordered_map<std::string, KeyMap, SvHash, std::equal_to<>> vocab_;  // ilang -> key -> id
  std::uint32_t first_new_ = 1;                     // provisional ids from here
  std::vector<std::pair<std::string, std::string>> new_keys_;  // (ilang, key) by provisional id
  std::vector<std::uint32_t> remap_;                // provisional id - first_new_ -> final id
  std::vector<Pending> units_;
  std::unordered_map<core::Fnv128, std::size_t, DigestHash> by_digest_;
};

PgImport::PgImport(PostgresTm& tm, Keyer keyer, std::string now)
    : tm_(tm), c_(tm.conn()), keyer_(std::move(keyer)), now_(std::move(now)) {
  std::uint32_t max_id = 0;
  c_.each_row("SELECT id, lang, key FROM tm_vocab", {}, true, "reading the index",
              [&](const pg::Result& r) {
                const auto id = static_cast<std::uint32_t>(r.int4(0, 0));
                vocab_[std::string(r.bytes(0, 1))].emplace(std::string(r.bytes(0, 2)), id);
                max_id = std::max(max_id, id);
                return true;
              });
  first_new_ = max_id + 1;
  open_ = true;
}

PgImport::~PgImport() {
  if (open_ && c_.in_transaction()) c_.exec_quietly("ROLLBACK");
}

void PgImport::add(const core::TranslationUnit& unit, const Provenance& provenance,
                   std::optional<double> confidence, std::vector<VariantKeys>* given) {
  ++stats_.units_read;
  UnitKey key(unit);
  if (!key.storable()) {
    ++stats_.units_skipped;
    return;
  }
  const core::Fnv128 digest = key.fnv128();
  const UnitDates dates = import_dates(unit, now_);
  if (const auto it = by_digest_.find(digest); it != by_digest_.end()) {
    Pending& p = units_[it->second];
    p.dates = merge_dates(p.dates, dates);
    ++stats_.units_merged;
    return;
  }
  by_digest_.emplace(digest, units_.size());
  Pending p;
  p.digest = digest;
  p.dedup = key.fnv64();
  p.dates = dates;
  std::string& b = p.blob;
  put_str(b, unit.id);
  put_str(b, provenance.document);
  put_str(b, provenance.origin);
  if (confidence) {
    put_varint(b, 1);
    append_le(b, std::bit_cast<std::uint64_t>(*confidence), 8);
  } else {
    put_varint(b, 0);
  }
  put_str(b, encode_extra(unit.props, unit.notes, unit.attrs));
  key.release();
  put_varint(b, key.variants().size());
  std::string toks;
  for (const UnitKey::Counted& counted : key.variants()) {
    const core::Variant& v = *counted.variant;
    const std::string ilang = index_lang(v.lang);
    const auto at = static_cast<std::size_t>(&v - unit.variants.data());
    VariantKeys computed;
    const bool have = given != nullptr && at < given->size();
    if (!have) computed = keyer_(v.lang, v.text);
    const VariantKeys& keys = have ? (*given)[at] : computed;
    KeyMap& vocab = vocab_[ilang];
    toks.clear();
    for (const std::string_view k : keys.words) {
      auto it = vocab.find(k);
      if (it == vocab.end()) {
        const auto fresh = static_cast<std::uint32_t>(first_new_ + new_keys_.size());
        it = vocab.emplace(std::string(k), fresh).first;
        new_keys_.emplace_back(ilang, std::string(k));
      }
      put_varint(toks, it->second);
    }
    put_varint(b, keys.words.size());
    if (have) (*given)[at] = VariantKeys{};  // consumed
    put_str(b, v.lang);
    put_str(b, ilang);
    put_str(b, v.text);
    put_str(b, v.inline_xml);
    put_str(b, v.creationdate);
    put_str(b, v.changedate);
    put_str(b, encode_extra(v.props, v.notes, v.attrs));
    put_str(b, toks);
  }
  b.shrink_to_fit();  // grown by doubling: up to half of it slack, for a million units
  units_.push_back(std::move(p));
  ++stats_.units_added;
}

// Keys another client stored since this import read the vocabulary keep that client's ids;
// the rest of this import's new keys are numbered after the highest stored id, in the order
// they were met (so a lone import numbers them as the SQLite TM does).
void PgImport::resolve_tokens() {
  remap_.assign(new_keys_.size(), 0);
  std::vector<bool> known(new_keys_.size(), false);
  std::uint32_t max_id = first_new_ - 1;
  c_.each_row("SELECT id, lang, key FROM tm_vocab WHERE id >= $1", {Param::text(i64s(first_new_))},
              true, "reading the index", [&](const pg::Result& r) {
                const auto id = static_cast<std::uint32_t>(r.int4(0, 0));
                max_id = std::max(max_id, id);
                const auto lang = vocab_.find(r.bytes(0, 1));
                if (lang == vocab_.end()) return true;
                const auto it = lang->second.find(r.bytes(0, 2));
                if (it == lang->second.end() || it->second < first_new_) return true;
                remap_[it->second - first_new_] = id;
                known[it->second - first_new_] = true;
                return true;
              });
  std::uint32_t next = max_id + 1;
  for (std::size_t i = 0; i < new_keys_.size(); ++i) {
    if (known[i]) continue;
    if (next > kMaxToken) {
      throw StoreError(Kind::kBadInput, tm_.location(),
                       "the TM's index is full (" + std::to_string(kMaxToken)
                           + " distinct words); split the TM");
    }
    remap_[i] = next++;
  }
  // Known keys are not written again.
  for (std::size_t i = 0; i < new_keys_.size(); ++i) {
    if (known[i]) new_keys_[i].second.clear();
  }
}

// Units already stored (by an earlier import, or by another client since this one began) are
// merged: their dates as unit_keys.h says, computed here and written back.
void PgImport::resolve_duplicates() {
  pg::Result any = c_.exec("SELECT EXISTS (SELECT 1 FROM tm_units)", "looking for duplicates");
  if (any.bytes(0, 0) != "t" || units_.empty()) return;
  c_.exec("CREATE TEMP TABLE tilmash_in(ord bigint, digest bytea) ON COMMIT DROP",
          "looking for duplicates");
  {
    pg::CopyIn in(c_, "COPY tilmash_in(ord, digest) FROM STDIN (FORMAT binary)",
                  "looking for duplicates");
    for (std::size_t i = 0; i < units_.size(); ++i) {
      in.row(2);
      in.int8(static_cast<std::int64_t>(i));
      in.bytes(digest_bytes(units_[i].digest));
    }
    in.finish();
  }
  c_.exec("ANALYZE tilmash_in", "looking for duplicates");
  struct Merge {
    std::int64_t id;
    UnitDates dates;
  };
  std::vector<Merge> merges;
  c_.each_row("SELECT i.ord, u.id, u.created, u.changed FROM tilmash_in i JOIN tm_units u ON "
              "u.digest = i.digest",
              {}, true, "looking for duplicates", [&](const pg::Result& r) {
                Pending& p = units_[static_cast<std::size_t>(r.int8(0, 0))];
                p.merged = true;
                const UnitDates stored{std::string(r.bytes(0, 2)), std::string(r.bytes(0, 3))};
                merges.push_back({r.int8(0, 1), merge_dates(stored, p.dates)});
                return true;
              });
  if (merges.empty()) return;
  stats_.units_added -= merges.size();
  stats_.units_merged += merges.size();
  c_.exec("CREATE TEMP TABLE tilmash_dates(id bigint, created text, changed text) ON COMMIT DROP",
          "merging duplicates");
  {
    pg::CopyIn in(c_, "COPY tilmash_dates(id, created, changed) FROM STDIN (FORMAT binary)",
                  "merging duplicates");
    for (const Merge& m : merges) {
      in.row(3);
      in.int8(m.id);
      in.bytes(m.dates.created);
      in.bytes(m.dates.changed);
    }
    in.finish();
  }
  c_.exec("UPDATE tm_units u SET created = d.created, changed = d.changed FROM tilmash_dates d "
          "WHERE u.id = d.id",
          "merging duplicates");
}

void PgImport::write(std::int64_t next_batch) {
  pg::Result maxes = c_.exec("SELECT (SELECT coalesce(max(id), 0) FROM tm_units), "
                             "(SELECT coalesce(max(id), 0) FROM tm_variants)",
                             "writing the TM");
  std::int64_t uid = maxes.text_int(0, 0);
  std::int64_t vid = maxes.text_int(0, 1);
  // Into an empty TM, the indexes are built once after the load rather than row by row
  // (and the UNIQUE digest is checked then, as a whole). Dropping them locks the tables
  // until commit, which only readers of a TM still empty wait for.
  pg::Result empty = c_.exec("SELECT NOT EXISTS (SELECT 1 FROM tm_units) AND NOT EXISTS "
                             "(SELECT 1 FROM tm_variants) AND NOT EXISTS (SELECT 1 FROM "
                             "tm_postings) AND NOT EXISTS (SELECT 1 FROM tm_vocab)",
                             "writing the TM");
  const bool bulk = empty.bytes(0, 0) == "t" && units_.size() >= kBulkUnits;
  if (bulk) {
    c_.exec("SET LOCAL maintenance_work_mem = '256MB'; "
            "ALTER TABLE tm_units DROP CONSTRAINT tm_units_pkey, DROP CONSTRAINT tm_units_digest; "
            "ALTER TABLE tm_variants DROP CONSTRAINT tm_variants_pkey; DROP INDEX tm_variants_unit; "
            "ALTER TABLE tm_postings DROP CONSTRAINT tm_postings_pkey; "
            "ALTER TABLE tm_vocab DROP CONSTRAINT tm_vocab_pkey, DROP CONSTRAINT tm_vocab_key",
            "writing the TM");
  }
  // Per token: this import's postings as varint pairs (length, id - previous id), ids
  // ascending; how many segments gained the token; the signature of each new variant.
  std::vector<std::string> postings;
  std::vector<std::uint32_t> last_id;
  std::vector<std::uint64_t> df_delta;
  std::vector<std::uint64_t> sigs;
  const std::int64_t first_vid = vid + 1;
  {
    pg::CopyIn units(c_,
                     "COPY tm_units(id, digest, dedup, tuid, created, changed, document, origin, "
                     "confidence, extra) FROM STDIN (FORMAT binary)",
                     "writing the units");
    pg::CopyIn* variants = nullptr;
    // Two COPYs cannot run at once on one connection: variants go to a second pass.
    for (Pending& p : units_) {
      if (p.merged) continue;
      std::string_view in = p.blob;
      units.row(10);
      units.int8(++uid);
      units.bytes(digest_bytes(p.digest));
      units.int8(static_cast<std::int64_t>(p.dedup));
      const std::string_view tuid = get_str(in);
      if (tuid.empty()) units.null(); else units.bytes(tuid);
      units.bytes(p.dates.created);
      units.bytes(p.dates.changed);
      units.bytes(get_str(in));
      units.bytes(get_str(in));
      if (get_u(in) == 1 && in.size() >= 8) {
        units.float8(std::bit_cast<double>(load_le(reinterpret_cast<const unsigned char*>(in.data()), 8)));
        in.remove_prefix(8);
      } else {
        units.null();
      }
      units.bytes(get_str(in));
    }
    (void)variants;
    units.finish();
  }
  {
    pg::CopyIn variants(c_,
                        "COPY tm_variants(id, unit_id, lang, ilang, text, inline_xml, created, "
                        "changed, extra, toks) FROM STDIN (FORMAT binary)",
                        "writing the variants");
    std::int64_t u = maxes.text_int(0, 0);
    std::vector<std::uint32_t> ids;
    std::string toks;
    for (Pending& p : units_) {
      if (p.merged) continue;
      ++u;
      std::string_view in = p.blob;
      get_str(in);
      get_str(in);
      get_str(in);
      if (get_u(in) == 1) in.remove_prefix(std::min<std::size_t>(8, in.size()));
      get_str(in);
      const std::uint64_t n = get_u(in);
      for (std::uint64_t i = 0; i < n; ++i) {
        const auto len = static_cast<std::uint32_t>(get_u(in));
        ++vid;
        if (vid > std::int64_t{0xFFFFFFFF}) {
          throw StoreError(Kind::kBadInput, tm_.location(),
                           "the TM holds 2^32 variants, the most its index can tell apart; "
                           "split the TM");
        }
        const auto v32 = static_cast<std::uint32_t>(vid);
        variants.row(10);
        variants.int8(vid);
        variants.int8(u);
        variants.bytes(get_str(in));  // lang
        variants.bytes(get_str(in));  // ilang
        variants.bytes(get_str(in));  // text
        const std::string_view inline_xml = get_str(in);
        if (inline_xml.empty()) variants.null(); else variants.bytes(inline_xml);
        variants.bytes(get_str(in));  // created
        variants.bytes(get_str(in));  // changed
        variants.bytes(get_str(in));  // extra
        std::string_view prov = get_str(in);
        ids.clear();
        for (std::uint64_t t = 0; get_varint(prov, t);) {
          ids.push_back(final_token(static_cast<std::uint32_t>(t)));
        }
        toks.clear();
        encode_tokens(ids, toks);
        variants.bytes(toks);
        sigs.push_back(core::signature(ids));
        for (const std::uint32_t t : ids) {
          if (t >= postings.size()) {
            const std::size_t size = std::max<std::size_t>(t + 1, postings.size() * 2);
            postings.resize(size);
            last_id.resize(size, 0);
            df_delta.resize(size, 0);
          }
          if (last_id[t] == v32) continue;  // each distinct token once
          put_varint(postings[t], len);
          put_varint(postings[t], v32 - last_id[t]);
          last_id[t] = v32;
          ++df_delta[t];
        }
      }
      std::string().swap(p.blob);
    }
    variants.finish();
  }
  {
    pg::CopyIn rows(c_, "COPY tm_postings(key, ids) FROM STDIN (FORMAT binary)",
                    "writing the index");
    const auto signature_of = [&](std::uint32_t id) {
      return sigs[static_cast<std::size_t>(id - first_vid)];
    };
    for_each_postings_row(postings, signature_of,
                          [&](std::uint32_t token, std::size_t row, std::string_view blob) {
                            rows.row(2);
                            rows.int8(postings_key(token, row, next_batch));
                            rows.bytes(blob);
                          });
    rows.finish();
  }
  {
    pg::CopyIn vocab(c_, "COPY tm_vocab(id, lang, key, df) FROM STDIN (FORMAT binary)",
                     "writing the index");
    for (std::size_t i = 0; i < new_keys_.size(); ++i) {
      if (new_keys_[i].second.empty()) continue;  // stored by another client meanwhile
      const std::uint32_t id = remap_[i];
      std::uint64_t df = 0;
      if (id < df_delta.size()) std::swap(df, df_delta[id]);
      vocab.row(4);
      vocab.int4(static_cast<std::int32_t>(id));
      vocab.bytes(new_keys_[i].first);
      vocab.bytes(new_keys_[i].second);
      vocab.int8(static_cast<std::int64_t>(df));
    }
    vocab.finish();
  }
  if (bulk) {
    c_.exec("ALTER TABLE tm_units ADD PRIMARY KEY (id), "
            "ADD CONSTRAINT tm_units_digest UNIQUE (digest); "
            "ALTER TABLE tm_variants ADD PRIMARY KEY (id); "
            "CREATE INDEX tm_variants_unit ON tm_variants(unit_id); "
            "ALTER TABLE tm_postings ADD PRIMARY KEY (key); "
            "ALTER TABLE tm_vocab ADD PRIMARY KEY (id), ADD CONSTRAINT tm_vocab_key UNIQUE (lang, key)",
            "indexing the TM");
  }
  bool updates = false;
  for (const std::uint64_t d : df_delta) updates |= d != 0;
  if (updates) {
    c_.exec("CREATE TEMP TABLE tilmash_df(id integer, d bigint) ON COMMIT DROP",
            "writing the index");
    {
      pg::CopyIn in(c_, "COPY tilmash_df(id, d) FROM STDIN (FORMAT binary)", "writing the index");
      for (std::size_t id = 0; id < df_delta.size(); ++id) {
        if (df_delta[id] == 0) continue;
        in.row(2);
        in.int4(static_cast<std::int32_t>(id));
        in.int8(static_cast<std::int64_t>(df_delta[id]));
      }
      in.finish();
    }
    c_.exec("UPDATE tm_vocab v SET df = v.df + t.d FROM tilmash_df t WHERE v.id = t.id",
            "writing the index");
  }
}

ImportStats PgImport::commit() {
  if (!open_) return stats_;
  c_.exec("BEGIN", "starting the import's transaction");
  try {
    c_.exec(("SET LOCAL lock_timeout = " + std::to_string(tm_.lock_timeout_ms())).c_str(),
            "starting the import's transaction");
    c_.exec(kWriteLock, "waiting for another client's import");
    pg::Result b = c_.exec("SELECT value FROM tilmash_meta WHERE key = 'next_batch'",
                           "reading the TM");
    const std::int64_t next_batch = b.rows() == 1 ? b.text_int(0, 0) : 1;
    if (next_batch > kMaxBatch) {
      throw StoreError(Kind::kBadInput, tm_.location(),
                       "this TM has had " + std::to_string(kMaxBatch)
                           + " imports, the most its index can tell apart; export it ('tilmash "
                             "tm export') and import that file into a new TM");
    }
    resolve_tokens();
    resolve_duplicates();
    write(next_batch);
    c_.run("UPDATE tilmash_meta SET value = CASE key WHEN 'next_batch' THEN $1 ELSE "
           "(value::bigint + 1)::text END WHERE key IN ('next_batch', 'data_version')",
           {Param::text(i64s(next_batch + 1))}, false, "writing the TM");
    c_.exec("COMMIT", "committing the import");
  } catch (...) {
    c_.exec_quietly("ROLLBACK");
    throw;
  }
  open_ = false;
  return stats_;
}

}  // namespace

std::unique_ptr<TmImport> begin_import(PostgresTm& tm, Keyer keyer, std::string now) {
  return std::make_unique<PgImport>(tm, std::move(keyer), std::move(now));
}

}  // namespace tilmash::store::pg
