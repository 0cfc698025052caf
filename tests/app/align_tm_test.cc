// align --tm and the lexicon (app/align_tm.h through app::align_documents): a TM or a lexicon
// whose units teach the lexical model the words of the documents moves an omission to the
// sentence that lacks its translation, where lengths alone put it elsewhere; three languages,
// each pair with its own units; the requests it refuses and the files it cannot read; which
// lexicon files a run takes. The choice of units itself: tests/store/backend_suite_test.cc
// (both backends).
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/align.h"
#include "app/align_tm.h"
#include "app/option_error.h"
#include "io/alignment_reader.h"
#include "io/errors.h"
#include "store/tm_backend.h"
#include "invented_documents.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using AlignTmTest = testing::TestDir;

using testing::kEnglish;
using testing::kKazakh;
using testing::bead_sides;
// The translator's earlier work: other sentences of the same words.
const std::vector<std::pair<std::string, std::string>> kMemory = {
    {"brasko snith lumbar", "кебеже қарлығаш асатаяқ"},
    {"sondel ravick snith", "күймеші қыстауы қарлығаш"},
    {"varrow tuvrin snith", "сүйеншік торсық қарлығаш"},
    {"yarrow wendle quorble", "кілемше түндік жылдық"},
    {"flimmet custel varrow", "ошақты сандық сүйеншік"},
    {"plinket torrik drovel", "өрмекші шөлмек көгершін"},
    {"brasko wendle pastil", "кебеже түндік жайлауы"},
    {"mornet quorble pastil", "бөрікше жылдық жайлауы"},
    {"sondel tuvrin brasko", "күймеші торсық кебеже"},
    {"drovel wendle flimmet", "көгершін түндік ошақты"}};

// A SQLite TM of `pairs` (en, kk), made through the store API.
void make_tm(const std::string& db, const std::vector<std::pair<std::string, std::string>>& pairs,
             const std::string& target_lang = "kk") {
  const auto tm = store::open_tm(db, store::OpenMode::kReadWrite);
  // No fuzzy keys: align reads the units, not the fuzzy index.
  auto import = tm->begin_import(
      [](std::string_view, std::string_view) { return store::VariantKeys{}; }, "20260101T120000Z");
  for (std::size_t n = 0; n < pairs.size(); ++n) {
    core::TranslationUnit u;
    u.id = std::to_string(n + 1);
    u.variants.resize(2);
    u.variants[0].lang = "en";
    u.variants[0].text = pairs[n].first;
    u.variants[1].lang = target_lang;
    u.variants[1].text = pairs[n].second;
    import->add(u, {"memory.tmx", "tmx import"});
  }
  import->commit();
}

AlignRequest request(const std::string& en, const std::string& kk, const std::string& output) {
  AlignRequest r;
  r.langs = {"en", "kk"};
  r.langs_text = "en,kk";
  r.files = {en, kk};
  r.segmented = true;
  r.options.use_terms = false;
  r.options.langs = r.langs;
  r.format = "json";
  r.output = output;
  return r;
}


TEST_F(AlignTmTest, TheTmsWordsPutTheOmissionWhereTheTranslationIsMissing) {
  make_tm(path("tm.db"), kMemory);
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("plain.json"));
  const std::vector<std::vector<std::vector<int>>> gold = {{{0}, {0}}, {{1}, {1}}, {{2}, {2}},
                                                           {{3}, {3}}, {{4}, {}},  {{5}, {4}},
                                                           {{6}, {5}}, {{7}, {6}}};
  align_documents(r);
  // The premise: lengths and the documents' own words alone misplace the omission.
  ASSERT_NE(bead_sides(path("plain.json")), gold) << "these documents align without the TM: the test "
                                                "needs documents where lengths mislead";
  r.tm = path("tm.db");
  r.output = path("tm.json");
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  EXPECT_EQ(bead_sides(path("tm.json")), gold);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0], "10 units of " + path("tm.db") + " (en-kk) train the lexical model");
}

TEST_F(AlignTmTest, ATmWithoutThePairIsANoticeAndAlignProceeds) {
  make_tm(path("tm.db"), kMemory, "ru");
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("a.json"));
  r.tm = path("tm.db");
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  EXPECT_EQ(io::read_alignment_json(path("a.json")).beads.size(), 8u);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("no unit of " + path("tm.db") + " (en-kk)"), std::string::npos)
      << notices[0];
}

TEST_F(AlignTmTest, AMissingTmIsAnIoFailureNamingIt) {
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("a.json"));
  r.tm = path("none.db");
  try {
    align_documents(r);
    ADD_FAILURE() << "aligned with a TM that does not exist";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kIo) << e.what();
    EXPECT_EQ(e.location(), path("none.db")) << e.what();
  }
}

TEST_F(AlignTmTest, ThreeLanguagesTrainEachPairOnItsOwnUnits) {
  // The Russian translation keeps every sentence (invented words again, about the same lengths).
  constexpr const char* kRussian =
      "пастило торико ульберо флимо тувро.\n"
      "ульберо равико йорвико кворбо добро.\n"
      "гамбло равико минтако варро зефиро.\n"
      "флимо хестло гамбло ярро люмбо.\n"
      "зефиро морно гамбло кворбо ульберо.\n"
      "снито кустело торико варро ярро.\n"
      "варро дровело плинко пастило добро.\n"
      "плинко кворбо снито варро вендло.\n";
  make_tm(path("tm.db"), kMemory);
  make_tm(path("tm.db"), {{"brasko snith", "браско снито"},
                          {"sondel ravick", "сондело равико"},
                          {"mornet quorble", "морно кворбо"}},
          "ru");
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("a.json"));
  r.langs = {"en", "kk", "ru"};
  r.langs_text = "en,kk,ru";
  r.options.langs = r.langs;
  r.files.push_back(write("a.ru", kRussian));
  r.tm = path("tm.db");
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  // Each pair gets its own units: en-ru's lexicon never sees the Kazakh ones.
  EXPECT_EQ(notices, (std::vector<std::string>{
                         "10 units of " + path("tm.db") + " (en-kk) train the lexical model",
                         "3 units of " + path("tm.db") + " (en-ru) train the lexical model"}));
  // The joined beads, seen from en-kk: the omission where the Kazakh translation lacks it.
  std::vector<std::vector<std::vector<int>>> en_kk;
  for (const auto& bead : bead_sides(path("a.json"))) {
    if (!bead[0].empty() || !bead[1].empty()) en_kk.push_back({bead[0], bead[1]});
  }
  const std::vector<std::vector<std::vector<int>>> gold = {{{0}, {0}}, {{1}, {1}}, {{2}, {2}},
                                                           {{3}, {3}}, {{4}, {}},  {{5}, {4}},
                                                           {{6}, {5}}, {{7}, {6}}};
  EXPECT_EQ(en_kk, gold);
}

// The same memory as a lexicon file (TMX): the same effect, before any TM, without a notice.
std::string lexicon_tmx(const std::vector<std::pair<std::string, std::string>>& pairs,
                        const std::string& target_lang) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
      "creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n";
  for (const auto& [en, tgt] : pairs) {
    out += "<tu><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"" + target_lang +
           "\"><seg>" + tgt + "</seg></tuv></tu>\n";
  }
  return out + "</body></tmx>\n";
}

const std::vector<std::vector<std::vector<int>>> kGold = {{{0}, {0}}, {{1}, {1}}, {{2}, {2}},
                                                          {{3}, {3}}, {{4}, {}},  {{5}, {4}},
                                                          {{6}, {5}}, {{7}, {6}}};

TEST_F(AlignTmTest, ALexiconTeachesTheWordsAsATmDoes) {
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("plain.json"));
  align_documents(r);
  ASSERT_NE(bead_sides(path("plain.json")), kGold);
  // Another language's lexicon teaches en-kk nothing.
  r.lexicons = {write("ru.tmx", lexicon_tmx(kMemory, "ru"))};
  r.output = path("ru.json");
  align_documents(r);
  EXPECT_EQ(bead_sides(path("ru.json")), bead_sides(path("plain.json")));
  r.lexicons.push_back(write("kk.tmx", lexicon_tmx(kMemory, "kk")));
  r.output = path("kk.json");
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  EXPECT_EQ(bead_sides(path("kk.json")), kGold);
  EXPECT_TRUE(notices.empty());  // the lexicon is the default: nothing to tell
}

TEST_F(AlignTmTest, ALexiconThatIsNotTmxIsBadInputNamingItAndNothingIsWritten) {
  AlignRequest r = request(write("a.en", kEnglish), write("a.kk", kKazakh), path("a.json"));
  r.lexicons = {write("lex.tmx", "<tmx version=\"1.4\"><body><tu>")};
  try {
    align_documents(r);
    ADD_FAILURE() << "aligned with a broken lexicon";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kBadInput) << e.what();
    EXPECT_NE(std::string(e.what()).find(path("lex.tmx")), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path("a.json")));
}

TEST_F(AlignTmTest, TheLexiconFilesAreTheGivenOnesElseTheEnvironmentsElseTheShipped) {
  const char* saved = std::getenv("TILMASH_LEXICON");
  const std::string old = saved != nullptr ? saved : "";
  ::unsetenv("TILMASH_LEXICON");
  const std::vector<std::string> shipped = lexicon_paths({});
  // The source tree's lexicon/ (this test binary lives in its build folder).
  ASSERT_FALSE(shipped.empty());
  EXPECT_TRUE(shipped[0].ends_with("lexicon/news.tmx")) << shipped[0];
  ::setenv("TILMASH_LEXICON", "/somewhere/mine.tmx", 1);
  EXPECT_EQ(lexicon_paths({}), std::vector<std::string>{"/somewhere/mine.tmx"});
  EXPECT_EQ(lexicon_paths({"a.tmx", "b.tmx"}), (std::vector<std::string>{"a.tmx", "b.tmx"}));
  if (saved != nullptr) {
    ::setenv("TILMASH_LEXICON", old.c_str(), 1);
  } else {
    ::unsetenv("TILMASH_LEXICON");
  }
}

}  // namespace
}  // namespace tilmash::app
