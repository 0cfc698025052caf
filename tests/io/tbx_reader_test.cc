#include "io/tbx_reader.h"

#include <set>

#include <gtest/gtest.h>

#include "io/document.h"
#include "io/errors.h"
#include "term/glossary.h"

namespace tilmash::io {
namespace {

const std::string kMalformed = std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/tbx/";

// The message of the InputError that reading `name` throws, or "" when none.
std::string error_of(const std::string& name) {
  try {
    read_tbx(kMalformed + name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(TbxReaderTest, MalformedCorpus) {
  EXPECT_NE(error_of("truncated.tbx").find("truncated.tbx:"), std::string::npos);
  EXPECT_NE(error_of("empty.tbx").find("empty file"), std::string::npos);
  EXPECT_NE(error_of("tmx_root.tbx").find("looks like a TMX"), std::string::npos);
  EXPECT_NE(error_of("no_lang.tbx").find("without xml:lang"), std::string::npos);
  EXPECT_NE(error_of("bad_status.tbx").find("unknown administrativeStatus 'bogus'"),
            std::string::npos);
  EXPECT_NE(error_of("duplicate_id.tbx").find("duplicate entry id 'a'"), std::string::npos);
  EXPECT_NE(error_of("invalid_utf8.tbx").find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(error_of("no_body.tbx").find("no <text><body>"), std::string::npos);
  EXPECT_NE(error_of("empty_term.tbx").find("empty <term>"), std::string::npos);
}

TEST(TbxReaderTest, LineAndColumnOfElementErrors) {
  const std::string text = "<tbx><text><body>\n  <conceptEntry id=\"c1\">\n    <langSec>"
                           "<termSec><term>x</term></termSec></langSec></conceptEntry>"
                           "</body></text></tbx>";
  try {
    parse_tbx(text, "g.tbx");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("g.tbx:3:5: error: <langSec> without xml:lang", 0), 0u)
        << e.what();
  }
}

TEST(TbxReaderTest, BomCrlfMartifAndUtf16) {
  for (const char* name : {"bom_crlf_martif.tbx", "utf16le.tbx"}) {
    const auto entries = read_tbx(kMalformed + name);
    ASSERT_EQ(entries.size(), 1u) << name;
    EXPECT_EQ(entries[0].terms.at("kk")[0].text, "су тасқыны") << name;
    EXPECT_EQ(entries[0].terms.at("en")[0].status, core::TermStatus::kPreferred);
  }
}

// The shipped glossary: every entry has en, kk and ru (with a preferred term each), ids are
// unique, statuses valid (the reader rejects others), dates well-formed.
TEST(ShippedGlossaryTest, XinjiangIsComplete) {
  const auto entries = read_tbx(std::string(TILMASH_SOURCE_DIR) + "/glossaries/xinjiang.tbx");
  EXPECT_GE(entries.size(), 70u);
  const std::vector<std::string> langs{"en", "kk", "ru"};
  const auto problems = term::check_glossary(entries, langs);
  for (const std::string& p : problems) ADD_FAILURE() << p;
  ASSERT_TRUE(term::Glossary::create(entries).has_value());
  std::set<std::string> ids;
  for (const auto& e : entries) ids.insert(e.id);
  for (const char* id : {"oralman", "kandas", "reeducation-camp", "xinjiang", "atajurt", "astana",
                         "uyghur", "kairylman", "sauytbay", "bilash"}) {
    EXPECT_EQ(ids.count(id), 1u) << id;
  }
  // House decision: оралман preferred in kk and ru; қандас admitted under oralman.
  const auto& oralman = *std::find_if(entries.begin(), entries.end(),
                                      [](const auto& e) { return e.id == "oralman"; });
  EXPECT_EQ(oralman.terms.at("kk")[0].text, "оралман");
  EXPECT_EQ(oralman.terms.at("kk")[1].text, "қандас");
  EXPECT_EQ(oralman.terms.at("kk")[1].status, core::TermStatus::kAdmitted);
  EXPECT_EQ(oralman.terms.at("kk")[1].valid_from, "2020-05-13");
}

}  // namespace
}  // namespace tilmash::io
