// segment and translit as tasks: sentences with their paragraphs, and the failures a user sees.
#include "app/text.h"

#include "app/option_error.h"
#include "test_dir.h"

namespace tilmash::app {
namespace {

using TextTest = testing::TestDir;

TEST_F(TextTest, SegmentKeepsAbbreviationsWholeAndNumbersParagraphs) {
  SegmentRequest r;
  r.lang = "ru";
  r.path = write("a.txt", "Его задержали в 2017 г. в Урумчи. Семья ничего не знала.\n\n"
                          "Ст. 5 запрещает пытки.\n");
  const SegmentResult s = segment_file(r);
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_EQ(s.sentences[0].text, "Его задержали в 2017 г. в Урумчи.");
  EXPECT_EQ(s.sentences[2].paragraph, 1);
  EXPECT_EQ(sentences_text(s, true),
            "Его задержали в 2017 г. в Урумчи.\nСемья ничего не знала.\n\nСт. 5 запрещает пытки.\n");
  EXPECT_NE(sentences_json(s).find("{\"paragraph\": 1, \"text\": \"Ст. 5"), std::string::npos);
}

TEST_F(TextTest, SegmentRefusesInvalidUtf8WithItsPosition) {
  SegmentRequest r;
  r.lang = "en";
  r.path = write("bad.txt", "Fine line.\nBad \xC3 byte.\n");
  try {
    segment_file(r);
    FAIL() << "no failure";
  } catch (const core::Failure& e) {
    EXPECT_EQ(e.kind(), core::FailureKind::kBadInput);
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST_F(TextTest, TranslitToLatin2021) {
  EXPECT_EQ(transliterate_file(write("a.kk", "Қазақстан\n"), "kk-Latn"), "Qazaqstan\n");
  EXPECT_THROW(transliterate_file(path("a.kk"), "xx-Yyyy"), OptionError);
}

}  // namespace
}  // namespace tilmash::app
