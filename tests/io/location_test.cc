#include "io/location.h"

#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace tilmash::io {
namespace {

// line:col of `offset` as "L:C", for compact expectations.
std::string at(std::string_view text, std::size_t offset) {
  const LineCol p = line_col(text, offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

TEST(LocationTest, StartIsOneOne) {
  EXPECT_EQ(at("", 0), "1:1");
  EXPECT_EQ(at("abc", 0), "1:1");
}

TEST(LocationTest, ColumnsCountCodePointsNotBytes) {
  const std::string kk = "Қазақ тілі";  // Қ, а, з … are 2 bytes each
  EXPECT_EQ(at(kk, 2), "1:2");
  EXPECT_EQ(at(kk, kk.find(' ')), "1:6");
  EXPECT_EQ(at(kk, kk.find(' ') + 1), "1:7");
  EXPECT_EQ(at("a😀b", 5), "1:3");  // a 4-byte code point is one column
}

TEST(LocationTest, LineEnds) {
  const std::string lf = "Бір\nЕкі\nҮш";
  EXPECT_EQ(at(lf, lf.find("Екі")), "2:1");
  EXPECT_EQ(at(lf, lf.find("Үш") + 2), "3:2");
  const std::string crlf = "Один\r\nДва\r\nТри";
  EXPECT_EQ(at(crlf, crlf.find("Два")), "2:1");
  EXPECT_EQ(at(crlf, crlf.find("Три")), "3:1");
  const std::string cr = "Один\rДва\rТри";
  EXPECT_EQ(at(cr, cr.find("Три") + 2), "3:2");
  EXPECT_EQ(at("a\n\n\nb", 4), "4:1");  // blank lines count
}

TEST(LocationTest, OffsetOfALineEndIsTheColumnAfterTheText) {
  const std::string s = "Сәлем\r\nәлем";
  EXPECT_EQ(at(s, s.find('\r')), "1:6");
  EXPECT_EQ(at(s, s.find('\n')), "1:6");  // the LF of a CRLF is still on line 1
}

TEST(LocationTest, BomIsNotAColumn) {
  const std::string s = "\xEF\xBB\xBFҚаз";
  EXPECT_EQ(at(s, 3), "1:1");
  EXPECT_EQ(at(s, 5), "1:2");
  EXPECT_EQ(at(s, 0), "1:1");
  EXPECT_EQ(at("x\xEF\xBB\xBFy", 4), "1:3");  // only a leading BOM is invisible
}

TEST(LocationTest, OffsetPastTheEndClamps) {
  EXPECT_EQ(at("ab\ncd", 1000), "2:3");
}

TEST(LocationTest, InputErrorFromACoreError) {
  const std::string text = "бірінші\nекінші \xFF";
  const core::Error error{core::ErrorCode::kInvalidUtf8, "invalid UTF-8 byte sequence",
                          text.find('\xFF')};
  const InputError e = input_error("kk.txt", text, error, "paragraph 2");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 8u);
  EXPECT_STREQ(e.what(), "kk.txt:2:8: error: invalid UTF-8 byte sequence (paragraph 2)");
}

TEST(LocationTest, ErrorFormats) {
  EXPECT_STREQ(InputError("a.tmx", 120, 7, "<tuv> without xml:lang", "TU 42").what(),
               "a.tmx:120:7: error: <tuv> without xml:lang (TU 42)");
  EXPECT_STREQ(InputError("a.tsv", 3, 0, "too few columns").what(),
               "a.tsv:3: error: too few columns");
  EXPECT_STREQ(InputError("a.txt", 0, 0, "empty").what(), "a.txt: error: empty");
  EXPECT_STREQ(IoError("out/ru.txt", "no such file").what(), "out/ru.txt: error: no such file");
}

}  // namespace
}  // namespace tilmash::io
