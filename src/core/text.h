// Turning raw bytes of a plain-text document into clean text: UTF-8 checked, BOM dropped,
// CRLF/CR -> LF, control characters handled, NFC. Pure functions; the reader in io/ adds paths.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tilmash::core {

struct CleanText {
  std::string text;                 // UTF-8, NFC, '\n' line ends only
  bool had_bom = false;             // a UTF-8 BOM was removed
  std::size_t removed_controls = 0; // control characters dropped (see clean_text)
};

// Validates and normalizes a whole document.
// Policy for control characters (they never carry text in a translation):
//  - NUL is rejected (kControlChar): it means a binary file or UTF-16 read as bytes, and
//    silently dropping it would hide that the text is garbage;
//  - VT, FF, NEL (U+0085), U+2028 and U+2029 become '\n' (line/page/paragraph breaks);
//  - every other C0 control but TAB, LF and CR, DEL and the C1 controls are removed (stray
//    escape codes and Word artefacts), counted in removed_controls.
// Errors carry the byte offset into `raw`: kInvalidUtf8 (with a UTF-16 hint when the input
// starts with a UTF-16 BOM) or kControlChar.
Result<CleanText> clean_text(std::string_view raw);

// NFC normalization (ICU). `text` must be valid UTF-8.
std::string to_nfc(std::string_view text);

// Splits clean text into paragraphs: one per non-blank line. Runs of white space (including
// tabs and no-break spaces) inside a paragraph are collapsed to one ASCII space and the ends
// trimmed, so a paragraph never contains '\n'.
std::vector<std::string> split_paragraphs(std::string_view clean);

// Collapses white space as split_paragraphs does, for one paragraph of text.
std::string collapse_space(std::string_view text);

// An identifier made from the ASCII letters and digits of `text`: lower case, other runs of
// characters turned into one '-', no '-' at either end ("Xinjiang's camps" -> "xinjiang-s-camps").
// Empty when `text` has no ASCII letter or digit.
std::string ascii_slug(std::string_view text);

// Whether `sentence` is wholly one bracket: it opens with '(' or '[' and that bracket closes
// at its end, before nothing but optional final punctuation (. ! ? …) and spaces. "(The name
// has been changed.)", "[Recording ends here.]", "(See below)." are; "(Reuters) - Officials
// said …" and "(a) the first (b) the second" are not. A translator's note or gloss, or an
// aside of the author's.
bool is_bracketed_sentence(std::string_view sentence);

// Whether the inside of a bracket is a time stamp, "21:15", "09:05:33", "12.03.2024 21:15": the
// label a chat log or a transcript puts before each message or turn.
bool is_time_stamp(std::string_view inside);

// +1 for a round or square bracket that opens, -1 for one that closes, 0 for any other byte:
// the brackets a sentence keeps balanced (is_bracketed_sentence, the segmenter).
inline int bracket_step(char c) {
  return c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
}

}  // namespace tilmash::core
