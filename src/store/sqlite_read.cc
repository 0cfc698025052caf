// SqliteTm's reading side: units (in id order, or the one holding a variant) and the fuzzy
// index of a language (vocab, postings rows decoded by store/postings_codec.h, token blobs).
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/extra_codec.h"
#include "store/postings_codec.h"
#include "store/sqlite_detail.h"
#include "store/sqlite_tm.h"

namespace tilmash::store {

using namespace sqlite;  // NOLINT: this backend's own helpers

std::size_t SqliteTm::unit_count() const {
  Stmt q(prepare("SELECT count(*) FROM units"), db_, path_);
  return q.step("counting units") ? static_cast<std::size_t>(sqlite3_column_int64(q.get(), 0)) : 0;
}

namespace {
// Columns: u.id, tuid, u.created, u.changed, document, origin, confidence, u.extra,
//          v.id, lang, text, inline_xml, v.created, v.changed, v.extra
constexpr const char* kUnitColumns =
    "SELECT u.id, u.tuid, u.created, u.changed, u.document, u.origin, u.confidence, u.extra, "
    "v.id, v.lang, v.text, v.inline_xml, v.created, v.changed, v.extra "
    "FROM units u JOIN variants v ON v.unit_id = u.id ";

void read_unit_head(sqlite3_stmt* st, StoredUnit& u) {
  u.id = sqlite3_column_int64(st, 0);
  u.unit.id = std::string(col_text(st, 1));
  u.unit.creationdate = std::string(col_text(st, 2));
  u.unit.changedate = std::string(col_text(st, 3));
  u.provenance.document = std::string(col_text(st, 4));
  u.provenance.origin = std::string(col_text(st, 5));
  if (sqlite3_column_type(st, 6) != SQLITE_NULL) u.confidence = sqlite3_column_double(st, 6);
  decode_extra(col_blob(st, 7), u.unit.props, u.unit.notes, u.unit.attrs);
}

void read_variant(sqlite3_stmt* st, StoredUnit& u) {
  core::Variant v;
  v.lang = std::string(col_text(st, 9));
  v.text = std::string(col_text(st, 10));
  v.inline_xml = std::string(col_text(st, 11));
  v.creationdate = std::string(col_text(st, 12));
  v.changedate = std::string(col_text(st, 13));
  decode_extra(col_blob(st, 14), v.props, v.notes, v.attrs);
  u.variant_ids.push_back(sqlite3_column_int64(st, 8));
  u.unit.variants.push_back(std::move(v));
}
}  // namespace

void SqliteTm::for_each_unit(const std::function<bool(const StoredUnit&)>& fn) const {
  static const std::string sql = std::string(kUnitColumns) + "ORDER BY u.id, v.id";
  Stmt q(prepare(sql.c_str()), db_, path_);
  std::optional<StoredUnit> cur;
  while (q.step("reading units")) {
    const std::int64_t uid = sqlite3_column_int64(q.get(), 0);
    if (cur && cur->id != uid) {
      if (!fn(*cur)) return;
      cur.reset();
    }
    if (!cur) {
      cur.emplace();
      read_unit_head(q.get(), *cur);
    }
    read_variant(q.get(), *cur);
  }
  if (cur) fn(*cur);
}

std::optional<StoredUnit> SqliteTm::unit_of_variant(std::int64_t variant_id) const {
  static const std::string sql = std::string(kUnitColumns)
                                 + "WHERE u.id = (SELECT unit_id FROM variants WHERE id = ?) "
                                   "ORDER BY v.id";
  Stmt q(prepare(sql.c_str()), db_, path_);
  sqlite3_bind_int64(q.get(), 1, variant_id);
  std::optional<StoredUnit> u;
  while (q.step("reading a unit")) {
    if (!u) {
      u.emplace();
      read_unit_head(q.get(), *u);
    }
    read_variant(q.get(), *u);
  }
  return u;
}

// The persisted fuzzy index of one primary language.
class SqliteFuzzyIndex final : public FuzzyIndex {
 public:
  SqliteFuzzyIndex(const SqliteTm& tm, std::string lang) : store_(&tm), lang_(std::move(lang)) {}
  std::optional<Entry> entry(std::string_view key) const override;
  std::uint64_t frequency(std::uint32_t token) const override;
  void postings_range(std::uint32_t token, std::size_t min_len, std::size_t max_len,
                      std::vector<core::Posting>& out) const override;
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override;
  void for_each_segment(
      const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const override;

 private:
  const SqliteTm* store_;
  std::string lang_;
};

std::unique_ptr<FuzzyIndex> SqliteTm::fuzzy_index(std::string_view lang) const {
  return std::make_unique<SqliteFuzzyIndex>(*this, index_lang(lang));
}

std::optional<FuzzyIndex::Entry> SqliteFuzzyIndex::entry(std::string_view key) const {
  Stmt q(store_->prepare("SELECT id, df FROM vocab WHERE lang = ? AND key = ?"), store_->db_,
         store_->path_);
  bind_text(q.get(), 1, lang_);
  bind_text(q.get(), 2, key);
  if (!q.step("reading the index")) return std::nullopt;
  return Entry{static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0)),
               static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 1))};
}

std::uint64_t SqliteFuzzyIndex::frequency(std::uint32_t token) const {
  Stmt q(store_->prepare("SELECT df FROM vocab WHERE id = ?"), store_->db_, store_->path_);
  sqlite3_bind_int64(q.get(), 1, token);
  return q.step("reading the index") ? static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0))
                                     : 0;
}

void SqliteFuzzyIndex::postings_range(std::uint32_t token, std::size_t min_len,
                                         std::size_t max_len,
                                         std::vector<core::Posting>& out) const {
  const auto clamp = [](std::size_t n) {
    return static_cast<std::int64_t>(std::min<std::size_t>(n, 1u << 30));
  };
  if (store_->schema_version_ < 2) {  // (token, len, batch, ids): ids alone
    Stmt q(store_->prepare("SELECT len, ids FROM postings WHERE token = ? AND len BETWEEN ? AND ?"),
           store_->db_, store_->path_);
    sqlite3_bind_int64(q.get(), 1, token);
    sqlite3_bind_int64(q.get(), 2, clamp(min_len));
    sqlite3_bind_int64(q.get(), 3, clamp(max_len));
    while (q.step("reading the index")) {
      const auto len = static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0));
      const std::string_view blob = col_blob(q.get(), 1);
      const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
      for (std::size_t i = 0; i + 4 <= blob.size(); i += 4) {
        out.push_back(core::Posting{load_le(p + i, 4), core::kAllBits, len});
      }
    }
    return;
  }
  if (min_len > max_len || token > kMaxToken) return;
  Stmt q(store_->prepare("SELECT key, ids FROM postings WHERE key BETWEEN ? AND ?"), store_->db_,
         store_->path_);
  sqlite3_bind_int64(q.get(), 1, postings_key(token, min_len, 0));
  sqlite3_bind_int64(q.get(), 2, postings_key(token, max_len, kMaxBatch));
  while (q.step("reading the index")) {
    decode_postings(col_blob(q.get(), 1), postings_row(sqlite3_column_int64(q.get(), 0)), min_len,
                    max_len, out);
  }
}

std::vector<std::uint32_t> SqliteFuzzyIndex::tokens(std::uint64_t id) const {
  Stmt q(store_->prepare("SELECT toks FROM variants WHERE id = ?"), store_->db_, store_->path_);
  sqlite3_bind_int64(q.get(), 1, static_cast<std::int64_t>(id));
  if (!q.step("reading the index")) return {};
  return decode_tokens(col_blob(q.get(), 0));
}

void SqliteFuzzyIndex::for_each_segment(
    const std::function<void(std::uint64_t, std::vector<std::uint32_t>)>& fn) const {
  Stmt q(store_->prepare("SELECT id, toks FROM variants WHERE ilang = ?"), store_->db_,
         store_->path_);
  bind_text(q.get(), 1, lang_);
  while (q.step("reading the index")) {
    fn(static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0)),
       decode_tokens(col_blob(q.get(), 1)));
  }
}

}  // namespace tilmash::store
