#include "io/document.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "io/errors.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;
using Paragraphs = std::vector<std::string>;

const std::string kMalformed = std::string(TILMASH_SOURCE_DIR) + "/tests/malformed/";

Paragraphs text_paragraphs(std::string_view bytes) {
  return parse_document(bytes, "doc.txt", DocFormat::kText).paragraphs;
}

// The InputError that parsing `bytes` throws; fails the test when nothing is thrown.
InputError parse_error(std::string_view bytes, const std::string& path = "doc.txt",
                       DocFormat format = DocFormat::kText) {
  try {
    parse_document(bytes, path, format);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for " << path;
  return InputError(path, 0, 0, "none");
}

// A fresh folder under the system temporary folder, removed with its content afterwards.
class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "tilmash-io-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string file(const std::string& name, std::string_view content) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary)
        .write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  fs::path path_;
};

// --- plain text -----------------------------------------------------------------------------

TEST(DocumentTest, OneParagraphPerLine) {
  EXPECT_EQ(text_paragraphs("Барлық адамдар тең.\nВсе люди равны.\nAll are equal.\n"),
            (Paragraphs{"Барлық адамдар тең.", "Все люди равны.", "All are equal."}));
}

TEST(DocumentTest, BlankAndWhiteSpaceLinesSeparateAndVanish) {
  EXPECT_EQ(text_paragraphs("\n\nБірінші.\n\n  \t \n\xC2\xA0\nЕкінші.\n\n"),
            (Paragraphs{"Бірінші.", "Екінші."}));
}

TEST(DocumentTest, CollapsesSpaceInsideAParagraph) {
  // Tabs, no-break spaces (U+00A0) and runs of spaces become one ASCII space; ends trimmed.
  EXPECT_EQ(text_paragraphs("  Қазақ\t\tтілі\xC2\xA0 мен   орыс тілі  "),
            (Paragraphs{"Қазақ тілі мен орыс тілі"}));
}

TEST(DocumentTest, LastLineWithoutNewline) {
  EXPECT_EQ(text_paragraphs("Первая.\nВторая"), (Paragraphs{"Первая.", "Вторая"}));
}

TEST(DocumentTest, CrLfAndLoneCrAreLineEnds) {
  const Paragraphs expected{"Бірінші жол.", "Екінші жол."};
  EXPECT_EQ(text_paragraphs("Бірінші жол.\r\nЕкінші жол.\r\n"), expected);
  EXPECT_EQ(text_paragraphs("Бірінші жол.\rЕкінші жол.\r"), expected);
  EXPECT_EQ(text_paragraphs("Бірінші жол.\r\n\r\nЕкінші жол."), expected);
}

TEST(DocumentTest, DropsUtf8Bom) {
  EXPECT_EQ(text_paragraphs("\xEF\xBB\xBFҚазақ тілі."), (Paragraphs{"Қазақ тілі."}));
  EXPECT_TRUE(text_paragraphs("\xEF\xBB\xBF").empty());
}

TEST(DocumentTest, ComposesToNfc) {
  // "й" as и + U+0306, "ё" as е + U+0308, "Ә" stays (it has no decomposition).
  EXPECT_EQ(text_paragraphs("Мұнда и\xCC\x86 және е\xCC\x88, Әр"),
            (Paragraphs{"Мұнда й және ё, Әр"}));
}

TEST(DocumentTest, EmptyInputGivesEmptyDocument) {
  EXPECT_TRUE(text_paragraphs("").empty());
  EXPECT_TRUE(text_paragraphs("\n\r\n \t\n").empty());
  EXPECT_TRUE(parse_document("", "doc.html", DocFormat::kHtml).paragraphs.empty());
}

TEST(DocumentTest, DropsControlCharactersButBreaksOnFormFeed) {
  EXPECT_EQ(text_paragraphs("Қазақ\x1B[1mтілі\x07.\fКелесі бет\x7F."),
            (Paragraphs{"Қазақ[1mтілі.", "Келесі бет."}));
}

// --- bad bytes: InputError with path:line:col, column in code points -------------------------

TEST(DocumentTest, InvalidUtf8PointsAtLineAndCodePointColumn) {
  // Line 2, after "әлем " (5 code points, 9 bytes): column 6.
  const InputError e = parse_error("Сәлем\nәлем \xC3(", "kk.txt");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 6u);
  EXPECT_EQ(e.path(), "kk.txt");
  EXPECT_STREQ(e.what(), "kk.txt:2:6: error: invalid UTF-8 byte sequence");
}

TEST(DocumentTest, InvalidUtf8AfterCrLfLines) {
  const InputError e = parse_error("один\r\nдва\r\nтри \xFF");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 5u);
}

TEST(DocumentTest, BomIsNotAColumn) {
  const InputError e = parse_error("\xEF\xBB\xBFҚаз\xFF");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 4u);
}

TEST(DocumentTest, InvalidUtf8InHtmlIsReportedToo) {
  const InputError e = parse_error("<p>Қаз\xD2</p>", "page.html", DocFormat::kAuto);
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 7u);
}

TEST(DocumentTest, NulIsAnErrorAtItsPosition) {
  const InputError e = parse_error(std::string("Сәлем\0 әлем", 16));
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), 6u);
  EXPECT_NE(std::string(e.what()).find("NUL"), std::string::npos) << e.what();
}

TEST(DocumentTest, Utf16FileGetsAHint) {
  for (const std::string bom : {"\xFF\xFE", "\xFE\xFF"}) {
    const InputError e = parse_error(bom + std::string("\x9A\x04\x30\x04", 4));
    EXPECT_NE(std::string(e.what()).find("UTF-16"), std::string::npos) << e.what();
    EXPECT_EQ(e.line(), 1u);
    EXPECT_EQ(e.column(), 1u);
  }
}

TEST(DocumentTest, Utf16WithoutBomIsCaughtByItsNulBytes) {
  // "Ab" in UTF-16LE: the first NUL is at byte 1.
  const InputError e = parse_error(std::string("A\0b\0", 4));
  EXPECT_EQ(e.column(), 2u);
  EXPECT_NE(std::string(e.what()).find("UTF-16"), std::string::npos) << e.what();
}

// --- formats and files ------------------------------------------------------------------------

TEST(DocumentTest, AutoFormatGoesByExtension) {
  const std::string html = "<p>Бірінші</p><p>Екінші</p>";
  EXPECT_EQ(parse_document(html, "a.html").paragraphs, (Paragraphs{"Бірінші", "Екінші"}));
  EXPECT_EQ(parse_document(html, "dir.v2/A.HTM").paragraphs, (Paragraphs{"Бірінші", "Екінші"}));
  EXPECT_EQ(parse_document(html, "a.txt").paragraphs, (Paragraphs{html}));
  EXPECT_EQ(parse_document(html, "-").paragraphs, (Paragraphs{html}));
  EXPECT_EQ(parse_document(html, "a.html", DocFormat::kText).paragraphs, (Paragraphs{html}));
  EXPECT_EQ(parse_document(html, "a.txt", DocFormat::kHtml).paragraphs.size(), 2u);
}

TEST(DocumentTest, ReadsAFile) {
  TempDir dir;
  const std::string path = dir.file("kk.txt", "Бірінші.\r\n\r\nЕкінші.\r\n");
  EXPECT_EQ(read_file(path), "Бірінші.\r\n\r\nЕкінші.\r\n");
  EXPECT_EQ(read_document(path).paragraphs, (Paragraphs{"Бірінші.", "Екінші."}));
}

TEST(DocumentTest, MissingFileIsAnIoError) {
  TempDir dir;
  const std::string path = (dir.path() / "жоқ.txt").string();
  try {
    read_document(path);
    FAIL() << "no IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_EQ(std::string(e.what()), path + ": error: no such file");
  }
  EXPECT_THROW(read_lines(path), IoError);
}

TEST(DocumentTest, DirectoryIsAnIoError) {
  TempDir dir;
  try {
    read_document(dir.path().string());
    FAIL() << "no IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_file(dir.path().string()), IoError);
  EXPECT_THROW(read_lines(dir.path().string()), IoError);
}

TEST(DocumentTest, UnreadableFileIsAnIoError) {
  TempDir dir;
  const std::string path = dir.file("secret.txt", "Құпия");
  fs::permissions(path, fs::perms::none);
  if (::geteuid() != 0) {
    EXPECT_THROW(read_file(path), IoError);
    return;
  }
  // Root reads files whatever their mode (CI runs as root): read as "nobody" in a child process.
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    constexpr uid_t kNobody = 65534;
    if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
      ::_exit(3);
    try {
      read_file(path);
    } catch (const IoError&) {
      ::_exit(0);
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(1);  // read: no error
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: read as nobody, 2: another error, 3: setuid failed";
}

TEST(DocumentTest, ReadLinesKeepsOrDropsBlankLines) {
  TempDir dir;
  const std::string path = dir.file("kk.sent", "Бір  сөйлем.\r\n\r\n  Екі\tсөйлем. \n");
  EXPECT_EQ(read_lines(path), (Paragraphs{"Бір сөйлем.", "Екі сөйлем."}));
  EXPECT_EQ(read_lines(path, /*keep_blank=*/true), (Paragraphs{"Бір сөйлем.", "", "Екі сөйлем."}));
}

TEST(DocumentTest, ReadLinesReportsBadBytesWithThePath) {
  TempDir dir;
  const std::string path = dir.file("ru.sent", "Хорошо.\nПлохо\xFF.\n");
  try {
    read_lines(path);
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":2:6: error: invalid UTF-8 byte sequence");
  }
}

// A 10 MB document of one line (no '\n'), generated here rather than committed. It must come
// back as one paragraph in well under the test timeout, and an error at its very end must still
// get the right column.
std::string ten_megabyte_line() {
  const std::string phrase = "Әр адам өмір сүруге құқылы, Каждый человек имеет право. ";
  std::string line;
  line.reserve(10u << 20);
  while (line.size() + phrase.size() <= (10u << 20))
    line += phrase;
  return line;
}

TEST(DocumentTest, TenMegabyteLineIsOneParagraph) {
  const std::string line = ten_megabyte_line();
  TempDir dir;
  const std::string path = dir.file("long.txt", line);
  const auto start = std::chrono::steady_clock::now();
  const Paragraphs paragraphs = read_document(path).paragraphs;
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0].size(), line.size() - 1);  // the final space is trimmed
  EXPECT_LT(seconds, 20.0) << "linear work on 10 MB should take about a second even in Debug";
}

TEST(DocumentTest, TenMegabyteLineErrorColumn) {
  std::string line = ten_megabyte_line();
  const std::size_t code_points = core::count_code_points(line);
  line += '\xFF';
  const InputError e = parse_error(line);
  EXPECT_EQ(e.line(), 1u);
  EXPECT_EQ(e.column(), code_points + 1);
}

// --- every fixture of tests/malformed/ through every text reader ------------------------------

struct MalformedCase {
  const char* file;
  // Expected paragraphs as text, or empty with error_line > 0.
  Paragraphs paragraphs;
  std::size_t error_line = 0;
  std::size_t error_column = 0;
  const char* message_part = "";
};

class MalformedTest : public testing::TestWithParam<MalformedCase> {};

// "invalid_utf8.txt" -> "invalid_utf8_txt" (test names allow only [A-Za-z0-9_]).
std::string fixture_name(const testing::TestParamInfo<MalformedCase>& param) {
  std::string name = param.param.file;
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

TEST_P(MalformedTest, ReadDocumentAndReadLines) {
  const MalformedCase& c = GetParam();
  const std::string path = kMalformed + c.file;
  ASSERT_TRUE(fs::is_regular_file(path)) << path;
  if (c.error_line == 0) {
    EXPECT_EQ(read_document(path, DocFormat::kText).paragraphs, c.paragraphs);
    EXPECT_EQ(read_lines(path), c.paragraphs);
    return;
  }
  for (int reader = 0; reader < 3; ++reader) {
    try {
      if (reader == 0)
        read_document(path, DocFormat::kText);
      if (reader == 1)
        read_document(path, DocFormat::kHtml);
      if (reader == 2)
        read_lines(path);
      ADD_FAILURE() << "no InputError from reader " << reader;
    } catch (const InputError& e) {
      const std::string prefix = path + ":" + std::to_string(c.error_line) + ":"
                                 + std::to_string(c.error_column) + ": error: ";
      EXPECT_EQ(std::string(e.what()).substr(0, prefix.size()), prefix) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos) << e.what();
    }
  }
}

TEST_P(MalformedTest, ParsesAsHtmlWithoutCrashing) {
  const MalformedCase& c = GetParam();
  if (c.error_line != 0)
    return;  // covered above
  const Paragraphs html = read_document(kMalformed + c.file, DocFormat::kHtml).paragraphs;
  for (const std::string& p : html) {
    EXPECT_FALSE(p.empty());
    EXPECT_EQ(p.find('\n'), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, MalformedTest,
    testing::Values(
        MalformedCase{"invalid_utf8.txt", {}, 1, 5, "invalid UTF-8"},
        MalformedCase{"overlong.txt", {}, 2, 5, "invalid UTF-8"},
        MalformedCase{"truncated_utf8.txt", {}, 2, 5, "invalid UTF-8"},
        MalformedCase{"nul.txt", {}, 1, 6, "NUL"}, MalformedCase{"utf16le.txt", {}, 1, 1, "UTF-16"},
        MalformedCase{"utf16be.txt", {}, 1, 1, "UTF-16"},
        MalformedCase{"bom.txt", {"Қазақ тілі.", "Русский язык."}},
        MalformedCase{"crlf.txt", {"Бірінші жол.", "Екінші жол.", "Third line."}},
        MalformedCase{"cr_only.txt", {"Первая строка.", "Вторая строка.", "Третья."}},
        MalformedCase{"empty.txt", {}}, MalformedCase{"nfd.txt", {"Мй ёлка: ё и", "Å."}},
        MalformedCase{"control_chars.txt", {"Қазақ[1mтілі.", "Келесі бет.", "Бет", "Страница."}},
        MalformedCase{"truncated.html",
                      {"<!doctype html>", "<html lang=\"kk\">",
                       "<head><title>Тақырып</title></head>", "<body>", "<h1>Заголовок</h1>",
                       "<p>Бірінші абзац &amp; <b>екінші</b> бөлім.", "<p>Соңғы абзац <a hr"}}),
    fixture_name);

TEST(MalformedTest, EveryFixtureHasACase) {
  // A fixture added to tests/malformed/ without a case above would silently go untested.
  const std::vector<std::string> known = {
      "invalid_utf8.txt", "overlong.txt",      "truncated_utf8.txt", "nul.txt",     "utf16le.txt",
      "utf16be.txt",      "bom.txt",           "crlf.txt",           "cr_only.txt", "empty.txt",
      "nfd.txt",          "control_chars.txt", "truncated.html"};
  // Subfolders (tmx/ …) belong to other readers' tests.
  for (const auto& entry : fs::directory_iterator(kMalformed)) {
    if (!entry.is_regular_file())
      continue;
    const std::string name = entry.path().filename().string();
    if (name == "README.md" || name == ".gitattributes" || name == "make_long_line.sh"
        || name == "cases.tsv" || name == "run_cases.sh") {  // the CLI cases of every reader
      continue;
    }
    EXPECT_NE(std::find(known.begin(), known.end(), name), known.end())
        << "tests/malformed/" << name << " has no case in document_test.cc";
  }
}

}  // namespace
}  // namespace tilmash::io
