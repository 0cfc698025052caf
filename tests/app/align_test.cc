// app::align_documents over two small literal documents: the beads it writes, the TMX naming
// rule of core::bead_unit, and the requests it refuses.
#include "app/align.h"

#include "app/option_error.h"
#include "io/alignment_reader.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using AlignTest = testing::TestDir;

AlignRequest two_documents(const std::string& en, const std::string& kk, const std::string& format,
                           const std::string& output) {
  AlignRequest r;
  r.langs = {"en", "kk"};
  r.langs_text = "en,kk";
  r.files = {en, kk};
  r.segmented = true;
  r.options.use_terms = false;  // no glossary: the beads come from lengths, numbers and words
  r.options.langs = r.langs;
  r.format = format;
  r.output = output;
  return r;
}

constexpr const char* kEnglish =
    "In 2017 the camp held 1,200 people.\n"
    "They were released in March 2019 after the inspection.\n"
    "The report was published on 5 May by three researchers.\n";
constexpr const char* kKazakh =
    "2017 жылы лагерде 1200 адам ұсталды.\n"
    "Олар тексеруден кейін 2019 жылдың наурызында босатылды.\n"
    "Баяндаманы 5 мамырда үш зерттеуші жариялады.\n";

TEST_F(AlignTest, ParallelDocumentsGiveOneToOneBeadsInOrder) {
  const std::string en = write("a.en", kEnglish);
  const std::string kk = write("a.kk", kKazakh);
  align_documents(two_documents(en, kk, "json", path("a.json")));
  const io::AlignmentFile f = io::read_alignment_json(path("a.json"));
  ASSERT_EQ(f.beads.size(), 3u);
  for (std::size_t n = 0; n < 3; ++n) {
    const int i = static_cast<int>(n);
    EXPECT_EQ(f.beads[n].sides, (std::vector<std::vector<int>>{{i}, {i}})) << "bead " << n;
    EXPECT_GT(f.units[n].confidence, 0.5) << "bead " << n;
  }
  EXPECT_EQ(f.units[1].text.at("kk"), "Олар тексеруден кейін 2019 жылдың наурызында босатылды.");
}

TEST_F(AlignTest, TmxNamesBeadsByNumberAndCarriesTheirConfidence) {
  const std::string en = write("a.en", kEnglish);
  const std::string kk = write("a.kk", kKazakh);
  align_documents(two_documents(en, kk, "tmx", path("a.tmx")));
  const std::string tmx = read("a.tmx");
  for (const char* tuid : {"tuid=\"tu1\"", "tuid=\"tu2\"", "tuid=\"tu3\""}) {
    EXPECT_NE(tmx.find(tuid), std::string::npos) << tuid << "\n" << tmx;
  }
  std::size_t props = 0;
  for (std::size_t at = tmx.find("x-tilmash-confidence"); at != std::string::npos;
       at = tmx.find("x-tilmash-confidence", at + 1)) {
    ++props;
  }
  EXPECT_EQ(props, 3u);
}

TEST_F(AlignTest, DuplicateBeadLeftOutOfTmxAsTheEditorsDownloadDoes) {
  const std::string en = write("d.en", "Yes.\nYes.\nThe camp was closed in 2019 after 14 months.\n");
  const std::string kk = write("d.kk", "Иә.\nИә.\nЛагерь 14 айдан кейін 2019 жылы жабылды.\n");
  align_documents(two_documents(en, kk, "beads", path("d.beads")));
  ASSERT_EQ(read("d.beads"), "0:0\n1:1\n2:2\n");  // bead 2 repeats bead 1
  std::vector<std::string> told;
  AlignRequest r = two_documents(en, kk, "tmx", path("d.tmx"));
  r.left_out = [&](const std::string& p, const io::TmxWriteStats& st) {
    told.push_back(p + " " + std::to_string(st.units_written) + " " + std::to_string(st.units_duplicate));
  };
  align_documents(r);
  EXPECT_EQ(told, std::vector<std::string>{path("d.tmx") + " 2 1"});
  const std::string tmx = read("d.tmx");
  // Units are named by bead: bead 2 is left out, bead 3 is still tu3 (as check names it).
  EXPECT_NE(tmx.find("tuid=\"tu1\""), std::string::npos) << tmx;
  EXPECT_EQ(tmx.find("tuid=\"tu2\""), std::string::npos) << tmx;
  EXPECT_NE(tmx.find("tuid=\"tu3\""), std::string::npos) << tmx;
}

TEST_F(AlignTest, RefusesAFileCountThatDoesNotMatchTheLanguages) {
  const std::string en = write("a.en", kEnglish);
  AlignRequest r = two_documents(en, en, "json", path("a.json"));
  r.files.pop_back();
  EXPECT_THROW(align_documents(r), OptionError);
  EXPECT_FALSE(std::filesystem::exists(path("a.json")));
}

TEST_F(AlignTest, MissingDocumentIsAnIoFailure) {
  AlignRequest r = two_documents(path("missing.en"), path("missing.kk"), "json", path("a.json"));
  try {
    align_documents(r);
    FAIL() << "no failure";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kIo);
    EXPECT_EQ(e.location(), path("missing.en"));
  }
}

}  // namespace
}  // namespace tilmash::app
