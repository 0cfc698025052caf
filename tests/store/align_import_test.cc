// `tm import` of `tilmash align` output: the reader (io/alignment_reader) on what
// alignment_writer writes, its errors, and the provenance the TM keeps for aligned beads.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/alignment_reader.h"
#include "io/errors.h"
#include "store/sqlite_tm.h"

namespace tilmash {
namespace {

namespace fs = std::filesystem;

class AlignImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path()
           / ("tilmash_align_import_" + std::to_string(::getpid()) + "_"
              + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // The InputError message for reading `text` as align JSON, or "" when it reads.
  std::string json_error(const std::string& text) {
    try {
      io::read_alignment_json(write("bad.json", text));
    } catch (const io::InputError& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

// As alignment_writer writes it (three languages, an unaligned source sentence), plus what a
// JSON writer may legally do differently: escapes, member order, unknown members.
constexpr const char* kAligned = R"([
  {"confidence": 0.912, "indices": {"en": [0, 1], "kk": [0], "ru": [0]}, "text": {"en": "Open the file. Now.", "kk": "Файлды ашу.", "ru": "Откройте файл."}},
  {"confidence": 0.400, "indices": {"en": [2], "kk": [], "ru": []}, "text": {"en": "Unaligned.", "kk": "", "ru": ""}},
  {"text": {"ru": "\u0416\u0443\u0440\u043d\u0430\u043b \ud83d\ude00 \"x\"\n", "en": "Log", "kk": "Журнал"}, "extra": [true, null, {"a": -1.5e3}], "confidence": 1}
]
)";

TEST_F(AlignImportTest, ReadsAlignJson) {
  const io::AlignmentFile f = io::read_alignment_json(write("a.json", kAligned));
  EXPECT_EQ(f.langs, (std::vector<std::string>{"en", "kk", "ru"}));
  ASSERT_EQ(f.units.size(), 3u);
  EXPECT_EQ(f.lines, (std::vector<std::size_t>{2, 3, 4}));
  EXPECT_DOUBLE_EQ(f.units[0].confidence, 0.912);
  EXPECT_EQ(f.units[0].text.at("en"), "Open the file. Now.");
  EXPECT_EQ(f.units[0].text.at("kk"), "Файлды ашу.");
  EXPECT_EQ(f.units[1].text.at("kk"), "");
  EXPECT_EQ(f.units[2].text.at("ru"), "Журнал 😀 \"x\"\n");
  EXPECT_DOUBLE_EQ(f.units[2].confidence, 1.0);
  EXPECT_TRUE(io::read_alignment_json(write("e.json", "[]\n")).units.empty());
}

TEST_F(AlignImportTest, JsonErrorsSayWhere) {
  EXPECT_NE(json_error(R"([{"confidence": 0.5}])").find(":1:2: error: a bead without \"text\""),
            std::string::npos);
  EXPECT_NE(json_error("[\n {\"confidence\": 2, \"text\": {}}]").find(
                ":2:17: error: confidence must be a number in 0–1"),
            std::string::npos);
  EXPECT_NE(json_error(R"([{"text": {"en": "a" "kk": "b"}}])").find(":1:22: error: expected ',' or '}'"),
            std::string::npos);
  EXPECT_NE(json_error(R"([{"text": {"en": "a\q"}}])").find("bad escape '\\q'"), std::string::npos);
  EXPECT_NE(json_error(R"([{"text": {"en": "\ud83d"}}])").find("unpaired surrogate"),
            std::string::npos);
  EXPECT_NE(json_error(R"([{"text": {"e n": "a"}}])").find("bad language tag 'e n'"),
            std::string::npos);
  EXPECT_NE(json_error("[{\"text\": {\"en\": \"a\"}}] x").find("unexpected text after"),
            std::string::npos);
  EXPECT_NE(json_error("[{\"text\": {\"en\": \"a").find("unterminated string"),
            std::string::npos);
  EXPECT_NE(json_error("[{\"text\": {\"en\": \"a\xff\"}}]").find("invalid UTF-8"),
            std::string::npos);
  EXPECT_NE(json_error("[{\"text\": {\"en\": \"a\tb\"}}]").find("control character"),
            std::string::npos);
  EXPECT_NE(json_error("[{\"text\": {\"en\": \"a\"}}").find("unexpected end of file"),
            std::string::npos);
  // Unknown members are skipped recursively: deep nesting is an error, not a stack overflow.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_NE(json_error("[{\"x\": " + deep + ", \"text\": {\"en\": \"a\"}}]")
                .find("nested more than 64 levels"),
            std::string::npos);
  const std::string ok = std::string(60, '[') + std::string(60, ']');
  EXPECT_EQ(json_error("[{\"x\": " + ok + ", \"text\": {\"en\": \"a\"}}]"), "");
  // BOM and CRLF are accepted.
  EXPECT_EQ(json_error("\xEF\xBB\xBF[\r\n{\"text\": {\"en\": \"a\"}}\r\n]\r\n"), "");
}

TEST_F(AlignImportTest, ReadsAlignTsv) {
  const io::AlignmentFile f = io::read_alignment_tsv(
      write("a.tsv", "0.900\tOpen the file.\tФайлды ашу.\r\n\n0.100\tAlone.\t\n"), {"en", "kk"});
  ASSERT_EQ(f.units.size(), 2u);
  EXPECT_EQ(f.lines, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(f.units[0].text.at("kk"), "Файлды ашу.");
  EXPECT_DOUBLE_EQ(f.units[1].confidence, 0.1);
  EXPECT_THROW(io::read_alignment_tsv(write("b.tsv", "0.9\tonly one\n"), {"en", "kk"}),
               io::InputError);
  EXPECT_THROW(io::read_alignment_tsv(write("c.tsv", "high\ta\tb\n"), {"en", "kk"}),
               io::InputError);
}

// What `tm import --format json` stores: the file as source document, origin, the bead's
// confidence; a bead with text in one language only is skipped, and a later import of the
// same beads merges instead of duplicating.
TEST_F(AlignImportTest, StoresProvenance) {
  const std::string json = write("udhr.json", kAligned);
  const std::string db_path = (dir_ / "tm.db").string();
  const auto keyer = [](std::string_view, std::string_view text) {
    return store::VariantKeys{{std::string(text)}};
  };
  for (int round = 0; round < 2; ++round) {
    store::SqliteTm db(db_path, store::OpenMode::kReadWrite);
    auto imp = db.begin_import(keyer, "20250101T000000Z");
    const io::AlignmentFile f = io::read_alignment_json(json);
    for (const core::AlignedUnit& a : f.units) {
      core::TranslationUnit tu;
      for (const std::string& lang : f.langs) {
        core::Variant v;
        v.lang = lang;
        v.text = a.text.at(lang);
        tu.variants.push_back(std::move(v));
      }
      imp->add(tu, {json, "tilmash align"}, a.confidence);
    }
    const store::ImportStats s = imp->commit();
    EXPECT_EQ(s.units_skipped, 1u);
    EXPECT_EQ(round == 0 ? s.units_added : s.units_merged, 2u);
  }
  store::SqliteTm db(db_path, store::OpenMode::kReadOnly);
  std::vector<store::StoredUnit> units;
  db.for_each_unit([&](const store::StoredUnit& u) {
    units.push_back(u);
    return true;
  });
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].provenance.document, json);
  EXPECT_EQ(units[0].provenance.origin, "tilmash align");
  ASSERT_TRUE(units[0].confidence.has_value());
  EXPECT_DOUBLE_EQ(*units[0].confidence, 0.912);
  EXPECT_EQ(units[0].unit.variants.size(), 3u);
  EXPECT_DOUBLE_EQ(units[1].confidence.value_or(0), 1.0);
}

}  // namespace
}  // namespace tilmash
