// SqliteTm's import: one transaction (BEGIN IMMEDIATE … COMMIT). Units and variants are
// written as they come; the fuzzy index's new postings are kept in memory and written at commit,
// one postings row per (token, length) for the whole import (store/postings_codec.h).
// Normalisation, dedup keys and date merging: store/unit_keys.h.
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/extra_codec.h"
#include "store/postings_codec.h"
#include "store/sqlite_detail.h"
#include "store/sqlite_tm.h"
#include "store/unit_keys.h"

namespace tilmash::store {

using namespace sqlite;  // NOLINT: this backend's own helpers

namespace {

// Token ids of the fuzzy keys of one language. The import looks up every word of every
// variant (~50M lookups for 1M units), where std::unordered_map's bucket division and node
// chasing were ~15 % of the import's time. Open addressing with linear probing over a
// power-of-two table (Knuth, TAOCP vol. 3, §6.4, algorithm L) at most half full: usually one
// probe, the hash stored to skip most key comparisons, the keys in one arena.
class KeyIds {
 public:
  // The id of `key`; unknown keys get `fresh` (.second: true).
  std::pair<std::uint32_t, bool> find_or_add(std::string_view key, std::uint32_t fresh) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::size_t h = std::hash<std::string_view>{}(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.len == kEmpty) {
        slot = Slot{h, arena_.size(), static_cast<std::uint32_t>(key.size()), fresh};
        arena_.append(key);
        ++size_;
        return {fresh, true};
      }
      if (slot.hash == h && slot.len == key.size()
          && std::string_view(arena_).substr(slot.offset, slot.len) == key) {
        return {slot.id, false};
      }
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::size_t hash = 0;
    std::size_t offset = 0;
    std::uint32_t len = kEmpty;
    std::uint32_t id = 0;
  };
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.len == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].len != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t size_ = 0;
};

}  // namespace

class SqliteImport final : public TmImport {
 public:
  explicit SqliteImport(SqliteTm& tm) : store(&tm) {}
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
  // ilang -> key -> id
  std::unordered_map<std::string, KeyIds> vocab;
  std::vector<std::pair<std::string, std::string>> new_keys;  // in id order from first_new
  std::uint32_t first_new = 1;
  // Per token id: this import's postings as varint pairs (length, id - previous id), ids
  // ascending since variants are added in id order (~3 bytes a posting: the 1M-unit import
  // holds its ~50M postings in ~150 MB), and how many segments gained the token. Written once
  // at commit, one batch per (token, length): lookups read one row per list, not one per
  // flush, and nothing needs sorting.
  std::vector<std::string> postings;
  // The signature of each variant this import adds (ids from sig_base, ascending).
  std::vector<std::uint64_t> sigs;
  std::uint32_t sig_base = 0;
  std::vector<std::uint32_t> last_id;
  std::vector<std::uint64_t> df_delta;
  std::int64_t next_batch = 1;
  std::unordered_set<std::int64_t> dedups;  // every unit's dedup hash: most units need no query

  void add_posting(std::uint32_t token, std::uint32_t len, std::uint32_t id) {
    if (token >= postings.size()) {
      const std::size_t n = std::max<std::size_t>(token + 1, postings.size() * 2);
      postings.resize(n);
      last_id.resize(n, 0);
      df_delta.resize(n, 0);
    }
    put_varint(postings[token], len);
    put_varint(postings[token], id - last_id[token]);
    last_id[token] = id;
    ++df_delta[token];
  }
  void write_postings();
};

void SqliteImport::write_postings() {
  Stmt ins(store->prepare("INSERT INTO postings(key, ids) VALUES(?, ?)"), store->db_,
           store->path_);
  const auto signature_of = [this](std::uint32_t id) { return sigs[id - sig_base]; };
  for_each_postings_row(postings, signature_of,
                        [&](std::uint32_t token, std::size_t row, std::string_view blob) {
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

std::unique_ptr<TmImport> SqliteTm::begin_import(Keyer keyer, std::string now) {
  if (read_only_) fail(db_, SQLITE_READONLY, path_, "importing");
  auto imp = std::make_unique<SqliteImport>(*this);
  SqliteImport& st = *imp;
  st.keyer = std::move(keyer);
  st.now = std::move(now);
  exec(db_, path_, "BEGIN IMMEDIATE", "starting the import");
  st.open = true;
  {
    Stmt q(prepare("SELECT id, lang, key FROM vocab"), db_, path_);
    std::uint32_t max_id = 0;
    while (q.step("reading the index")) {
      const auto id = static_cast<std::uint32_t>(sqlite3_column_int64(q.get(), 0));
      st.vocab[std::string(col_text(q.get(), 1))].find_or_add(col_text(q.get(), 2), id);
      max_id = std::max(max_id, id);
    }
    st.first_new = max_id + 1;
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
    const auto len = static_cast<std::uint32_t>(keys.words.size());
    ids.clear();
    ids.reserve(len);
    toks.clear();
    KeyIds& lang_ids = st.vocab[ilang];
    for (const std::string_view k : keys.words) {
      const auto fresh = static_cast<std::uint32_t>(st.first_new + st.new_keys.size());
      const auto [id, added] = lang_ids.find_or_add(k, fresh);
      if (added) {
        if (fresh > kMaxToken) {
          throw StoreError(StoreError::Kind::kBadInput, db.path_,
                           "the TM's index is full (" + std::to_string(kMaxToken)
                               + " distinct words); split the TM");
        }
        st.new_keys.emplace_back(ilang, k);
      }
      ids.push_back(id);
      put_varint(toks, id);
    }
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
    const auto vid = static_cast<std::uint32_t>(sqlite3_last_insert_rowid(db.db_));
    // Each distinct token once: last_id[t] == vid once t has a posting for this variant (ids
    // only grow, so no earlier variant has vid). Linear, where sorting a 20 MB segment's
    // millions of ids took a quarter of a second.
    if (st.sigs.empty()) st.sig_base = vid;
    st.sigs.resize(std::max<std::size_t>(st.sigs.size(), vid - st.sig_base + 1), 0);
    st.sigs[vid - st.sig_base] = core::signature(ids);
    for (std::uint32_t t : ids) {
      if (t < st.last_id.size() && st.last_id[t] == vid) continue;
      st.add_posting(t, len, vid);
    }
  }
  ++st.stats_.units_added;
}

ImportStats SqliteImport::commit() {
  SqliteImport& st = *this;
  SqliteTm& db = *st.store;
  st.write_postings();
  {
    Stmt ins(db.prepare("INSERT INTO vocab(id, lang, key, df) VALUES(?, ?, ?, ?)"), db.db_,
             db.path_);
    for (std::size_t i = 0; i < st.new_keys.size(); ++i) {
      const std::size_t id = st.first_new + i;
      std::uint64_t df = 0;
      if (id < st.df_delta.size()) std::swap(df, st.df_delta[id]);  // no UPDATE for new keys
      sqlite3_bind_int64(ins.get(), 1, static_cast<std::int64_t>(id));
      bind_text(ins.get(), 2, st.new_keys[i].first);
      bind_text(ins.get(), 3, st.new_keys[i].second);
      sqlite3_bind_int64(ins.get(), 4, static_cast<std::int64_t>(df));
      ins.step("writing the index");
      sqlite3_reset(ins.get());
    }
  }
  {
    Stmt upd(db.prepare("UPDATE vocab SET df = df + ? WHERE id = ?"), db.db_, db.path_);
    for (std::size_t id = 0; id < st.df_delta.size(); ++id) {
      const std::uint64_t d = st.df_delta[id];
      if (d == 0) continue;
      sqlite3_bind_int64(upd.get(), 1, static_cast<std::int64_t>(d));
      sqlite3_bind_int64(upd.get(), 2, static_cast<std::int64_t>(id));
      upd.step("writing the index");
      sqlite3_reset(upd.get());
    }
  }
  {
    Stmt upd(db.prepare("UPDATE meta SET value = ? WHERE key = 'next_batch'"), db.db_, db.path_);
    sqlite3_bind_int64(upd.get(), 1, st.next_batch);
    upd.step("writing the TM");
  }
  const int rc = sqlite3_exec(db.db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db.db_, rc, db.path_, "committing the import");
  st.open = false;
  return st.stats_;
}

}  // namespace tilmash::store
