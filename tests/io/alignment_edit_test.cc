// What the review page's editor saves, read back: "indices", "edited" and "checked" of
// `align --format json`, the checks `align --from-json` makes (io::alignment_beads), the props
// `tm import` stores (io::alignment_unit), and the writer's round trip.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/alignment_reader.h"
#include "io/alignment_writer.h"
#include "io/errors.h"

namespace tilmash::io {
namespace {

constexpr const char* kEdited = R"([
  {"confidence": 0.900, "indices": {"en": [0], "kk": [0]}, "text": {"en": "A.", "kk": "Ә."}},
  {"confidence": 1.000, "indices": {"en": [1, 2], "kk": [1]}, "text": {"en": "B. C.", "kk": "Б."}, "edited": true},
  {"confidence": 1.000, "indices": {"en": [], "kk": [2]}, "text": {"en": "", "kk": "В."}, "edited": true, "checked": true},
  {"confidence": 0.500, "indices": {"en": [3], "kk": [3]}, "text": {"en": "D.", "kk": "Г."}, "checked": false}
]
)";
const std::vector<std::vector<std::string>> kSentences = {{"A.", "B.", "C.", "D."}, {"Ә.", "Б.", "В.", "Г."}};

std::string error_of(const std::string& json, const std::vector<std::vector<std::string>>& sentences) {
  try {
    alignment_beads(parse_alignment_json(json, "x.json"), "x.json", sentences);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// A temporary file name of this process with extension `ext`.
std::string temp_path(const char* ext) {
  return (std::filesystem::temp_directory_path() /
          ("tilmash_alignment_rt_" + std::to_string(::getpid()) + ext)).string();
}

// The contents of `path`, which is then removed.
std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream got;
  got << in.rdbuf();
  std::filesystem::remove(path);
  return got.str();
}

TEST(AlignmentEditTest, ReadsIndicesAndMarks) {
  const AlignmentFile f = parse_alignment_json(kEdited, "e.json");
  ASSERT_EQ(f.beads.size(), 4u);
  EXPECT_EQ(f.beads[1].sides, (std::vector<std::vector<int>>{{1, 2}, {1}}));
  EXPECT_EQ(f.beads[2].sides, (std::vector<std::vector<int>>{{}, {2}}));
  EXPECT_EQ(f.marks, (std::vector<BeadMark>{{false, false}, {true, false}, {true, true}, {false, false}}));
  const std::vector<core::Bead> beads = alignment_beads(f, "e.json", kSentences);
  EXPECT_EQ(beads.size(), 4u);
  EXPECT_DOUBLE_EQ(beads[0].confidence, 0.9);
  EXPECT_NE(error_of(R"([{"text": {"en": "x"}, "edited": 1}])", {}), "");
  EXPECT_NE(error_of(R"([{"text": {"en": "x"}, "indices": {"en": [-1]}}])", {}), "");
  EXPECT_NE(error_of(R"([{"text": {"en": "x"}, "indices": {"en": [0.5]}}])", {}), "");
  EXPECT_NE(error_of(R"([{"text": {"en": "x"}, "indices": {"de": [0]}}])", {}), "");
}

// Every sentence in exactly one bead, in order, and the texts those of the documents.
TEST(AlignmentEditTest, BeadsMustPartitionTheDocuments) {
  const std::string head = R"([{"confidence": 1, "indices": {"en": [0], "kk": [0]}, "text": {"en": "A.", "kk": "Ә."}},)";
  EXPECT_EQ(error_of(kEdited, kSentences), "");
  EXPECT_NE(error_of(head + R"({"indices": {"en": [2], "kk": [1]}, "text": {"en": "C.", "kk": "Б."}}])", {{"A.", "B.", "C."}, {"Ә.", "Б."}})
                .find("x.json:1: error: bead 1: en sentence 2 where 1 must come"),
            std::string::npos);
  EXPECT_NE(error_of(head + R"({"indices": {"en": [0], "kk": [1]}, "text": {"en": "A.", "kk": "Б."}}])", {{"A."}, {"Ә.", "Б."}})
                .find("en sentence 0 where 1 must come"),
            std::string::npos);
  EXPECT_NE(error_of(head + R"({"indices": {"en": [], "kk": []}, "text": {"en": "", "kk": ""}}])", {{"A."}, {"Ә."}})
                .find("no sentence in any language"),
            std::string::npos);
  EXPECT_NE(error_of(head + R"({"indices": {"en": [1], "kk": [1]}, "text": {"en": "B!", "kk": "Б."}}])", {{"A.", "B."}, {"Ә.", "Б."}})
                .find("its en text differs"),
            std::string::npos);
  EXPECT_NE(error_of(head + R"({"indices": {"en": [1], "kk": [1]}, "text": {"en": "B.", "kk": "Б."}}])", {{"A.", "B."}, {"Ә.", "Б.", "В."}})
                .find("the beads end at kk sentence 2 of 3"),
            std::string::npos);
  EXPECT_NE(error_of(head + R"({"indices": {"en": [1], "kk": [1]}, "text": {"en": "B.", "kk": "Б."}}])", {{"A."}, {"Ә.", "Б."}})
                .find("past the 1 sentences"),
            std::string::npos);
  EXPECT_NE(error_of(R"([{"text": {"en": "A."}}])", {{"A."}}).find("no \"indices\""), std::string::npos);
}

TEST(AlignmentEditTest, TmUnitsCarryTheMarks) {
  const AlignmentFile f = parse_alignment_json(kEdited, "e.json");
  const core::TranslationUnit a = alignment_unit(f, 0, "tu1");
  EXPECT_TRUE(a.props.empty());
  const core::TranslationUnit c = alignment_unit(f, 2, "tu3");
  EXPECT_EQ(c.id, "tu3");
  EXPECT_EQ(c.props, (std::vector<core::Prop>{{"x-tilmash-edited", "true"}, {"x-tilmash-checked", "true"}}));
  ASSERT_EQ(c.variants.size(), 1u);  // the empty English side is no variant
  EXPECT_EQ(c.variants[0].text, "В.");
  ASSERT_TRUE(c.confidence.has_value());
  EXPECT_EQ(*c.confidence, 1.0);
}

// The writer writes the marks the way the page does, so the file reads back unchanged.
TEST(AlignmentEditTest, WriterRoundTrip) {
  const AlignmentFile f = parse_alignment_json(kEdited, "e.json");
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tilmash_alignment_edit_" + std::to_string(::getpid()) + ".json")).string();
  write_alignment(path, "json", f.langs, f.beads, f.units, "e", f.marks);
  std::ifstream in(path);
  std::stringstream got;
  got << in.rdbuf();
  std::filesystem::remove(path);
  std::string want = kEdited;
  const std::string unchecked = ", \"checked\": false";
  want.erase(want.find(unchecked), unchecked.size());  // false is the default: not written
  EXPECT_EQ(got.str(), want);
}

// TMX tuids name beads: after an exact duplicate of bead 1 is left out, bead 3 is still tu3
// (the tuid check reports for it on the JSON), not the second unit written.
TEST(AlignmentEditTest, TmxTuidsAreBeadNumbers) {
  const AlignmentFile f = parse_alignment_json(R"([
  {"confidence": 0.9, "indices": {"en": [0], "kk": [0]}, "text": {"en": "A.", "kk": "Ә."}},
  {"confidence": 0.9, "indices": {"en": [1], "kk": [1]}, "text": {"en": "A.", "kk": "Ә."}},
  {"confidence": 0.9, "indices": {"en": [2], "kk": [2]}, "text": {"en": "B.", "kk": "Б."}}
])", "d.json");
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tilmash_alignment_tuid_" + std::to_string(::getpid()) + ".tmx")).string();
  const TmxWriteStats st = write_alignment(path, "tmx", f.langs, f.beads, f.units, "d", f.marks);
  std::ifstream in(path);
  std::stringstream got;
  got << in.rdbuf();
  std::filesystem::remove(path);
  EXPECT_EQ(st.units_duplicate, 1u);
  EXPECT_NE(got.str().find("tuid=\"tu1\""), std::string::npos);
  EXPECT_EQ(got.str().find("tuid=\"tu2\""), std::string::npos);
  EXPECT_NE(got.str().find("tuid=\"tu3\""), std::string::npos);
}

// A three-language bead whose ru side is empty by the join's grouping ("grouped", written by
// align from its pair alignments) keeps the mark through JSON and becomes TMX's
// x-tilmash-grouped prop, which `check` reads (qa/omission_check.h).
TEST(AlignmentEditTest, GroupedSidesRoundTripThroughJsonAndTmx) {
  const std::string json = R"([
  {"confidence": 0.400, "indices": {"en": [0], "kk": [0], "ru": []}, "text": {"en": "A.", "kk": "Ә.", "ru": ""}, "grouped": ["ru"]},
  {"confidence": 0.400, "indices": {"en": [1], "kk": [1], "ru": [0]}, "text": {"en": "B.", "kk": "Б.", "ru": "А, Б."}}
]
)";
  const AlignmentFile f = parse_alignment_json(json, "g.json");
  ASSERT_EQ(f.units.size(), 2u);
  EXPECT_EQ(f.units[0].grouped, (std::vector<std::string>{"ru"}));
  EXPECT_TRUE(f.units[1].grouped.empty());
  write_alignment(temp_path(".json"), "json", f.langs, f.beads, f.units, "g", f.marks);
  EXPECT_EQ(slurp(temp_path(".json")), json);
  write_alignment(temp_path(".tmx"), "tmx", f.langs, f.beads, f.units, "g", f.marks);
  const std::string tmx = slurp(temp_path(".tmx"));
  EXPECT_NE(tmx.find("<prop type=\"x-tilmash-grouped\">ru</prop>"), std::string::npos);
  EXPECT_EQ(tmx.find("x-tilmash-grouped", tmx.find("tuid=\"tu2\"")), std::string::npos);
  EXPECT_NE(error_of(R"([{"indices": {"en": [0]}, "text": {"en": "A."}, "grouped": ["no such tag!"]}])",
                     {{"A."}}).find("bad language tag"), std::string::npos);
}

// A merged bead's chances of standing alone ("alone", written by align for core::Bead::alone)
// survive JSON and become TMX's x-tilmash-alone prop, from which `check` reports sentences
// possibly left out (qa/omission_check.h). One number per sentence, each in 0–1.
TEST(AlignmentEditTest, AloneChancesRoundTripThroughJsonAndTmx) {
  const std::string json = R"([
  {"confidence": 0.900, "indices": {"en": [0], "kk": [0]}, "text": {"en": "A.", "kk": "Ә."}},
  {"confidence": 0.450, "indices": {"en": [1, 2], "kk": [1]}, "text": {"en": "B. C.", "kk": "Б."}, "alone": {"en": [0.020, 0.410], "kk": [0.010]}}
]
)";
  const AlignmentFile f = parse_alignment_json(json, "a.json");
  ASSERT_EQ(f.beads.size(), 2u);
  EXPECT_TRUE(f.beads[0].alone.empty());
  EXPECT_EQ(f.beads[1].alone, (std::vector<std::vector<double>>{{0.02, 0.41}, {0.01}}));
  write_alignment(temp_path(".json"), "json", f.langs, f.beads, f.units, "a", f.marks);
  EXPECT_EQ(slurp(temp_path(".json")), json);
  write_alignment(temp_path(".tmx"), "tmx", f.langs, f.beads, f.units, "a", f.marks);
  const std::string tmx = slurp(temp_path(".tmx"));
  EXPECT_NE(tmx.find("<prop type=\"x-tilmash-alone\">en=0.020,0.410 kk=0.010</prop>"),
            std::string::npos);
  EXPECT_EQ(tmx.find("x-tilmash-alone"), tmx.rfind("x-tilmash-alone"));  // not on the 1-1 bead
  EXPECT_NE(error_of(R"([{"indices": {"en": [0, 1], "kk": [0]}, "text": {"en": "A. B.", "kk": "Ә."}, "alone": {"en": [0.1], "kk": [0.2]}}])",
                     {{"A.", "B."}, {"Ә."}}).find("one number per sentence"), std::string::npos);
  EXPECT_NE(error_of(R"([{"indices": {"en": [0, 1], "kk": [0]}, "text": {"en": "A. B.", "kk": "Ә."}, "alone": {"en": [0.1, 1.5], "kk": [0.2]}}])",
                     {{"A.", "B."}, {"Ә."}}).find("numbers in 0–1"), std::string::npos);
}

}  // namespace
}  // namespace tilmash::io
