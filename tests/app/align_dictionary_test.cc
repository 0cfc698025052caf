// align's dictionaries (app/align_dictionary.h): FreeDict's dictionaries found for the language
// pair in both directions, their word pairs teaching the lexical model what two invented
// languages' words mean (the omission then lands where the translation is missing), an explicit
// --dictionary or find_dictionaries = false taking the place of the search, and a dictionary
// that cannot be read failing with its name.
#include "app/align_dictionary.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "app/align.h"
#include "core/failure.h"
#include "invented_documents.h"
#include "io/alignment_reader.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using testing::bead_sides;
using testing::kEnglish;
using testing::kKazakh;
// A dictionary's word pairs (English, Kazakh).
const std::vector<std::pair<std::string, std::string>> kWords = {
    {"torrik", "шөлмек"},   {"varrow", "сүйеншік"}, {"snith", "қарлығаш"}, {"yarrow", "кілемше"},
    {"plinket", "өрмекші"}, {"drovel", "көгершін"}, {"wendle", "түндік"},  {"quorble", "жылдық"},
    {"custel", "сандық"},   {"flimmet", "ошақты"},  {"pastil", "жайлауы"}, {"tuvrin", "торсық"}};

std::string b64(std::size_t n) {
  constexpr std::string_view digits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), digits[n % 64]);
    n /= 64;
  } while (n != 0);
  return out;
}

std::vector<std::pair<std::string, std::string>> reversed(
    std::vector<std::pair<std::string, std::string>> v) {
  for (auto& [a, b] : v)
    a.swap(b);
  return v;
}

class AlignDictionaryTest : public testing::TestDir {
 protected:
  // NAME.index and NAME.dict (uncompressed, as dictd also reads it) of `entries` (headword,
  // translation line).
  void write_dictd(const std::string& name,
                   const std::vector<std::pair<std::string, std::string>>& entries) const {
    std::string index, data;
    for (const auto& [head, translation] : entries) {
      const std::string text = head + " /pron/ <n>\n" + translation + "\n";
      index += head + "\t" + b64(data.size()) + "\t" + b64(text.size()) + "\n";
      data += text;
    }
    write(name + ".index", index);
    write(name + ".dict", data);
  }

  AlignRequest request(const std::string& output) const {
    AlignRequest r;
    r.langs = {"en", "kk"};
    r.langs_text = "en,kk";
    r.files = {write("a.en", kEnglish), write("a.kk", kKazakh)};
    r.segmented = true;
    r.options.use_terms = false;
    r.options.langs = r.langs;
    r.format = "json";
    r.output = path(output);
    return r;
  }
};

const std::vector<std::vector<std::vector<int>>> kGold = {
    {{0}, {0}}, {{1}, {1}}, {{2}, {2}}, {{3}, {3}}, {{4}, {}}, {{5}, {4}}, {{6}, {5}}, {{7}, {6}}};

// Points the FreeDict search at this test's folder for the test's lifetime.
class DictdDir {
 public:
  explicit DictdDir(const std::string& dir) {
    if (const char* old = std::getenv("TILMASH_DICTD_DIR"))
      old_ = old;
    ::setenv("TILMASH_DICTD_DIR", dir.c_str(), 1);
  }
  ~DictdDir() {
    if (old_) {
      ::setenv("TILMASH_DICTD_DIR", old_->c_str(), 1);
    } else {
      ::unsetenv("TILMASH_DICTD_DIR");
    }
  }
  DictdDir(const DictdDir&) = delete;
  DictdDir& operator=(const DictdDir&) = delete;

 private:
  std::optional<std::string> old_;
};

TEST_F(AlignDictionaryTest, FreeDictOfThePairInBothDirectionsPlacesTheOmission) {
  write_dictd("freedict-eng-kaz", kWords);
  write_dictd("freedict-kaz-eng", reversed(kWords));
  write_dictd("freedict-eng-rus", {{"torrik", "кувшин"}});  // another pair: not read
  const DictdDir env(path(""));
  AlignRequest r = request("plain.json");
  r.find_dictionaries = false;
  align_documents(r);
  ASSERT_NE(bead_sides(path("plain.json")), kGold)
      << "these documents align without a dictionary: the test needs documents where lengths "
         "mislead";

  r = request("dict.json");
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  EXPECT_EQ(bead_sides(path("dict.json")), kGold);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0], "12 word pairs of " + path("freedict-eng-kaz.index")
                            + " train the lexical model (en-kk; --no-dictionary: without)");
  EXPECT_NE(notices[1].find(path("freedict-kaz-eng.index") + " (reversed)"), std::string::npos)
      << notices[1];
}

TEST_F(AlignDictionaryTest, AGivenDictionaryReplacesTheSearch) {
  write_dictd("freedict-eng-kaz", {{"torrik", "шөлмек"}});
  std::string tsv;
  for (const auto& [en, kk] : kWords)
    tsv += en + "\t" + kk + "\n";
  const DictdDir env(path(""));
  AlignRequest r = request("tsv.json");
  r.dictionaries = {write("words.tsv", tsv)};
  std::vector<std::string> notices;
  r.notice = [&](const std::string& m) { notices.push_back(m); };
  align_documents(r);
  EXPECT_TRUE(notices.empty()) << notices.front();
  EXPECT_EQ(bead_sides(path("tsv.json")), kGold);
}

TEST_F(AlignDictionaryTest, AnUnreadableFreeDictFailsNamingIt) {
  write("freedict-eng-kaz.index", "torrik\tA\n");  // two fields: not a dictd index
  write("freedict-eng-kaz.dict", "torrik\nшөлмек\n");
  const DictdDir env(path(""));
  AlignRequest r = request("bad.json");
  try {
    align_documents(r);
    ADD_FAILURE() << "aligned with a broken dictionary";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kBadInput) << e.what();
    EXPECT_EQ(e.location(), path("freedict-eng-kaz.index")) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path("bad.json")));
}

TEST(FreedictTest, CodesAndSearch) {
  EXPECT_EQ(freedict_code("de-CH"), "deu");
  EXPECT_EQ(freedict_code("kk"), "kaz");
  EXPECT_EQ(freedict_code("eng"), "eng");
  EXPECT_EQ(freedict_code("xx"), "");
  const std::vector<std::string> none = {"/nonexistent/a", "/nonexistent/b"};
  EXPECT_TRUE(find_freedict("de", "fr", none).empty());
  EXPECT_TRUE(find_freedict("de", "xx", none).empty());
}

}  // namespace
}  // namespace tilmash::app
