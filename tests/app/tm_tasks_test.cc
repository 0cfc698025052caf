// The TM tasks of src/app without the CLI: import (TMX with provenance props, align JSON and
// TSV, a bad file leaving the TM as it was), lookup, concordance, export.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "app/tm_import.h"
#include "app/tm_read.h"
#include "io/errors.h"
#include "store/tm_backend.h"
#include "tm_test_util.h"

namespace tilmash::app {
namespace {

constexpr const char* kUnits = R"(<tu tuid="a1" creationdate="20240101T000000Z">
<prop type="x-document">udhr.html</prop><prop type="x-origin">tilmash align</prop>
<prop type="x-tilmash-confidence">0.75</prop>
<tuv xml:lang="en"><seg>Everyone has the right to life, liberty and security of person.</seg></tuv>
<tuv xml:lang="kk"><seg>Әркімнің өмір сүруге, бостандығы мен жеке басының қауіпсіздігіне құқығы бар.</seg></tuv>
<tuv xml:lang="ru"><seg>Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.</seg></tuv></tu>
<tu tuid="a2"><tuv xml:lang="en"><seg>No one shall be held in slavery or servitude.</seg></tuv>
<tuv xml:lang="kk"><seg>Ешкім де құлдықта немесе кіріптарлықта ұсталмауға тиіс.</seg></tuv></tu>
<tu tuid="a3"><tuv xml:lang="en"><seg>Everyone has the right to freedom of movement.</seg></tuv>
<tuv xml:lang="ru"><seg>Каждый человек имеет право свободно передвигаться.</seg></tuv></tu>
<tu tuid="a4"><tuv xml:lang="en"><seg>Alone</seg></tuv></tu>
)";

// A translator's import while a colleague's runs: told what it waits for (once), it waits,
// beyond the 5 s busy timeout, and imports when the other has committed.
TEST_F(TmTaskTest, ImportWaitsForAnotherImportAndSaysSo) {
  const std::string db = path("busy.db");
  store::open_tm(db, store::OpenMode::kReadWrite);
  auto other = store::open_tm(db, store::OpenMode::kReadWrite);
  auto running = other->begin_import(
      [](std::string_view, std::string_view) { return store::VariantKeys{}; }, "20250505T000000Z");
  TmImportRequest r;
  r.db = db;
  r.files = {tmx("w.tmx", kUnits)};
  std::atomic<int> told{0};
  std::string why;
  std::string error;
  std::atomic<bool> done{false};
  ImportProgress progress;
  progress.waiting = [&](const std::string& w) {
    why = w;
    ++told;
  };
  std::thread t([&] {
    try {
      import_tm(r, progress);
    } catch (const std::exception& e) {
      error = e.what();
    }
    done = true;
  });
  for (int i = 0; i < 400 && told == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  std::this_thread::sleep_for(std::chrono::milliseconds(5500));  // past the busy timeout
  EXPECT_FALSE(done) << error;
  running->commit();
  t.join();
  EXPECT_EQ(told, 1);
  EXPECT_EQ(error, "");
  EXPECT_NE(why.find("waiting for it to finish"), std::string::npos) << why;
  EXPECT_EQ(store::open_tm(db, store::OpenMode::kReadOnly)->unit_count(), 3u);
}

TEST_F(TmTaskTest, ImportStoresUnitsWithProvenanceAndMerges) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.files = {tmx("a.tmx", kUnits)};
  r.now = "20250505T000000Z";
  std::size_t ticks = 0;
  bool writing = false;
  const TmImportResult first = import_tm(r, {[&] { ++ticks; }, [&] { writing = true; }, {}});
  EXPECT_EQ(first.stats.units_read, 4u);
  EXPECT_EQ(first.stats.units_added, 3u);
  EXPECT_EQ(first.stats.units_skipped, 1u);
  EXPECT_EQ(ticks, 4u);
  EXPECT_TRUE(writing);
  // The same file again merges; an origin given replaces x-origin but not x-document.
  r.origin = "again";
  EXPECT_EQ(import_tm(r).stats.units_merged, 3u);
  const auto tm = store::open_tm(r.db, store::OpenMode::kReadOnly);
  std::vector<store::StoredUnit> units;
  tm->for_each_unit([&](const store::StoredUnit& u) {
    units.push_back(u);
    return true;
  });
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].provenance.document, "udhr.html");
  EXPECT_EQ(units[0].provenance.origin, "tilmash align");
  EXPECT_EQ(units[0].confidence, 0.75);
  EXPECT_EQ(units[1].provenance.document, r.files[0]);
  EXPECT_EQ(units[1].provenance.origin, "tmx import");
  EXPECT_EQ(units[1].unit.creationdate, "20250505T000000Z");  // none in the file: `now`
}

TEST_F(TmTaskTest, ImportOfABadFileLeavesTheTmAsItWas) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.files = {tmx("a.tmx", kUnits)};
  import_tm(r);
  r.files = {tmx("b.tmx", "<tu tuid=\"x\"><tuv xml:lang=\"en\"><seg>New unit here</seg></tuv>"
                          "<tuv xml:lang=\"kk\"><seg>Жаңа</seg></tuv></tu>"),
             write("c.tmx", "<tmx><body><tu>")};
  EXPECT_THROW(import_tm(r), io::InputError);
  EXPECT_EQ(store::open_tm(r.db, store::OpenMode::kReadOnly)->unit_count(), 3u);
}

TEST_F(TmTaskTest, ImportsAlignOutput) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.format = "tsv";
  r.langs = {"en", "kk"};
  r.files = {write("a.tsv", "0.9\tOpen the file\tФайлды ашу\n0.4\tClose it\tЖабу\n")};
  const TmImportResult res = import_tm(r);
  EXPECT_EQ(res.stats.units_added, 2u);
  std::vector<store::StoredUnit> units;
  store::open_tm(r.db, store::OpenMode::kReadOnly)->for_each_unit([&](const store::StoredUnit& u) {
    units.push_back(u);
    return true;
  });
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit.id, "tu1");  // the line
  EXPECT_EQ(units[1].confidence, 0.4);
  EXPECT_EQ(units[1].provenance.origin, "tilmash align");
}

TEST_F(TmTaskTest, LookupFindsFuzzyMatchesBestFirst) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.files = {tmx("a.tmx", kUnits)};
  import_tm(r);
  TmLookupRequest q;
  q.db = r.db;
  q.min = 50;
  TmLookup lookup(q);
  const std::vector<TmMatch> m = lookup.lookup("Everyone has the  right to life, liberty and security of person.");
  ASSERT_GE(m.size(), 1u);
  EXPECT_EQ(m[0].score, 100);  // white space collapsed first
  EXPECT_EQ(m[0].tuid, "a1");
  EXPECT_EQ(m[0].targets.size(), 2u);
  EXPECT_EQ(m[0].target, m[0].targets[0].second);
  const std::vector<TmMatch> near = lookup.lookup("Everyone has the right to freedom of thought.");
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0].tuid, "a3");
  EXPECT_LT(near[0].score, 100);
  EXPECT_NE(std::find(near[0].differs.begin(), near[0].differs.end(), "movement"),
            near[0].differs.end());
  for (std::size_t i = 1; i < near.size(); ++i) EXPECT_LE(near[i].score, near[i - 1].score);
  // --tgt: only units with that language, and only it as target.
  q.tgt = "kk";
  TmLookup kk(q);
  const std::vector<TmMatch> only = kk.lookup("Everyone has the right to freedom of movement.");
  for (const TmMatch& x : only) EXPECT_NE(x.tuid, "a3");
  // Brute force gives the same as the index.
  q.tgt.clear();
  q.brute_force = true;
  TmLookup brute(q);
  const auto b = brute.lookup("Everyone has the right to freedom of thought.");
  ASSERT_EQ(b.size(), near.size());
  for (std::size_t i = 0; i < b.size(); ++i) EXPECT_EQ(b[i].score, near[i].score);
  q.db = path("missing.db");
  EXPECT_THROW(TmLookup{q}, store::StoreError);
}

TEST_F(TmTaskTest, ConcordanceFindsInflectedForms) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.files = {tmx("a.tmx", kUnits)};
  import_tm(r);
  TmConcordanceRequest c;
  c.db = r.db;
  c.words = "rights";  // stem of right
  TmConcordanceResult res = concordance_tm(c);
  ASSERT_EQ(res.hits.size(), 2u);
  EXPECT_EQ(res.hits[0].unit.unit.id, "a1");
  EXPECT_EQ(res.hits[0].unit.unit.variants[res.hits[0].self].lang, "en");
  c.words = "право";
  c.lang = "ru";
  res = concordance_tm(c);
  ASSERT_EQ(res.hits.size(), 2u);
  EXPECT_EQ(res.hits[1].unit.unit.variants[res.hits[1].self].lang, "ru");
  c.words = "жеке басы";  // a phrase; finds "жеке басының" (prefixes of lemmas)
  c.lang = "kk";
  res = concordance_tm(c);
  ASSERT_EQ(res.hits.size(), 1u);
  // The lemma's voiced stem (құқығы) and an inflected query (құқықтарын, not in the TM:
  // its lemma құқық) find the unit that holds құқығы.
  for (const char* w : {"құқық", "құқықтарын", "құқығы"}) {
    c.words = w;
    res = concordance_tm(c);
    ASSERT_EQ(res.hits.size(), 1u) << w;
    EXPECT_EQ(res.hits[0].unit.unit.id, "a1") << w;
  }
  c.words = "құлдық";  // құлдықта, not a form of құқық
  res = concordance_tm(c);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].unit.unit.id, "a2");
  c.lang.clear();
  c.words = "right";
  c.max = 1;
  EXPECT_EQ(concordance_tm(c).hits.size(), 1u);
  c.words = "!!";
  EXPECT_FALSE(concordance_tm(c).has_words);
}

TEST_F(TmTaskTest, ExportWritesTmxAndPairs) {
  TmImportRequest r;
  r.db = path("tm.db");
  r.files = {tmx("a.tmx", kUnits)};
  import_tm(r);
  TmExportRequest e{r.db, path("all.tmx"), std::nullopt};
  TmExportResult res = export_tm(e);
  EXPECT_EQ(res.written, 3u);
  EXPECT_EQ(res.left_out, 0u);
  e.output = path("en-kk.tmx");
  e.pair = {{"en", "kk"}};
  res = export_tm(e);
  EXPECT_EQ(res.written, 2u);
  EXPECT_EQ(res.left_out, 1u);
  std::stringstream text;
  text << std::ifstream(e.output).rdbuf();
  EXPECT_EQ(text.str().find("xml:lang=\"ru\""), std::string::npos);
  EXPECT_NE(text.str().find("tuid=\"a2\""), std::string::npos);
}

}  // namespace
}  // namespace tilmash::app
