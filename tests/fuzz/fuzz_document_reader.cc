// libFuzzer target for io::parse_document, as plain text and as HTML (clean_text, line:col
// of errors, split_paragraphs, gumbo + paragraph extraction). Properties: no crash, no
// sanitizer report; failures only as InputError, exactly when the bytes are not clean UTF-8
// (UTF-16 BOM, ill-formed UTF-8, NUL), with a position inside the input; text and HTML fail
// alike; every paragraph keeps the readers' promises (fuzz_check.h).
// Build: -DTILMASH_FUZZ=ON with clang++; dictionary: fuzz_document_reader.dict; seeds:
// corpus/fuzz_document_reader/ and tests/malformed/.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "io/document.h"
#include "io/errors.h"

namespace {

// Whether clean_text must reject `bytes` (core/text.h): a UTF-16 BOM, ill-formed UTF-8 after
// an optional UTF-8 BOM, or a NUL.
bool must_fail(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    return true;
  std::string_view body = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
  return tilmash::core::find_invalid_utf8(body).has_value()
         || body.find('\0') != std::string_view::npos;
}

// An upper bound of the number of lines: 1 + the bytes that may end a line (LF, CR, VT, FF,
// and the last bytes of NEL, U+2028 and U+2029, which also occur inside other characters).
std::size_t max_lines(std::string_view bytes) {
  std::size_t lines = 1;
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    lines += u == '\n' || u == '\r' || u == 0x0B || u == 0x0C || u == 0x85 || u == 0xA8 || u == 0xA9
                 ? 1
                 : 0;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tilmash::io::DocFormat;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool expect_error = must_fail(bytes);
  int failures = 0;
  for (const DocFormat format : {DocFormat::kText, DocFormat::kHtml}) {
    try {
      const tilmash::core::Document doc = tilmash::io::parse_document(bytes, "fuzz", format);
      tilmash::fuzz::check_paragraphs(doc.paragraphs, /*no_controls=*/true);
      if (format == DocFormat::kText)
        FUZZ_CHECK(doc.paragraphs.size() <= max_lines(bytes));
    } catch (const tilmash::io::InputError& e) {
      ++failures;
      FUZZ_CHECK(e.path() == "fuzz");
      FUZZ_CHECK(e.line() >= 1 && e.line() <= max_lines(bytes));
      FUZZ_CHECK(e.column() >= 1 && e.column() <= size + 1);
      FUZZ_CHECK(std::string(e.what()).rfind("fuzz:", 0) == 0);
    }
  }
  FUZZ_CHECK(failures == (expect_error ? 2 : 0));
  return 0;
}
