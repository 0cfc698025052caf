// Checks shared by the fuzz targets of text readers. They abort (libFuzzer then saves the
// input) in every build type: assert() is compiled out under NDEBUG, these are not.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "core/utf8.h"

#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (false)

namespace tilmash::fuzz {

// What every reader promises about a paragraph (core/text.h, io/html.h): not empty, valid
// UTF-8, NFC, no line break, white space collapsed and trimmed. With `no_controls` (documents
// read through core::clean_text) also no C0 control character and no DEL.
inline void check_paragraphs(const std::vector<std::string>& paragraphs, bool no_controls) {
  for (const std::string& p : paragraphs) {
    FUZZ_CHECK(!p.empty());
    FUZZ_CHECK(!core::find_invalid_utf8(p).has_value());
    FUZZ_CHECK(p.find('\n') == std::string::npos);
    FUZZ_CHECK(core::collapse_space(p) == p);
    FUZZ_CHECK(core::to_nfc(p) == p);
    if (no_controls) {
      for (const char c : p) {
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
      }
    }
  }
}

}  // namespace tilmash::fuzz
