// `check` on XLIFF gives the findings the same units give in TMX (issue 19): the samples of
// tests/io/xliff/ are read, written as TMX by io::TmxWriter and read back by io::TmxReader, and
// both unit lists go through the checks `tilmash check` runs (qa::Checker over the shipped
// glossary, qa::find_one_sided). Also align's own output: --format xliff and --format tmx of
// the same beads, one-sided ones included.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>

#include "core/bead.h"
#include "io/alignment_writer.h"
#include "io/tbx_reader.h"
#include "io/tmx_reader.h"
#include "io/tmx_writer.h"
#include "io/xliff_reader.h"
#include "qa/omission_check.h"
#include "qa/term_check.h"

namespace tilmash::qa {
namespace {

namespace fs = std::filesystem;

const term::Matcher& shipped() {
  static const term::Matcher m = [] {
    auto g = term::Glossary::create(io::read_tbx(TILMASH_SOURCE_DIR "/glossaries/xinjiang.tbx"));
    EXPECT_TRUE(g.has_value());
    auto r = term::Matcher::create(*g);
    EXPECT_TRUE(r.has_value());
    return std::move(*r);
  }();
  return m;
}

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

// What `tilmash check` finds in `units` (unit, lang, kind, severity, term), in its order.
std::vector<Key> findings(const std::vector<core::TranslationUnit>& units,
                          const std::string& source_lang, bool with_unit = true) {
  CheckOptions o;
  o.source_lang = primary_lang(source_lang);
  Checker checker(shipped(), o);
  const auto one_sided = find_one_sided(units, o.source_lang);
  std::vector<Key> out;
  const auto add = [&](const Finding& f) {
    out.emplace_back(with_unit ? f.unit : "", f.lang, std::string(kind_name(f.kind)),
                     std::string(severity_name(f.severity)), f.term);
  };
  for (std::size_t n = 0; n < units.size(); ++n) {
    for (const Finding& f : checker.check(units[n])) add(f);
    for (const OneSided& one : one_sided[n]) add(one.finding);
  }
  return out;
}

std::string temp(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "tilmash_xliff_check_test";
  fs::create_directories(dir);
  return (dir / name).string();
}

// Beads as align writes them in XLIFF and in TMX (NAME.xlf, NAME.tmx), read back: the units
// `check` gets from each file, and each file's source language.
struct ReadBack {
  std::vector<core::TranslationUnit> xliff, tmx;
  std::string xliff_source, tmx_source;
};
ReadBack written_as_xliff_and_tmx(const std::string& name, const std::vector<std::string>& langs,
                                  const std::vector<core::Bead>& beads,
                                  const std::vector<core::AlignedUnit>& units) {
  io::write_alignment(temp(name + ".xlf"), "xliff", langs, beads, units, name + ".en.txt");
  io::write_alignment(temp(name + ".tmx"), "tmx", langs, beads, units, name + ".en.txt");
  const io::XliffDocument x = io::read_xliff(temp(name + ".xlf"));
  io::TmxDocument tmx = io::read_tmx(temp(name + ".tmx"));
  ReadBack out;
  for (const io::XliffUnit& u : x.units) out.xliff.push_back(u.unit);
  out.xliff_source = x.source_lang;
  out.tmx = std::move(tmx.units);
  out.tmx_source = tmx.header.srclang;
  return out;
}

TEST(XliffCheckTest, SameFindingsAsTheSameUnitsInTmx) {
  std::size_t total = 0;
  for (const char* name : {"findings.xlf", "omegat.xlf", "trados.sdlxliff", "memoq.mqxliff",
                           "job2.xlf"}) {
    const io::XliffDocument x =
        io::read_xliff(std::string(TILMASH_SOURCE_DIR) + "/tests/io/xliff/" + name);
    std::vector<core::TranslationUnit> units;
    for (const io::XliffUnit& u : x.units) {
      // TMX has no empty <seg>: a unit of codes only (SDL's translate="no" one) has no twin.
      if (std::any_of(u.unit.variants.begin(), u.unit.variants.end(),
                      [](const core::Variant& v) { return !v.text.empty(); })) {
        units.push_back(u.unit);
        // The writer keeps a unit of one variant (a source not yet translated) when marked.
        units.back().props.push_back({"x-test-keep", "1"});
      }
    }
    std::ostringstream out;
    io::TmxHeader header;
    header.srclang = x.source_lang;
    io::TmxWriteOptions wo;
    wo.dedupe = false;
    wo.require_source = false;
    wo.keep_marked = "x-test-keep";
    io::TmxWriter writer(out, header, wo);
    for (const core::TranslationUnit& u : units) writer.write(u);
    writer.finish();
    const std::string path = temp(std::string(name) + ".tmx");
    std::ofstream(path, std::ios::binary) << out.str();
    const io::TmxDocument tmx = io::read_tmx(path);
    ASSERT_EQ(tmx.units.size(), units.size()) << name;
    const std::vector<Key> from_xliff = findings(units, x.source_lang);
    EXPECT_EQ(from_xliff, findings(tmx.units, tmx.header.srclang)) << name;
    total += from_xliff.size();
  }
  EXPECT_GE(total, 7u);  // findings.xlf alone has 7: the comparison is not of empty lists
}

TEST(XliffCheckTest, AlignXliffAndTmxGiveTheSameFindings) {
  const std::vector<std::string> langs = {"en", "ru"};
  std::vector<core::Bead> beads(4);
  std::vector<core::AlignedUnit> units(4);
  beads[0].sides = {{0}, {0}};
  units[0].text = {{"en", "He was sent to a reeducation camp on January 28."},
                   {"ru", "Его отправили в исправительный лагерь 29 января."}};
  beads[1].sides = {{1}, {}};
  units[1].text = {{"en", "Her sister is missing."}, {"ru", ""}};
  beads[2].sides = {{}, {1}};
  units[2].text = {{"en", ""}, {"ru", "Примечание переводчика."}};
  beads[3].sides = {{2}, {2}};
  units[3].text = {{"en", "Families in the Xinjiang Uyghur Autonomous Region."},
                   {"ru", "Семьи в Синьцзян-Уйгурском автономном округе."}};
  for (std::size_t n = 0; n < 4; ++n) units[n].confidence = 0.9;
  const ReadBack r = written_as_xliff_and_tmx("a", langs, beads, units);
  // tuids differ (bead number in XLIFF, tuN in TMX): compared without them.
  const std::vector<Key> got = findings(r.xliff, r.xliff_source, false);
  EXPECT_EQ(got, findings(r.tmx, r.tmx_source, false));
  std::set<std::string> kinds;
  for (const Key& k : got) kinds.insert(std::get<2>(k));
  EXPECT_EQ(kinds, (std::set<std::string>{"omitted-sentence", "added-sentence", "missing-term",
                                          "number-mismatch", "deprecated-term"}));
}

// Three languages: a side left empty by the join's grouping (AlignedUnit::grouped) is not
// reported from either format, while the other language's omission in the same bead is; the
// XLIFF marks the bead in both <file>s, as it does the bead's shape.
TEST(XliffCheckTest, GroupedSideIsNotAnOmissionInXliffOrTmx) {
  const std::vector<std::string> langs = {"en", "kk", "ru"};
  std::vector<core::Bead> beads(3);
  std::vector<core::AlignedUnit> units(3);
  beads[0].sides = {{0}, {0}, {}};
  units[0].text = {{"en", "Many were recorded by phone."}, {"kk", "Көбі телефонмен жазылған."}, {"ru", ""}};
  units[0].grouped = {"ru"};
  beads[1].sides = {{1}, {1}, {0}};
  units[1].text = {{"en", "Some asked to stay anonymous."}, {"kk", "Кейбірі атын атамауды сұраған."},
                   {"ru", "Многие записаны по телефону, а некоторые просили не называть имен."}};
  beads[2].sides = {{2}, {}, {}};
  units[2].text = {{"en", "Her sister is missing."}, {"kk", ""}, {"ru", ""}};
  units[2].grouped = {"ru"};
  const ReadBack r = written_as_xliff_and_tmx("g", langs, beads, units);
  const Key kk_omitted{"", "kk", "omitted-sentence", "error", "Her sister is missing."};
  EXPECT_EQ(findings(r.tmx, r.tmx_source, false), std::vector<Key>{kk_omitted});
  const std::vector<Key> got = findings(r.xliff, r.xliff_source, false);
  EXPECT_EQ(std::count(got.begin(), got.end(), kk_omitted), 1);
  for (const Key& k : got) EXPECT_NE(std::get<1>(k), "ru") << std::get<2>(k);
}

}  // namespace
}  // namespace tilmash::qa
