// tm init and tm copy: a copy loses nothing (every field of every unit, provenance and
// confidence included) and a second copy adds nothing.
#include "app/tm_import.h"
#include "store/tm_backend.h"
#include "tm_test_util.h"

namespace tilmash::app {
namespace {

std::vector<store::StoredUnit> all_units(const std::string& db) {
  std::vector<store::StoredUnit> out;
  store::open_tm(db, store::OpenMode::kReadOnly)->for_each_unit([&](const store::StoredUnit& u) {
    out.push_back(u);
    return true;
  });
  return out;
}

// Everything but the ids, which each TM numbers itself.
void expect_same(const std::vector<store::StoredUnit>& a, const std::vector<store::StoredUnit>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].unit, b[i].unit) << i;
    EXPECT_EQ(a[i].provenance.document, b[i].provenance.document) << i;
    EXPECT_EQ(a[i].provenance.origin, b[i].provenance.origin) << i;
    EXPECT_EQ(a[i].confidence, b[i].confidence) << i;
  }
}

constexpr const char* kRich = R"(<tu tuid="r1" creationdate="20230101T101010Z" changedate="20240202T020202Z" usagecount="3">
<prop type="x-document">report.docx</prop><prop type="x-tilmash-confidence">0.625</prop>
<prop type="x-context">menu</prop><note>checked by Aigerim</note>
<tuv xml:lang="en" creationdate="20230101T101010Z"><prop type="x-v">1</prop><note>en note</note><seg>Open the <bpt i="1">&lt;b&gt;</bpt>file<ept i="1">&lt;/b&gt;</ept>  now</seg></tuv>
<tuv xml:lang="kk-KZ"><seg>Файлды  ашу</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>No id, no dates</seg></tuv><tuv xml:lang="ru"><seg>Без id</seg></tuv>
<tuv xml:lang="kk"><seg>Id жоқ</seg></tuv></tu>
<tu tuid="r3"><tuv xml:lang="en"><seg>Same text</seg></tuv><tuv xml:lang="kk"><seg>Бір мәтін</seg></tuv></tu>
<tu tuid="r4"><tuv xml:lang="en"><seg>Same text</seg></tuv><tuv xml:lang="ru"><seg>Тот же текст</seg></tuv></tu>
)";

TEST_F(TmTaskTest, CopyRoundTripLosesNothing) {
  TmImportRequest r;
  r.db = path("a.db");
  r.files = {tmx("rich.tmx", kRich)};
  r.now = "20250101T000000Z";
  import_tm(r);
  const std::vector<store::StoredUnit> a = all_units(r.db);
  ASSERT_EQ(a.size(), 4u);
  ASSERT_FALSE(a[0].unit.variants[0].inline_xml.empty());
  ASSERT_FALSE(a[0].unit.notes.empty());
  std::size_t ticks = 0;
  const store::ImportStats s = copy_tm({path("a.db"), path("b.db")}, {[&] { ++ticks; }, {}, {}});
  EXPECT_EQ(s.units_added, 4u);
  EXPECT_EQ(ticks, 4u);
  copy_tm({path("b.db"), path("c.db")});
  expect_same(a, all_units(path("b.db")));
  expect_same(a, all_units(path("c.db")));
  // A second copy merges every unit and changes nothing.
  const store::ImportStats again = copy_tm({path("a.db"), path("c.db")});
  EXPECT_EQ(again.units_added, 0u);
  EXPECT_EQ(again.units_merged, 4u);
  expect_same(a, all_units(path("c.db")));
}

TEST_F(TmTaskTest, CopyErrorsLeaveTheTargetAsItWas) {
  init_tm(path("t.db"));
  EXPECT_EQ(store::open_tm(path("t.db"), store::OpenMode::kReadOnly)->unit_count(), 0u);
  init_tm(path("t.db"));  // again: nothing changes
  EXPECT_THROW(copy_tm({path("missing.db"), path("t.db")}), store::StoreError);
  write("junk.db", std::string(5000, 'x'));
  EXPECT_THROW(copy_tm({path("junk.db"), path("t.db")}), store::StoreError);
  EXPECT_THROW(init_tm(path("no/such/folder/t.db")), store::StoreError);
  EXPECT_EQ(store::open_tm(path("t.db"), store::OpenMode::kReadOnly)->unit_count(), 0u);
}

}  // namespace
}  // namespace tilmash::app
