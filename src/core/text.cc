#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace tilmash::core {
namespace {

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
         || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace

Result<CleanText> clean_text(std::string_view raw) {
  CleanText out;
  std::size_t start = 0;
  if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') ||
                          (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    return unexpected({ErrorCode::kInvalidUtf8,
                       "this looks like a UTF-16 file (it starts with a UTF-16 byte order mark); "
                       "save it as UTF-8",
                       0});
  }
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
    out.had_bom = true;
    start = 3;
  }
  std::string_view body = raw.substr(start);
  if (auto bad = find_invalid_utf8(body)) {
    return unexpected({ErrorCode::kInvalidUtf8, "invalid UTF-8 byte sequence", start + *bad});
  }
  std::string tmp;
  tmp.reserve(body.size());
  std::size_t pos = 0;
  std::size_t kept = 0;  // start of the run of kept characters not yet appended
  while (pos < body.size()) {
    // Printable ASCII, tab and LF are kept as they are: they join the run (one append per run,
    // not per character).
    const auto byte = static_cast<unsigned char>(body[pos]);
    if ((byte >= 0x20 && byte < 0x7F) || byte == '\t' || byte == '\n') {
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    char32_t cp = next_code_point(body, pos);
    // Everything else is kept too, but for the controls and line separators.
    const bool special = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
                         cp == 0x2029;
    if (!special) continue;
    tmp.append(body.substr(kept, at - kept));
    if (cp == 0) {
      return unexpected({ErrorCode::kControlChar,
                         "NUL byte in text (is this a binary or UTF-16 file?)", start + at});
    }
    if (cp == '\r') {
      tmp += '\n';
      if (pos < body.size() && body[pos] == '\n') ++pos;
    } else if (cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      tmp += '\n';
    } else {
      ++out.removed_controls;  // the other C0 controls, DEL, the C1 controls
    }
    kept = pos;
  }
  tmp.append(body.substr(kept));
  out.text = to_nfc(tmp);
  return out;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  // Fast path: most input is already NFC, and the quick check avoids a UTF-16 round trip for
  // pure ASCII as well.
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  bool pending_space = false;
  std::size_t run = std::string_view::npos;  // start of the current run of non-space characters
  while (pos < text.size()) {
    const std::size_t at = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    bool space = false;
    if (byte < 0x80) {  // ASCII and two-byte sequences (Cyrillic) without a call to the decoder
      ++pos;
      space = byte == ' ' || byte == '\t' || byte == '\n';
    } else if (byte >= 0xC0 && byte < 0xE0 && pos + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[pos + 1]);
      pos += 2;
      space = is_space_cp((static_cast<char32_t>(byte & 0x1F) << 6) | (next & 0x3F));
    } else {
      space = is_space_cp(next_code_point(text, pos));
    }
    if (space) {
      if (run != std::string_view::npos) out.append(text.substr(run, at - run));
      run = std::string_view::npos;
      pending_space = true;
    } else if (run == std::string_view::npos) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      run = at;
    }
  }
  if (run != std::string_view::npos) out.append(text.substr(run));
  return out;
}

std::vector<std::string> split_paragraphs(std::string_view clean) {
  std::vector<std::string> paragraphs;
  std::size_t line_start = 0;
  while (line_start <= clean.size()) {
    std::size_t nl = clean.find('\n', line_start);
    if (nl == std::string_view::npos) nl = clean.size();
    std::string p = collapse_space(clean.substr(line_start, nl - line_start));
    if (!p.empty()) paragraphs.push_back(std::move(p));
    line_start = nl + 1;
  }
  return paragraphs;
}

std::string ascii_slug(std::string_view text) {
  std::string slug;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c - 'A' + 'a');
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

bool is_bracketed_sentence(std::string_view sentence) {
  // Final punctuation and spaces after the closing bracket.
  for (;;) {
    if (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == '.' ||
                              sentence.back() == '!' || sentence.back() == '?')) {
      sentence.remove_suffix(1);
    } else if (sentence.ends_with("\u2026")) {
      sentence.remove_suffix(std::string_view("\u2026").size());
    } else {
      break;
    }
  }
  if (sentence.size() < 2 || (sentence.front() != '(' && sentence.front() != '[')) return false;
  int depth = 0;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    depth += bracket_step(sentence[i]);
    if (depth == 0) return i + 1 == sentence.size();
  }
  return false;
}

bool is_time_stamp(std::string_view inside) {
  bool colon = false;
  for (const char c : inside) {
    if (c == ':') {
      colon = true;
    } else if ((c < '0' || c > '9') && c != '.' && c != '/' && c != '-' && c != ' ' && c != ',') {
      return false;
    }
  }
  return colon && !inside.empty() && inside.front() >= '0' && inside.front() <= '9';
}

}  // namespace tilmash::core
