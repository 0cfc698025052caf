#include "io/tmx_validate.h"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;

std::string temp_file(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "tilmash_tmx_validate_test";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

std::string tmx(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header "
         "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
         "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n"
         + body + "</body>\n</tmx>\n";
}

std::multiset<std::string> kinds(const std::vector<TmxFinding>& findings) {
  std::multiset<std::string> out;
  for (const TmxFinding& f : findings)
    out.insert(f.kind);
  return out;
}

TEST(TmxValidateTest, CleanFileHasNoFindings) {
  const auto f = validate_tmx(
      temp_file("ok.tmx", tmx("<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>River.</seg></tuv>"
                              "<tuv xml:lang=\"kk-KZ\"><seg>Өзен.</seg></tuv></tu>\n")));
  EXPECT_TRUE(f.empty()) << format_finding(f[0]);
}

TEST(TmxValidateTest, WhatXmllintMisses) {
  const std::string path =
      temp_file("bad.tmx", tmx("<tu tuid=\"1\">\n<tuv xml:lang=\"en\"><seg>River.</seg></tuv>\n"
                               "<tuv xml:lang=\"kk_KZ\"><seg>Өзен.</seg></tuv>\n</tu>\n"
                               "<tu tuid=\"2\">\n<tuv xml:lang=\"eng\"><seg>Lake.</seg></tuv>\n"
                               "<tuv xml:lang=\"kaz\"><seg>Көл.</seg></tuv>\n</tu>\n"
                               "<tu tuid=\"3\">\n<tuv xml:lang=\"en\"><seg>Sea.</seg></tuv>\n"
                               "<tuv xml:lang=\"kk\"><seg> </seg></tuv>\n</tu>\n"
                               "<tu tuid=\"4\">\n<tuv xml:lang=\"en\"><seg>River.</seg></tuv>\n"
                               "<tuv xml:lang=\"kk_KZ\"><seg>Өзен.</seg></tuv>\n</tu>\n"
                               "<tu tuid=\"5\">\n<tuv lang=\"en\"><seg>Hill.</seg></tuv>\n"
                               "<tuv><seg>Төбе.</seg></tuv>\n</tu>\n"
                               "<tu tuid=\"6\">\n<tuv xml:lang=\"kk\"><seg>Тау&#x1;.</seg></tuv>\n"
                               "<tuv xml:lang=\"ru\"><seg>Гора.</seg></tuv>\n</tu>\n"));
  const auto f = validate_tmx(path);
  const auto k = kinds(f);
  EXPECT_EQ(k.count("bad-lang-code"), 4u);  // kk_KZ twice, eng, kaz
  EXPECT_EQ(k.count("empty-seg"), 1u);
  EXPECT_EQ(k.count("duplicate-unit"), 1u);
  EXPECT_EQ(k.count("lang-only"), 1u);
  EXPECT_EQ(k.count("tuv-without-lang"), 1u);
  EXPECT_EQ(k.count("invalid-char"), 1u);
  EXPECT_GE(k.count("srclang-missing"), 1u);  // TU 2 (eng is not en? it is, primary differs) and 6
  // Every finding has a line; the first one is the kk_KZ of TU 1 on line 7.
  for (const TmxFinding& x : f)
    EXPECT_GT(x.line, 0u) << format_finding(x);
  EXPECT_EQ(f[0].line, 7u);
  EXPECT_EQ(f[0].kind, "bad-lang-code");
  EXPECT_NE(format_finding(f[0]).find(":7:1: error: "), std::string::npos) << format_finding(f[0]);
}

TEST(TmxValidateTest, StructureAndInlineRules) {
  const std::string path = temp_file(
      "struct.tmx",
      tmx("<tu usagecount=\"x\" foo=\"1\"><tuv xml:lang=\"en\"><seg>a <bpt i=\"1\"/>b <b>c</b> "
          "<it>d</it></seg><seg>again</seg></tuv><prop type=\"x\">late</prop>"
          "<tuv xml:lang=\"kk\"><seg>б</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"en\"><seg>only one</seg></tuv></tu>\n"));
  const auto k = kinds(validate_tmx(path));
  EXPECT_EQ(k.count("bad-value"), 1u);             // usagecount
  EXPECT_EQ(k.count("unexpected-attribute"), 1u);  // foo
  EXPECT_EQ(k.count("inline-pairing"), 1u);        // bpt without ept
  EXPECT_EQ(k.count("unexpected-element"), 1u);    // <b>
  EXPECT_EQ(k.count("missing-attribute"), 1u);     // <it> without pos
  EXPECT_EQ(k.count("extra-seg"), 1u);
  EXPECT_EQ(k.count("element-order"), 1u);  // prop after tuv
  EXPECT_EQ(k.count("single-variant"), 1u);
}

TEST(TmxValidateTest, AlignsAddedSentenceLacksItsSourceByDesign) {
  // A 0-1 bead of `align --format tmx` (x-tilmash-bead) has no en <tuv>: a warning, not the
  // error an unmarked unit without its source gets.
  const auto f = validate_tmx(temp_file(
      "added.tmx",
      tmx("<tu tuid=\"1\"><prop type=\"x-tilmash-bead\">0-1</prop>"
          "<tuv xml:lang=\"kk\"><seg>Аудармашының ескертуі.</seg></tuv></tu>\n"
          "<tu tuid=\"2\"><tuv xml:lang=\"kk\"><seg>Тағы бір сөйлем.</seg></tuv></tu>\n")));
  std::vector<Severity> srclang_missing;
  for (const TmxFinding& x : f) {
    if (x.kind == "srclang-missing") srclang_missing.push_back(x.severity);
  }
  ASSERT_EQ(srclang_missing.size(), 2u);
  EXPECT_EQ(srclang_missing[0], Severity::kWarning);
  EXPECT_EQ(srclang_missing[1], Severity::kError);
}

TEST(TmxValidateTest, MalformedFileIsOneFindingNotAnException) {
  const auto f =
      validate_tmx(std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/tmx/truncated_in_unit.tmx");
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f.back().kind, "not-well-formed");
  EXPECT_GT(f.back().line, 0u);
}

TEST(TmxValidateTest, HeaderRequiredAttributes) {
  const auto f = validate_tmx(
      temp_file("hdr.tmx", "<tmx version=\"1.4b\"><header srclang=\"en\"/><body></body></tmx>"));
  const auto k = kinds(f);
  EXPECT_EQ(k.count("missing-attribute"), 6u);
  EXPECT_EQ(k.count("old-version"), 1u);
}

}  // namespace
}  // namespace tilmash::io
