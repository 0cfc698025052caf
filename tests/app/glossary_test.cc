// The glossary tasks: edits round-trip through the TBX file, refused edits leave it unchanged,
// and a lookup through the cache equals one from the files.
#include "app/glossary.h"

#include "app/glossary_edit.h"
#include "app/option_error.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using GlossaryTest = testing::TestDir;

const core::Term* find_term(const core::TermEntry& e, const std::string& lang, const std::string& text) {
  auto it = e.terms.find(lang);
  if (it == e.terms.end()) return nullptr;
  for (const core::Term& t : it->second) {
    if (t.text == text) return &t;
  }
  return nullptr;
}

TEST_F(GlossaryTest, AddEditDeprecateRemoveRoundTripThroughTheFile) {
  const std::string g = path("g.tbx");
  save_glossary(g, term::Glossary{});
  TermChanges add;
  add.preferred = {{"en", "returnee"}, {"kk", "қандас"}, {"ru", "кандас"}};
  add.admitted = {"en=qandas"};
  const std::string id = add_glossary_entry(g, std::nullopt, add);
  EXPECT_FALSE(id.empty());

  TermChanges edit;  // the old name becomes a dated one, a new preferred Russian term
  edit.deprecated = {"kk=оралман"};
  edit.preferred = {{"ru", "репатриант"}};
  edit.note = "oralman was official until 2020";
  edit_glossary_entry(g, id, edit);

  const term::Glossary back = load_glossary({g});
  ASSERT_EQ(back.size(), 1u);
  const core::TermEntry& e = back.entries()[0];
  EXPECT_EQ(e.id, id);
  ASSERT_NE(find_term(e, "kk", "оралман"), nullptr);
  EXPECT_EQ(find_term(e, "kk", "оралман")->status, core::TermStatus::kDeprecated);
  EXPECT_EQ(find_term(e, "kk", "қандас")->status, core::TermStatus::kPreferred);
  EXPECT_EQ(e.terms.at("ru").front().text, "репатриант");
  EXPECT_EQ(find_term(e, "ru", "кандас")->status, core::TermStatus::kAdmitted);
  EXPECT_EQ(find_term(e, "en", "qandas")->status, core::TermStatus::kAdmitted);
  EXPECT_EQ(e.note, "oralman was official until 2020");

  remove_glossary_entries(g, {id});
  EXPECT_EQ(load_glossary({g}).size(), 0u);
}

TEST_F(GlossaryTest, RefusedEditsLeaveTheFileAsItWas) {
  const std::string g = path("g.tbx");
  save_glossary(g, term::Glossary{});
  TermChanges add;
  add.preferred = {{"en", "camp"}};
  const std::string id = add_glossary_entry(g, std::nullopt, add);
  const std::string before = read("g.tbx");
  EXPECT_THROW(add_glossary_entry(g, id, add), OptionError);           // id taken
  EXPECT_THROW(edit_glossary_entry(g, "no-such-id", add), OptionError);
  EXPECT_THROW(remove_glossary_entries(g, {id, "no-such-id"}), OptionError);
  TermChanges bad;
  bad.deprecated = {"kk"};  // not LANG=TEXT
  EXPECT_THROW(edit_glossary_entry(g, id, bad), OptionError);
  EXPECT_EQ(read("g.tbx"), before);
}

TEST_F(GlossaryTest, ImportAddsEntriesOfAnotherFile) {
  const std::string g = path("g.tbx");
  save_glossary(g, term::Glossary{});
  const std::string tsv = write("more.tsv", "detention\tқамау\nre-education\tқайта тәрбиелеу\n");
  ImportRequest r;
  r.glossary = g;
  r.files = {tsv};
  EXPECT_EQ(import_glossary_entries(r), 2u);
  EXPECT_EQ(load_glossary({g}).size(), 2u);
}

TEST_F(GlossaryTest, CachedLookupEqualsLookupFromTheFiles) {
  LookupRequest r;
  r.glossaries = {TILMASH_SOURCE_DIR "/glossaries/xinjiang.tbx"};
  r.text = "лагерлерінде";
  r.cache_dir = path("cache");
  r.use_cache = false;
  const LookupResult direct = lookup_glossary(r);
  ASSERT_FALSE(direct.hits.empty());
  r.use_cache = true;
  const LookupResult first = lookup_glossary(r);   // writes the cache
  EXPECT_TRUE(std::filesystem::exists(path("cache")));
  const LookupResult cached = lookup_glossary(r);  // reads it
  ASSERT_EQ(cached.hits.size(), direct.hits.size());
  for (std::size_t i = 0; i < direct.hits.size(); ++i) {
    EXPECT_EQ(cached.entries[i].id, direct.entries[i].id);
    EXPECT_EQ(cached.hits[i].score, direct.hits[i].score);
    EXPECT_EQ(first.entries[i].id, direct.entries[i].id);
  }
}

TEST_F(GlossaryTest, ExportRefusesAnUnknownFormat) {
  ExportRequest r;
  r.glossaries = {TILMASH_SOURCE_DIR "/glossaries/xinjiang.tbx"};
  r.format = "xlsx";
  EXPECT_THROW(export_glossary(r), OptionError);
  r.format = "tsv";
  EXPECT_NE(export_glossary(r).find('\t'), std::string::npos);
}

}  // namespace
}  // namespace tilmash::app
