// libFuzzer target for io::html_paragraphs on its own: the gumbo parse and the paragraph
// walk, fed valid UTF-8 that has *not* been through clean_text (so CR, controls, BOMs and
// U+2028 reach gumbo as they are). Properties: no crash, no sanitizer report, no exception,
// every paragraph keeps the promises of io/html.h (fuzz_check.h). Ill-formed UTF-8 is outside
// the contract and skipped; fuzz_document_reader covers that path.
// Build: -DTILMASH_FUZZ=ON with clang++; dictionary: fuzz_html.dict; seeds: corpus/fuzz_html/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "io/html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  if (tilmash::core::find_invalid_utf8(html))
    return -1;  // not worth keeping in the corpus
  // The depth estimate that guards gumbo (io::html_nesting_problem) points inside the input.
  if (const auto deep = tilmash::io::html_nesting_problem(html); deep && *deep >= html.size()) {
    std::abort();
  }
  tilmash::fuzz::check_paragraphs(tilmash::io::html_paragraphs(html), /*no_controls=*/true);
  return 0;
}
