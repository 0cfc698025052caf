// Sentence segmentation in two passes over UTF-8 bytes:
//  1. ICU's sentence BreakIterator proposes candidate breaks. Its rules are the default
//     sentence boundary rules of UAX #29 (Unicode Standard Annex #29, "Unicode Text
//     Segmentation", section 5, rules SB1-SB11); ICU has no locale tailoring for en, ru or kk
//     beyond optional suppression lists, which we do not use, so behaviour stays in our data.
//  2. Each candidate is kept or dropped by the exception rules (rules.h, rules/*.rules):
//     abbreviations by class, initials, list and heading labels, lower-case continuation.
// ICU iterates over UTF-16: each paragraph is converted into a reused buffer and ICU's UTF-16
// boundaries are mapped back to byte offsets in one forward walk. We measured this against a
// UText over the UTF-8 bytes (utext_openUTF8, no conversion): a bare ICU loop over UTF-16 runs
// ~1.7x faster, conversion included, than over the UTF-8 UText (tests/bench/segment_bench.cc).
#include "segment/segmenter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "core/lang.h"
#include "core/numbers.h"
#include "core/text.h"
#include "core/utf8.h"
#include "segment/builtin_rules.h"
#include "segment/rules.h"

namespace tilmash::segment {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos`; ill-formed bytes decode as U+FFFD of length 1.
char32_t decode_at(std::string_view s, std::size_t pos, std::size_t* len) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(pos);
  *len = 1;
  if (lead < 0x80)
    return lead;
  std::size_t n = lead >= 0xF0 && lead <= 0xF4   ? 4
                  : lead >= 0xE0 && lead <= 0xEF ? 3
                  : lead >= 0xC2 && lead <= 0xDF ? 2
                                                 : 0;
  if (n == 0 || pos + n > s.size())
    return kReplacement;
  char32_t cp = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(pos + k) & 0xC0) != 0x80)
      return kReplacement;
    cp = (cp << 6) | (byte(pos + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))
      || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kReplacement;
  }
  *len = n;
  return cp;
}

// Decodes the code point that ends at `pos` (pos > 0) and sets *start to its first byte.
char32_t decode_before(std::string_view s, std::size_t pos, std::size_t* start) {
  std::size_t i = pos - 1;
  while (i > 0 && pos - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
    --i;
  std::size_t len = 0;
  char32_t cp = decode_at(s, i, &len);
  if (i + len != pos) {
    *start = pos - 1;
    return kReplacement;
  }
  *start = i;
  return cp;
}

UChar32 uc(char32_t cp) {
  return static_cast<UChar32>(cp);
}

bool is_space(char32_t cp) {
  return u_isUWhiteSpace(uc(cp)) != 0;
}

// Punctuation that opens a quotation or bracket, and the ASCII quotes (which can do both).
bool is_opener(char32_t cp) {
  int8_t type = u_charType(uc(cp));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || cp == '"' || cp == '\'';
}

// Punctuation that closes a quotation or bracket, and the ASCII quotes. Right after a full stop
// an initial quote closes too: Russian and German quotes are „…“, whose “ is U+201C (Pi).
bool is_closer(char32_t cp) {
  int8_t type = u_charType(uc(cp));
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || type == U_INITIAL_PUNCTUATION
         || cp == '"' || cp == '\'';
}

// A quotation mark (of either direction; the ASCII ones do both), not a bracket.
bool is_quote_mark(char32_t cp) {
  int8_t type = u_charType(uc(cp));
  return type == U_FINAL_PUNCTUATION || type == U_INITIAL_PUNCTUATION || cp == '"' || cp == '\'';
}

// Whether `run` (a sentence's terminators and closing punctuation) holds a quotation mark.
bool quote_in(std::string_view run) {
  std::size_t len = 0;
  for (std::size_t at = 0; at < run.size(); at += len) {
    if (is_quote_mark(decode_at(run, at, &len)))
      return true;
  }
  return false;
}

// A dash that can introduce direct speech or a new line of dialogue: hyphen-minus (typed for a
// dash in plain text), en dash, em dash.
bool is_dash(char32_t cp) {
  return cp == '-' || cp == 0x2013 || cp == 0x2014;
}

// A footnote mark: a superscript digit ("… in June 2023.¹ Most …"), an asterisk or a dagger
// ("… 354 pp.* 3. …").
bool is_footnote_mark(char32_t cp) {
  return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || cp == 0x2070 || (cp >= 0x2074 && cp <= 0x2079)
         || cp == '*' || cp == 0x2020 || cp == 0x2021;
}

// A list bullet. In running text it only ever opens a list item, so a sentence starts there
// whatever precedes it ("Our findings: • 61% of …").
bool is_bullet(char32_t cp) {
  return cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0x25AA || cp == 0x25CF
         || cp == 0x25E6;
}

bool is_terminator(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;  // U+2026 HORIZONTAL ELLIPSIS
}

bool is_upper(char32_t cp) {
  return u_isupper(uc(cp)) || u_istitle(uc(cp));
}

bool is_latin_letter(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(uc(cp), &status) == USCRIPT_LATIN;
}

bool is_ascii_digits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

bool is_roman(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (std::string_view("IVXLCDM").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

// Whether a month in Roman numerals ("I" to "XII") starts at `pos`, right after a day's number
// and its full stop: "On 28.III they took him", «3.IV.2019», the date as letters from the
// former Soviet Union write it. A lone "I" counts only before ".year" (3.I.2019), not before a
// space: "… in 1998.I was …" is a missing space before the pronoun.
bool roman_month_after_day(std::string_view s, std::size_t pos) {
  if (pos < 2 || s[pos - 1] != '.' || s[pos - 2] < '0' || s[pos - 2] > '9')
    return false;
  std::size_t end = pos;
  while (end < s.size() && end - pos < 5 && std::string_view("IVX").find(s[end]) != std::string_view::npos)
    ++end;
  static constexpr std::string_view kMonths[] = {
      "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  const std::string_view month = s.substr(pos, end - pos);
  if (std::find(std::begin(kMonths), std::end(kMonths), month) == std::end(kMonths))
    return false;
  const char after = end < s.size() ? s[end] : ' ';
  if (after == '.' && end + 1 < s.size() && s[end + 1] >= '0' && s[end + 1] <= '9')
    return true;
  return month != "I" && (after == ' ' || after == ',' || after == '\n');
}

// Whether `word`, a word of `s`, begins an address written in lower case whatever the sentence:
// a web address ("https://…", "http://…", "www.…"), an e-mail address or a user's handle.
// Whether `t` begins with a web address's scheme or "www.".
bool starts_with_url(std::string_view t) {
  return t.starts_with("https://") || t.starts_with("http://") || t.starts_with("www.");
}

bool starts_web_address(std::string_view s, std::string_view word) {
  const std::string_view rest = s.substr(static_cast<std::size_t>(word.data() - s.data()));
  if (starts_with_url(rest))
    return true;
  // An e-mail address ("help@zhol-app.example.org") or a user's handle ("@qyzyl_alma"): written
  // as they are, whatever the sentence.
  const std::size_t n = std::min(rest.find_first_of(" \t\n"), rest.size());
  const std::string_view token = rest.substr(0, n);
  const std::size_t at = token.find('@');
  if (at == std::string_view::npos || at + 1 >= token.size())
    return false;
  const auto address_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'
           || c == '+' || c == '%';
  };
  const std::string_view name = token.substr(0, at);
  std::string_view host = token.substr(at + 1);
  while (!host.empty() && std::ispunct(static_cast<unsigned char>(host.back())))
    host.remove_suffix(1);
  if (host.empty() || !std::all_of(name.begin(), name.end(), address_char)
      || !std::all_of(host.begin(), host.end(), address_char)) {
    return false;
  }
  return name.empty() || host.find('.') != std::string_view::npos;
}

// Where the candidate sentence [start, pos) ends before the white space and the closing quotes
// or brackets at its end.
std::size_t end_before_closers(std::string_view s, std::size_t start, std::size_t pos) {
  std::size_t len = 0;
  while (pos > start) {
    const char32_t cp = decode_before(s, pos, &len);
    if (!is_space(cp) && !is_closer(cp))
      break;
    pos = len;
  }
  return pos;
}

// Whether the candidate sentence [start, pos) ends with a full stop (before white space and
// closing quotes or brackets).
bool ends_with_full_stop(std::string_view s, std::size_t start, std::size_t pos) {
  const std::size_t end = end_before_closers(s, start, pos);
  return end > start && s[end - 1] == '.';
}

// Whether `rest` opens with a document's end mark, alone up to white space or the end: "###",
// "-30-", or a word in capitals between hyphens or dashes ("-ENDS-", "– END –" is not one:
// spaced dashes are a dash's work).
bool is_end_mark(std::string_view rest) {
  const std::string_view token = rest.substr(0, std::min(rest.find(' '), rest.size()));
  if (token == "###" || token == "-30-")
    return true;
  std::size_t len = 0;
  std::size_t back = 0;
  if (token.size() < 4 || !is_dash(decode_at(token, 0, &len))
      || !is_dash(decode_before(token, token.size(), &back))) {
    return false;
  }
  const std::string_view word = token.substr(len, back - len);
  bool letters = false;
  for (std::size_t i = 0; i < word.size(); i += len) {
    const char32_t cp = decode_at(word, i, &len);
    if (!is_upper(cp))
      return false;
    letters = true;
  }
  return letters;
}

// ☐ ☑ ☒: a form's answer or check box.
bool is_ballot_box(char32_t cp) { return cp >= 0x2610 && cp <= 0x2612; }

// An emoji ("🙏", "❤"), not a digit, '#', '©' or a form's box, which Unicode counts as emoji
// characters too.
bool is_pictograph(char32_t cp) {
  return cp > 0xFF && !is_ballot_box(cp) && u_hasBinaryProperty(uc(cp), UCHAR_EMOJI);
}
// A part of an emoji: a pictograph, its skin-tone modifiers, variation selector and joiners.
bool is_emoji_part(char32_t cp) {
  return is_pictograph(cp) || u_hasBinaryProperty(uc(cp), UCHAR_EMOJI_MODIFIER) || cp == 0x200D
         || cp == 0xFE0F;
}

// "1", "2.3", "12.1.4": a section number.
bool is_section_number(std::string_view s) {
  if (s.empty() || s.back() == '.')
    return false;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t dot = s.find('.', start);
    if (dot == std::string_view::npos)
      dot = s.size();
    if (!is_ascii_digits(s.substr(start, dot - start)))
      return false;
    start = dot + 1;
  }
  return true;
}

// Whether the abbreviation that starts at `token_start` follows a number ("2023 г.", "270 чел.")
// that closes a clause of more than three words since `start` or the last comma, colon,
// semicolon or dash. Such a year or unit ends its sentence before a capital ("…интервью,
// проведенных с апреля 2022 г. по июнь 2023 г. Две трети семей…"); a short clause is a fronted
// adverbial that the sentence goes on from ("В декабре 2021 г. Конгресс…", "По данным ООН, в
// 2019 г. Казахстан…"). After a comma the short clause is an adverbial only if it opens with a
// date's number ("Как сообщалось, 12 мая 2021 г. Конгресс…") or a sentence starter
// (`opens_adverbial`: the prepositions and adverbs of the `starter` rules); a
// participle clause that closes a noun phrase ("…закон, подписанный в декабре 2021 г.
// По-английски…", "…места, открывавшиеся с 2017 г. Чиновники…") is no adverbial and ends the
// sentence like a long clause, and so does a short one after a colon. Every Russian "NNNN г." before a capital in
// tests/segment/data/news (01–15) and ../shared/corpus follows this. Three words from the
// sentence's start are a clause too when the last is a `preposition` that governs the number and
// the two before it are no prepositions, a subject and its verb: «Муж умер в 2020 г. Перед
// смертью …», «Коммуну распустили в 1984 г. Последние …»; a fronted adverbial opens with its
// preposition («В оценке 2022 г. Управление …») or has only adverbs before it («Ещё в авг.
// 2018 г. Комитет …», «Уже тогда в 2018 г. …»: the second word a `starter`).
std::string lower_first(std::string_view word);

template <typename OpensAdverbial, typename IsPreposition>
bool number_closes_long_clause(std::string_view s, std::size_t start, std::size_t token_start,
                               OpensAdverbial opens_adverbial, IsPreposition is_preposition) {
  constexpr int kFrontedWords = 3;
  if (token_start < start + 2 || s[token_start - 1] != ' ')
    return false;
  // Where the word that ends before the space at `at - 1` begins (not before `start`).
  auto word_start_before = [&](std::size_t at) {
    std::size_t space = s.rfind(' ', at - 2);
    return space == std::string_view::npos || space < start ? start : space + 1;
  };
  std::size_t at = word_start_before(token_start);
  // A year stands right before its "г."; after a comma "г." is a town's («до 17:00, г. Алматы»),
  // and after a numbered thing's number too («школы № 12 г. Шымкента»).
  if (!is_ascii_digits(s.substr(at, 1)) || s[token_start - 2] == ',')
    return false;
  if (at >= start + 2 && s[at - 1] == ' ') {
    const std::size_t sign = word_start_before(at);
    const std::string_view before = s.substr(sign, at - 1 - sign);
    if (before == "№" || before == "No." || before == "no.")
      return false;
  }
  int words = 0;
  bool after_boundary = false;
  std::array<std::string_view, kFrontedWords> fronted;  // the words before the number, nearest first
  while (words <= kFrontedWords && at >= start + 2 && s[at - 1] == ' ') {
    std::size_t prev = word_start_before(at);
    std::string_view word = s.substr(prev, at - 1 - prev);
    const bool dash = word == "—" || word == "–" || word == "-";
    // A comma after a number in a list of numbers is no clause's boundary: «в 2020, 2021 и
    // 2022 гг. Единственный …».
    const bool listed_number = word.size() > 1 && word.back() == ','
                               && is_ascii_digits(word.substr(0, word.size() - 1));
    bool clause_boundary = word.empty() || dash || (word.back() == ',' && !listed_number)
                           || word.back() == ';' || word.back() == ':';
    if (clause_boundary) {
      // After a colon the date or number is a field's value, not a fronted adverbial: "Срок
      // подачи заявок: 15 янв. 2026 г. Чтобы подать …". (With a preposition before the
      // number, after a speaker's label, it is one: «ВЕДУЩИЙ: В 2020 г. Рысгуль …».)
      if (!word.empty() && word.back() == ':'
          && std::none_of(fronted.begin(), fronted.begin() + std::min(words, kFrontedWords),
                          [&](std::string_view w) { return is_preposition(lower_first(w)); })) {
        return true;
      }
      // Right after a dash that follows a lower-case word (or after a dash and one word, a
      // preposition: «до», «около») the number is what the clause says of its subject, no
      // adverbial: «…, а наша цель — 20 тыс. Подписать …», «длительность записи — до 30 мин.
      // Можно …». (After a capitalised one it may be a dateline's date: «АСТАНА — 5 марта
      // 2024 г. Министерство …».)
      if (words <= 1 && dash && prev >= start + 2 && s[prev - 1] == ' ') {
        std::size_t len = 0;
        if (u_islower(uc(decode_at(s, word_start_before(prev), &len))))
          return true;
      }
      after_boundary = true;
      break;
    }
    if (words < kFrontedWords)
      fronted[static_cast<std::size_t>(words)] = word;
    ++words;
    at = prev;
  }
  if (words > kFrontedWords)
    return true;
  if (!after_boundary) {
    std::size_t len = 0;
    return words == kFrontedWords && at == start && is_preposition(fronted[0])
           && !is_preposition(fronted[1]) && !opens_adverbial(fronted[1])
           && !is_preposition(lower_first(fronted[2]))
           && u_islower(uc(decode_at(fronted[1], 0, &len)))
           && u_isupper(uc(decode_at(fronted[2], 0, &len)));
  }
  // Right after a comma the year or number closes what the comma began, a caption's or an
  // apposition's date ("Лагерьден келген хаттар, 2018–2019 жж. Әрқайсысы …"); a fronted
  // adverbial has a word of its own before the number («Как сообщалось, в 2019 г. …»).
  if (words == 0)
    return at >= start + 2 && s[at - 2] == ',';
  if (is_ascii_digits(s.substr(at, 1)))
    return false;
  const std::size_t space = s.find(' ', at);
  return !opens_adverbial(s.substr(at, (space == std::string_view::npos ? s.size() : space) - at));
}

// `word` with its first letter in upper case (`upper`) or in lower case.
std::string first_letter_cased(std::string_view word, bool upper) {
  std::string out;
  if (word.empty())
    return out;
  std::size_t len = 0;
  const auto first = static_cast<UChar32>(decode_at(word, 0, &len));
  core::append_utf8(out, static_cast<char32_t>(upper ? u_toupper(first) : u_tolower(first)));
  out.append(word.substr(len));
  return out;
}
std::string capitalised(std::string_view word) { return first_letter_cased(word, true); }
std::string lower_first(std::string_view word) { return first_letter_cased(word, false); }

// Exactly one letter (any script).
bool is_single_letter(std::string_view s) {
  if (s.empty())
    return false;
  std::size_t len = 0;
  char32_t cp = decode_at(s, 0, &len);
  return len == s.size() && u_isalpha(uc(cp));
}

// Where the token (a run without white space) that ends at `end` begins, not before `start`.
std::size_t token_start_before(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t at = 0;
  while (end > start && !is_space(decode_before(s, end, &at)))
    end = at;
  return end;
}

// `token` without the opening quotes and brackets it starts with.
std::string_view without_openers(std::string_view token) {
  std::size_t len = 0;
  while (!token.empty() && is_opener(decode_at(token, 0, &len)))
    token.remove_prefix(len);
  return token;
}

// Whether `token`, the last token before a break at `pos`, is an initial in quotes that the
// dash at `pos` explains, as a transcript's key does: «"А." — Аскар, "М." — его мать».
bool quoted_initial_explained(std::string_view s, std::string_view token, std::size_t pos) {
  std::size_t len = 0;
  if (pos >= s.size() || !is_dash(decode_at(s, pos, &len)))
    return false;
  std::string_view bare = token;
  std::size_t at = 0;
  while (!bare.empty() && is_closer(decode_before(bare, bare.size(), &at)))
    bare = bare.substr(0, at);
  bare = without_openers(bare);
  return bare.size() < token.size() && bare.size() >= 2 && bare.back() == '.'
         && is_single_letter(bare.substr(0, bare.size() - 1));
}

// Lower-case Roman numerals of list items: "i", "ii", "iv", "viii", "ix" (up to four letters of
// i, v, x; longer runs of those letters are words, and "civil" is no numeral).
bool is_small_roman(std::string_view s) {
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("ivx") == std::string_view::npos;
}

// Where an item's text starts after the list marker at `pos` — "(a) ", "a) ", "(iv) ", "1) ",
// "(2) ", «ә) » — or npos. The label is one letter, up to three digits or a Roman numeral, and
// white space follows the bracket.
std::size_t after_list_marker(std::string_view s, std::size_t pos) {
  const std::size_t at = pos < s.size() && s[pos] == '(' ? pos + 1 : pos;
  const std::size_t close = s.substr(0, std::min(s.size(), at + 9)).find(')', at);
  if (close == std::string_view::npos || close == at)
    return std::string_view::npos;
  const std::string_view label = s.substr(at, close - at);
  if (!(is_ascii_digits(label) && label.size() <= 3) && !is_single_letter(label)
      && !is_roman(label) && !is_small_roman(label)) {
    return std::string_view::npos;
  }
  std::size_t next = close + 1;
  std::size_t len = 0;
  while (next < s.size() && is_space(decode_at(s, next, &len)))
    next += len;
  return next > close + 1 && next < s.size() ? next : std::string_view::npos;
}

// Where the text after a numbered label at `pos` starts ("1. ", "2.3. ": a section number, its
// full stop, a space), or npos.
std::size_t after_numbered_label(std::string_view s, std::size_t pos) {
  if (!is_ascii_digits(s.substr(pos, 1)))
    return std::string_view::npos;
  const std::size_t space = s.find_first_not_of("0123456789.", pos);
  return space < s.size() && s[space] == ' ' && s[space - 1] == '.'
                 && is_section_number(s.substr(pos, space - 1 - pos))
             ? space + 1
             : std::string_view::npos;
}

enum class WordCase { kUpper, kLower, kDigit, kOther, kNone };

struct NextWord {
  std::string_view word;  // letters, digits, marks and inner hyphens
  WordCase word_case = WordCase::kNone;
};

// Where the number starts after a number sign at `pos` ("№ 5", "№5", "#5", a telephone's "+41"),
// or npos: the sign and its number are read as the number, so "ст. № 5" is an article number as
// "ст. 5" is.
std::size_t number_after_sign(std::string_view s, std::size_t pos) {
  std::size_t len = 0;
  if (pos >= s.size())
    return std::string_view::npos;
  const char32_t sign = decode_at(s, pos, &len);
  if (sign != U'№' && sign != U'#' && sign != U'+')
    return std::string_view::npos;
  pos += len;
  // A telephone number's plus sign stands right before its digits ("tel. +41 22 555 01 87").
  while (sign != U'+' && pos < s.size() && is_space(decode_at(s, pos, &len)))
    pos += len;
  return pos < s.size() && u_isdigit(uc(decode_at(s, pos, &len))) ? pos : std::string_view::npos;
}

// Whether `next` is "No." and a number follows it: "tag No. 5", "Cat. No. 1".
bool no_before_number(std::string_view s, const NextWord& next) {
  const auto after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
  return next.word == "No" && after + 2 < s.size() && s[after] == '.' && s[after + 1] == ' '
         && s[after + 2] >= '0' && s[after + 2] <= '9';
}

// The first word at or after `pos`, skipping opening quotes and brackets and a dash that opens
// a line of dialogue ("— Нас били", "– Біз"); a number after a number sign is the word.
NextWord next_word(std::string_view s, std::size_t pos) {
  std::size_t len = 0;
  auto skip_openers = [&] {
    while (pos < s.size()) {
      char32_t cp = decode_at(s, pos, &len);
      if (!is_opener(cp))
        break;
      pos += len;
    }
  };
  skip_openers();
  if (pos < s.size() && is_dash(decode_at(s, pos, &len))) {
    std::size_t after = pos + len;
    std::size_t space_len = 0;
    if (after < s.size() && is_space(decode_at(s, after, &space_len))) {
      pos = after;
      while (pos < s.size() && is_space(decode_at(s, pos, &len)))
        pos += len;
      skip_openers();
    }
  }
  NextWord out;
  if (pos == s.size())
    return out;
  if (std::size_t number = number_after_sign(s, pos); number != std::string_view::npos)
    pos = number;
  char32_t first = decode_at(s, pos, &len);
  out.word_case = is_upper(first)        ? WordCase::kUpper
                  : u_islower(uc(first)) ? WordCase::kLower
                  : u_isdigit(uc(first)) ? WordCase::kDigit
                                         : WordCase::kOther;
  std::size_t end = pos;
  while (end < s.size()) {
    char32_t cp = decode_at(s, end, &len);
    if (!(u_isalnum(uc(cp)) || u_getCombiningClass(uc(cp)) != 0
          || u_charType(uc(cp)) == U_NON_SPACING_MARK || cp == '-')) {
      break;
    }
    end += len;
  }
  out.word = s.substr(pos, end - pos);
  return out;
}

using core::bracket_step;
using core::is_time_stamp;

// How far the bracket scans below look back or ahead: a bracket that spans more is not one a
// sentence break should be decided by, and the bound keeps a paragraph with no sentence end
// linear.
constexpr std::size_t kBracketWindow = 400;

// How many brackets opened in [start, pos), and at most kBracketWindow bytes before `pos`, are
// still open at `pos` (a closing bracket with none open, as in the list label "1)", is not
// counted).
int open_brackets(std::string_view s, std::size_t start, std::size_t pos) {
  int depth = 0;
  for (std::size_t i = std::max(start, pos > kBracketWindow ? pos - kBracketWindow : 0); i < pos;
       ++i)
    depth = std::max(0, depth + bracket_step(s[i]));
  return depth;
}

// Where the bracket open at `from` closes when `depth` brackets are open there, or npos if it
// does not within kBracketWindow bytes. *full_stop tells whether a sentence terminator (one
// followed by white space, a closing bracket or a closing quote: not "3.5") comes before it.
std::size_t bracket_close(std::string_view s, std::size_t from, int depth, bool* full_stop) {
  *full_stop = false;
  const std::size_t to = std::min(s.size(), from + kBracketWindow);
  for (std::size_t i = from; i < to; ++i) {
    const char c = s[i];
    depth += bracket_step(c);
    if (depth == 0)
      return i;
    const bool terminator = c == '.' || c == '!' || c == '?' || s.substr(i, 3) == "…";
    std::size_t len = 0;
    const std::size_t after = c == '.' || c == '!' || c == '?' ? i + 1 : i + 3;
    if (terminator && (after >= s.size() || s[after] == ' ' || is_closer(decode_at(s, after, &len))))
      *full_stop = true;
  }
  return std::string_view::npos;
}

// Whether a sentence terminator follows the closing bracket at `close` at once: the full stop is
// the sentence's that holds the bracket ("… (Almaty time).").
bool terminator_after(std::string_view s, std::size_t close) {
  return close + 1 < s.size() && is_terminator(static_cast<unsigned char>(s[close + 1]));
}

// Whether the sentence goes on after the closing bracket at `close`: a comma, semicolon or colon,
// or a lower-case word (unless `lower_case_opens`: a sentence may begin in lower case there),
// comes next.
bool continues_after(std::string_view s, std::size_t close, bool lower_case_opens = false) {
  std::size_t len = 0;
  std::size_t at = close + 1;
  while (at < s.size() && is_space(decode_at(s, at, &len)))
    at += len;
  if (at >= s.size())
    return false;
  const char32_t cp = decode_at(s, at, &len);
  return cp == ',' || cp == ';' || cp == ':' || (!lower_case_opens && u_islower(uc(cp)));
}

// Whether a break at `pos` would cut a bracket: one open there (opened since `start`) that closes
// with no full stop of its own inside or with the sentence going on after it ("(No. N12345678)
// and …", "(см. … под ред. М. Колвин, 2023), и это …"), or one that opens at `pos` and that the
// sentence goes on after ("D.Sc. (History), died …"; where a sentence may begin in lower case,
// not a lower-case word: "… in kazakhstan. [sighs] i said …"). A sentence keeps its brackets
// balanced.
bool cuts_bracket(std::string_view s, std::size_t start, std::size_t pos, bool lower_case_opens) {
  bool full_stop = false;
  if (const int depth = open_brackets(s, start, pos); depth > 0) {
    // A bracket that the sentence's own full stop follows, "… (Marchetti т.б. 2019, 4–7-б.).",
    // is inside that sentence whatever full stops it holds.
    const std::size_t close = bracket_close(s, pos, depth, &full_stop);
    return close != std::string_view::npos
           && (!full_stop || continues_after(s, close) || terminator_after(s, close));
  }
  if (pos < s.size() && bracket_step(s[pos]) > 0) {
    const std::size_t close = bracket_close(s, pos + 1, 1, &full_stop);
    return close != std::string_view::npos && continues_after(s, close, lower_case_opens);
  }
  return false;
}

// The word of `token` ("SEN.") in capitals, as a transcript's speaker labels and a letter's
// headings write titles ("SEN. HOLLOWAY:", «СЕН. ХОЛЛОУЭЙ:»), written as the rules list them:
// first as a capital and the rest lower case ("Sen."), then all lower case ("сен."). Null when
// the token has fewer than two letters before its one full stop or a letter that is not a capital.
const AbbrevKind* find_in_capitals(const RuleSet& rules, std::string_view token) {
  if (token.size() < 3 || token.back() != '.')
    return nullptr;
  std::string capital, lower;
  std::size_t letters = 0;
  for (std::size_t pos = 0, len = 0; pos + 1 < token.size(); pos += len) {
    const char32_t cp = decode_at(token, pos, &len);
    if (!is_upper(cp))
      return nullptr;
    const auto low = static_cast<char32_t>(u_tolower(uc(cp)));
    core::append_utf8(capital, letters == 0 ? cp : low);
    core::append_utf8(lower, low);
    ++letters;
  }
  if (letters < 2)
    return nullptr;
  for (std::string* form : {&capital, &lower}) {
    form->push_back('.');
    if (auto it = rules.abbreviations.find(*form); it != rules.abbreviations.end())
      return &it->second;
  }
  return nullptr;
}

// An abbreviation looked up as written, then with its first letter in lower case, then, when
// it is written in capitals, as the rules write it (find_in_capitals).
const AbbrevKind* find_abbreviation(const RuleSet& rules, std::string_view token) {
  if (auto it = rules.abbreviations.find(token); it != rules.abbreviations.end()) {
    return &it->second;
  }
  if (const AbbrevKind* found = find_in_capitals(rules, token))
    return found;
  std::size_t len = 0;
  char32_t first = decode_at(token, 0, &len);
  // A capital letter and a full stop is an initial, not the lower-case abbreviation it spells:
  // "Б. Т." are initials, "б. 3" is a page.
  if (!is_upper(first) || len + 1 == token.size())
    return nullptr;
  if (auto it = rules.abbreviations.find(lower_first(token)); it != rules.abbreviations.end()) {
    return &it->second;
  }
  return nullptr;
}

// Whether `word` continues the sentence after the abbreviation `token`, looked up as written and
// with its first letter in lower case (as find_abbreviation finds it: "A.M." is "a.m.").
bool continues_after_abbreviation(const RuleSet& rules, std::string_view token,
                                  std::string_view word) {
  std::size_t len = 0;
  return rules.continues(token, word)
         || (is_upper(decode_at(token, 0, &len)) && rules.continues(lower_first(token), word));
}

// An initial or a chain of them: "S.", "Н.Ә.", "N.W.", "a.m." (each letter followed by '.').
// A lone lower-case letter is not an initial.
bool is_initials(std::string_view token) {
  std::size_t pos = 0;
  int letters = 0;
  bool first_upper = false;
  while (pos < token.size()) {
    std::size_t len = 0;
    char32_t cp = decode_at(token, pos, &len);
    if (!u_isalpha(uc(cp)) || pos + len >= token.size() || token[pos + len] != '.')
      return false;
    if (letters == 0)
      first_upper = is_upper(cp);
    ++letters;
    pos += len + 1;
  }
  return letters >= 2 || (letters == 1 && first_upper);
}

// Whether the inside of a bracket is a reference to notes or sources: "12", "3, 4", "5-7". A
// number of four digits is a year ("(2018) Xin 40 Xing Chu No. 217", a case's number), not a
// note's.
bool is_reference(std::string_view inside) {
  std::size_t digits = 0;
  for (const char c : inside) {
    if (c >= '0' && c <= '9') {
      if (++digits > 3)
        return false;
    } else if (c == ',' || c == '-' || c == ' ') {
      digits = 0;
    } else {
      return false;
    }
  }
  return !inside.empty() && inside.front() >= '0' && inside.front() <= '9';
}

// Whether the sentence that ends at `end` (before white space and closing quotes or brackets)
// trails off: its last terminator is an ellipsis, "..." or '…'.
bool trails_off(std::string_view s, std::size_t end) {
  std::size_t at = 0;
  while (end > 0) {
    const char32_t cp = decode_before(s, end, &at);
    if (!is_space(cp) && !is_closer(cp))
      return cp == 0x2026 || (cp == '.' && at > 0 && s[at - 1] == '.');
    end = at;
  }
  return false;
}

// Whether the square bracket [open, close] is a transcriber's note whose full stops are only
// abbreviations' before a number or at its end: "[pause, approx. 20 sec.]", «[үзіліс, шамамен
// 20 сек.]». It opens with a lower-case word and holds no '?', '!' or ellipsis (and at least
// one full stop: a note without one is the other rules').
bool abbreviated_note(std::string_view s, std::size_t open, std::size_t close) {
  std::size_t len = 0;
  if (s[open] != '[' || close < open + 3 || !u_islower(uc(decode_at(s, open + 1, &len))))
    return false;
  bool full_stop = false;
  for (std::size_t at = open + 1; at < close; ++at) {
    const char c = s[at];
    if (c == '?' || c == '!' || s.substr(at, 3) == "\u2026")
      return false;
    if (c == '.' && at + 1 < close
        && !(s[at + 1] == ' ' && at + 2 < close && s[at + 2] >= '0' && s[at + 2] <= '9'))
      return false;
    full_stop = full_stop || c == '.';
  }
  return full_stop;
}

// Where the note in brackets with no full stop inside that opens [begin, end) closes (its
// closing bracket), or npos. A list label ("(a) Free him.") is no note, nor is a time stamp
// ("[21:15] Aigul: …").
std::size_t note_close(std::string_view s, std::size_t begin, std::size_t end) {
  if (begin >= end || bracket_step(s[begin]) <= 0
      || after_list_marker(s, begin) != std::string_view::npos) {
    return std::string_view::npos;
  }
  bool full_stop = false;
  const std::size_t close = bracket_close(s.substr(0, end), begin + 1, 1, &full_stop);
  if (close == std::string_view::npos || (full_stop && !abbreviated_note(s, begin, close))
      || is_time_stamp(s.substr(begin + 1, close - begin - 1))) {
    return std::string_view::npos;
  }
  return close;
}

// Where a note in brackets (note_close) ends (past its closing bracket), when one opens the span
// [begin, end) and white space and a letter follow it: "[12] The next …", "[laughter] Yes, …",
// «[a] белгісі …» (whether a lower-case word may open the sentence is keep_break's to decide).
// A bracket that ends the span ("… reporters. (Source: Reuters)") is not one: a line of its own
// in the writer's layout. Else `begin`.
std::size_t opening_note_end(std::string_view s, std::size_t begin, std::size_t end) {
  const std::size_t close = note_close(s, begin, end);
  if (close == std::string_view::npos || close + 2 >= end || s[close + 1] != ' ')
    return begin;
  std::size_t len = 0;
  const char32_t first = decode_at(s, close + 2, &len);
  return is_upper(first) || u_islower(uc(first)) ? close + 1 : begin;
}

// Where a note in brackets (note_close) that opens [begin, end) and ends the paragraph there
// ends (past its closing bracket): "[crowd noise]" after what was said, a reference "[12]".
// Else `begin`.
std::size_t closing_note_end(std::string_view s, std::size_t begin, std::size_t end) {
  const std::size_t close = note_close(s, begin, end);
  if (close == std::string_view::npos)
    return begin;
  std::size_t len = 0;
  for (std::size_t at = close + 1; at < end; at += len) {
    if (!is_space(decode_at(s, at, &len)))
      return begin;
  }
  return close + 1;
}

// Whether a note that ends the paragraph (closing_note_end) and is no reference opens
// [begin, end): a transcriber's "[crowd noise]", «[шум толпы]».
bool closing_note(std::string_view s, std::size_t begin, std::size_t end) {
  const std::size_t note = closing_note_end(s, begin, end);
  return note != begin && !is_reference(s.substr(begin + 1, note - begin - 2));
}

// Where the note that opens [begin, end) ends (opening_note_end, or closing_note_end at the
// paragraph's end) when it belongs to the sentence
// before, else `begin`: a reference ("… in 2019. [12] The next …") or a transcriber's note on
// speech that trails off ("… by which court... [inaudible] A: …"; `trailing`, see trails_off).
// A note after a sentence that ended in full describes what comes next and opens it ("What do
// you see? [laughter] Yes, …", "… No, no. [pause] Nobody …").
// A reference written apart from the full stop before a capitalised sentence opens an item of a
// list of notes instead ("… без рифмы. [1] В илийских песнях …"), as in the news gold, where
// 20 sentences open with "[n] " and none ends with ". [n]" (a citation is set against the
// full stop: "….[12]").
std::size_t leading_note_end(std::string_view s, std::size_t begin, std::size_t end, bool trailing) {
  std::size_t note = opening_note_end(s, begin, end);
  if (note == begin)
    note = closing_note_end(s, begin, end);
  if (note == begin)
    return begin;
  if (trailing)
    return note;
  if (!is_reference(s.substr(begin + 1, note - begin - 2)))
    return begin;
  std::size_t at = note;
  std::size_t len = 0;
  while (at < end && is_space(decode_at(s, at, &len)))
    at += len;
  const bool opens_item = begin > 0 && is_space(decode_before(s, begin, &len)) && at < end
                          && is_upper(decode_at(s, at, &len));
  return opens_item ? begin : note;
}

// Whether the sentence at `start` opens with a reference in brackets: an item of a list of
// sources ("[1] Regional government white paper …, August 2019. [2] County …"), where the next
// reference opens the next item instead of going back.
bool opens_with_reference(std::string_view s, std::size_t start) {
  if (start >= s.size() || s[start] != '[')
    return false;
  const std::size_t close = s.find(']', start);
  return close != std::string_view::npos && close - start <= 6
         && is_reference(s.substr(start + 1, close - start - 1));
}

// Whether `pos` lies inside a line set in capitals that ends without a sentence's end mark: a
// heading, one sentence however many full stops it has ("SCENE 1. KITCHEN, MORNING", «СЦЕНА
// 2. У ДОМА, ТОТ ЖЕ ДЕНЬ», «1-КӨРІНІС. АС ҮЙ, ТАҢЕРТЕҢ», "PART II. THE CAMPS"). A line of
// capitals that ends in one may be shouted sentences ("URGENT. PLEASE SHARE.").
// The line around `pos` (from a line break or the paragraph's start to the next one, trailing
// blanks dropped) when it is at most `max_line` bytes long; {0, 0} otherwise. Looked for within
// `max_line` bytes of `pos`, so a long paragraph costs no scan.
std::pair<std::size_t, std::size_t> short_line_around(std::string_view s, std::size_t pos,
                                                      std::size_t max_line) {
  const std::size_t lo = pos > max_line ? pos - max_line : 0;
  const std::size_t nl = pos == 0 ? std::string_view::npos : s.substr(lo, pos - lo).rfind('\n');
  if (nl == std::string_view::npos && lo > 0)
    return {0, 0};
  const std::size_t from = nl == std::string_view::npos ? 0 : lo + nl + 1;
  const std::size_t ahead = s.substr(pos, max_line).find('\n');
  if (ahead == std::string_view::npos && s.size() - pos > max_line)
    return {0, 0};
  const std::size_t to = ahead == std::string_view::npos ? s.size() : pos + ahead;
  if (to - from > max_line)
    return {0, 0};
  std::size_t last = to;
  while (last > from && (s[last - 1] == ' ' || s[last - 1] == '\t'))
    --last;
  return {from, last};
}

// Whether `pos` lies inside a quoted title that ends its line with no terminator before the
// closing quote: a heading or a programme's entry, "3.2 "Who counts the detained? Methods and
// their limits"", «3.2 «Кто считает задержанных? Методы и их ограничения»». A quoted sentence
// ends with its own terminator, inside the quote or after it.
bool inside_quoted_title_line(std::string_view s, std::size_t pos) {
  constexpr std::size_t kMaxLine = 200;  // bytes; a longer line is no heading
  const auto [from, last] = short_line_around(s, pos, kMaxLine);
  if (last <= pos)
    return false;
  std::size_t len = 0;
  std::size_t close_at = 0;
  const char32_t close = decode_before(s, last, &close_at);
  const char32_t open = close == U'»' ? U'«' : close == U'”' ? U'“' : close == '"' ? U'"' : 0;
  if (open == 0 || close_at <= pos)
    return false;
  // Before it, past the quotes it closes too ("… 'Is she the Party?'\""), no terminator.
  std::size_t end = close_at;
  char32_t before = 0;
  do {
    before = decode_before(s, end, &len);
    end = len;
  } while (end > pos && (before == '\'' || before == '"' || before == U'’' || before == U'”'
                         || before == U'»' || before == U'“'));
  if (before == '.' || before == '!' || before == '?' || before == U'…')
    return false;
  // The title's opening quote before `pos`, with no closing one between.
  int quotes = 0;
  bool opened = false;
  for (std::size_t at = from; at < pos; at += len) {
    const char32_t cp = decode_at(s, at, &len);
    if (open == '"') {
      quotes += cp == '"' ? 1 : 0;
    } else if (cp == open) {
      opened = true;
    } else if (cp == close) {
      opened = false;
    }
  }
  return open == '"' ? quotes % 2 == 1 : opened;
}

bool inside_caps_heading(std::string_view s, std::size_t pos) {
  constexpr int kMinLetters = 6;
  constexpr std::size_t kMaxLine = 200;  // bytes; a longer line is no heading
  // First the word after `pos`: a capital, and no lower-case letter after it (most candidates
  // stop here, "… end. The next …").
  std::size_t len = 0;
  std::size_t at = pos;
  while (at < s.size() && s[at] == ' ')
    ++at;
  if (at >= s.size() || !is_upper(decode_at(s, at, &len)))
    return false;
  if (at + len < s.size() && u_islower(uc(decode_at(s, at + len, &len))))
    return false;
  const auto [from, last] = short_line_around(s, pos, kMaxLine);
  if (last <= pos)
    return false;
  const char end = s[last - 1];
  if (end == '.' || end == '!' || end == '?' || end == ':' || end == ';')
    return false;
  int letters = 0;
  for (at = from; at < last; at += len) {
    const auto c = uc(decode_at(s, at, &len));
    if (u_islower(c))
      return false;
    letters += u_isalpha(c) ? 1 : 0;
  }
  return letters >= kMinLetters;
}

// Whether footnote marks at `at` are followed by a space and a capital: a note's beginning.
bool footnote_mark_opens(std::string_view s, std::size_t at) {
  std::size_t len = 0;
  const std::size_t from = at;
  while (at < s.size() && is_footnote_mark(decode_at(s, at, &len)))
    at += len;
  if (at == from || at + 1 >= s.size() || s[at] != ' ')
    return false;
  // A note opens with a word, a number or a number sign: "⁴ № 17 сұхбат, …", "² 12 May …".
  const char32_t first = decode_at(s, at + 1, &len);
  return is_upper(first) || u_isdigit(uc(first)) || first == U'№';
}

// A candidate break that ICU's rules leave out, after the terminator at byte `i` ('.', '!',
// '?' or '…'). Sets *run_end past the run of terminators and closing punctuation that starts
// there, and returns the start of the next sentence (after the white space), or npos. UAX #29
// proposes no break
//  - before a number followed by a lower-case word (SB8 looks past digits for a lower-case
//    letter): "in 2017. 2018 saw", "өтті. 2018 жылы", "2017 г. 25 января";
//  - before a dash (SB8a: the dash is SContinue), which opens a new line of dialogue when a
//    capital follows: "сказал он. — Кормили плохо.";
//  - after '…', which is not a sentence terminator in UAX #29, though "..." is.
// Whether the candidate stands is decided by keep_break like any other.
std::size_t missed_break(std::string_view s, std::size_t i, std::size_t* run_end, bool lower_writer,
                         std::size_t sentence_start) {
  const std::size_t n = s.size();
  std::size_t len = 0;
  std::size_t j = i;
  char32_t last = 0;
  while (j < n) {
    char32_t cp = decode_at(s, j, &len);
    if (is_terminator(cp)) {
      last = cp;
    } else if (!is_closer(cp)) {
      break;
    }
    j += len;
  }
  *run_end = j;
  // A reference set against the full stop, "… in 2019.[12] The next …": UAX #29 counts '[' as
  // closing punctuation (Close) and breaks after it, in the middle of the reference; the next
  // sentence starts after the reference.
  // So with several references in a row: "….[12][13] The next …".
  std::size_t refs_end = j;
  for (constexpr std::size_t kMaxReference = 12; refs_end < n && s[refs_end] == '[';) {
    const std::size_t close = s.find(']', refs_end);
    if (close == std::string_view::npos || close - refs_end > kMaxReference
        || !is_reference(s.substr(refs_end + 1, close - refs_end - 1))) {
      break;
    }
    refs_end = close + 1;
  }
  if (refs_end > j) {
    std::size_t next = refs_end;
    while (next < n && is_space(decode_at(s, next, &len)))
      next += len;
    if (next > refs_end && next < n
        && (is_upper(decode_at(s, next, &len)) || u_isdigit(uc(decode_at(s, next, &len))))) {
      *run_end = refs_end;
      return next;
    }
  }
  std::size_t k = j;
  while (k < n && is_space(decode_at(s, k, &len)))
    k += len;
  if (k == j || k == n)
    return std::string_view::npos;
  const std::size_t begin = k;
  // A list item after a full stop: "… officials. (b) Publish …" (keep_break looks past the marker).
  if (after_list_marker(s, begin) != std::string_view::npos)
    return begin;
  // A press release's end mark after its last sentence ("… former citizens held. -ENDS-",
  // «… под стражей. -КОНЕЦ-», "###"): UAX #29 reads the hyphen as continuing the sentence.
  if (is_end_mark(s.substr(begin)))
    return begin;
  // A web address after a sentence's end, which SB8 reads as a lower-case word: «… 20 мың
  // қолтаңба. https://example.org/… сілтемесі арқылы …» (keep_break lets it open a sentence).
  if (starts_web_address(s, s.substr(begin)))
    return begin;
  // A note in brackets after the sentence's end, and a capital after it: the next sentence
  // starts after the note when the note belongs to the sentence before (leading_note_end: "…
  // by which court... [inaudible] A (Mr. O.): …"), else at the note ("… where. [crossed out]
  // Some of us …"). (A note with a full stop inside is a sentence of its own.)
  if (const std::size_t note = opening_note_end(s, begin, n); note != begin && note < n) {
    return leading_note_end(s, begin, n, trails_off(s, j)) == note
                   && !opens_with_reference(s, sentence_start)
               ? note + 1
               : begin;
  }
  // A note that ends the paragraph after a sentence that ended in full is a sentence of its own,
  // as a line: "… about 300 of us. [crowd noise]". After speech that trails off it goes back
  // ("… by which court... [inaudible]").
  if (closing_note(s, begin, n) && !trails_off(s, j))
    return begin;
  bool dash = false;
  if (std::size_t dash_len = 0; is_dash(decode_at(s, k, &dash_len))) {
    std::size_t after = k + dash_len;
    while (after < n && is_space(decode_at(s, after, &len)))
      after += len;
    if (after > k + dash_len && after < n) {  // a dash with a space after it, not "-5"
      dash = true;
      k = after;
    }
  }
  char32_t cp = 0;
  while (k < n && is_opener(cp = decode_at(s, k, &len)))
    k += len;
  if (k == n)
    return std::string_view::npos;
  // A table of contents' leader and page number: "2.3 Missing persons database … 17", the
  // number alone at the paragraph's end.
  if (last == 0x2026 && !dash && begin == k) {
    std::size_t e = k;
    while (e < n && s[e] >= '0' && s[e] <= '9')
      ++e;
    if (e > k && e == n)
      return std::string_view::npos;
  }
  if (u_isdigit(uc(cp)))
    return begin;
  // A footnote mark after a space opens the next note of a list of notes (keep_break looks
  // past it): «… 14 марта 2020 г. ² Интервью № 36 …».
  if (footnote_mark_opens(s, k))
    return begin;
  if (u_charType(uc(cp)) == U_CURRENCY_SYMBOL && k + len < n
      && u_isdigit(uc(decode_at(s, k + len, &len)))) {
    return begin;  // "$5 million", "₸500"
  }
  if (number_after_sign(s, k) != std::string_view::npos)
    return begin;  // «№ 2 диаграммаға …», "#3 on the list …"
  if ((dash || last == 0x2026) && is_upper(cp))
    return begin;
  // A writer who starts the paragraph in lower case starts sentences so too ("… at work. so this
  // morning …"); speech that trails off goes on ("it's mum again... i know").
  if (lower_writer && !dash && u_islower(uc(cp)) && last != 0x2026
      && s.substr(i, j - i).find("..") == std::string_view::npos && !quote_in(s.substr(i, j - i))) {
    return begin;
  }
  return std::string_view::npos;
}

// Whether the paragraph opens with a word in lower case (after white space, opening quotes and
// brackets): a writer of chat messages or a voice message's transcript who does not capitalise
// ("hello my dear, it's mum again..."). A paragraph that opens with a number or a bullet ("– 1
// tsp. dry yeast") says nothing about it, and when a number opens a label of a message's date
// or time, what counts is the first word after the label's colon ("3 June, 9:14 p.m.: hello my
// son... can you hear me? the line is bad"; after a colon a lower-case word is the rule in all
// three languages, so this only tells inside such a paragraph, at a full stop, '?' or '!').
bool writes_lower_case(std::string_view s) {
  constexpr std::size_t kMaxLabel = 48;
  std::size_t len = 0;
  for (std::size_t at = 0; at < s.size(); at += len) {
    const char32_t cp = decode_at(s, at, &len);
    if (is_space(cp) || is_opener(cp))
      continue;
    if (u_islower(uc(cp)))
      return true;
    if (!u_isdigit(uc(cp)))
      return false;
    // A date's or a time's label: ": " within kMaxLabel bytes, with no sentence's end before it,
    // or a time stamp in brackets ("[08:12] assalaumagaleikum, balam... are you still …").
    auto sentence_end_before = [&](std::size_t end) {
      for (std::size_t k = at; k + 1 < end; ++k) {
        if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && s[k + 1] == ' ')
          return true;
      }
      return false;
    };
    std::size_t label_end = std::string_view::npos;
    if (const std::size_t colon = s.substr(0, at + kMaxLabel).find(": ", at);
        colon != std::string_view::npos && !sentence_end_before(colon)) {
      label_end = colon + 2;
    } else if (const std::size_t close = s.substr(0, at + kMaxLabel).find("] ", at);
               at > 0 && s[at - 1] == '[' && close != std::string_view::npos
               && !sentence_end_before(close)) {
      label_end = close + 2;
    }
    if (label_end == std::string_view::npos)
      return false;
    // The first word after it with a lower-case letter: words in capitals are shouted ("[09:31]
    // Saule: SHE IS HERE!!! she is so thin") and English "I" is always a capital ("[08:15] I'm
    // not crying, don't think that. took my pills …"): neither says anything about it.
    constexpr int kMaxShouted = 8;
    std::size_t after = label_end;
    for (int word = 0; word <= kMaxShouted && after < s.size(); ++word) {
      std::size_t end = after;
      char32_t first_letter = 0;
      bool lower = false;
      for (; end < s.size(); end += len) {
        const char32_t c = decode_at(s, end, &len);
        if (is_space(c))
          break;
        if (first_letter == 0 && u_isalpha(uc(c)))
          first_letter = c;
        lower = lower || u_islower(uc(c));
      }
      const std::string_view w = s.substr(after, end - after);
      const bool english_i = w == "I" || w.starts_with("I'") || w.starts_with("I\u2019");
      if (lower && !english_i)
        return u_islower(uc(first_letter)) != 0;
      after = end;
      while (after < s.size() && is_space(decode_at(s, after, &len)))
        after += len;
    }
    return false;
  }
  return false;
}

// Whether [start, pos) ends with a question or an exclamation in quotes: `… certificates?" `.
bool quoted_question_before(std::string_view s, std::size_t start, std::size_t pos) {
  std::size_t end = pos;
  std::size_t at = 0;
  while (end > start && is_space(decode_before(s, end, &at)))
    end = at;
  bool quote = false;
  while (end > start && is_quote_mark(decode_before(s, end, &at))) {
    quote = true;
    end = at;
  }
  if (!quote || end <= start)
    return false;
  const char32_t mark = decode_before(s, end, &at);
  return mark == '?' || mark == '!';
}

// Whether `next_word` (the word at `pos`, after an ellipsis) says again the one word of the
// sentence that began at `start`, after its dash or quote: "Papa... Papa, …".
bool stammer_at(std::string_view s, std::size_t start, std::size_t pos,
                std::string_view next_word) {
  if (next_word.empty())
    return false;
  std::size_t end = pos;
  std::size_t back = 0;
  while (end > start && is_space(decode_before(s, end, &back)))
    end = back;
  const std::size_t word_start = token_start_before(s, start, end);
  std::size_t opening = start;  // the sentence's first word, after its dash or quote
  while (opening < word_start
         && (is_space(decode_at(s, opening, &back)) || is_dash(decode_at(s, opening, &back))))
    opening += back;
  if (opening != word_start)
    return false;
  std::string_view last = without_openers(s.substr(word_start, end - word_start));
  while (!last.empty() && (last.back() == '.' || last.ends_with("…")))
    last.remove_suffix(last.back() == '.' ? 1 : std::string_view("…").size());
  return !last.empty() && lower_first(last) == lower_first(next_word);
}

// Whether `t` holds a label's count that a comma closes, ": 12,": a tally so far.
bool counted_before(std::string_view t) {
  for (std::size_t c = t.find(':'); c != std::string_view::npos; c = t.find(':', c + 1)) {
    std::size_t at = c + 1;
    while (at < t.size() && t[at] == ' ')
      ++at;
    const std::size_t digits = at;
    while (at < t.size() && t[at] >= '0' && t[at] <= '9')
      ++at;
    if (at > digits && at < t.size() && t[at] == ',')
      return true;
  }
  return false;
}

}  // namespace

class SegmenterImpl {
 public:
  SegmenterImpl(std::string lang, RuleSet rules, std::unique_ptr<icu::BreakIterator> prototype)
      : lang_(std::move(lang)), rules_(std::move(rules)), prototype_(std::move(prototype)) {}

  std::vector<core::Span> split(std::string_view text) const;

 private:
  // What one split() call needs for itself: a break iterator (not thread-safe) and the UTF-16
  // buffer. Cloning an iterator costs about as much as splitting a short paragraph, so split()
  // borrows a Worker from a small pool under a mutex instead.
  struct Worker {
    std::unique_ptr<icu::BreakIterator> iterator;
    std::unique_ptr<UChar[]> utf16;  // not a vector: growing it must not zero-fill
    std::size_t capacity = 0;        // of utf16, in UTF-16 units
  };
  std::unique_ptr<Worker> acquire() const;
  void release(std::unique_ptr<Worker> worker) const;

  // Whether the ICU break at `pos` (start of the next sentence) stands. `start` is where the
  // current sentence began.
  bool keep_break(std::string_view s, std::size_t start, std::size_t pos, bool lower_writer) const;
  // Whether the text before `pos` ends a sentence by its punctuation alone: '!' or '?', or a
  // full stop after a word that is no abbreviation or initial (not an ellipsis).
  bool plain_end_before(std::string_view s, std::size_t start, std::size_t pos) const;
  // Whether the text before `pos` ends with a listed abbreviation, brackets and quotes closing
  // after it or not: "(24 б.)".
  bool abbreviation_before(std::string_view s, std::size_t start, std::size_t pos) const;
  bool is_label(std::string_view sentence) const;
  bool is_abbreviation_label(std::string_view sentence) const;
  // Whether the text from `pos` to its next terminator is a short attribution: two to four
  // words, the last a `speech` verb ("Dr. Kaliyev asked.").
  bool attribution_at(std::string_view s, std::size_t pos) const;
  // Whether `rest`, after a dash that follows a quotation, is only the quotation's source and
  // ends the paragraph: "— Gulnara S., Almaty, 2023".
  bool source_ends_paragraph(std::string_view rest) const;
  // Whether `word` is a number written in words, cardinal or ordinal ("seven", «седьмая»,
  // «жетінші»; core::read_numbers), not a month's name or a time.
  bool is_number_word(std::string_view word) const;
  // Whether `next`, a word that starts with a digit, is a number followed by a `numstart` word
  // ("2018 год", "25 января", "2019 жылы", "2019-жылы").
  bool opens_with_date(std::string_view s, const NextWord& next) const;
  // Whether the word that ends at `end` (after `start`) is a number written in words
  // ("twenty", «двадцати», «жиырма»; core::read_numbers), not a month's name.
  bool number_word_before(std::string_view s, std::size_t start, std::size_t end) const;
  // Whether `next`, a number, is followed by a listed abbreviation ("200 тыс.", "30 сек.").
  bool abbreviation_follows(std::string_view s, const NextWord& next) const;
  // Whether `next`, a number, is a numbered label ("3. ") with a capitalised word after it.
  bool starts_numbered_item(std::string_view s, const NextWord& next) const;

  std::string lang_;  // primary subtag: which number words core::read_numbers reads
  RuleSet rules_;
  std::unique_ptr<icu::BreakIterator> prototype_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Worker>> pool_;
};

std::unique_ptr<SegmenterImpl::Worker> SegmenterImpl::acquire() const {
  {
    std::lock_guard lock(mutex_);
    if (!pool_.empty()) {
      auto worker = std::move(pool_.back());
      pool_.pop_back();
      return worker;
    }
  }
  auto worker = std::make_unique<Worker>();
  worker->iterator.reset(prototype_->clone());
  return worker;
}

void SegmenterImpl::release(std::unique_ptr<Worker> worker) const {
  constexpr std::size_t kMaxPooled = 64;
  constexpr std::size_t kMaxKeptBuffer = 1 << 20;  // UTF-16 units; don't hoard a 10 MB buffer
  if (worker->capacity > kMaxKeptBuffer) {
    worker->utf16.reset();
    worker->capacity = 0;
  }
  std::lock_guard lock(mutex_);
  if (pool_.size() < kMaxPooled)
    pool_.push_back(std::move(worker));
}

namespace {

// What follows a time of day or a time range that opens a programme's line ("09:30 Panel I.",
// "12:30–14:00 Panel II."), or "" when `s` does not open with one.
std::string_view after_time_of_day(std::string_view s) {
  std::size_t at = 0;
  std::size_t len = 0;
  bool colon = false;
  while (at < s.size()) {
    const char32_t cp = decode_at(s, at, &len);
    if (cp == ' ')
      break;
    if (cp == ':')
      colon = true;
    else if (!(cp >= '0' && cp <= '9') && !is_dash(cp) && cp != '-')
      return {};
    at += len;
  }
  if (!colon || at == s.size() || s.front() < '0' || s.front() > '9')
    return {};
  return s.substr(at + 1);
}

// Whether `t` is a dateline's place, a town in capitals and its region: "КАРАКЕМЕР,
// Алматинская обл.", "TALDYKORGAN, Almaty reg." (then a dash and the story).
bool is_dateline_place(std::string_view t) {
  constexpr std::size_t kMaxBytes = 80;
  const std::size_t comma = t.find(", ");
  if (comma == std::string_view::npos || comma < 2 || t.size() > kMaxBytes)
    return false;
  std::size_t letters = 0;
  std::size_t len = 0;
  for (std::size_t at = 0; at < comma; at += len) {
    const char32_t cp = decode_at(t, at, &len);
    if (u_isalpha(uc(cp)) && !is_upper(cp))
      return false;
    letters += u_isalpha(uc(cp)) ? 1 : 0;
  }
  return letters >= 3 && std::count(t.begin(), t.end(), ' ') <= 4;
}

// The words of `t`, split at spaces.
std::vector<std::string_view> words(std::string_view t) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < t.size();) {
    std::size_t space = t.find(' ', at);
    if (space == std::string_view::npos)
      space = t.size();
    if (space > at)
      out.push_back(t.substr(at, space - at));
    at = space + 1;
  }
  return out;
}

// Whether `t` (a candidate sentence up to an abbreviation's full stop) is only a date or time
// label: a number in it and at most six words ("21 May 2018, approx. 11 p.m.", «4 марта 2021
// г.», «[Июнь 2018 г.]»).
bool is_date_label(std::string_view t) {
  constexpr std::size_t kMaxWords = 6;
  std::vector<std::string_view> w = words(t);
  // A range of two dates counts as one: «Март 2018 г. – июль 2019 г. — Сауле пишет …». A
  // slash between two places is not a word: «Женева / Алматы, 9 апреля 2025 г. — В четверг …».
  std::erase(w, std::string_view("/"));
  std::size_t len = 0;
  const std::size_t dashes = std::erase_if(w, [&](std::string_view x) {
    return is_dash(decode_at(x, 0, &len)) && len == x.size();
  });
  return !w.empty() && w.size() <= kMaxWords + (dashes > 0 ? 2 : 0)
         && std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `rest` (after a dash) is only an abbreviated signature that ends the paragraph: "Ed.",
// «Ред.», «Прим. пер.»: one or two listed abbreviations, the first capitalised, nothing after
// («— Да.» is a reply).
bool signature_ends_paragraph(const RuleSet& rules, std::string_view rest) {
  constexpr std::size_t kMaxSignature = 24;  // bytes: «Прим. пер.» is 17
  const std::vector<std::string_view> w = words(rest);
  std::size_t len = 0;
  return !w.empty() && w.size() <= 2 && rest.size() <= kMaxSignature
         && is_upper(decode_at(w.front(), 0, &len))
         && std::all_of(w.begin(), w.end(), [&](std::string_view word) {
              return word.back() == '.' && find_abbreviation(rules, word) != nullptr;
            });
}

// Whether the sentence [start, end) (no white space at its end) ends with a quotation, its
// closing mark last or before the sentence's terminator: `… him."`, «… ответить».», «…
// ответить»».
bool quotation_ends_before(std::string_view s, std::size_t start, std::size_t end) {
  std::size_t at = end;
  std::size_t prev = 0;
  if (at > start && is_terminator(static_cast<unsigned char>(s[at - 1])))
    --at;
  if (at <= start)
    return false;
  const char32_t last = decode_before(s, at, &prev);
  return is_quote_mark(last) && is_closer(last);
}

// Whether the dash at `pos`, after a space and the sentence [start, end) that a question or an
// exclamation ends, closes a pair of spaced dashes that one after a word opened earlier in the
// sentence (a dash that opens the sentence, a line of dialogue's, does not count, nor one after
// a subtitle's time: "00:01:12,500 --> 00:01:15,000 - When …? - On 14 Oct. …"): "… into my hand
// — a spool? a button? — I never found out".
bool closes_dash_pair(std::string_view s, std::size_t start, std::size_t end, std::size_t pos) {
  const std::size_t at = end;
  if (at == pos || at <= start || (s[at - 1] != '?' && s[at - 1] != '!'))
    return false;
  const std::size_t low = std::max(start, pos > kBracketWindow ? pos - kBracketWindow : 0);
  std::size_t dashes = 0;
  std::size_t len = 0;
  for (std::size_t i = low + 2; i + 1 < at; i += len) {
    const char32_t cp = decode_at(s, i, &len);
    std::size_t word = 0;
    if (is_dash(cp) && s[i - 1] == ' ' && i + len < s.size() && s[i + len] == ' '
        && u_isalpha(uc(decode_before(s, i - 1, &word)))) {
      ++dashes;
    }
    if (len == 0)
      break;
  }
  return dashes % 2 == 1;
}

}  // namespace

// A capitalised abbreviation and a number, all of a sentence: «П. 1.» (пункт), «Поз. 2.»
// (its lower-case form is listed; a single capital is otherwise an initial). A label when a
// capitalised word follows («П. 1. Протокол …»); before a number it is a reference's page
// («… Алматы, 2023. С. 22. 4. Абенова …»).
bool SegmenterImpl::is_abbreviation_label(std::string_view s) const {
  if (s.size() > 16 || !s.ends_with('.'))
    return false;
  s.remove_suffix(1);
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos)
    return false;
  const std::string_view first = s.substr(0, space), second = s.substr(space + 1);
  std::size_t len = 0;
  return first.size() > 1 && first.back() == '.' && is_upper(decode_at(first, 0, &len))
         && is_ascii_digits(second) && rules_.abbreviations.contains(lower_first(first));
}

// "1.", "2.3.", "IV.", "a)", "(b)", "Article 5.", "Статья 12", "5-бап.", "1-бап", "§ 4.",
// "II панель.".
// A number of a heading or a table: "5", "3.2", or a section letter before it, "B.1", «Б.1»
// (a table in annex B).
bool is_heading_number(std::string_view s) {
  if (is_ascii_digits(s) || is_section_number(s))
    return true;
  std::size_t len = 0;
  return !s.empty() && is_upper(decode_at(s, 0, &len)) && len + 1 < s.size() && s[len] == '.'
         && is_section_number(s.substr(len + 1));
}

// Where a field's label of one to three words that starts at `at` ends (past its colon and the
// space after it), or npos: "Date: ", «Рабочие языки: », «Место проведения: ». The first word
// capitalised, the others in lower case.
std::size_t field_label_end(std::string_view s, std::size_t at) {
  constexpr int kMaxWords = 3;
  std::size_t len = 0;
  if (at >= s.size() || !is_upper(decode_at(s, at, &len)))
    return std::string_view::npos;
  for (int words = 1; words <= kMaxWords; ++words) {
    std::size_t i = at;
    while (i < s.size() && s[i] != ' ' && s[i] != ':') {
      const char32_t cp = decode_at(s, i, &len);
      if (!u_isalpha(uc(cp)) && cp != '-')
        return std::string_view::npos;
      i += len;
    }
    if (i + 1 < s.size() && s[i] == ':' && s[i + 1] == ' ')
      return i + 2;
    if (i >= s.size() || i + 1 >= s.size() || !u_islower(uc(decode_at(s, i + 1, &len))))
      return std::string_view::npos;
    at = i + 1;
  }
  return std::string_view::npos;
}

// A programme's time or time range before its heading: "9.45–11.00", "14:00", "9:45-11:00".
bool is_time_range(std::string_view s) {
  std::size_t len = 0;
  bool separator = false;
  for (std::size_t i = 0; i < s.size(); i += len) {
    const char32_t cp = decode_at(s, i, &len);
    if (cp == ':' || cp == '.') {
      separator = true;
    } else if (!(cp >= '0' && cp <= '9') && !is_dash(cp)) {
      return false;
    }
  }
  return separator && s.front() >= '0' && s.front() <= '9' && s.back() >= '0' && s.back() <= '9';
}

bool SegmenterImpl::is_label(std::string_view s) const {
  if (s.size() > 48)
    return false;
  // A checklist's box before the item's number: "[ ] 1.", "[x] 2.", "☐ 3.".
  for (const std::string_view box : {"[ ] ", "[x] ", "[X] ", "\u2610 ", "\u2611 ", "\u2612 "}) {
    if (s.starts_with(box) && s.size() > box.size()) {
      s.remove_prefix(box.size());
      break;
    }
  }
  // A programme's entry: its time, then the heading word and its number ("9.45–11.00 Сессия 1.").
  if (const std::size_t space = s.find(' ');
      space != std::string_view::npos && is_time_range(s.substr(0, space)) && space + 1 < s.size()
      && s.substr(space + 1).find(' ') != std::string_view::npos) {
    s.remove_prefix(space + 1);
  }
  // A note's label word: "Note.", «Примечание.», «Ескерту.» (`label`).
  if (s.size() > 1 && s.back() == '.' && rules_.labels.contains(s.substr(0, s.size() - 1)))
    return true;
  if (!s.empty() && (s.back() == '.' || s.back() == ')'))
    s.remove_suffix(1);
  if (!s.empty() && s.front() == '(')
    s.remove_prefix(1);
  if (is_section_number(s) || is_roman(s) || is_single_letter(s) || is_time_stamp(s))
    return true;
  // A lettered item's code in capitals of any script: "R1." (recommendation 1), "Q3.", "A2.1.",
  // an interview record's «С1.» / «Ж1.» (сұрақ, жауап), «В1.» / «О1.» (вопрос, ответ).
  std::size_t letters = 0;
  std::size_t len = 0;
  for (int n = 0; n < 2 && letters < s.size() && is_upper(decode_at(s, letters, &len)); ++n)
    letters += len;
  if (letters > 0 && letters < s.size() && is_section_number(s.substr(letters)))
    return true;
  if (std::size_t space = s.find(' '); space != std::string_view::npos) {
    const std::string_view first = s.substr(0, space), second = s.substr(space + 1);
    // A heading word and its number, Roman numeral or capital letter: "Article 5.", "Part II.",
    // "Part A.", «Часть Б.».
    std::size_t len2 = 0;
    // Or the number in words: "Chapter Seven.", «Глава седьмая.».
    if (rules_.headings.contains(first)
        && (is_heading_number(second) || is_roman(second) || is_number_word(second)
            || (is_single_letter(second) && is_upper(decode_at(second, 0, &len2))))) {
      return true;
    }
    // Kazakh puts the number or the letter first: «А кестесі.» (table A), «2 кесте.», «II панель.»,
    // «Жетінші тарау.».
    return rules_.headings.contains(second)
           && (is_ascii_digits(first) || is_single_letter(first) || is_roman(first)
               || is_number_word(first));
  }
  if (std::size_t dash = s.find('-'); dash != std::string_view::npos) {
    return is_heading_number(s.substr(0, dash)) && rules_.headings.contains(s.substr(dash + 1));
  }
  return false;
}

bool SegmenterImpl::opens_with_date(std::string_view s, const NextWord& next) const {
  if (next.word_case != WordCase::kDigit || rules_.numstarts.empty())
    return false;
  if (std::size_t hyphen = next.word.rfind('-'); hyphen != std::string_view::npos)
    return rules_.numstarts.contains(next.word.substr(hyphen + 1));
  std::size_t after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
  if (after >= s.size() || s[after] != ' ')
    return false;
  NextWord word = next_word(s, after + 1);
  return word.word_case == WordCase::kLower && rules_.numstarts.contains(word.word);
}

bool SegmenterImpl::starts_numbered_item(std::string_view s, const NextWord& next) const {
  if (next.word_case != WordCase::kDigit)
    return false;
  const std::size_t item = after_numbered_label(s, static_cast<std::size_t>(next.word.data() - s.data()));
  return item != std::string_view::npos && next_word(s, item).word_case == WordCase::kUpper;
}

bool SegmenterImpl::abbreviation_follows(std::string_view s, const NextWord& next) const {
  std::size_t after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
  if (after >= s.size() || s[after] != ' ')
    return false;
  NextWord word = next_word(s, after + 1);
  if (word.word.empty())
    return false;
  std::size_t end = static_cast<std::size_t>(word.word.data() - s.data()) + word.word.size();
  if (end >= s.size() || s[end] != '.')
    return false;
  return find_abbreviation(rules_, s.substr(end - word.word.size(), word.word.size() + 1));
}

bool SegmenterImpl::plain_end_before(std::string_view s, std::size_t start, std::size_t pos) const {
  std::size_t end = pos;
  std::size_t at = 0;
  while (end > start) {
    const char32_t cp = decode_before(s, end, &at);
    if (is_quote_mark(cp))
      return false;  // a quotation's end: «"Әкем қайда?" деген жазуы», as `"Why?" she asked`
    if (!is_space(cp) && !is_closer(cp))
      break;
    end = at;
  }
  if (end <= start)
    return false;
  const char last = s[end - 1];
  if (last == '!' || last == '?')
    return true;
  if (last != '.' || (end >= start + 2 && s[end - 2] == '.'))
    return false;
  const std::size_t token_start = token_start_before(s, start, end);
  const std::string_view token = without_openers(s.substr(token_start, end - token_start));
  return token.size() > 2 && find_abbreviation(rules_, token) == nullptr && !is_initials(token);
}

bool SegmenterImpl::abbreviation_before(std::string_view s, std::size_t start, std::size_t pos) const {
  const std::size_t end = end_before_closers(s, start, pos);
  if (end <= start || s[end - 1] != '.')
    return false;
  const std::size_t token_start = token_start_before(s, start, end);
  return find_abbreviation(rules_, without_openers(s.substr(token_start, end - token_start))) != nullptr;
}

bool SegmenterImpl::number_word_before(std::string_view s, std::size_t start,
                                       std::size_t end) const {
  const std::size_t begin = token_start_before(s, start, end);
  return begin < end && is_number_word(s.substr(begin, end - begin));
}

bool SegmenterImpl::is_number_word(std::string_view word) const {
  if (word.empty() || (word.front() >= '0' && word.front() <= '9'))
    return false;
  const std::vector<core::NumberToken> numbers = core::read_numbers(word, lang_);
  return numbers.size() == 1 && numbers[0].span.begin == 0 && numbers[0].span.end == word.size()
         && !numbers[0].value.starts_with("month:") && !numbers[0].value.starts_with("time:");
}

bool SegmenterImpl::source_ends_paragraph(std::string_view rest) const {
  constexpr std::size_t kMaxWords = 8;
  constexpr std::size_t kMaxBytes = 100;
  const std::vector<std::string_view> w = words(rest);
  std::size_t len = 0;
  if (w.empty() || w.size() > kMaxWords || rest.size() > kMaxBytes
      || !is_upper(decode_at(w.front(), 0, &len)) || rest.find_first_of("?!") != std::string_view::npos) {
    return false;
  }
  for (std::size_t at = 0; at < rest.size(); at += len) {  // no quotation of its own
    if (is_quote_mark(decode_at(rest, at, &len)))
      return false;
  }
  return std::all_of(w.begin(), w.end(), [&](std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';'))
      word.remove_suffix(1);
    return word.find('.') == std::string_view::npos || is_initials(word)
           || (word.back() == '.' && find_abbreviation(rules_, word) != nullptr);
  });
}

bool SegmenterImpl::attribution_at(std::string_view s, std::size_t pos) const {
  constexpr int kMaxWords = 4;
  if (rules_.speech.empty())
    return false;
  int words = 0;
  for (std::size_t at = pos; at < s.size() && words < kMaxWords;) {
    while (at < s.size() && s[at] == ' ')
      ++at;
    const std::size_t space = std::min(s.find(' ', at), s.size());
    const std::string_view word = s.substr(at, space - at);
    at = space;
    if (word.empty() || word.find_first_of("\"«»“”,;:!?") != std::string_view::npos)
      return false;
    ++words;
    if (word.back() != '.')
      continue;
    // A title or an initial inside the attribution ("Dr. Kaliyev asked."), else its end.
    if (find_abbreviation(rules_, word) != nullptr || is_initials(word))
      continue;
    return words >= 2 && rules_.speech.contains(word.substr(0, word.size() - 1));
  }
  return false;
}

bool SegmenterImpl::keep_break(std::string_view s, std::size_t start, std::size_t pos,
                               bool lower_writer) const {
  // A list item's marker ("(b) Publish …", «ә) Сыртқы …») is not its first word: the word after
  // it is (UAX #29 sees the lower-case label and never breaks before it).
  // Nor is a note in brackets that opens it ("[laughter] Yes, …"; opening_note_end).
  const std::size_t item = after_list_marker(s, pos);
  const std::size_t note = opening_note_end(s, pos, s.size());
  NextWord next = next_word(s, item != std::string_view::npos ? item : note != pos ? note + 1 : pos);
  // After a note that opens the candidate, a lower-case word is the next sentence's when the
  // sentence before ended in full, as for a writer who does not capitalise: Kazakh puts the
  // footnote's letter first («… хабарлаған. [a] белгісі қойылған сандар …»).
  const bool lower_ok = lower_writer || note != pos;
  // A sentence does not begin with a lower-case letter; UAX #29 (SB8) already joins after '.',
  // this extends it to '?', '!' and closing quotes: `"Why?" she asked`.
  // (A web address is written in lower case wherever it stands: "… help? https://example.org
  // lists …"; and so is every sentence of a writer who does not capitalise: writes_lower_case.)
  // (A note that ends the paragraph after a full stop stands alone whatever its case
  // (closing_note: "… about 300 of us. [crowd noise]", «… 300 человек. (аплодисменты)»), and so
  // does one in square brackets after a question; a lower-case remark in round brackets after a
  // question or an exclamation is the sentence's own: "How will you protect them? (max. 100
  // words)", "And what about the camps? (inaudible)".)
  if ((next.word_case == WordCase::kLower
       && !(starts_web_address(s, next.word) && !abbreviation_before(s, start, pos))
       && !(lower_ok && plain_end_before(s, start, pos))
       && !(closing_note(s, pos, s.size()) && !trails_off(s, pos)
            && (s[pos] == '[' || ends_with_full_stop(s, start, pos))))
      || roman_month_after_day(s, pos)) {
    return false;
  }
  // A short attribution that a verb of saying ends goes with the quoted question or exclamation
  // before it: "\"Does the service expect a camp to issue certificates?\" Dr. Kaliyev asked."
  if (next.word_case == WordCase::kUpper && quoted_question_before(s, start, pos)
      && attribution_at(s, pos))
    return false;
  // A reference in brackets after a full stop and before a capital opens the next note of a
  // list of notes, after an abbreviation too: "[2] … 11 февр. 2020 г. [3] Уведомление суда …".
  if (note != pos && s[pos] == '[' && is_reference(s.substr(pos + 1, note - pos - 2))
      && next.word_case == WordCase::kUpper && pos >= start + 2 && s[pos - 1] == ' '
      && s[pos - 2] == '.') {
    return true;
  }
  // So does a footnote mark after a space: «… 14 марта 2020 г. ² Интервью № 36 …».
  if (pos >= start + 2 && s[pos - 1] == ' ' && s[pos - 2] == '.' && footnote_mark_opens(s, pos))
    return true;
  // A bracket after a quotation that the sentence's full stop follows goes with the sentence
  // that quotes: a title's place and year, a quotation's translation («… «Well of my father,
  // what have you seen?» («Колодец отца моего …?»).», «… книги «…, 1860–1962 гг.» (Алматы,
  // 2021).»).
  if (std::size_t len = 0; pos >= start + 2 && pos < s.size() && s[pos] == '(' && s[pos - 1] == ' '
                           && is_quote_mark(decode_before(s, pos - 1, &len))
                           && is_closer(decode_before(s, pos - 1, &len))) {
    bool full_stop = false;
    const std::size_t close = bracket_close(s, pos + 1, 1, &full_stop);
    // (A quotation inside may end in its own mark: the bracket is still a gloss.)
    if (close != std::string_view::npos
        && (!full_stop || is_quote_mark(decode_at(s, pos + 1, &len))) && terminator_after(s, close))
      return false;
  }
  // A heading in capitals is one sentence: "SCENE 1. KITCHEN, MORNING".
  if (inside_caps_heading(s, pos) || inside_quoted_title_line(s, pos))
    return false;
  // Nor with a slash written against the full stop: "Tel./WhatsApp: +7 …", «Тел./факс».
  if (pos > 0 && s[pos - 1] == '.' && pos < s.size() && s[pos] == '/')
    return false;
  // Nor inside a code, a full stop between a digit and a letter in a word that is more than a
  // number: a German court's file number "7 K 1184/23.A" (a number alone before it is a typo's
  // missing space: "It closed in 1998.I was not there.").
  if (std::size_t len = 0; pos >= 2 && s[pos - 1] == '.' && s[pos - 2] >= '0' && s[pos - 2] <= '9'
                           && pos < s.size() && u_isalnum(uc(decode_at(s, pos, &len)))) {
    constexpr std::size_t kMaxCode = 64;  // (a bound: the scan back stays linear)
    std::size_t word = pos - 1;
    while (word > start && pos - word < kMaxCode && s[word - 1] != ' ')
      --word;
    if (!is_ascii_digits(s.substr(word, pos - 1 - word)))
      return false;
  }
  // No sentence begins with a comma, semicolon or colon: «… с надписью «Где мой отец?»;
  // полиция …».
  if (std::size_t at = pos; at < s.size()) {
    while (at < s.size() && s[at] == ' ')
      ++at;
    if (at < s.size() && (s[at] == ',' || s[at] == ';' || s[at] == ':'))
      return false;
  }
  // The first word said again after an ellipsis is a stammer, not a new sentence: "Papa...
  // Papa, you're so thin!", «— Мен... Мен білмеймін». (Later in a sentence a repeated word
  // may well open the next one: «Он ждал… Ждал долго.».)
  if (trails_off(s, pos) && stammer_at(s, start, pos, next.word))
    return false;
  // A slash after a full stop separates the lines of a verse quoted in running text ("… to our
  // door. / And if they silence me …"): the quotation goes on.
  if (pos + 1 < s.size() && s[pos] == '/' && s[pos + 1] == ' ')
    return false;
  if (cuts_bracket(s, start, pos, lower_ok))
    return false;
  // A dash after a full stop inside a bracket gives the note's author: "(… округе КНР. — Прим.
  // ред.)". Dialogue does not run inside brackets. Nor is a signature that ends the paragraph
  // a line of dialogue: "… changed at their request. — Ed.", «… өзгертілді. – Ред.».
  // The end of the current sentence's text, without trailing white space.
  std::size_t end = pos;
  std::size_t cp_start = 0;
  while (end > start && is_space(decode_before(s, end, &cp_start)))
    end = cp_start;
  if (std::size_t len = 0; pos < s.size() && is_dash(decode_at(s, pos, &len))) {
    bool full_stop = false;
    const int depth = open_brackets(s, start, pos);
    if (depth > 0 && bracket_close(s, pos, depth, &full_stop) != std::string_view::npos)
      return false;
    if (signature_ends_paragraph(rules_, s.substr(pos + len)))
      return false;
    // Nor is a quotation's source after it ("… what to tell him." — Gulnara S., Almaty, 2023",
    // «… не айтарымды білмеймін». – Гүлнар С., Алматы, 2023 ж.»): a reply would end in its
    // own mark.
    if (quotation_ends_before(s, start, end) && source_ends_paragraph(s.substr(pos + len)))
      return false;
    // Nor does a dash after a question or an exclamation open anything when it closes the pair
    // of dashes around them: "… into my hand — a spool? a button? — I never found out …".
    if (closes_dash_pair(s, start, end, pos))
      return false;
  }

  if (end == start)
    return true;
  // A questionnaire's answer boxes belong to their question: "2. How are you related to him?
  // ☐ parent ☐ spouse ☐ other". (After a full stop a box opens a checklist's next item.)
  if (std::size_t box = 0; pos < s.size() && is_ballot_box(decode_at(s, pos, &box))
                           && (s[end - 1] == '?' || s[end - 1] == ':')) {
    return false;
  }
  // A label, also after the time that opens a programme's line ("12:30–14:00 Panel II.
  // Language, schooling and the family").
  if (const std::string_view candidate = s.substr(start, end - start);
      is_label(candidate) || is_label(after_time_of_day(candidate))
      || (is_abbreviation_label(candidate) && next_word(s, pos).word_case == WordCase::kUpper)) {
    return false;
  }

  // The last token before the break; only a bare token ending with '.' can be an abbreviation.
  const std::size_t token_start = token_start_before(s, start, end);
  std::string_view token = s.substr(token_start, end - token_start);
  // An abbreviation that closes a bracket, "(ок. 300 чел.) РСЕ/РС": the full stop is the
  // abbreviation's; a sentence that ended there would need another one after the bracket.
  bool bracketed = false;
  while (token.size() > 2 && (token.back() == ')' || token.back() == ']')) {
    token.remove_suffix(1);
    bracketed = true;
  }
  if (quoted_initial_explained(s, token, pos))
    return false;
  if (token.size() < 2 || token.back() != '.' || token.ends_with(".."))
    return true;
  // A list that a colon opens, or whose items semicolons separate: "Талаптар: 1. Лагерьлерді
  // жабу.", "Agenda: 1. Minutes of 8 October; 2. Finance; …".
  if (is_section_number(token.substr(0, token.size() - 1)) && token_start >= start + 2
      && s[token_start - 1] == ' ' && (s[token_start - 2] == ':' || s[token_start - 2] == ';')
      && !counted_before(s.substr(start, token_start - start))) {
    return false;
  }
  std::size_t len = 0;
  token = without_openers(token);
  if (token.size() < 2)
    return true;

  // A spaced abbreviation ("т. е.", "и т. д.", "б. з. д.") is looked up without its spaces
  // when the tokens before this one are single letters with a full stop.
  const AbbrevKind* kind = nullptr;
  if (is_single_letter(token.substr(0, token.size() - 1))) {
    std::string joined(token);
    std::size_t at = token_start;
    for (int k = 0; k < 3 && at >= start + 3 && s[at - 1] == ' '; ++k) {
      std::size_t prev = s.rfind(' ', at - 2);
      prev = prev == std::string_view::npos || prev < start ? start : prev + 1;
      std::string_view before = s.substr(prev, at - 1 - prev);
      if (before.size() < 2 || before.back() != '.'
          || !is_single_letter(before.substr(0, before.size() - 1))) {
        break;
      }
      joined.insert(0, before);
      at = prev;
      if (const AbbrevKind* found = find_abbreviation(rules_, joined))
        kind = found;
    }
  }
  if (!kind)
    kind = find_abbreviation(rules_, token);
  // A number after "No." or "№" rarely opens a sentence: after a short capitalised word with a
  // full stop that no rule lists, it is that abbreviation's number: "Cat. No. 1", «Кат. № 1»,
  // "Inv. No. 12".
  if (!kind && token.size() >= 3 && token.back() == '.') {
    constexpr std::size_t kMaxLetters = 5;
    std::size_t letters = 0;
    bool word = is_upper(decode_at(token, 0, &cp_start));
    for (std::size_t i = 0; word && i + 1 < token.size(); i += cp_start, ++letters)
      word = u_isalpha(uc(decode_at(token, i, &cp_start)));
    const bool sign = next.word_case == WordCase::kDigit && s.substr(pos).starts_with("№");
    if (word && letters >= 2 && letters <= kMaxLetters && (sign || no_before_number(s, next)))
      return false;
  }
  // A page or volume that Kazakh writes after its number with a hyphen, closing a bracket, is
  // the `numeric` abbreviation's: «(«Куәгерлер сөйлейді», 7-б.) Раушан …», «(112–118-б.)».
  if (!kind && bracketed && !token.empty() && token[0] >= '0' && token[0] <= '9') {
    if (const std::size_t hyphen = token.rfind('-'); hyphen != std::string_view::npos && hyphen > 0) {
      const AbbrevKind* suffix = find_abbreviation(rules_, token.substr(hyphen + 1));
      if (suffix != nullptr && *suffix == AbbrevKind::kNumeric)
        kind = suffix;
    }
  }
  // A range of two abbreviations is the last one's: "Mon.–Fri. 9:30 a.m.–5 p.m.", «пн.–пт.».
  if (!kind) {
    for (const std::string_view dash : {"–", "-", "/"}) {
      const std::size_t at = token.rfind(dash);
      if (at != std::string_view::npos && at > 1 && token[at - 1] == '.'
          && find_abbreviation(rules_, token.substr(0, at))) {
        kind = find_abbreviation(rules_, token.substr(at + dash.size()));
        break;
      }
    }
  }
  // "St." before a name is Saint; after one, or after an ordinal, it is Street, which ends an
  // address and may end the sentence ("… the bus station on Tole Bi St. She was wearing …",
  // "… 200 Main St. If you wish …", "… on 5th St. The …"). After a house number a street's
  // name would stand between: "27 St. Anne's Rd." is Saint.
  static constexpr AbbrevKind kStreet = AbbrevKind::kFinal;
  if (token == "St." && token_start >= start + 2 && s[token_start - 1] == ' ') {
    const std::size_t prev = token_start_before(s, start, token_start - 1);
    const char32_t first = decode_at(s, prev, &len);
    const std::string_view word = s.substr(prev, token_start - 1 - prev);
    // Not after "The", "In" ("In St. Petersburg …"), nor after a word that ends a phrase
    // ("… in Xinjiang, St. Anne's Hall"): a street's name runs into its "St.".
    std::size_t last_start = 0;
    const bool name_before =
        !word.empty() && u_isalnum(uc(decode_before(s, token_start - 1, &last_start)));
    const bool ordinal = u_isdigit(uc(first)) && !is_ascii_digits(word);
    if (name_before && ((is_upper(first) && !rules_.starters.contains(word)) || ordinal)) {
      kind = &kStreet;
    }
  }
  if (kind && *kind == AbbrevKind::kSymbol) {
    // (A unit after a number, as `final`; but before another number and unit it is the first
    // of a compound quantity, "6 min. 40 sec.", as `unit`.)
    static constexpr AbbrevKind kUnitSymbol = AbbrevKind::kFinal;
    static constexpr AbbrevKind kWordAbbrev = AbbrevKind::kAbbrev;
    // After a number, or after an abbreviation after one: "46 000 кв. м." (square metres). A
    // number written in words counts too: «около двадцати кв. м.», "twenty km.".
    std::size_t before = token_start;
    std::size_t last_at = 0;
    bool after_number = false;
    for (int step = 0; step < 2 && before >= start + 2 && s[before - 1] == ' '; ++step) {
      const char32_t last = decode_before(s, before - 1, &last_at);
      after_number = u_isdigit(uc(last));
      if (last != '.') {
        after_number = after_number || number_word_before(s, start, before - 1);
        break;
      }
      before = token_start_before(s, start, before - 1);
    }
    kind = after_number && !(next.word_case == WordCase::kDigit && abbreviation_follows(s, next))
               ? &kUnitSymbol
               : &kWordAbbrev;
  }
  // A dash after a date or time that an abbreviation closes goes on with the same sentence: a
  // timeline's or a CV's entry gives its date, then a dash and what happened ("21 May 2018,
  // approx. 11 p.m. — Daniyar is detained", «2016 г. — Их сын …», «[Июнь 2018 г.] —
  // Родственники …»). A clause of its own before the dash is a sentence ("And please don't
  // e-mail me at 2 a.m. — I do sleep …"), so only a short label with a number counts, or a
  // number after the dash, a value: a budget's line «…, 2 чел. × 10 мес. — 9 600 — вкл. …».
  if (kind != nullptr && pos < s.size() && is_dash(decode_at(s, pos, &cp_start))
      && pos + cp_start < s.size() && is_space(decode_at(s, pos + cp_start, &len))
      && (is_date_label(s.substr(start, end - start)) || next.word_case == WordCase::kDigit
          || is_dateline_place(s.substr(start, end - start)))) {
    return false;
  }
  // A time stamp in square brackets opens a chat's or a log's next entry: «2 марта 2019 г.
  // [21:47] Айжан: Кто-нибудь …», "… 4 p.m. [16:05] Daulet: …".
  if (pos + 1 < s.size() && s[pos] == '[') {
    bool stop_inside = false;
    const std::size_t close = bracket_close(s, pos + 1, 1, &stop_inside);
    if (close != std::string_view::npos && !stop_inside && close + 1 < s.size() && s[close + 1] == ' '
        && is_time_stamp(s.substr(pos + 1, close - pos - 1))) {
      return true;
    }
  }
  if (bracketed && !kind && !is_initials(token))
    return true;  // "(It rarely does.) Officials …"
  // A name's last initial that closes a bracket ends the name: "… 0192 (Aigerim S.) Questions:
  // …" (its surname would be inside the bracket).
  if (bracketed && !kind && next.word_case == WordCase::kUpper
      && is_single_letter(token.substr(0, token.size() - 1)) && token_start >= start + 2
      && s[token_start - 1] == ' ' && u_isalpha(uc(decode_before(s, token_start - 1, &cp_start)))) {
    return true;
  }
  // "(Прим. пер.: … в 1999 г.) Пропуск …": the bracket was the sentence, after a transcript's
  // time stamp too ("[00:14] (pause of approx. 5 sec.) [00:22] They came …").
  if (bracketed) {
    std::size_t from = start;
    bool full_stop = false;
    if (const std::size_t stamp = s[start] == '[' ? bracket_close(s.substr(0, end), start + 1, 1, &full_stop)
                                                  : std::string_view::npos;
        stamp != std::string_view::npos && !full_stop
        && is_time_stamp(s.substr(start + 1, stamp - start - 1)) && stamp + 2 < end
        && s[stamp + 1] == ' ') {
      from = stamp + 2;
    }
    if (core::is_bracketed_sentence(s.substr(from, end - from)))
      return true;
  }

  // A bracket with no full stop inside and a sentence end right after it, following an
  // abbreviation: the sentence's own full stop is the one after the bracket ("… to 1 p.m.
  // (Almaty time)."), or there is none, the paragraph ends with a round bracket: a note on the
  // date of a header's field («Дата: 10 декабря 2025 г. (День прав человека)»). A sentence
  // in brackets would end in its own mark inside them; a note in square brackets stands alone
  // («… 12 мая 2025 г. [Конец перевода]»).
  if ((kind || is_initials(token)) && !bracketed && pos < s.size() && bracket_step(s[pos]) > 0) {
    bool full_stop = false;
    const std::size_t close = bracket_close(s, pos + 1, 1, &full_stop);
    if (close != std::string_view::npos && !full_stop
        && (terminator_after(s, close)
            || (s[pos] == '(' && s.find_first_not_of(' ', close + 1) == std::string_view::npos))) {
      return false;
    }
    // Nor does a sentence open with a bracket and a dash after it: a dateline's agency,
    // "ALMATY, 14 Nov. (Steppe News Agency) — A court …", «14 нояб. (КазТАГ) — …».
    std::size_t dash_len = 0;
    if (close != std::string_view::npos && !full_stop && close + 2 < s.size()
        && s[close + 1] == ' ' && is_dash(decode_at(s, close + 2, &dash_len))) {
      return false;
    }
  }
  AbbrevKind k = kind ? *kind : is_initials(token) ? AbbrevKind::kAbbrev : AbbrevKind::kFinal;
  // A Latin capital before a Cyrillic word is a label, not the initial of a name written in
  // Cyrillic: "… в Приложении B. Имена …". (A Cyrillic initial may stand before a Latin
  // title: «Абенова Д. Pressure at a Distance. Алматы, 2023.».)
  if (kind == nullptr && k == AbbrevKind::kAbbrev && next.word_case == WordCase::kUpper
      && is_single_letter(token.substr(0, token.size() - 1))
      && is_latin_letter(decode_at(token, 0, &cp_start))
      && !is_latin_letter(decode_at(next.word, 0, &cp_start))) {
    return true;
  }
  // A capitalised word and a colon after a number's abbreviation or a listed final one open a
  // header's next field or a speaker's turn: «Новость № 1 — 4 марта 2024 г. Тема: …», "…
  // 11:30 a.m. AIDA: Right." Not after an initial ("И. Б. Иванов: …") nor a place's «г.»
  // («… суд г. Алматы: график …»).
  const bool after_digit = token_start >= start + 2 && s[token_start - 1] == ' '
                           && u_isdigit(uc(decode_before(s, token_start - 1, &cp_start)));
  if (((k == AbbrevKind::kYear || k == AbbrevKind::kUnit) ? after_digit : k == AbbrevKind::kFinal)
      && kind != nullptr && !bracketed && next.word_case == WordCase::kUpper) {
    const auto at = static_cast<std::size_t>(next.word.data() - s.data());
    const auto after = at + next.word.size();
    if (after + 1 < s.size() && s[after] == ':' && s[after + 1] == ' ')
      return true;
    // After a field of its own the next field's label may have more words: «Дата: суббота,
    // 17 мая 2025 г. Рабочие языки: …».
    if (field_label_end(s, start) != std::string_view::npos && field_label_end(s, at) != std::string_view::npos)
      return true;
  }
  // So does a field whose value ends with a name's initials: a signature block's «Казначей:
  // Оспанова М. С. Председатель правления: …».
  if (kind == nullptr && is_initials(token) && !bracketed && next.word_case == WordCase::kUpper
      && field_label_end(s, start) != std::string_view::npos
      && field_label_end(s, static_cast<std::size_t>(next.word.data() - s.data())) != std::string_view::npos) {
    return true;
  }
  // A time that opens the sentence labels what follows it, a diary's or a log's entry: "6:40
  // a.m. Left Almaty on the early bus …" (as "[00:09:20] In Oct. 2019 …" does).
  if (k == AbbrevKind::kFinal && kind != nullptr && token_start >= start + 2
      && is_time_stamp(s.substr(start, token_start - 1 - start))) {
    return false;
  }
  switch (k) {
    case AbbrevKind::kNever:
      return false;
    case AbbrevKind::kUnit:
      if (next.word_case == WordCase::kDigit)
        return !abbreviation_follows(s, next);
      [[fallthrough]];
    case AbbrevKind::kYear:
      // "1 долл. США": a `continue` word of the unit goes on (`continue долл. США`).
      if (!bracketed && next.word_case == WordCase::kUpper
          && !continues_after_abbreviation(rules_, token, next.word)
          && number_closes_long_clause(
              s, start, token_start,
              [&](std::string_view word) {
                return rules_.starters.contains(word) || rules_.starters.contains(capitalised(word));
              },
              [&](std::string_view word) { return rules_.prepositions.contains(word); })) {
        return true;
      }
      // A numbered label and a capital open the next item of a list: "… основанная в 2016 г.
      // 3. Интервью …". An `abbrev` may stand before a number ("с. 12. Доклад …": a page), and
      // after a dash the number is a value ("2021–2023 гг. — 29. После …").
      if (next.word.data() == s.data() + pos && starts_numbered_item(s, next))
        return true;
      [[fallthrough]];
    case AbbrevKind::kAbbrev:
      // After a number an `abbrev` is its unit, and a numbered label and a capital open the
      // next item of a list: "… leave for 10 min. 2. Knead the dough." (Before the number it
      // may own it: "ca. 12. …".)
      if (next.word.data() == s.data() + pos && after_digit && starts_numbered_item(s, next)) {
        return true;
      }
      // Another initial is not a sentence starter even if it spells one ("Н. А. Назарбаев").
      if (next.word_case == WordCase::kUpper && is_single_letter(next.word)
          && pos + next.word.size() < s.size()
          && s[static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size()] == '.') {
        return false;
      }
      // A date after a dash is a dateline's text, not a new sentence: "Алматы, 14 февраля
      // 2025 г. — 11 февраля … скончался …" (a line of dialogue does not follow an abbreviation).
      return rules_.starters.contains(next.word)
             || (!is_dash(decode_at(s, pos, &cp_start)) && opens_with_date(s, next));
    case AbbrevKind::kNumeric:
      // A page or volume that closes a bracket, «(«Куәгерлер сөйлейді», 7-б.) Раушан …»: the
      // full stop is the abbreviation's, as after an `abbrev`.
      if (bracketed && token_start > start && next.word_case == WordCase::kUpper)
        return rules_.starters.contains(next.word);
      // A number, or a code with digits in it ("passport No. N12345678 and …"), is the
      // abbreviation's, in brackets too: "case no. (2018) Xin 40 …" (next skipped that as a
      // note).
      if (next.word.data() != s.data() + pos && next_word(s, pos).word_case == WordCase::kDigit)
        return false;
      // A code that letters open, "Appeal No. AA/04417/2024", "No. L.21": a digit before the
      // next space.
      if (const std::string_view code = s.substr(static_cast<std::size_t>(next.word.data() - s.data()));
          next.word.size() <= 4 && code.size() > next.word.size() + 1
          && (code[next.word.size()] == '/'
              || (code[next.word.size()] == '.' && code[next.word.size() + 1] >= '0'
                  && code[next.word.size() + 1] <= '9'))) {
        const std::string_view rest = code.substr(0, code.find(' '));
        if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return false;
      }
      // So is a number after a number sign ("исх. № KZ-LB-2025-04417") and a code of one to
      // three capitals before its digits ("tag No. SS 408812").
      if (const auto after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
          s.substr(static_cast<std::size_t>(next.word.data() - s.data())).starts_with("№")
          || no_before_number(s, next)
          || (next.word.size() <= 3 && next.word_case == WordCase::kUpper
              && std::all_of(next.word.begin(), next.word.end(),
                             [](char c) { return c >= 'A' && c <= 'Z'; })
              && after + 1 < s.size() && s[after] == ' ' && s[after + 1] >= '0'
              && s[after + 1] <= '9')) {
        return false;
      }
      // So is a number in Roman numerals, "Ch. II, § 2", «гл. IV»; a lone "I" only before
      // punctuation ("No. I will not" is the pronoun).
      if (const auto after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
          is_roman(next.word)
          && (next.word.size() > 1
              || (after < s.size() && (s[after] == ',' || s[after] == ';' || s[after] == ')')))) {
        return false;
      }
      return next.word_case != WordCase::kDigit
             && std::none_of(next.word.begin(), next.word.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
    case AbbrevKind::kSymbol:  // resolved to kFinal or kAbbrev above
    case AbbrevKind::kFinal: {
      // Only after a listed abbreviation: after any other word the full stop is the sentence's,
      // and a month, a day or an initial opens the next one ("… in Almaty. May he rest in
      // peace.", "… in 2019. S. Tursyn said").
      if (kind != nullptr && continues_after_abbreviation(rules_, token, next.word))
        return false;
      // A lower-case `continue` word after the capitalised one, after a listed abbreviation:
      // "8 p.m. Almaty time" (not "… three times. Each time …").
      if (kind == nullptr)
        return true;
      // A preposition and a number before it are all the sentence has so far: a fronted
      // adverbial, no sentence ("At 3 a.m. I woke up", "By 10 p.m. Guards came").
      if (const std::string_view head = s.substr(start, token_start - start);
          std::count(head.begin(), head.end(), ' ') == 2 && head.back() == ' ') {
        const std::size_t space = head.find(' ');
        if (rules_.starters.contains(head.substr(0, space)) && space + 1 < head.size()
            && head[space + 1] >= '0' && head[space + 1] <= '9') {
          return false;
        }
      }
      const auto after = static_cast<std::size_t>(next.word.data() - s.data()) + next.word.size();
      const NextWord then = next.word_case == WordCase::kUpper && after < s.size()
                                && is_space(decode_at(s, after, &cp_start))
                                ? next_word(s, after + cp_start)
                                : NextWord{};
      return !(then.word_case == WordCase::kLower && continues_after_abbreviation(rules_, token, then.word));
    }
  }
  return true;
}

namespace {

// UAX #29 ends a sentence before a footnote mark that follows its full stop ("2023.¹ Most"),
// and before a note in brackets ("… in 2019. [12] The next …", a transcript's "[inaudible]"
// after speech that trails off: leading_note_end): the marks and notes go back to the sentence
// they annotate; a span of them alone is dropped.
void attach_footnote_marks(std::string_view s, std::vector<core::Span>& spans) {
  std::size_t len = 0;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    core::Span span = spans[k];
    std::size_t at = span.begin;
    while (at < span.end && is_footnote_mark(decode_at(s, at, &len)))
      at += len;
    // A mark after a space with a note after it opens that footnote: "… last para. ² See also
    // …" (a list of footnotes in one paragraph).
    if (at > span.begin && at < span.end && kept > 0 && spans[kept - 1].end < span.begin)
      at = span.begin;
    else if (at == span.begin && kept > 0 && !opens_with_reference(s, spans[kept - 1].begin))
      at = leading_note_end(s, span.begin, span.end, trails_off(s, spans[kept - 1].end));
    std::size_t cp_start = 0;
    const char32_t before = kept > 0 ? decode_before(s, spans[kept - 1].end, &cp_start) : 0;
    if (kept > 0 && at > span.begin && (at == span.end || is_space(decode_at(s, at, &len)))
        && (is_terminator(before) || is_closer(before))) {
      spans[kept - 1].end = at;
      while (at < span.end && is_space(decode_at(s, at, &len)))
        at += len;
      span.begin = at;
      if (span.begin >= span.end)
        continue;
    }
    spans[kept++] = span;
  }
  spans.resize(kept);
}

// A bibliographic record is one sentence, though ISBD (and GOST 7.1, which follows it) ends
// each of its areas with ". ": "Zhanar Bekbolat. Forty Days in Room Seven: A Memoir. Almaty:
// Daik-Press, 2019. 312 p. ISBN …", «Бекболат Ж. Сорок дней …: воспоминания. Алматы:
// Дайк-Пресс, 2019. 312 с.», «… // Central Asian Memory Review. 2024. Т. 7, № 2. С. 41–63».
// Its publication area ("Place: Publisher, Year.") is what marks it; the spans UAX #29 cut it
// into are joined around that area (join_bibliographic_records).
namespace record {

// `t` without the dash that opens a GOST area ("— Northway Press, 2023.").
std::string_view without_area_dash(std::string_view t) {
  std::size_t len = 0;
  if (!t.empty() && is_dash(decode_at(t, 0, &len)) && len < t.size() && t[len] == ' ')
    t.remove_prefix(len + 1);
  return t;
}

bool is_year(std::string_view w) {
  return w.size() == 4 && is_ascii_digits(w) && (w.starts_with("1") || w.starts_with("20"));
}

bool capitalised(std::string_view w) {
  std::size_t len = 0;
  return !w.empty() && is_upper(decode_at(w, 0, &len));
}

// A volume, issue or page number's label, before its number.
bool number_label(std::string_view w) {
  static constexpr std::string_view kLabels[] = {"Vol.", "vol.", "No.", "no.", "Т.", "т.", "№",
                                                 "С.", "P.", "p.", "pp.", "Б.", "б.", "Вып."};
  return std::find(std::begin(kLabels), std::end(kLabels), w) != std::end(kLabels);
}

// A volume or pages as Kazakh writes them, the label after the number with a hyphen: «12-т.,»
// (том), «55–81-б.» (бет), «3-бет.».
bool kazakh_numbered(std::string_view w) {
  if (w.ends_with(','))
    w.remove_suffix(1);
  const std::size_t hyphen = w.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || (w[0] < '0' || w[0] > '9'))
    return false;
  const std::string_view label = w.substr(hyphen + 1);
  std::size_t len = 0;
  const std::string_view digits = w.substr(0, hyphen);
  for (std::size_t i = 0; i < digits.size(); i += len) {
    const char32_t cp = decode_at(digits, i, &len);
    if (!(cp >= '0' && cp <= '9') && !is_dash(cp))
      return false;
  }
  return label == "т." || label == "б." || label == "бб." || label == "бет.";
}

// A trailing note in brackets after a record's year, on its language or a translation:
// "Almaty, 2023 (in Kazakh; Eng. tr. forthcoming).", «Алматы, 2023 (на каз. яз.).». `t`
// without it, the full stop kept; `t` itself when there is none.
std::string_view without_trailing_note(std::string_view t, std::string& buffer) {
  if (!t.ends_with(").") || t.size() < 8)
    return t;
  const std::size_t open = t.rfind(" (");
  if (open == std::string_view::npos || open < 4 || !is_year(t.substr(open - 4, 4))
      || t.substr(open, t.size() - 2 - open).find(')') != std::string_view::npos) {
    return t;
  }
  buffer.assign(t.substr(0, open));
  buffer.push_back('.');
  return buffer;
}

// The publication area: "Almaty: Daik-Press, 2019.", «Алматы, 2023.», "— Northway Press,
// 2023.", or a journal's year before its volume: "2024. Т. 7, № 2." (kPlain). With a full date
// or the year's abbreviation, «Женева, 31 авг. 2022 г.» (kDated), it is as often a
// signature's place and date («… Алматы, 5 сентября 2024 г.»): a record only in a numbered
// list of references.
enum class Area { kNone, kPlain, kDated };

Area publication_area(std::string_view t) {
  std::string buffer;
  t = without_trailing_note(without_area_dash(t), buffer);
  // Most sentences end otherwise: no words split for them.
  const bool year_first = t.size() > 5 && is_year(t.substr(0, 4)) && t[4] == '.';
  const bool year_last = t.size() > 5 && t.back() == '.' && is_year(t.substr(t.size() - 5, 4));
  if (!year_first && !year_last && !t.ends_with(" г.") && !t.ends_with(" ж."))
    return Area::kNone;
  const std::vector<std::string_view> w = words(t);
  if (w.size() >= 2 && w[0].size() == 5 && w[0].back() == '.' && is_year(w[0].substr(0, 4)))
    return number_label(w[1]) || kazakh_numbered(w[1]) ? Area::kPlain : Area::kNone;
  // The year ends it, "2019." or with its abbreviation, «2019 г.», «2019 ж.»; a day and a
  // month may stand before it: «Женева, 31 авг. 2022 г.», "Geneva, 31 Aug. 2022." (kDated).
  std::size_t n = w.size();  // the words up to the year
  bool dated = false;
  if (n >= 3 && (w.back() == "г." || w.back() == "ж.") && is_year(w[n - 2])) {
    --n;
    dated = true;
  } else if (n < 2 || w.back().size() != 5 || w.back().back() != '.'
             || !is_year(w.back().substr(0, 4))) {
    return Area::kNone;
  }
  // The place: one to three capitalised words, the last with the colon before a publisher,
  // or with a comma before the date, which begins at `date`.
  const auto place_before = [&](std::size_t date) {
    if (n > 10 || date < 1 || w[date - 1].back() != ',')
      return false;
    for (std::size_t k = 0; k + 1 < w.size() && k < 3 && capitalised(w[k]);) {
      const char last = w[k].back();
      ++k;
      if (last == ':' || last == ',')
        return last == ',' ? k == date : k < date;
    }
    return false;
  };
  if (!dated && place_before(n - 1))
    return Area::kPlain;
  if (n >= 4 && w[n - 3].size() <= 2 && is_ascii_digits(w[n - 3]) && place_before(n - 3))
    return Area::kDated;  // the day, then the month
  return dated && place_before(n - 1) ? Area::kDated : Area::kNone;
}

// An area that follows the publication area, or a volume count before it: "312 p.", «1124 с.»,
// "ISBN …", «С. 22.», "pp. 1–20", «В 2 т.», "2 vols.".
bool record_element(std::string_view t) {
  const std::vector<std::string_view> w = words(without_area_dash(t));
  if (w.empty())
    return false;
  // A short GOST area with a number, after its dash: a price, «— 18,99 ф. ст.», «— 500 экз.».
  constexpr std::size_t kAreaWords = 6;
  if (without_area_dash(t).size() < t.size() && w.size() <= kAreaWords
      && std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return true;
  }
  if (w[0] == "ISBN" || w[0] == "ISSN")
    return true;
  if (w.size() == 1)
    return kazakh_numbered(w[0]) && w[0].back() == '.';  // «55–81-б.»
  if (is_ascii_digits(w[0])) {
    static constexpr std::string_view kUnits[] = {"p.", "pp.", "с.", "б.", "бет.", "стр.", "vols.", "т."};
    return std::find(std::begin(kUnits), std::end(kUnits), w[1]) != std::end(kUnits);
  }
  if (w.size() == 3 && w[0] == "В" && is_ascii_digits(w[1]) && w[2] == "т.")
    return true;
  return number_label(w[0]) && w[1][0] >= '0' && w[1][0] <= '9';
}

// An author's name before the title: "Zhanar Bekbolat.", «Бекболат Жанар.»; or authors with
// their initials, maybe with their role in brackets: «Нургалиев К. С., Бекова А. М. (ред.).».
bool author(std::string_view t) {
  constexpr std::size_t kMaxWords = 4;
  constexpr std::size_t kMaxWithInitials = 9;
  if (t.empty() || t.back() != '.')
    return false;
  std::vector<std::string_view> w = words(t);
  if (w.size() >= 2 && w.back().size() > 4 && w.back().front() == '(' && w.back().ends_with(".)."))
    w.pop_back();  // the role: «(ред.).», «(құраст.).», "(eds.)."
  if (w.empty() || !std::all_of(w.begin(), w.end(), capitalised))
    return false;
  if (w.size() <= kMaxWords)
    return true;
  return w.size() <= kMaxWithInitials && std::any_of(w.begin(), w.end(), [](std::string_view x) {
           if (x.ends_with(','))
             x.remove_suffix(1);
           return is_initials(x);
         });
}

// A title (with its author, or an editor) before the publication area.
bool title(std::string_view t) {
  constexpr std::size_t kMaxWords = 30;
  return !t.empty() && t.back() == '.' && words(t).size() <= kMaxWords;
}

// The head of an author–date (APA) reference: the authors, "Surname, I. I." joined by commas
// and "&", then the year in brackets and a full stop: "Kassymova, S. B., & Ermekov, D. A.
// (2019).", "Nurlanova, A. (2021, May 3).", "Bekov, T. (n.d.)."
// In a numbered list of references the record's number comes first ("1. Sarsenbai, K. T.
// (2021)."); Cyrillic references write no comma after the surname («Сарсенбай К. Т. (2021).»);
// the year may stand with a word in its bracket ("(forthcoming, 2026)", «(в печати, 2026)»),
// and editors carry their role ("Toktogulova, A. and Imin, R. (eds.) (2024).").
bool author_date_head(std::string_view t) {
  // A label may stand before it: "How to cite: Tokhtarova, A. B., & … (2024).", «Для
  // цитирования: …».
  if (const std::size_t label = field_label_end(t, 0); label != std::string_view::npos)
    t.remove_prefix(label);
  // A span may go on after the head with the title ("(2024). Families Apart: …"): the head is
  // what runs to the first ")." before a space.
  if (const std::size_t end = t.find("). "); end != std::string_view::npos)
    t = t.substr(0, end + 2);
  const std::size_t open = t.rfind(" (");
  if (open == std::string_view::npos || !t.ends_with(").") || open == 0)
    return false;
  const std::string_view date = t.substr(open + 2, t.size() - open - 4);
  bool year = is_year(date.substr(0, 4)) || date == "n.d.";
  for (std::string_view x : words(date)) {
    if (x.ends_with(','))
      x.remove_suffix(1);
    year = year || is_year(x);
  }
  if (!year)
    return false;
  std::vector<std::string_view> w = words(t.substr(0, open));
  if (!w.empty() && w[0].size() >= 2 && w[0].back() == '.' && is_ascii_digits(w[0].substr(0, w[0].size() - 1)))
    w.erase(w.begin());  // the record's number in a list
  if (!w.empty() && w.back().front() == '(' && w.back().ends_with(".)"))
    w.pop_back();  // the editors' role: "(eds.)", «(ред.)», «(құраст.)»
  if (w.size() < 2 || w.size() > 40 || !capitalised(w[0])
      || (w[0].back() != ',' && !is_initials(w[1].ends_with(',') ? w[1].substr(0, w[1].size() - 1) : w[1]))) {
    return false;
  }
  bool initial = false;
  for (const std::string_view x : w) {
    std::string_view bare = x;
    if (bare.back() == ',')
      bare.remove_suffix(1);
    if (bare == "&" || bare == "et" || bare == "al." || bare == "and" || bare == "и" || bare == "және")
      continue;
    if (!capitalised(bare))
      return false;
    initial = initial || is_initials(bare);
  }
  return initial;
}

// What ends an author–date reference: its publisher ("Lindhaven: Norden Press."), a journal's
// volume, issue and pages ("Journal of Law, 9(2), 45–71."), or its DOI or address.
bool author_date_end(std::string_view t) {
  if (t.starts_with("https://") || t.starts_with("http://") || t.starts_with("doi:"))
    return true;
  std::size_t mark = 0;
  while (!t.empty() && is_footnote_mark(decode_before(t, t.size(), &mark)))
    t = t.substr(0, mark);  // "… 354 pp.*"
  std::vector<std::string_view> w = words(t);
  // An edition before the place: "2nd ed. Oslo: …", «2-е изд. Осло: …», «2-бас. Осло: …».
  for (std::size_t k = 0; k < 3 && k + 1 < w.size(); ++k) {
    if (w[k] == "ed." || w[k] == "изд." || w[k].ends_with("-бас.")) {
      w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      break;
    }
  }
  if (w.empty() || t.back() != '.')
    return false;
  // "Place: Publisher.", the place one to three capitalised words; or "Place: publisher, 140
  // pp." with its page count («Алматы: автордың өз басылымы, 140 б.»).
  if (w.size() <= 8) {
    const bool pages = w.size() >= 2 && is_ascii_digits(w[w.size() - 2])
                       && (w.back() == "pp." || w.back() == "p." || w.back() == "б." || w.back() == "с.");
    for (std::size_t k = 0; k < w.size() - 1 && k < 3 && capitalised(w[k]); ++k) {
      if (w[k].back() == ':')
        return capitalised(w[k + 1]) || pages;
    }
  }
  // "…, 9(2), 45–71.": pages after a comma.
  const std::string_view last = w.back().substr(0, w.back().size() - 1);
  std::size_t len = 0;
  const std::size_t dash = last.find_first_of("-\xE2");
  return w.size() >= 2 && w[w.size() - 2].back() == ',' && dash != std::string_view::npos
         && dash > 0 && is_ascii_digits(last.substr(0, dash))
         && is_dash(decode_at(last, dash, &len)) && is_ascii_digits(last.substr(dash + len));
}

// A journal article's source as the Chicago and MLA styles give it after a quoted title: the
// journal, its volume, the year in brackets, a colon and the pages: "Steppe Philology Review
// 12 (2020): pp. 45–51.", "… 12, no. 2 (2020): 45–51."
bool journal_source(std::string_view t) {
  constexpr std::size_t kMaxWords = 20;
  if (t.empty() || t.back() != '.' || t.find("):") == std::string_view::npos)
    return false;  // most sentences: no words split for them
  const std::vector<std::string_view> w = words(t);
  if (w.size() < 4 || w.size() > kMaxWords || t.back() != '.' || !capitalised(w[0]))
    return false;
  for (std::size_t k = 2; k + 1 < w.size(); ++k) {
    std::string_view volume = w[k - 1];
    if (volume.ends_with(','))
      volume.remove_suffix(1);
    if (w[k].size() == 7 && w[k].front() == '(' && w[k].ends_with("):") && is_year(w[k].substr(1, 4))
        && is_ascii_digits(volume)) {
      const std::string_view pages = t.substr(static_cast<std::size_t>(w[k + 1].data() - t.data()));
      return std::any_of(pages.begin(), pages.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
  }
  return false;
}

// Whether `t` ends with a quoted title and its full stop, inside or after the closing quote:
// "“A dictionary and its author.”", «… «Сөздік және оның авторы».». At most 40 words.
bool ends_with_quoted_title(std::string_view t) {
  constexpr std::size_t kMaxWords = 40;
  if (t.size() < 4 || words(t).size() > kMaxWords)
    return false;
  std::size_t end = t.size();
  if (t.back() == '.')  // the full stop after the quote: «… «Сөздік және оның авторы».»
    --end;
  std::size_t quote = 0;
  const char32_t close = decode_before(t, end, &quote);
  if (!is_closer(close) || !is_quote_mark(close) || quote == 0)
    return false;
  if (end == t.size() && t[quote - 1] != '.')  // the full stop inside: "“… its author.”"
    return false;
  // An opening quote before it.
  std::size_t len = 0;
  for (std::size_t at = 0; at < quote; at += len) {
    const char32_t cp = decode_at(t, at, &len);
    if (is_quote_mark(cp) && (cp == '"' ? close == '"' : cp != close))
      return true;
  }
  return false;
}

// The author before a quoted title, ending with initials: "1. Seitqali, A. T.", «Сейітқали
// А. Т.» (a list's number before it).
bool initials_author(std::string_view t) {
  std::vector<std::string_view> w = words(t);
  if (!w.empty() && w[0].size() >= 2 && w[0].back() == '.' && is_ascii_digits(w[0].substr(0, w[0].size() - 1)))
    w.erase(w.begin());
  constexpr std::size_t kMaxWords = 6;
  return w.size() >= 2 && w.size() <= kMaxWords && capitalised(w[0]) && is_initials(w.back());
}

}  // namespace record

// A journal article in the Chicago or MLA style is one sentence: its source
// (record::journal_source) joins the quoted title before it, and the author before that.
void join_journal_records(std::string_view s, std::vector<core::Span>& spans) {
  auto text = [&](std::size_t k) { return s.substr(spans[k].begin, spans[k].end - spans[k].begin); };
  std::vector<core::Span> out;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (k == 0 || out.empty() || !record::journal_source(text(k))
        || !record::ends_with_quoted_title(text(k - 1)) || out.back().begin != spans[k - 1].begin) {
      out.push_back(spans[k]);
      continue;
    }
    std::size_t len = 0;
    const bool title_alone = is_quote_mark(decode_at(text(k - 1), 0, &len));
    if (title_alone && out.size() >= 2 && k >= 2 && out[out.size() - 2].begin == spans[k - 2].begin
        && record::initials_author(text(k - 2))) {
      out.pop_back();
    }
    out.back().end = spans[k].end;
  }
  spans = std::move(out);
}

// An author–date reference is one sentence: from its head (record::author_date_head) through
// the title and the source to what ends it (record::author_date_end), at most four candidate
// sentences on; without an end in reach, the head and its title.
void join_author_date_records(std::string_view s, std::vector<core::Span>& spans) {
  constexpr std::size_t kMaxParts = 4;
  auto text = [&](std::size_t k) { return s.substr(spans[k].begin, spans[k].end - spans[k].begin); };
  std::vector<core::Span> out;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    if (!record::author_date_head(text(k)) || k + 1 == spans.size()
        || record::author_date_end(text(k))) {
      out.push_back(spans[k]);
      continue;
    }
    // A head alone takes at least the title after it; a head with its title goes on only to
    // an end found.
    const bool head_alone = text(k).ends_with(").");
    std::size_t hi = head_alone ? k + 1 : k;
    for (std::size_t j = k + 1; j < spans.size() && j <= k + kMaxParts; ++j) {
      if (record::author_date_head(text(j)))
        break;
      if (record::author_date_end(text(j))) {
        // A subtitle after a colon reads like "Place: Publisher." ("Families Apart: Kyrgyz
        // Voices."): the imprint right after it is the end.
        hi = j + 1 < spans.size() && j < k + kMaxParts && !record::author_date_head(text(j + 1))
                     && record::author_date_end(text(j + 1))
                 ? j + 1
                 : j;
        break;
      }
    }
    out.push_back({spans[k].begin, spans[hi].end});
    k = hi;
  }
  spans = std::move(out);
}

void join_bibliographic_records(std::string_view s, std::vector<core::Span>& spans) {
  auto text = [&](std::size_t k) { return s.substr(spans[k].begin, spans[k].end - spans[k].begin); };
  std::vector<core::Span> out;
  std::size_t first = 0;  // the first span after the last record joined
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const record::Area area = record::publication_area(text(k));
    const bool plain = area == record::Area::kPlain;
    if (area == record::Area::kNone) {
      out.push_back(spans[k]);
      continue;
    }
    // Back over a volume count, then the title and the author, among the spans not yet joined.
    std::size_t lo = k;
    while (lo > first && k - lo < 2 && record::record_element(text(lo - 1)))
      --lo;
    if (lo > first && record::title(text(lo - 1))) {
      --lo;
      // The author, after the record's number in a list of references ("[2] …"), which may
      // be an organisation's name: «[2] Центр по правам человека «Тенгри». База данных …».
      if (lo > first) {
        std::string_view head = text(lo - 1);
        const bool numbered = opens_with_reference(s, spans[lo - 1].begin);
        if (numbered)
          head.remove_prefix(std::min(head.size(), head.find(']') + 2));
        if (record::author(head) || (numbered && record::title(head)))
          --lo;
      }
    }
    if (!plain && !opens_with_reference(s, spans[lo].begin)) {
      out.push_back(spans[k]);
      continue;
    }
    std::size_t hi = k;
    while (hi + 1 < spans.size() && record::record_element(text(hi + 1)))
      ++hi;
    out.resize(out.size() - (k - lo));
    out.push_back({spans[lo].begin, spans[hi].end});
    k = hi;
    first = hi + 1;
  }
  spans = std::move(out);
}

// The next bullet (is_bullet) in [from, to) that follows white space, or npos. Every bullet is
// a three-byte UTF-8 sequence that starts with 0xE2: memchr finds the candidates, so only the
// text's dashes and curly quotes (the same lead byte) are decoded besides.
std::size_t next_bullet(std::string_view s, std::size_t /*begin*/, std::size_t from,
                        std::size_t to) {
  std::size_t len = 0;
  std::size_t cp_start = 0;
  while (from < to) {
    const void* hit = std::memchr(s.data() + from, 0xE2, to - from);
    if (hit == nullptr)
      return std::string_view::npos;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    from = at + 1;
    if (at > 0 && is_bullet(decode_at(s, at, &len)) && is_space(decode_before(s, at, &cp_start)))
      return at;
  }
  return std::string_view::npos;
}

// Whether a speaker's label starts at `at`: capitals and full stops ("A.K.:", «Б.С.:»), or one to
// three words in capitals ("DANA WELLS:"), maybe with who they are in brackets ("CALLER
// (Aigerim, Taraz):"), then a colon and a space.
bool speaker_label_at(std::string_view s, std::size_t at) {
  constexpr std::size_t kMaxLabel = 40;
  std::size_t len = 0;
  int words = 1;
  bool letter = false;
  for (std::size_t i = at; i < s.size() && i - at <= kMaxLabel; i += len) {
    const char32_t cp = decode_at(s, i, &len);
    if (cp == '(' && letter && i > at && s[i - 1] == ' ') {
      const std::size_t close = s.substr(0, i + kMaxLabel).find(')', i);
      return close != std::string_view::npos && s.substr(close + 1, 2) == ": ";
    }
    if (cp == ':')
      return letter && i + 1 < s.size() && s[i + 1] == ' ';
    if (cp == ' ') {
      if (++words > 3 || !letter)
        return false;
    } else if (is_upper(cp)) {
      letter = true;
    } else if (cp != '.') {
      return false;
    }
  }
  return false;
}

// The next speaker's turn after an utterance broken off with a dash, or npos: a dash ("--", "—",
// "–") between white space or at the end of the broken-off word, then a speaker's label: «… and
// so was "Alla saqtasyn" -- A.K.: "God keep you"?».
std::size_t next_turn(std::string_view s, std::size_t /*begin*/, std::size_t from, std::size_t to) {
  while (from < to) {
    const std::size_t space = s.substr(0, to).find(' ', from);
    if (space == std::string_view::npos)
      return std::string_view::npos;
    from = space + 1;
    std::size_t len = 0;
    std::size_t after = space + 1;
    std::size_t before = 0;
    if (s.substr(after, 3) == "-- ") {
      after += 3;
    } else if (after < to && is_dash(decode_at(s, after, &len)) && after + len < to
               && s[after + len] == ' ') {
      after += len + 1;
    } else if (space > 0 && is_dash(decode_before(s, space, &before))) {
      // The dash written against the broken-off word: "… hear from him— CALLER (Aigerim): —at
      // New Year 2019".
    } else {
      continue;
    }
    if (after < to && speaker_label_at(s.substr(0, to), after))
      return after;
  }
  return std::string_view::npos;
}

// How a list item that starts at `at` (after the white space that follows a colon or
// semicolon) opens: kNone without a marker ("(a)", "a)", "1)", "1."); kSentence with a capital
// or a number after it ("(a) Raise", "1. The", "2) 2024"), or with a lower-case clause of at
// least kClauseWords words that a semicolon ends before `to` ("1) inform me in writing whether
// my father has been charged;"); kPhrase otherwise ("а) школ;", "(a) schools, (b) …").
enum class ItemOpening { kNone, kPhrase, kSentence };
constexpr int kClauseWords = 5;

ItemOpening item_opening(std::string_view s, std::size_t at, std::size_t to) {
  std::size_t item = after_list_marker(s, at);
  if (item == std::string_view::npos)
    item = after_numbered_label(s, at);
  if (item == std::string_view::npos || item >= to)
    return ItemOpening::kNone;
  const WordCase word_case = next_word(s, item).word_case;
  if (word_case == WordCase::kUpper || word_case == WordCase::kDigit)
    return ItemOpening::kSentence;
  const std::size_t end = std::min(to, item + kBracketWindow);
  const std::size_t semicolon = s.substr(0, end).find(';', item);
  if (semicolon == std::string_view::npos)
    return ItemOpening::kPhrase;
  const std::string_view clause = s.substr(item, semicolon - item);
  return std::count(clause.begin(), clause.end(), ' ') + 1 >= kClauseWords ? ItemOpening::kSentence
                                                                           : ItemOpening::kPhrase;
}

// Whether a quotation opened in [begin, pos) (at most kQuoteWindow bytes back) is still open
// at `pos`: «», “” and „“ counted by depth, ASCII double quotes by parity.
bool quotation_open(std::string_view s, std::size_t begin, std::size_t pos) {
  constexpr std::size_t kQuoteWindow = 1000;
  int guillemets = 0, curly = 0, low = 0;
  bool ascii = false;
  std::size_t len = 0;
  for (std::size_t at = std::max(begin, pos > kQuoteWindow ? pos - kQuoteWindow : 0); at < pos;
       at += len) {
    const char32_t cp = decode_at(s, at, &len);
    if (cp == 0xAB) ++guillemets;
    else if (cp == 0xBB) guillemets = std::max(0, guillemets - 1);
    else if (cp == 0x201E) ++low;  // „…“: the “ closes it
    else if (cp == 0x201C) low > 0 ? --low : ++curly;
    else if (cp == 0x201D) curly = std::max(0, curly - 1);
    else if (cp == '"') ascii = !ascii;
  }
  return guillemets > 0 || curly > 0 || low > 0 || ascii;
}

// The next list item in [from, to) that a colon or a semicolon opens, or npos: a list marker
// ("(a)", "a)", "1)", "1.") after ": " or "; " that opens a sentence (item_opening: "… the
// following: (a) Raise …; (b) Publish …", «… сұраймыз: 1) 2024 жылғы …», "… your Office: 1)
// inform me in writing whether …; 2) provide …"). A list of phrases ("… covers: (a) schools,
// (b) …", «… касается: а) школ; б) больниц») stays inside one sentence.
std::size_t next_list_item(std::string_view s, std::size_t begin, std::size_t from,
                           std::size_t to) {
  while (from < to) {
    const std::size_t mark = s.substr(0, to).find_first_of(":;", from);
    if (mark == std::string_view::npos)
      return std::string_view::npos;
    from = mark + 1;
    std::size_t at = mark + 1;
    while (at < to && s[at] == ' ')
      ++at;
    if (at == mark + 1 || at >= to)
      continue;
    const ItemOpening opening = item_opening(s, at, to);
    if (opening == ItemOpening::kNone || (s[mark] == ':' && opening != ItemOpening::kSentence))
      continue;
    // Inside a quotation the items are the quoted sentence's: a diplomatic note's "… the
    // following citizens: 1) Mr. A. T. Seitkali, b. 1971; 2) …".
    if (quotation_open(s, begin, mark))
      continue;
    // In a tally of labels and counts the number after the last label is a count: "For: 12,
    // Against: 3, Abstained: 1. The motion was carried.", «За: 12, против: 3, воздержались: 1.».
    if (s[mark] == ':' && counted_before(s.substr(begin, mark - begin)))
      continue;
    if (s[mark] == ';') {
      // After a semicolon only in a list of such items: the item the semicolon closes opened a
      // sentence too («… шақырады: а) оларды босату; ә) Женеваға …» is a list of phrases
      // whose second item starts with a name).
      const std::size_t low = std::max(begin, mark > kBracketWindow ? mark - kBracketWindow : 0);
      const std::size_t before = s.substr(low, mark - low).find_last_of(":;");
      std::size_t prev = before == std::string_view::npos ? low : low + before + 1;
      while (prev < mark && s[prev] == ' ')
        ++prev;
      if (item_opening(s, prev, mark + 1) != ItemOpening::kSentence)
        continue;
    }
    return at;
  }
  return std::string_view::npos;
}

// Splits the spans before every position that `next` finds: next(s, begin, from, to) gives the
// first one in [from, to) of the sentence that starts at `begin`, or npos.
template <typename Next>
void split_before(std::string_view s, std::vector<core::Span>& spans, Next next) {
  std::vector<core::Span> out;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const core::Span span = spans[k];
    std::size_t begin = span.begin;
    for (std::size_t at = next(s, begin, begin + 1, span.end);
         at != std::string_view::npos; at = next(s, begin, at + 1, span.end)) {
      if (out.empty() && k > 0)
        out.assign(spans.begin(), spans.begin() + static_cast<std::ptrdiff_t>(k));
      std::size_t end = at;
      std::size_t cp_start = 0;
      while (end > begin && is_space(decode_before(s, end, &cp_start)))
        end = cp_start;
      out.push_back({begin, end});
      begin = at;
    }
    if (begin != span.begin || !out.empty())
      out.push_back({begin, span.end});
  }
  if (!out.empty())
    spans = std::move(out);
}

// Whether `token` is an emoticon in ASCII: ":)", ";-)", ":(", ":D", "xD", "<3".
bool is_ascii_emoticon(std::string_view token) {
  static constexpr std::string_view kFaces[] = {":)", ":-)", ":))", ":)))", ":(", ":-(", ":((",
                                                ";)", ";-)", ":D", ":-D", "xD", "XD", ":P",
                                                ":p", ":-P", ":/", ":'(", ":*", "<3", "=)"};
  return std::find(std::begin(kFaces), std::end(kFaces), token) != std::end(kFaces);
}
// Whether `token` is an emoticon or a run of emoji ("🙏", "👍🏻").
bool is_emoticon(std::string_view token) {
  if (is_ascii_emoticon(token))
    return true;
  std::size_t len = 0;
  bool pictograph = false;
  for (std::size_t i = 0; i < token.size(); i += len) {
    const char32_t cp = decode_at(token, i, &len);
    if (!is_emoji_part(cp))
      return false;
    pictograph = pictograph || is_pictograph(cp);
  }
  return pictograph;
}

// In informal writing an emoticon or emoji ends its sentence, as a full stop would, when a
// capitalised word follows ("sent u a PM :) Will update …", «жаздым :) Бірдеңе …»): the start
// of that word, or npos. (A capital and then a lower-case letter: a word, not an acronym.)
std::size_t next_after_emoticon(std::string_view s, std::size_t /*begin*/, std::size_t from,
                                std::size_t to) {
  std::size_t len = 0;
  std::size_t second = 0;
  while (from < to) {
    const std::size_t space = s.find(' ', from);
    if (space == std::string_view::npos || space >= to)
      return std::string_view::npos;
    std::size_t token_begin = space;
    while (token_begin > 0 && s[token_begin - 1] != ' ' && s[token_begin - 1] != '\t')
      --token_begin;
    std::size_t next = space;
    while (next < to && s[next] == ' ')
      ++next;
    from = space + 1;
    if (token_begin == space || next >= to || token_begin == 0)
      continue;
    const char32_t first = decode_at(s, next, &len);
    if (!is_upper(first) || next + len >= to || !u_islower(uc(decode_at(s, next + len, &second))))
      continue;
    if (is_emoticon(s.substr(token_begin, space - token_begin)))
      return next;
  }
  return std::string_view::npos;
}

// Whether `t` is hashtags and web addresses only, the tail of a post: "#Xinjiang #FreeBeken",
// "https://example.org/sd/2023/02/mfa-list".
bool only_tags_and_links(std::string_view t) {
  bool any = false;
  for (std::size_t at = 0; at < t.size();) {
    const std::size_t space = std::min(t.find(' ', at), t.size());
    const std::string_view word = t.substr(at, space - at);
    if (!word.empty()) {
      const bool tag = word.size() > 1 && word[0] == '#' && word[1] != ' ';
      if (!tag && !starts_with_url(word))
        return false;
      any = true;
    }
    at = space + 1;
  }
  return any;
}

// A candidate sentence with no letter or digit and an emoji in it goes with the sentence before
// it, and so do the emoji that open one: "Good luck!! 🙏" (UAX #29 breaks after "!! "); so does
// one of hashtags and web addresses only, a post's tail ("… his voice since. #Xinjiang").
void attach_trailing_emoji(std::string_view s, std::vector<core::Span>& spans) {
  std::vector<core::Span> out;
  std::size_t len = 0;
  for (core::Span span : spans) {
    if (!out.empty()) {
      const std::size_t space = s.find(' ', span.begin);
      const std::string_view first =
          space < span.end ? s.substr(span.begin, space - span.begin) : std::string_view{};
      if (!first.empty() && is_emoticon(first) && !is_ascii_emoticon(first)) {
        out.back().end = space;
        span.begin = space;
        while (span.begin < span.end && s[span.begin] == ' ')
          ++span.begin;
      }
    }
    bool alnum = false;
    bool emoji = false;
    for (std::size_t i = span.begin; i < span.end && !alnum; i += len) {
      const char32_t cp = decode_at(s, i, &len);
      alnum = u_isalnum(uc(cp));
      emoji = emoji || is_pictograph(cp);
    }
    const bool tail = (emoji && !alnum)
                      || only_tags_and_links(s.substr(span.begin, span.end - span.begin));
    if (!out.empty() && tail) {
      out.back().end = span.end;
    } else {
      out.push_back(span);
    }
  }
  spans = std::move(out);
}

// Whether `t` holds a time of day, "09:14".
bool has_time_of_day(std::string_view t) {
  for (std::size_t c = t.find(':'); c != std::string_view::npos; c = t.find(':', c + 1)) {
    if (c > 0 && c + 2 < t.size() && std::isdigit(static_cast<unsigned char>(t[c - 1]))
        && std::isdigit(static_cast<unsigned char>(t[c + 1]))
        && std::isdigit(static_cast<unsigned char>(t[c + 2]))) {
      return true;
    }
  }
  return false;
}

// A signature after a dash at the paragraph's end goes with the sentence before it: a talk
// page's or a forum's "… without discussion. — Tengri_Edits (talk) 08:05, 5 March 2025 (UTC)",
// «… без обсуждения. — Tengri_Edits (обс.) 08:05, 5 марта 2025 (UTC)». A signature is short,
// has a time of day and no sentence's end of its own.
void attach_signature(std::string_view s, std::vector<core::Span>& spans) {
  constexpr std::size_t kMaxWords = 12;
  std::size_t len = 0;
  for (std::size_t k = 1; k < spans.size(); ++k) {
    if (!is_dash(decode_at(s, spans[k].begin, &len)) || spans[k].begin + len >= s.size()
        || s[spans[k].begin + len] != ' ') {
      continue;
    }
    const std::string_view rest = s.substr(spans[k].begin, spans.back().end - spans[k].begin);
    const char last = rest.back();
    if (last == '.' || last == '?' || last == '!' || words(rest).size() > kMaxWords
        || !has_time_of_day(rest)) {
      continue;
    }
    spans[k - 1].end = spans.back().end;
    spans.resize(k);
    return;
  }
}

}  // namespace

std::vector<core::Span> SegmenterImpl::split(std::string_view s) const {
  std::vector<core::Span> out;
  auto emit = [&](std::size_t begin, std::size_t end) {
    std::size_t len = 0;
    std::size_t cp_start = 0;
    while (begin < end && is_space(decode_at(s, begin, &len)))
      begin += len;
    while (end > begin && is_space(decode_before(s, end, &cp_start)))
      end = cp_start;
    if (begin < end)
      out.push_back({begin, end});
  };
  // BreakIterator positions are int32_t (UTF-16 units, never more than bytes); a paragraph of
  // 2 GiB or more is kept whole.
  if (s.size() >= static_cast<std::size_t>(INT32_MAX)) {
    emit(0, s.size());
    return out;
  }
  const bool lower_writer = writes_lower_case(s);
  auto worker = acquire();
  // To UTF-16. ICU's converter is the fast path; if it had to substitute anything (ill-formed
  // input), convert again with the decoder that maps offsets back (one U+FFFD per bad byte),
  // so the two cannot get out of step.
  // UTF-16 never has more units than UTF-8 has bytes.
  if (worker->capacity < s.size()) {
    worker->capacity = std::max(s.size(), 2 * worker->capacity);
    worker->utf16.reset(new UChar[worker->capacity]);
  }
  UChar* u = worker->utf16.get();
  UErrorCode status = U_ZERO_ERROR;
  int32_t length16 = 0;
  int32_t substitutions = 0;
  u_strFromUTF8WithSub(u, static_cast<int32_t>(worker->capacity), &length16, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, &substitutions, &status);
  std::size_t len = 0;
  const bool well_formed = U_SUCCESS(status) && substitutions == 0;
  if (!well_formed) {
    length16 = 0;
    for (std::size_t i = 0; i < s.size(); i += len) {
      char32_t cp = decode_at(s, i, &len);
      if (cp < 0x10000) {
        u[length16++] = static_cast<UChar>(cp);
      } else {
        u[length16++] = static_cast<UChar>(0xD7C0 + (cp >> 10));
        u[length16++] = static_cast<UChar>(0xDC00 | (cp & 0x3FF));
      }
    }
  }
  // A read-only alias: no copy. The iterator keeps a pointer to it after we return, but every
  // use of a pooled iterator starts with setText(), and closing it never touches the text.
  const icu::UnicodeString text(false, u, length16);
  worker->iterator->setText(text);
  std::size_t start = 0;
  std::size_t pos = 0;  // byte offset of UTF-16 index `pos16`
  std::size_t pos16 = 0;
  icu::BreakIterator& iterator = *worker->iterator;
  // Candidates that ICU leaves out (missed_break) in [scan, limit), decided before the ICU
  // break at `limit`. Terminators are found with memchr, one stream per first byte ('.', '!',
  // '?', and 0xE2 for '…'): most text has none, and memchr skips it many bytes at a time.
  std::size_t scan = 0;
  constexpr std::array<char, 4> kFirst = {'.', '!', '?', '\xE2'};
  std::array<std::size_t, 4> next_at{};
  auto find_from = [&](char c, std::size_t from) {
    const void* hit = from < s.size() ? std::memchr(s.data() + from, c, s.size() - from) : nullptr;
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - s.data()) : s.size();
  };
  for (std::size_t k = 0; k < kFirst.size(); ++k)
    next_at[k] = find_from(kFirst[k], 0);
  auto add_missed = [&](std::size_t limit) {
    while (true) {
      for (std::size_t k = 0; k < kFirst.size(); ++k) {
        if (next_at[k] < scan)
          next_at[k] = find_from(kFirst[k], scan);
      }
      std::size_t at = std::min(std::min(next_at[0], next_at[1]), std::min(next_at[2], next_at[3]));
      if (at >= limit)
        break;
      auto c = static_cast<unsigned char>(s[at]);
      auto after = at + 1 < s.size() ? static_cast<unsigned char>(s[at + 1]) : ' ';
      // Inside a word or a number ("3.5", "U.S.", "e.g.") or not an ellipsis: nothing to do.
      if ((c != 0xE2 && after < 0x80 && std::isalnum(after))
          || (c == 0xE2 && !(after == 0x80 && at + 2 < s.size() && s[at + 2] == '\xA6'))) {
        scan = at + 1;
        continue;
      }
      std::size_t run_end = 0;
      std::size_t candidate = missed_break(s, at, &run_end, lower_writer, start);
      // A candidate past the next ICU boundary (one inside a reference: "2019.[|12] The") is
      // taken up with the boundary after it.
      if (candidate != std::string_view::npos && candidate > limit && limit < s.size()) {
        scan = at;
        return;
      }
      scan = run_end;
      if (candidate != std::string_view::npos && candidate > start && candidate < limit
          && keep_break(s, start, candidate, lower_writer)) {
        emit(start, candidate);
        start = candidate;
      }
    }
    scan = std::max(scan, limit);
  };
  for (int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next()) {
    if (well_formed) {  // lead bytes alone tell the length: no need to decode
      while (pos16 < static_cast<std::size_t>(b)) {
        auto c = static_cast<unsigned char>(s[pos]);
        pos16 += c >= 0xF0 ? 2 : 1;
        pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
    } else {
      while (pos16 < static_cast<std::size_t>(b)) {
        char32_t cp = decode_at(s, pos, &len);
        pos += len;
        pos16 += cp < 0x10000 ? 1 : 2;
      }
    }
    add_missed(pos);
    if (pos < s.size() && !keep_break(s, start, pos, lower_writer))
      continue;
    emit(start, pos);
    start = pos;
  }
  emit(start, s.size());
  release(std::move(worker));
  attach_footnote_marks(s, out);
  join_bibliographic_records(s, out);
  join_author_date_records(s, out);
  join_journal_records(s, out);
  split_before(s, out, next_bullet);            // a bullet after white space starts a sentence
  split_before(s, out, next_list_item);  // and so does a list item after a colon or semicolon
  split_before(s, out, next_turn);       // and a speaker's turn after a broken-off utterance
  split_before(s, out, next_after_emoticon);  // an emoticon before a capitalised word ends one
  attach_trailing_emoji(s, out);
  attach_signature(s, out);
  return out;
}

Segmenter::Segmenter(std::unique_ptr<SegmenterImpl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

core::Result<Segmenter> Segmenter::create(std::string_view lang) {
  return create(lang, {});
}

namespace {

// Whether ICU knows the language as written in Latin letters (en, de, fr, kk-Latn is not asked:
// the primary subtag only); an unknown language counts as Latin, so it gets no English rules.
bool written_in_latin(const std::string& primary) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode codes[8];
  const int n = uscript_getCode(primary.c_str(), codes, 8, &status);
  if (U_FAILURE(status) || n <= 0) return true;
  return std::find(codes, codes + n, USCRIPT_LATIN) != codes + n;
}

}  // namespace

core::Result<Segmenter> Segmenter::create(std::string_view lang, std::string_view extra_rules) {
  auto tag = core::normalize_lang_tag(lang);
  if (!tag) {
    return core::unexpected(
        {core::ErrorCode::kUnsupported,
         "cannot segment language '" + std::string(lang) + "': " + tag.error().message,
         tag.error().byte_offset});
  }
  std::string primary(core::primary_language(*tag));

  RuleSet rules;
  const auto parse_builtin = [](std::string_view name, RuleSet& into) -> core::Result<bool> {
    if (auto parsed = parse_rules(builtin_rules(name), into); !parsed) {
      core::Error error = parsed.error();
      error.message = "built-in " + std::string(name) + ".rules: " + error.message;
      return core::unexpected(std::move(error));
    }
    return true;
  };
  if (auto parsed = parse_builtin("common", rules); !parsed) return core::unexpected(parsed.error());
  // A Kazakh or Russian text quotes English in Latin letters: a reference's "Art. 3", "Vol. 9,
  // No. 2", an address's "apt. 34", a degree's "Ph.D.". An abbreviation is a word of the
  // language whose letters it is written in, so the English list's Latin-script abbreviations
  // hold in every language's text, below the language's own list (which may classify a Latin
  // abbreviation its own way) and a user's.
  if (!written_in_latin(primary)) {
    RuleSet english;
    if (auto parsed = parse_builtin("en", english); !parsed) return core::unexpected(parsed.error());
    for (auto& [token, kind] : english.abbreviations) {
      std::size_t len = 0;
      if (is_latin_letter(decode_at(token, 0, &len))) {
        rules.abbreviations.insert_or_assign(token, kind);
      }
    }
  }
  if (auto parsed = parse_builtin(primary, rules); !parsed) return core::unexpected(parsed.error());
  if (auto parsed = parse_rules(extra_rules, rules); !parsed) {
    return core::unexpected(parsed.error());
  }

  // ICU's sentence rules are the same root rules for every locale; naming en and ru keeps
  // the door open for ICU tailorings, and everything else (kk included) uses the root.
  icu::Locale locale = primary == "en"   ? icu::Locale("en")
                       : primary == "ru" ? icu::Locale("ru")
                                         : icu::Locale::getRoot();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !iterator) {
    return core::unexpected(
        {core::ErrorCode::kIcu,
         std::string("cannot create ICU sentence break iterator: ") + u_errorName(status), 0});
  }
  return Segmenter(std::make_unique<SegmenterImpl>(std::string(primary), std::move(rules),
                                                   std::move(iterator)));
}

std::vector<core::Span> Segmenter::split(std::string_view paragraph) const {
  return impl_->split(paragraph);
}

std::vector<core::Segment> segment_document(const Segmenter& segmenter, const core::Document& doc) {
  std::vector<core::Segment> out;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const std::string& text = doc.paragraphs[p];
    for (core::Span span : segmenter.split(text)) {
      out.push_back({text.substr(span.begin, span.size()), static_cast<int>(p)});
    }
  }
  return out;
}

}  // namespace tilmash::segment
