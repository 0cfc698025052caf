// SqliteTm's concordance: a contentless FTS5 table of the caller's search keys per variant
// (rowid = variant id), built on demand. A store::ConcordanceTerm phrase becomes FTS5 query
// syntax here, and only here: its terms quoted and joined by FTS5's phrase operator (+), a
// prefix term followed by *.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/postings_codec.h"
#include "store/sqlite_detail.h"
#include "store/sqlite_tm.h"

namespace tilmash::store {

using namespace sqlite;  // NOLINT: this backend's own helpers

namespace {

// `word` as an FTS5 string ("a""b").
std::string fts_quote(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The FTS5 query of a phrase: "k1" + "k2"* …
std::string fts_phrase(std::span<const ConcordanceTerm> phrase) {
  std::string q;
  for (const ConcordanceTerm& t : phrase) {
    if (!q.empty()) q += " + ";
    q += fts_quote(t.key);
    if (t.prefix) q += '*';
  }
  return q;
}

}  // namespace

bool SqliteTm::concordance_current() const {
  Stmt q(prepare("SELECT (SELECT coalesce(max(id), 0) FROM variants) <= "
                 "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'conc_upto')"),
         db_, path_);
  return q.step("reading the TM") && sqlite3_column_int(q.get(), 0) == 1;
}

std::size_t SqliteTm::update_concordance(const SearchKeyer& keyer) {
  if (concordance_current()) return 0;
  if (read_only_) fail(db_, SQLITE_READONLY, path_, "building the concordance index");
  exec(db_, path_, "BEGIN IMMEDIATE", "building the concordance index");
  std::size_t n = 0;
  try {
    std::int64_t upto = 0;
    {
      Stmt q(prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'conc_upto'"), db_,
             path_);
      if (q.step("reading the TM")) upto = sqlite3_column_int64(q.get(), 0);
    }
    Stmt q(prepare("SELECT id, lang, text FROM variants WHERE id > ? ORDER BY id"), db_, path_);
    Stmt ins(prepare("INSERT INTO conc(rowid, keys) VALUES(?, ?)"), db_, path_);
    sqlite3_bind_int64(q.get(), 1, upto);
    while (q.step("building the concordance index")) {
      upto = sqlite3_column_int64(q.get(), 0);
      sqlite3_bind_int64(ins.get(), 1, upto);
      bind_text(ins.get(), 2, keyer(col_text(q.get(), 1), col_text(q.get(), 2)));
      ins.step("building the concordance index");
      sqlite3_reset(ins.get());
      ++n;
    }
    Stmt upd(prepare("UPDATE meta SET value = ? WHERE key = 'conc_upto'"), db_, path_);
    sqlite3_bind_int64(upd.get(), 1, upto);
    upd.step("building the concordance index");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  exec(db_, path_, "COMMIT", "building the concordance index");
  return n;
}

std::vector<std::int64_t> SqliteTm::concordance(std::span<const ConcordanceTerm> phrase,
                                                std::string_view lang,
                                                std::size_t limit) const {
  if (phrase.empty()) return {};
  Stmt q(prepare("SELECT c.rowid FROM conc c JOIN variants v ON v.id = c.rowid "
                 "WHERE conc MATCH ?1 AND (?2 = '' OR v.ilang = ?2) ORDER BY c.rowid LIMIT ?3"),
         db_, path_);
  bind_text(q.get(), 1, fts_phrase(phrase));
  bind_text(q.get(), 2, lang.empty() ? std::string() : index_lang(lang));
  sqlite3_bind_int64(q.get(), 3, static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30)));
  std::vector<std::int64_t> out;
  while (q.step("searching the concordance")) out.push_back(sqlite3_column_int64(q.get(), 0));
  return out;
}

}  // namespace tilmash::store
