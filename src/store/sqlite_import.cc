// SqliteTm's import: one transaction (BEGIN IMMEDIATE … COMMIT). Units and variants are
// written as they come; the fuzzy index's new postings are kept in memory and written at commit,
// one postings row per (token, length) for the whole import (store/postings_codec.h).
// Normalisation, dedup keys and date merging: store/unit_keys.h.
#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/extra_codec.h"
#include "store/import_index.h"
#include "store/import_phases.h"
#include "store/postings_codec.h"
#include "store/sqlite_detail.h"
#include "store/sqlite_tm.h"
#include "store/unit_keys.h"

namespace tilmash::store {

using namespace sqlite;  // NOLINT: this backend's own helpers

class SqliteImport final : public TmImport {
 public:
  explicit SqliteImport(SqliteTm& tm) : store(&tm), index(tm.path()) {}
  ~SqliteImport() override;
  SqliteImport(const SqliteImport&) = delete;
  SqliteImport& operator=(const SqliteImport&) = delete;
  void add(const core::TranslationUnit& unit, const Provenance& provenance,
           std::optional<double> confidence, std::vector<VariantKeys>* keys) override;
  ImportStats commit() override;
  const ImportStats& stats() const override { return stats_; }

 private:
  friend class SqliteTm;
  SqliteTm* store = nullptr;
  Keyer keyer;
  std::string now;
  ImportStats stats_;
  bool open = false;
  ImportIndex index;  // the fuzzy index this import adds (store/import_index.h)
  std::int64_t next_batch = 1;
  std::unordered_set<std::int64_t> dedups;  // every unit's dedup hash: most units need no query
  ImportPhases phases;

  void write_postings();
};

void SqliteImport::write_postings() {
  Stmt ins(store->prepare("INSERT INTO postings(key, ids) VALUES(?, ?)"), store->db_,
           store->path_);
  index.for_each_row([&](std::uint32_t token, std::size_t row, std::string_view blob) {
    sqlite3_bind_int64(ins.get(), 1, postings_key(token, row, next_batch));
    bind_blob_ref(ins.get(), 2, blob);
    ins.step("writing the index");
    sqlite3_reset(ins.get());
  });
  ++next_batch;
}

SqliteImport::~SqliteImport() {
  if (open) sqlite3_exec(store->db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unique_ptr<TmImport> SqliteTm::begin_import(
    Keyer keyer, std::string now, const std::function<void(const std::string&)>& waiting) {
  if (read_only_) fail(db_, SQLITE_READONLY, path_, "importing");
  auto imp = std::make_unique<SqliteImport>(*this);
  SqliteImport& st = *imp;
  st.keyer = std::move(keyer);
  st.now = std::move(now);
  if (waiting) {
    // Another process's import holds the write lock: say so, then wait for it to end.
    sqlite3_busy_timeout(db_, 0);
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if ((rc & 0xFF) == SQLITE_BUSY) {
      waiting(kWaitingForImport);
      sqlite3_busy_timeout(db_, std::numeric_limits<int>::max());
      rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
    if (rc != SQLITE_OK) fail(db_, rc, path_, "starting the import");
  } else {
    exec(db_, path_, "BEGIN IMMEDIATE", "starting the import");
  }
  st.open = true;
  {
    Stmt q(prepare("SELECT id, lang, key FROM vocab"), db_, path_);
    while (q.step("reading the index")) {
      st.index.known(col_text(q.get(), 1), col_text(q.get(), 2),
                     static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0)));
    }
  }
  {
    Stmt q(prepare("SELECT dedup FROM units"), db_, path_);
    while (q.step("reading the TM")) st.dedups.insert(sqlite3_column_int64(q.get(), 0));
  }
  {
    Stmt q(prepare("SELECT value FROM meta WHERE key = 'next_batch'"), db_, path_);
    if (q.step("reading the TM")) st.next_batch = sqlite3_column_int64(q.get(), 0);
  }
  if (st.next_batch > kMaxBatch) {
    throw StoreError(StoreError::Kind::kBadInput, path_,
                     "this TM has had " + std::to_string(kMaxBatch)
                         + " imports, the most its index can tell apart; export it ('tilmash "
                           "tm export') and import that file into a new TM");
  }
  st.phases.mark("lock, vocabulary, digests");
  return imp;
}

void SqliteImport::add(const core::TranslationUnit& unit, const Provenance& provenance,
                       std::optional<double> confidence, std::vector<VariantKeys>* given) {
  SqliteImport& st = *this;
  SqliteTm& db = *st.store;
  ++st.stats_.units_read;
  UnitKey key(unit);
  if (!key.storable()) {
    ++st.stats_.units_skipped;
    return;
  }
  const auto dedup = static_cast<std::int64_t>(key.fnv64());
  const UnitDates dates = import_dates(unit, st.now);
  if (!st.dedups.insert(dedup).second) {
    Stmt find(db.prepare("SELECT id, created, changed FROM units WHERE dedup = ?"), db.db_,
              db.path_);
    sqlite3_bind_int64(find.get(), 1, dedup);
    while (find.step("looking for duplicates")) {
      const std::int64_t uid = sqlite3_column_int64(find.get(), 0);
      Stmt vars(db.prepare("SELECT lang, text FROM variants WHERE unit_id = ?"), db.db_, db.path_);
      sqlite3_bind_int64(vars.get(), 1, uid);
      std::vector<std::pair<std::string, std::string>> have;
      while (vars.step("looking for duplicates")) {
        have.emplace_back(std::string(col_text(vars.get(), 0)), std::string(col_text(vars.get(), 1)));
      }
      if (!key.matches(std::move(have))) continue;
      const UnitDates merged = merge_dates(
          {std::string(col_text(find.get(), 1)), std::string(col_text(find.get(), 2))}, dates);
      Stmt upd(db.prepare("UPDATE units SET created = ?1, changed = ?2 WHERE id = ?3"), db.db_,
               db.path_);
      bind_text(upd.get(), 1, merged.created);
      bind_text(upd.get(), 2, merged.changed);
      sqlite3_bind_int64(upd.get(), 3, uid);
      upd.step("merging a duplicate");
      ++st.stats_.units_merged;
      return;
    }
  }
  std::int64_t uid = 0;
  {
    Stmt ins(db.prepare("INSERT INTO units(tuid, dedup, created, changed, document, origin, "
                        "confidence, extra) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
             db.db_, db.path_);
    if (unit.id.empty()) {
      sqlite3_bind_null(ins.get(), 1);
    } else {
      bind_text(ins.get(), 1, unit.id);
    }
    sqlite3_bind_int64(ins.get(), 2, dedup);
    bind_text_ref(ins.get(), 3, dates.created);
    bind_text_ref(ins.get(), 4, dates.changed);
    bind_text_ref(ins.get(), 5, provenance.document);
    bind_text_ref(ins.get(), 6, provenance.origin);
    if (confidence) {
      sqlite3_bind_double(ins.get(), 7, *confidence);
    } else {
      sqlite3_bind_null(ins.get(), 7);
    }
    const std::string extra = encode_extra(unit.props, unit.notes, unit.attrs);
    bind_blob_ref(ins.get(), 8, extra);
    ins.step("adding a unit");
    uid = sqlite3_last_insert_rowid(db.db_);
  }
  // The normalised copies served the dedup key only: freed before the rows are written.
  key.release();
  Stmt ins(db.prepare("INSERT INTO variants(unit_id, lang, ilang, text, inline_xml, created, "
                      "changed, extra, toks) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           db.db_, db.path_);
  std::string toks;
  std::vector<std::uint32_t> ids;
  for (const UnitKey::Counted& counted : key.variants()) {
    const core::Variant* const v = counted.variant;
    const std::string ilang = index_lang(v->lang);
    const auto at = static_cast<std::size_t>(v - unit.variants.data());
    VariantKeys computed;
    if (given == nullptr || at >= given->size()) computed = st.keyer(v->lang, v->text);
    const VariantKeys& keys = given != nullptr && at < given->size() ? (*given)[at] : computed;
    st.index.tokens(ilang, keys.words, ids);
    toks.clear();
    encode_tokens(ids, toks);
    if (given != nullptr && at < given->size()) (*given)[at] = VariantKeys{};  // consumed
    sqlite3_bind_int64(ins.get(), 1, uid);
    bind_text_ref(ins.get(), 2, v->lang);
    bind_text_ref(ins.get(), 3, ilang);
    bind_text_ref(ins.get(), 4, v->text);
    if (v->inline_xml.empty()) {
      sqlite3_bind_null(ins.get(), 5);
    } else {
      bind_text_ref(ins.get(), 5, v->inline_xml);
    }
    bind_text_ref(ins.get(), 6, v->creationdate);
    bind_text_ref(ins.get(), 7, v->changedate);
    const std::string extra = encode_extra(v->props, v->notes, v->attrs);
    bind_blob_ref(ins.get(), 8, extra);
    bind_blob_ref(ins.get(), 9, toks);
    ins.step("adding a variant");
    sqlite3_reset(ins.get());
    st.index.add_variant(static_cast<std::uint32_t>(sqlite3_last_insert_rowid(db.db_)), ids);
  }
  ++st.stats_.units_added;
}

ImportStats SqliteImport::commit() {
  SqliteImport& st = *this;
  SqliteTm& db = *st.store;
  st.phases.mark("units and variants");
  st.write_postings();
  st.phases.mark("postings");
  {
    Stmt ins(db.prepare("INSERT INTO vocab(id, lang, key, df) VALUES(?, ?, ?, ?)"), db.db_,
             db.path_);
    st.index.new_keys([&](std::uint32_t id, std::string_view lang, std::string_view key,
                          std::uint64_t df) {
      sqlite3_bind_int64(ins.get(), 1, id);
      bind_text(ins.get(), 2, lang);
      bind_text(ins.get(), 3, key);
      sqlite3_bind_int64(ins.get(), 4, static_cast<std::int64_t>(df));
      ins.step("writing the index");
      sqlite3_reset(ins.get());
    });
  }
  {
    Stmt upd(db.prepare("UPDATE vocab SET df = df + ? WHERE id = ?"), db.db_, db.path_);
    st.index.df_increments([&](std::uint32_t id, std::uint64_t d) {
      sqlite3_bind_int64(upd.get(), 1, static_cast<std::int64_t>(d));
      sqlite3_bind_int64(upd.get(), 2, id);
      upd.step("writing the index");
      sqlite3_reset(upd.get());
    });
  }
  {
    Stmt upd(db.prepare("UPDATE meta SET value = ? WHERE key = 'next_batch'"), db.db_, db.path_);
    sqlite3_bind_int64(upd.get(), 1, st.next_batch);
    upd.step("writing the TM");
  }
  st.phases.mark("vocabulary");
  const int rc = sqlite3_exec(db.db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db.db_, rc, db.path_, "committing the import");
  st.phases.mark("commit");
  st.open = false;
  return st.stats_;
}

}  // namespace tilmash::store
