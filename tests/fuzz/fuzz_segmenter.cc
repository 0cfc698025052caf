// libFuzzer target for segment::Segmenter::split in en, kk and ru. The first byte picks the
// language; the rest, if valid UTF-8, is cleaned like a paragraph and split. Properties: every
// span is inside the paragraph, non-empty, ascending and non-overlapping, starts and ends on a
// code-point boundary, and has no leading or trailing space.
// Build: -DTILMASH_FUZZ=ON with clang++; seeds: corpus/fuzz_segmenter/.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "segment/segmenter.h"

namespace {

const tilmash::segment::Segmenter& segmenter(std::uint8_t selector) {
  static const auto en = tilmash::segment::Segmenter::create("en");
  static const auto kk = tilmash::segment::Segmenter::create("kk");
  static const auto ru = tilmash::segment::Segmenter::create("ru");
  FUZZ_CHECK(en && kk && ru);
  switch (selector % 3) {
    case 0: return *en;
    case 1: return *kk;
    default: return *ru;
  }
}

bool is_boundary(std::string_view s, std::size_t pos) {
  return pos == s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return -1;
  const std::string_view raw(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (tilmash::core::find_invalid_utf8(raw)) return -1;
  const std::string paragraph = tilmash::core::to_nfc(tilmash::core::collapse_space(raw));
  std::size_t previous_end = 0;
  for (const tilmash::core::Span& span : segmenter(data[0]).split(paragraph)) {
    FUZZ_CHECK(span.begin < span.end);
    FUZZ_CHECK(span.end <= paragraph.size());
    FUZZ_CHECK(span.begin >= previous_end);
    FUZZ_CHECK(is_boundary(paragraph, span.begin) && is_boundary(paragraph, span.end));
    FUZZ_CHECK(paragraph[span.begin] != ' ' && paragraph[span.end - 1] != ' ');
    previous_end = span.end;
  }
  return 0;
}
