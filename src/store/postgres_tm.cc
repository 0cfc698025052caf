// PostgreSQL TM. Layout (tilmash_meta.schema_version 1):
//   tilmash_meta(key, value)   schema_version, next_batch, conc_upto, data_version
//   tm_units(id, digest, dedup, tuid, created, changed, document, origin, confidence, extra)
//                              digest: the unit key's FNV-1a 128 (store/unit_keys.h), UNIQUE:
//                              two clients importing one unit at once cannot both store it
//   tm_variants(id, unit_id, lang, ilang, text, inline_xml, created, changed, extra, toks)
//   tm_vocab(id, lang, key, df) fuzzy keys per primary language, UNIQUE(lang, key)
//   tm_postings(key, ids)      the SQLite TM's rows: the same postings_key() and blobs
//                              (store/postings_codec.h), stored uncompressed (EXTERNAL),
//                              in the row up to a page (toast_tuple_target, below)
//   tm_conc(id, ilang, keys)   concordance: a tsvector of literal lexemes with positions
//                              (GIN), queried with a phrase tsquery (<->, :*)
// Ids are given by the importing client under a transaction-scoped advisory lock, so a
// single client's import numbers units, variants and tokens exactly as the SQLite TM does.
#include "store/postgres_tm.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "core/hash.h"
#include "core/posting.h"
#include "store/extra_codec.h"
#include "store/postgres_conn.h"
#include "store/postgres_import.h"
#include "store/postings_codec.h"
#include "store/unit_keys.h"

namespace tilmash::store {

using pg::i64s;
using pg::Param;

namespace {

using Kind = StoreError::Kind;


// tm_postings: a lookup reads ~50 lists, a few KiB each at 1M units. A value moved out of the
// row (TOAST) costs a descent of the TOAST index and a read of each of its ~2 KiB chunks, then
// a copy to put it together; the default moves every row over ~2 KiB (at 1M units 5 % of the
// lists but 2/3 of their bytes, and a quarter of the rows a lookup reads).
// toast_tuple_target = 8160, the most a heap page holds, keeps lists up to a page in the row
// (EXTERNAL: never compressed, so nothing to decompress either) and moves only longer ones
// (1 % of the lists at 1M units): the postings statement ~15 % faster, the table no larger.
// The stored values are the same, so a TM made before reads as it did; its owner's next
// import sets the target for the rows it writes (postgres_import.cc, read_stored()).
constexpr const char* kSchema = R"sql(
CREATE TABLE tilmash_meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE tm_units(id bigint PRIMARY KEY, digest bytea NOT NULL, dedup bigint NOT NULL,
  tuid text, created text, changed text, document text, origin text,
  confidence double precision, extra bytea, CONSTRAINT tm_units_digest UNIQUE (digest));
CREATE TABLE tm_variants(id bigint PRIMARY KEY, unit_id bigint NOT NULL, lang text NOT NULL,
  ilang text COLLATE "C" NOT NULL, text text NOT NULL, inline_xml text, created text,
  changed text, extra bytea, toks bytea NOT NULL);
CREATE INDEX tm_variants_unit ON tm_variants(unit_id);
CREATE TABLE tm_vocab(id integer PRIMARY KEY, lang text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL, df bigint NOT NULL, CONSTRAINT tm_vocab_key UNIQUE (lang, key));
CREATE TABLE tm_postings(key bigint PRIMARY KEY, ids bytea NOT NULL)
  WITH (toast_tuple_target = 8160);
ALTER TABLE tm_postings ALTER COLUMN ids SET STORAGE EXTERNAL;
CREATE TABLE tm_conc(id bigint PRIMARY KEY, ilang text COLLATE "C" NOT NULL,
  keys tsvector NOT NULL);
CREATE INDEX tm_conc_keys ON tm_conc USING gin(keys);
INSERT INTO tilmash_meta VALUES ('schema_version', '1'), ('next_batch', '1'),
  ('conc_upto', '0'), ('data_version', '0');
)sql";



// FTS5's unicode61 tokenizer (the SQLite TM's concordance) splits at every character that is
// not a letter or digit: of the characters a search key may hold (term::tokenize keys: letters,
// digits, marks and the apostrophe), the ASCII ones that are neither. Keys are case folded.
template <typename Fn>
void split_lexemes(std::string_view keys, Fn&& fn) {
  std::size_t from = 0;
  const auto sep = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
  };
  for (std::size_t i = 0; i <= keys.size(); ++i) {
    if (i == keys.size() || sep(keys[i])) {
      if (i > from) fn(keys.substr(from, i - from));
      from = i + 1;
    }
  }
}

void quote_lexeme(std::string& out, std::string_view lexeme) {
  out += '\'';
  for (const char c : lexeme) {
    if (c == '\'' || c == '\\') out += c == '\'' ? '\'' : '\\';
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 'A' && u <= 'Z') ? static_cast<char>(u - 'A' + 'a') : c;
  }
  out += '\'';
}

}  // namespace

std::string pg_phrase_query(std::span<const ConcordanceTerm> phrase) {
  std::string q;
  for (const ConcordanceTerm& t : phrase) {
    std::vector<std::string_view> parts;
    split_lexemes(t.key, [&](std::string_view p) { parts.push_back(p); });
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!q.empty()) q += " <-> ";
      quote_lexeme(q, parts[i]);
      if (t.prefix && i + 1 == parts.size()) q += ":*";
    }
  }
  return q;
}

std::string pg_keys_vector(std::string_view keys) {
  // tsvector limits: lexemes under 2 KiB, 1 MiB of distinct lexemes, positions up to 16,383
  // (larger ones are stored as 16,383) and 256 of them per lexeme. Longer lexemes are left
  // out, and so are new lexemes past 1 MiB: only segments of tens of thousands of words reach
  // these, where a phrase may be missed that the SQLite TM finds.
  std::string out;
  std::unordered_map<std::string_view, bool> seen;
  std::size_t distinct = 0;
  std::size_t pos = 0;
  split_lexemes(keys, [&](std::string_view lexeme) {
    ++pos;
    if (lexeme.size() >= 2047) return;
    if (seen.emplace(lexeme, true).second) {
      if (distinct + lexeme.size() + 16 > (1u << 20) - 4096) return;
      distinct += lexeme.size() + 16;
    }
    if (!out.empty()) out += ' ';
    quote_lexeme(out, lexeme);
    out += ':';
    out += std::to_string(std::min<std::size_t>(pos, 16383));
  });
  return out;
}

namespace pg {
// Units read ahead inside one read snapshot: the units of the few segments a search verifies,
// read in the round trip that reads their tokens, since rank() asks for the best of them
// next. True only in that snapshot (a merge changes a unit's dates), so dropped when it ends.
struct SnapshotUnits {
  bool open = false;  // a snapshot owns the transaction
  std::unordered_map<std::int64_t, StoredUnit> units;  // by variant id
};
}  // namespace pg

// ---------------------------------------------------------------------------------------------
// Opening

PostgresTm::PostgresTm(const std::string& uri, OpenMode mode, int busy_timeout_ms)
    : location_(pg::redact_uri(uri)),
      conn_(std::make_unique<pg::Conn>(uri, location_)),
      prefetched_(std::make_unique<pg::SnapshotUnits>()),
      read_only_(mode == OpenMode::kReadOnly),
      lock_timeout_ms_(std::max(busy_timeout_ms, 0)) {
  open_schema(mode);
}

PostgresTm::~PostgresTm() = default;

void PostgresTm::open_schema(OpenMode mode) {
  const pg::Conn& c = *conn_;
  const auto probe = [&] {
    pg::Result r = c.exec(
        "SELECT to_regclass('tilmash_meta') IS NOT NULL, (SELECT count(*) FROM pg_class k JOIN "
        "pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = current_schema() AND "
        "k.relkind IN ('r', 'v', 'm', 'p', 'f'))",
        "opening the TM");
    return std::pair<bool, std::int64_t>(r.bytes(0, 0) == "t", r.text_int(0, 1));
  };
  auto [ours, tables] = probe();
  if (!ours) {
    if (tables > 0) {
      throw StoreError(Kind::kBadInput, location_,
                       "a PostgreSQL database but not a tilmash TM (it has tables but no "
                       "tilmash_meta)");
    }
    if (mode == OpenMode::kReadOnly) {
      throw StoreError(Kind::kBadInput, location_,
                       "an empty database, not a tilmash TM yet; create it with 'tilmash tm "
                       "import'");
    }
    pg::Result enc = c.exec("SHOW server_encoding", "opening the TM");
    if (enc.bytes(0, 0) != "UTF8" && enc.bytes(0, 0) != "SQL_ASCII") {
      throw StoreError(Kind::kBadInput, location_,
                       "the database's encoding is " + std::string(enc.bytes(0, 0))
                           + "; a tilmash TM needs UTF8 (createdb -E UTF8)");
    }
    c.exec("BEGIN", "creating the TM");
    try {
      c.exec(pg::kWriteLock, "creating the TM");
      if (!probe().first) c.exec(kSchema, "creating the TM");  // else another client did
      c.exec("COMMIT", "creating the TM");
    } catch (...) {
      c.exec_quietly("ROLLBACK");
      throw;
    }
  }
  pg::Result v = c.exec("SELECT value FROM tilmash_meta WHERE key = 'schema_version'",
                        "opening the TM");
  const std::int64_t version = v.rows() == 1 ? v.text_int(0, 0) : 0;
  if (version > kPgSchemaVersion) {
    throw StoreError(Kind::kBadInput, location_,
                     "TM schema version " + std::to_string(version)
                         + " was written by a newer tilmash (this one reads up to "
                         + std::to_string(kPgSchemaVersion) + "); upgrade tilmash");
  }
  if (version < 1) {
    throw StoreError(Kind::kBadInput, location_, "not a tilmash TM (no schema version)");
  }
  if (mode == OpenMode::kReadWrite) {
    pg::Result w = c.exec(
        "SELECT has_table_privilege('tm_units', 'INSERT') AND has_table_privilege('tm_variants', "
        "'INSERT') AND has_table_privilege('tm_postings', 'INSERT') AND "
        "has_table_privilege('tm_vocab', 'INSERT, UPDATE') AND "
        "has_table_privilege('tilmash_meta', 'UPDATE'), current_setting('transaction_read_only')",
        "opening the TM");
    if (w.bytes(0, 0) != "t" || w.bytes(0, 1) == "on") {
      throw StoreError(Kind::kIo, location_,
                       "opening for import: permission denied (this role may only read the TM, "
                       "or the server is read-only)");
    }
  }
}


std::unique_ptr<TmImport> PostgresTm::begin_import(
    Keyer keyer, std::string now, const std::function<void(const std::string&)>& waiting) {
  if (read_only_) {
    throw StoreError(Kind::kIo, location_, "importing: the TM was opened read-only");
  }
  return pg::begin_import(*this, std::move(keyer), std::move(now), waiting);
}

// ---------------------------------------------------------------------------------------------
// Reading

std::size_t PostgresTm::unit_count() const {
  pg::Result r = conn_->exec("SELECT count(*) FROM tm_units", "counting units");
  return static_cast<std::size_t>(r.text_int(0, 0));
}

namespace {
// Columns: u.id, tuid, u.created, u.changed, document, origin, confidence, u.extra,
//          v.id, lang, text, inline_xml, v.created, v.changed, v.extra (binary results)
#define TILMASH_UNIT_SELECT                                                                   \
  "SELECT u.id, u.tuid, u.created, u.changed, u.document, u.origin, u.confidence, u.extra, " \
  "v.id, v.lang, v.text, v.inline_xml, v.created, v.changed, v.extra"
#define TILMASH_UNIT_COLUMNS \
  TILMASH_UNIT_SELECT " FROM tm_units u JOIN tm_variants v ON v.unit_id = u.id "

std::string text_of(const pg::Result& r, int row, int col) {
  return r.null(row, col) ? std::string() : std::string(r.bytes(row, col));
}

void read_unit_head(const pg::Result& r, int row, StoredUnit& u) {
  u.id = r.int8(row, 0);
  u.unit.id = text_of(r, row, 1);
  u.unit.creationdate = text_of(r, row, 2);
  u.unit.changedate = text_of(r, row, 3);
  u.provenance.document = text_of(r, row, 4);
  u.provenance.origin = text_of(r, row, 5);
  if (!r.null(row, 6)) u.confidence = r.float8(row, 6);
  if (!r.null(row, 7)) decode_extra(r.bytes(row, 7), u.unit.props, u.unit.notes, u.unit.attrs);
}

void read_variant(const pg::Result& r, int row, StoredUnit& u) {
  core::Variant v;
  v.lang = text_of(r, row, 9);
  v.text = text_of(r, row, 10);
  v.inline_xml = text_of(r, row, 11);
  v.creationdate = text_of(r, row, 12);
  v.changedate = text_of(r, row, 13);
  if (!r.null(row, 14)) decode_extra(r.bytes(row, 14), v.props, v.notes, v.attrs);
  u.variant_ids.push_back(r.int8(row, 8));
  u.unit.variants.push_back(std::move(v));
}
}  // namespace

// In pages of units, each read whole before `fn` sees it: `fn` may use the TM meanwhile.
void PostgresTm::for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const {
  std::int64_t after = 0;
  for (;;) {
    pg::Result r = conn_->run(TILMASH_UNIT_COLUMNS
                              "WHERE u.id IN (SELECT id FROM tm_units WHERE id > $1 ORDER BY id "
                              "LIMIT 2000) ORDER BY u.id, v.id",
                              {Param::text(i64s(after))}, true, "reading units");
    if (r.rows() == 0) return;
    std::optional<StoredUnit> cur;
    for (int i = 0; i < r.rows(); ++i) {
      if (cur && cur->id != r.int8(i, 0)) {
        if (!fn(*cur)) return;
        cur.reset();
      }
      if (!cur) {
        cur.emplace();
        read_unit_head(r, i, *cur);
      }
      read_variant(r, i, *cur);
    }
    after = cur->id;
    if (!fn(*cur)) return;
  }
}

std::optional<StoredUnit> PostgresTm::unit_of_variant(std::int64_t variant_id) const {
  pg::Result r = conn_->run(TILMASH_UNIT_COLUMNS
                            "WHERE u.id = (SELECT unit_id FROM tm_variants WHERE id = $1) "
                            "ORDER BY v.id",
                            {Param::text(i64s(variant_id))}, true, "reading a unit");
  if (r.rows() == 0) return std::nullopt;
  StoredUnit u;
  read_unit_head(r, 0, u);
  for (int i = 0; i < r.rows(); ++i) read_variant(r, i, u);
  return u;
}

namespace {
// The units of the variants in $1 (a bigint[] literal); column 15: the position of the asked
// id (an id asked twice gets its unit twice).
constexpr const char* kUnitsOfVariants =
    TILMASH_UNIT_SELECT ", k.i FROM unnest($1::bigint[]) WITH ORDINALITY AS k(vid, i) "
    "JOIN tm_variants s ON s.id = k.vid JOIN tm_units u ON u.id = s.unit_id "
    "JOIN tm_variants v ON v.unit_id = u.id";

std::string bigint_array(std::span<const std::int64_t> ids) {
  std::string array(1, '{');
  for (const std::int64_t id : ids) {
    if (array.size() > 1) array += ',';
    array += i64s(id);
  }
  array += '}';
  return array;
}

// The rows of a lookup statement in the order of (column a, column b), both bigint, a NULL in
// b last: the statements leave ORDER BY out and the client sorts its few dozen rows. A sort
// node allocates its sort state per statement (24 KiB and up, past the memory context's chunk
// limit, so malloc'd and freed each time), and glibc can give the freed top of the heap back
// to the kernel (brk) and fault it in again for the next statement. In a loop of one postings
// statement at 1M units (116 rows, 97 KB) that was 27 % of the backend's time: 1.0-1.8 ms a
// run against 0.4-0.5 ms without the sort. In the bench's mix of lookups the sort nodes were
// ~4 % of the backend's time.
std::vector<int> rows_by(const pg::Result& r, int a, int b) {
  std::vector<int> order(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) order[static_cast<std::size_t>(i)] = i;
  const auto key = [&](int row) {
    return std::pair(r.int8(row, a),
                     r.null(row, b) ? std::numeric_limits<std::int64_t>::max() : r.int8(row, b));
  };
  std::sort(order.begin(), order.end(), [&](int x, int y) { return key(x) < key(y); });
  return order;
}

// The same with column 16: the tokens (toks) of the asked variant, on its own row (NULL on
// the unit's other variants).
constexpr const char* kUnitsAndTokens =
    TILMASH_UNIT_SELECT ", k.i, CASE WHEN v.id = s.id THEN s.toks END FROM unnest($1::bigint[]) "
    "WITH ORDINALITY AS k(vid, i) JOIN tm_variants s ON s.id = k.vid JOIN tm_units u ON "
    "u.id = s.unit_id JOIN tm_variants v ON v.unit_id = u.id";

// The rows of kUnitsOfVariants: out[i] for the i-th asked id (out holds one per id), its
// variants by id.
void read_units(const pg::Result& r, std::vector<std::optional<StoredUnit>>& out) {
  for (const int i : rows_by(r, 15, 8)) {
    const auto at = static_cast<std::size_t>(r.int8(i, 15) - 1);
    if (at >= out.size()) continue;
    if (!out[at]) {
      out[at].emplace();
      read_unit_head(r, i, *out[at]);
    }
    read_variant(r, i, *out[at]);
  }
}
}  // namespace

std::vector<std::optional<StoredUnit>> PostgresTm::units_of_variants(
    std::span<const std::int64_t> variant_ids) const {
  std::vector<std::optional<StoredUnit>> out(variant_ids.size());
  std::vector<std::int64_t> ask;  // not read ahead in this snapshot
  std::vector<std::size_t> where;
  for (std::size_t i = 0; i < variant_ids.size(); ++i) {
    const auto it = prefetched_->units.find(variant_ids[i]);
    if (it != prefetched_->units.end()) {
      out[i] = std::move(it->second);
      prefetched_->units.erase(it);
    } else {
      ask.push_back(variant_ids[i]);
      where.push_back(i);
    }
  }
  if (ask.empty()) return out;
  std::vector<std::optional<StoredUnit>> got(ask.size());
  read_units(conn_->run(kUnitsOfVariants, {Param::text(bigint_array(ask))}, true, "reading units"),
             got);
  for (std::size_t j = 0; j < ask.size(); ++j) out[where[j]] = std::move(got[j]);
  return out;
}

namespace {

class PgFuzzyIndex : public FuzzyIndex {
 public:
  PgFuzzyIndex(const pg::Conn& c, pg::SnapshotUnits& units, std::string lang)
      : c_(c), units_(units), lang_(std::move(lang)) {}

  std::optional<Entry> entry(std::string_view key) const override {
    new_query();
    pg::Result r = c_.run("SELECT id, df FROM tm_vocab WHERE lang = $1 AND key = $2",
                          {Param::text(lang_), Param::text(key)}, true, "reading the index");
    if (r.rows() == 0) return std::nullopt;
    return Entry{static_cast<std::uint32_t>(r.int4(0, 0)),
                 static_cast<std::uint64_t>(r.int8(0, 1))};
  }

  // Without a hint, what a lookup at 50 % or more can read: the rarer tokens' lists (below)
  // for the lengths m/2 .. 2m.
  std::vector<std::optional<Entry>> entries(std::span<const std::string> keys) const override {
    ReadAhead ahead;
    ahead.min_len = (keys.size() + 1) / 2;
    ahead.max_len = 2 * keys.size();
    ahead.percent = 50;
    return entries_ahead(keys, ahead);
  }

  // One round trip: the keys as a text[] (its literal syntax, every element quoted), and with
  // them the postings rows tm::search reads first (`ahead`): the prefix keys' lists for their
  // lengths, the key at position `pos` in the order of (df, id), the unknown keys first, up
  // to 100 (m - pos) / percent words. The rarer tokens' lists (df <= kPrefetchDf), cheap to
  // send, come for every length a match can have (min_len .. max_len), prefix or not: the
  // search's later per-length reads of them need no round trip either. postings_many() and
  // postings_range() then serve what was sent; a range it does not cover is read as before,
  // so the result never depends on this read-ahead being right, only the round trips do.
  // The conditions on the outer row (`o.first AND o.hi >= $3`) are a one-time filter per key:
  // no range scan for the keys without lists to send (a B-tree descent each, ~30 % more
  // buffer reads a lookup); OFFSET 0 keeps the scan planned on its own, as in
  // postings_many(). Repeated keys send their lists once (`first`).
  std::vector<std::optional<Entry>> entries_ahead(std::span<const std::string> keys,
                                                  const ReadAhead& ahead) const override {
    new_query();
    std::vector<std::optional<Entry>> out(keys.size());
    if (keys.empty()) return out;
    std::string array = "{";
    for (const std::string& k : keys) {
      if (array.size() > 1) array += ',';
      array += '"';
      for (const char ch : k) {
        if (ch == '"' || ch == '\\') array += '\\';
        array += ch;
      }
      array += '"';
    }
    array += '}';
    const auto lo = static_cast<std::int64_t>(ahead.min_len);
    const auto hi = static_cast<std::int64_t>(std::min<std::size_t>(ahead.max_len, kLongLen - 1));
    pg::Result r = c_.run(
        "SELECT o.i, o.id, o.df, o.hi, p.key, p.ids FROM (SELECT q.i, q.id, q.df, q.first, "
        "CASE WHEN q.df <= $5 THEN $4::bigint WHEN q.pos < $9::bigint THEN least($4::bigint, "
        "100 * ($10::bigint - q.pos) / $11::bigint) END AS hi FROM (SELECT k.i, v.id, v.df, "
        "row_number() OVER w - 1 + $10::bigint - count(*) OVER () AS pos, "
        "v.id IS DISTINCT FROM lag(v.id) OVER w AS first "
        "FROM unnest($2::text[]) WITH ORDINALITY AS k(key, i) "
        "JOIN tm_vocab v ON v.lang = $1 AND v.key = k.key COLLATE \"C\" "
        "WINDOW w AS (ORDER BY v.df, v.id, k.i)) q) o "
        "LEFT JOIN LATERAL (SELECT key, ids FROM tm_postings WHERE o.first AND o.hi >= $3 AND "
        "key BETWEEN (o.id::bigint << $6) | ($3::bigint << $7) AND (o.id::bigint << $6) | "
        "(o.hi << $7) | $8 OFFSET 0) p ON true",
        {Param::text(lang_), Param::text(array), Param::text(i64s(lo)), Param::text(i64s(hi)),
         Param::text(i64s(kPrefetchDf)), Param::text(i64s(kTokenShift)),
         Param::text(i64s(kLenShift)), Param::text(i64s(kMaxBatch)),
         Param::text(i64s(static_cast<std::int64_t>(ahead.prefix))),
         Param::text(i64s(static_cast<std::int64_t>(keys.size()))),
         Param::text(i64s(std::clamp(ahead.percent, 1, 100)))},
        true, "reading the index");
    std::int64_t filling = -1;  // the token whose rows are being cached
    for (const int i : rows_by(r, 0, 4)) {
      const auto at = static_cast<std::size_t>(r.int8(i, 0) - 1);
      const auto token = static_cast<std::uint32_t>(r.int4(i, 1));
      const auto df = static_cast<std::uint64_t>(r.int8(i, 2));
      if (at < out.size()) out[at] = Entry{token, df};
      if (r.null(i, 3) || r.int8(i, 3) < lo) continue;  // no lists sent
      if (filling != token && rows_.contains(token)) continue;  // a repeated key
      if (filling != token) {
        filling = token;
        rows_[token] = Rows{static_cast<std::size_t>(lo), static_cast<std::size_t>(r.int8(i, 3)), {}};
      }
      if (!r.null(i, 4)) rows_[token].rows.emplace_back(r.int8(i, 4), std::string(r.bytes(i, 5)));
    }
    return out;
  }

  bool remote() const override { return true; }

  std::uint64_t frequency(std::uint32_t token) const override {
    pg::Result r = c_.run("SELECT df FROM tm_vocab WHERE id = $1",
                          {Param::text(i64s(token))}, true, "reading the index");
    return r.rows() == 0 ? 0 : static_cast<std::uint64_t>(r.int8(0, 0));
  }

  void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                      std::vector<core::Posting>& out) const override {
    if (min_len > max_len || token > kMaxToken) return;
    if (from_prefetched(token, min_len, max_len, out)) return;
    pg::Result r = c_.run("SELECT key, ids FROM tm_postings WHERE key BETWEEN $1 AND $2 "
                          "ORDER BY key",
                          {Param::text(i64s(postings_key(token, min_len, 0))),
                           Param::text(i64s(postings_key(token, max_len, kMaxBatch)))},
                          true, "reading the index");
    std::size_t n = 0;
    for (int i = 0; i < r.rows(); ++i) n += postings_in(r.bytes(i, 1), postings_row(r.int8(i, 0)));
    out.reserve(out.size() + n);
    for (int i = 0; i < r.rows(); ++i) {
      decode_postings(r.bytes(i, 1), postings_row(r.int8(i, 0)), min_len, max_len, out);
    }
  }

  // The ranges entries() did not prefetch in one statement: a range scan per range (unnest of
  // the bounds, LATERAL). OFFSET 0 keeps the scan a subquery planned on its own, where the
  // generic plan sees `key BETWEEN $lo AND $hi` as one range (0.5 % of the rows); flattened
  // into the join, its two bounds were estimated as independent inequalities (a third of the
  // table each), and the planner chose a parallel sequential scan of all postings (~0.7 s at
  // 1M units instead of ~0.2 ms).
  void postings_many(std::span<const core::PostingRange> ranges,
                     std::vector<std::vector<core::Posting>>& out) const override {
    out.assign(ranges.size(), {});
    std::string lo(1, '{');
    std::string hi(1, '{');
    std::vector<std::size_t> asked;  // index in ranges of each asked bound
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      const core::PostingRange& g = ranges[i];
      if (g.min_len > g.max_len || g.token > kMaxToken) continue;
      if (from_prefetched(g.token, g.min_len, g.max_len, out[i])) continue;
      if (!asked.empty()) {
        lo += ',';
        hi += ',';
      }
      lo += i64s(postings_key(g.token, g.min_len, 0));
      hi += i64s(postings_key(g.token, g.max_len, kMaxBatch));
      asked.push_back(i);
    }
    if (asked.empty()) return;
    lo += '}';
    hi += '}';
    pg::Result r = c_.run(
        "SELECT r.i, p.key, p.ids FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS "
        "r(lo, hi, i) CROSS JOIN LATERAL (SELECT key, ids FROM tm_postings WHERE key BETWEEN "
        "r.lo AND r.hi OFFSET 0) p",
        {Param::text(lo), Param::text(hi)}, true, "reading the index");
    std::vector<std::size_t> n(asked.size());
    for (int row = 0; row < r.rows(); ++row) {
      const auto at = static_cast<std::size_t>(r.int8(row, 0) - 1);
      if (at < asked.size()) n[at] += postings_in(r.bytes(row, 2), postings_row(r.int8(row, 1)));
    }
    for (std::size_t j = 0; j < asked.size(); ++j) out[asked[j]].reserve(n[j]);
    for (const int row : rows_by(r, 0, 1)) {
      const auto at = static_cast<std::size_t>(r.int8(row, 0) - 1);
      if (at >= asked.size()) continue;
      const core::PostingRange& g = ranges[asked[at]];
      decode_postings(r.bytes(row, 2), postings_row(r.int8(row, 1)), g.min_len, g.max_len,
                      out[asked[at]]);
    }
  }

  std::vector<std::uint32_t> tokens(std::uint64_t id) const override {
    std::vector<std::vector<std::uint32_t>> out;
    tokens_many(std::span<const std::uint64_t>(&id, 1), out);
    return std::move(out[0]);
  }

  // One round trip for all the ids not read before (tm::search asks for every segment it
  // verifies at once). Variants never change, so what was read stays true and is kept (up to
  // kMaxCached segments) for the next queries. Inside a read snapshot, when the ids are few
  // (a search verifies ~1-5 a lookup), their units come with their tokens, in one statement:
  // rank() asks for the matches among them next, and PostgresTm::units_of_variants() serves
  // them from memory.
  void tokens_many(std::span<const std::uint64_t> ids,
                   std::vector<std::vector<std::uint32_t>>& out) const override {
    out.assign(ids.size(), {});
    if (toks_.size() + ids.size() > kMaxCached) toks_.clear();
    std::vector<std::int64_t> ask;
    for (const std::uint64_t id : ids) {
      if (!toks_.contains(id)) ask.push_back(static_cast<std::int64_t>(id));
    }
    if (!ask.empty() && units_.open && ids.size() <= kUnitsAhead) {
      std::vector<std::int64_t> all(ids.begin(), ids.end());
      pg::Result r = c_.run(kUnitsAndTokens, {Param::text(bigint_array(all))}, true,
                            "reading the index");
      std::vector<std::optional<StoredUnit>> units(all.size());
      read_units(r, units);
      for (int i = 0; i < r.rows(); ++i) {
        if (r.null(i, 16)) continue;
        toks_.insert_or_assign(static_cast<std::uint64_t>(r.int8(i, 8)),
                               decode_tokens(r.bytes(i, 16)));
      }
      for (std::size_t j = 0; j < all.size(); ++j) {
        if (units[j]) units_.units.insert_or_assign(all[j], std::move(*units[j]));
      }
    } else if (!ask.empty()) {
      pg::Result r = c_.run("SELECT id, toks FROM tm_variants WHERE id = ANY($1::bigint[])",
                            {Param::text(bigint_array(ask))}, true, "reading the index");
      for (int i = 0; i < r.rows(); ++i) {
        toks_.insert_or_assign(static_cast<std::uint64_t>(r.int8(i, 0)),
                               decode_tokens(r.bytes(i, 1)));
      }
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (const auto it = toks_.find(ids[i]); it != toks_.end()) out[i] = it->second;
    }
  }

  void for_each_segment(
      const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const override {
    // In pages read whole, as for_each_unit.
    std::int64_t after = 0;
    for (;;) {
      pg::Result r = c_.run("SELECT id, toks FROM tm_variants WHERE ilang = $1 AND id > $2 "
                            "ORDER BY id LIMIT 20000",
                            {Param::text(lang_), Param::text(i64s(after))}, true,
                            "reading the index");
      if (r.rows() == 0) return;
      for (int i = 0; i < r.rows(); ++i) {
        after = r.int8(i, 0);
        fn(static_cast<std::uint64_t>(after), decode_tokens(r.bytes(i, 1)));
      }
    }
  }


 private:
  static constexpr std::size_t kMaxCached = std::size_t{1} << 16;
  static constexpr std::size_t kUnitsAhead = 32;
  static constexpr std::int64_t kPrefetchDf = 512;
  struct Rows {
    std::size_t lo = 0;
    std::size_t hi = 0;
    std::vector<std::pair<std::int64_t, std::string>> rows;  // (key, ids), by key
  };
  // A new query (its keys are looked up first): the lists prefetched for the last one go.
  void new_query() const { rows_.clear(); }
  bool prefetched(std::uint32_t token, std::size_t min_len, std::size_t max_len) const {
    const auto it = rows_.find(token);
    return it != rows_.end() && min_len >= it->second.lo && max_len <= it->second.hi;
  }
  // Appends the postings of a range entries() prefetched; false if it did not.
  bool from_prefetched(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                       std::vector<core::Posting>& out) const {
    if (!prefetched(token, min_len, max_len)) return false;
    std::size_t n = 0;
    for (const auto& [key, blob] : rows_.at(token).rows) {
      const std::uint32_t row = postings_row(key);
      if (row >= min_len && row <= max_len) n += postings_in(blob, row);
    }
    out.reserve(out.size() + n);
    for (const auto& [key, blob] : rows_.at(token).rows) {
      const std::uint32_t row = postings_row(key);
      if (row >= min_len && row <= max_len) decode_postings(blob, row, min_len, max_len, out);
    }
    return true;
  }
  mutable std::unordered_map<std::uint32_t, Rows> rows_;  // this query's prefetched lists
  const pg::Conn& c_;
  pg::SnapshotUnits& units_;
  std::string lang_;
  mutable std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> toks_;
};

class PgSnapshot : public ReadSnapshot {
 public:
  // BEGIN goes with the first statement, COMMIT with the next one after: no round trips of
  // their own.
  PgSnapshot(const pg::Conn& c, pg::SnapshotUnits& units)
      : c_(c), units_(units), owner_(!c.in_transaction()) {
    if (!owner_) return;
    c_.defer("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    units_.units.clear();
    units_.open = true;
  }
  ~PgSnapshot() override {
    if (!owner_) return;
    c_.defer("COMMIT");
    units_.units.clear();
    units_.open = false;
  }

 private:
  const pg::Conn& c_;
  pg::SnapshotUnits& units_;
  bool owner_;
};

}  // namespace

std::unique_ptr<FuzzyIndex> PostgresTm::fuzzy_index(std::string_view lang) const {
  return std::make_unique<PgFuzzyIndex>(*conn_, *prefetched_, index_lang(lang));
}

std::unique_ptr<ReadSnapshot> PostgresTm::read_snapshot() const {
  return std::make_unique<PgSnapshot>(*conn_, *prefetched_);
}

std::int64_t PostgresTm::data_version() const {
  pg::Result r = conn_->run("SELECT value FROM tilmash_meta WHERE key = 'data_version'", {},
                            false, "reading the TM");
  return r.rows() == 1 ? r.text_int(0, 0) : 0;
}

// ---------------------------------------------------------------------------------------------
// Concordance

bool PostgresTm::concordance_current() const {
  pg::Result r = conn_->run("SELECT (SELECT coalesce(max(id), 0) FROM tm_variants) <= "
                            "(SELECT value::bigint FROM tilmash_meta WHERE key = 'conc_upto')",
                            {}, false, "reading the TM");
  return r.rows() == 1 && r.bytes(0, 0) == "t";
}

std::size_t PostgresTm::update_concordance(const SearchKeyer& keyer) {
  if (concordance_current()) return 0;
  if (read_only_) {
    throw StoreError(Kind::kIo, location_,
                     "building the concordance index: the TM was opened read-only");
  }
  const pg::Conn& c = *conn_;
  std::size_t n = 0;
  c.exec("BEGIN", "building the concordance index");
  try {
    c.exec(("SET LOCAL lock_timeout = " + std::to_string(lock_timeout_ms_)).c_str(),
           "building the concordance index");
    c.exec(pg::kWriteLock, "waiting for another client's import");
    pg::Result u = c.exec("SELECT value FROM tilmash_meta WHERE key = 'conc_upto'",
                          "building the concordance index");
    std::int64_t upto = u.rows() == 1 ? u.text_int(0, 0) : 0;
    c.exec(("DECLARE tilmash_conc NO SCROLL CURSOR FOR SELECT id, lang, ilang, text FROM "
            "tm_variants WHERE id > " + i64s(upto) + " ORDER BY id").c_str(),
           "building the concordance index");
    struct Row {
      std::int64_t id;
      std::string ilang;
      std::string vector;
    };
    std::vector<Row> rows;
    for (;;) {
      rows.clear();
      {
        pg::Result r = c.exec("FETCH 5000 FROM tilmash_conc", "building the concordance index");
        for (int i = 0; i < r.rows(); ++i) {
          rows.push_back({r.text_int(i, 0), std::string(r.bytes(i, 2)),
                          pg_keys_vector(keyer(r.bytes(i, 1), r.bytes(i, 3)))});
        }
      }
      if (rows.empty()) break;
      // Text format: the tsvector in its own syntax (binary would need its internal layout).
      pg::CopyIn in(c, "COPY tm_conc(id, ilang, keys) FROM STDIN", "building the concordance index",
                    false);
      for (const Row& row : rows) {
        in.text_row({i64s(row.id), row.ilang, row.vector});
        upto = row.id;
        ++n;
      }
      in.finish();
    }
    c.exec("CLOSE tilmash_conc", "building the concordance index");
    c.run("UPDATE tilmash_meta SET value = CASE key WHEN 'conc_upto' THEN $1 ELSE "
          "(value::bigint + 1)::text END WHERE key IN ('conc_upto', 'data_version')",
          {Param::text(i64s(upto))}, false, "building the concordance index");
    c.exec("COMMIT", "building the concordance index");
  } catch (...) {
    c.exec_quietly("ROLLBACK");
    throw;
  }
  return n;
}

std::vector<std::int64_t> PostgresTm::concordance(std::span<const ConcordanceTerm> phrase,
                                                  std::string_view lang,
                                                  std::size_t limit) const {
  std::vector<std::int64_t> out;
  const std::string q = pg_phrase_query(phrase);
  if (q.empty() || limit == 0) return out;
  pg::Result r = conn_->run(
      "SELECT id FROM tm_conc WHERE keys @@ $1::tsquery AND ($2 = '' OR ilang = $2) "
      "ORDER BY id LIMIT $3",
      {Param::text(q), Param::text(lang.empty() ? std::string() : index_lang(lang)),
       Param::text(i64s(static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30))))},
      true, "searching the concordance");
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.int8(i, 0));
  return out;
}

std::string PostgresTm::integrity_check() const {
  pg::Result r = conn_->exec(
      "SELECT (SELECT count(*) FROM tm_variants v WHERE NOT EXISTS (SELECT 1 FROM tm_units u "
      "WHERE u.id = v.unit_id)), (SELECT count(*) FROM tm_units u WHERE (SELECT count(*) FROM "
      "tm_variants v WHERE v.unit_id = u.id) < 2), (SELECT count(*) FROM tm_vocab WHERE df < 0)",
      "checking the TM");
  std::string out;
  const auto problem = [&](int col, const char* what) {
    const std::int64_t n = r.text_int(0, col);
    if (n == 0) return;
    if (!out.empty()) out += "; ";
    out += std::to_string(n) + " " + what;
  };
  problem(0, "variants without their unit");
  problem(1, "units with fewer than two variants");
  problem(2, "index words with a negative frequency");
  return out.empty() ? "ok" : out;
}

}  // namespace tilmash::store
