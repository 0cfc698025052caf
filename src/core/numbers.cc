// The number reader (see numbers.h). Digits are read from the raw bytes, so grouping marks keep
// their meaning; words are lower-cased (ICU), ё folded to е, and looked up in a small lexicon
// per language. Grouping and decimal marks follow CLDR's number symbols for en ("1,500.5"),
// ru and kk ("1 500,5", no-break or narrow no-break space), de ("1.500,5") and de-CH
// ("1'500.5"): a mark followed by exactly three digits groups, any other decimal mark is a
// decimal point. Kazakh case forms are generated from the stems by the vowel-harmony and
// consonant-assimilation rules of the case suffixes (genitive -ның/-дың/-тың, dative -ға/-қа,
// accusative -ны/-ды/-ты, locative -да/-та, ablative -дан/-нан/-тан, instrumental
// -мен/-бен/-пен, similative -дай/-тай, possessive -(с)ы/-(с)і and its cases -н, -ның, -на,
// -нда, -нан, -мен); Russian forms are listed.
#include "core/numbers.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/uchar.h>

#include "core/lang.h"
#include "core/utf8.h"

namespace tilmash::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------------------------
// Digits.

// A decimal number as digit strings: whole part and fraction.
struct Decimal {
  std::string whole;
  std::string frac;

  // Multiplies by 10^e (e >= 0).
  void shift(int e) {
    for (int k = 0; k < e; ++k) {
      if (!frac.empty()) {
        whole.push_back(frac.front());
        frac.erase(0, 1);
      } else {
        whole.push_back('0');
      }
    }
  }

  std::string str() const {
    std::size_t nz = whole.find_first_not_of('0');
    std::string out = nz == std::string::npos ? "0" : whole.substr(nz);
    std::size_t last = frac.find_last_not_of('0');
    if (last != std::string::npos) out.append(".").append(frac, 0, last + 1);
    return out;
  }
};

// Length of a space that may group digits at `at` (space, U+00A0, U+2007, U+2009, U+202F), or 0.
std::size_t space_at(std::string_view t, std::size_t at) {
  if (at >= t.size()) return 0;
  if (t[at] == ' ') return 1;
  const std::string_view rest = t.substr(at);
  if (rest.starts_with("\u00a0")) return 2;
  if (rest.starts_with("\u2007") || rest.starts_with("\u2009") || rest.starts_with("\u202f")) {
    return 3;
  }
  return 0;
}

// Length of a grouping mark at `at`: a space (above), ',', '.', an apostrophe or U+2019; or 0.
std::size_t group_mark_at(std::string_view t, std::size_t at) {
  if (at >= t.size()) return 0;
  if (t[at] == ',' || t[at] == '.' || t[at] == '\'') return 1;
  if (t.substr(at).starts_with("\u2019")) return 3;
  return space_at(t, at);
}

bool three_digits_at(std::string_view t, std::size_t at) {
  return at + 3 <= t.size() && is_digit(t[at]) && is_digit(t[at + 1]) && is_digit(t[at + 2]) &&
         (at + 3 == t.size() || !is_digit(t[at + 3]));
}

// Reads the number whose first digit is at `pos`; returns it and the offset after it. A
// decimal part is read after one of `decimal_marks` (empty inside a list such as "28.01.2019").
std::pair<Decimal, std::size_t> read_digits(std::string_view t, std::size_t pos,
                                            std::string_view decimal_marks) {
  Decimal d;
  std::size_t i = pos;
  while (i < t.size() && is_digit(t[i])) d.whole.push_back(t[i++]);
  std::string_view mark;  // the grouping mark, once one is used
  if (d.whole.size() <= 3 && d.whole[0] != '0') {
    for (;;) {
      const std::size_t len = group_mark_at(t, i);
      if (len == 0 || !three_digits_at(t, i + len)) break;
      const std::string_view here = t.substr(i, len);
      if (!mark.empty() && here != mark) break;
      mark = here;
      d.whole.append(t.substr(i + len, 3));
      i += len + 3;
    }
  }
  if (i + 1 < t.size() && decimal_marks.find(t[i]) != decimal_marks.npos && is_digit(t[i + 1]) &&
      mark != t.substr(i, 1)) {
    std::size_t j = i + 1;
    while (j < t.size() && is_digit(t[j])) ++j;
    // "1,2,3", "28.01.2019": the same mark again before a digit makes a list, not a decimal.
    const bool list = j + 1 < t.size() && t[j] == t[i] && is_digit(t[j + 1]);
    if (!list) {
      d.frac.assign(t.substr(i + 1, j - i - 1));
      i = j;
    }
  }
  return {std::move(d), i};
}

// The number whose first digit is at `i` (not preceded by a digit), or nullopt for the digits
// of a printf conversion ("%1$s", "%.2f"), which are no numbers of the text. A number that
// continues a list ("1,2,3", "28.01.2019": a ',' or '.' right after a digit precedes it) has
// no decimals.
std::optional<std::pair<Decimal, std::size_t>> number_at(std::string_view t, std::size_t i,
                                                         std::string_view decimal_marks) {
  if ((i >= 1 && t[i - 1] == '%') || (i >= 2 && t[i - 1] == '.' && t[i - 2] == '%')) {
    return std::nullopt;
  }
  const bool in_list = i >= 2 && (t[i - 1] == ',' || t[i - 1] == '.') && is_digit(t[i - 2]);
  return read_digits(t, i, in_list ? "" : decimal_marks);
}

// Length of a clock separator at `at`: ':' or U+2236 RATIO (which some catalogues use so that
// a colon cannot be taken for markup); or 0.
std::size_t clock_colon_at(std::string_view t, std::size_t at) {
  if (at < t.size() && t[at] == ':') return 1;
  return at < t.size() && t.substr(at).starts_with("\u2236") ? 3 : 0;
}

// Two digits at `at`, not followed by a third: the minutes or seconds of a time.
bool two_digits_at(std::string_view t, std::size_t at) {
  return at + 2 <= t.size() && is_digit(t[at]) && is_digit(t[at + 1]) &&
         (at + 2 == t.size() || !is_digit(t[at + 2]));
}

// An English 12-hour marker at `at` after optional spaces ("am", "pm", "a.m.", "p.m.", any
// case, not followed by a letter): 'a' or 'p' and the offset after it; or '\0'.
std::pair<char, std::size_t> day_half_at(std::string_view t, std::size_t at) {
  std::size_t i = at;
  while (const std::size_t s = space_at(t, i)) i += s;
  if (i >= t.size()) return {'\0', at};
  const char h = static_cast<char>(t[i] | 0x20);
  if (h != 'a' && h != 'p') return {'\0', at};
  std::size_t j = i + 1;
  const bool dotted = j < t.size() && t[j] == '.';
  if (dotted) ++j;
  if (j >= t.size() || (t[j] | 0x20) != 'm') return {'\0', at};
  ++j;
  if (dotted) {
    if (j >= t.size() || t[j] != '.') return {'\0', at};
    ++j;
  }
  if (j < t.size()) {
    const auto c = static_cast<unsigned char>(t[j]);
    const auto lower = static_cast<unsigned char>(c | 0x20);
    if (is_digit(t[j]) || (lower >= 'a' && lower <= 'z') || c >= 0x80) return {'\0', at};
  }
  return {h, j};
}

// A time of day whose first digit is at `i` (not preceded by a digit): "15:30", "14:15:20",
// "2:35 pm", "11:46:30 a.m.", "4 pm". Its value is "time:HH:MM" or "time:HH:MM:SS" on the
// 24-hour clock (2:35 pm = 14:35, 12 am = 00:00), one value however it is written; nullopt
// when the digits are not a time (a ratio such as 2:1, minutes over 59, "13 pm").
std::optional<std::pair<std::string, std::size_t>> time_at(std::string_view t, std::size_t i) {
  if (i > 0 && (clock_colon_at(t, i - 1) != 0 || t[i - 1] == '.' || t[i - 1] == ',')) {
    return std::nullopt;
  }
  if (i >= 3 && t.substr(i - 3, 3) == "\u2236") return std::nullopt;
  std::size_t j = i;
  while (j < t.size() && is_digit(t[j]) && j - i < 3) ++j;
  if (j - i > 2 || (j < t.size() && is_digit(t[j]))) return std::nullopt;
  int hour = std::stoi(std::string(t.substr(i, j - i)));
  std::vector<int> parts;  // minutes, seconds
  while (parts.size() < 2) {
    const std::size_t c = clock_colon_at(t, j);
    if (c == 0 || !two_digits_at(t, j + c)) break;
    parts.push_back(std::stoi(std::string(t.substr(j + c, 2))));
    j += c + 2;
  }
  if (const std::size_t c = clock_colon_at(t, j); c != 0 && j + c < t.size() && is_digit(t[j + c])) {
    return std::nullopt;  // 1:2:3:4 is no time
  }
  const auto [half, after] = day_half_at(t, j);
  if (parts.empty() && half == '\0') return std::nullopt;  // a bare number
  for (int v : parts) {
    if (v > 59) return std::nullopt;
  }
  if (half != '\0') {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (half == 'p' ? 12 : 0);
    j = after;
  } else if (hour > 24) {
    return std::nullopt;
  }
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  std::string value = "time:" + two(hour) + ":" + two(parts.empty() ? 0 : parts[0]);
  if (parts.size() == 2) value += ":" + two(parts[1]);
  return std::pair{std::move(value), j};
}

std::size_t skip_digits(std::string_view t, std::size_t i) {
  while (i < t.size() && is_digit(t[i])) ++i;
  return i;
}

// Decimal marks: English writes a decimal point only ("[1,16]" is a list); Kazakh and Russian
// write a comma, and a point in figures taken over from English; other languages either.
constexpr std::string_view kAnyDecimalMark = ",.";

// ---------------------------------------------------------------------------------------------
// Words.

enum class Kind : std::uint8_t {
  kUnit,     // 0 … 99 and the Russian hundreds: adds to the group
  kHundred,  // multiplies the group by 100
  kScale,    // thousand, million …: multiplies the group by 10^value
  kMonth,    // value 1 … 12
  kPercent,  // percent, процент…, пайыз…
  kPer,      // "per" (cent), "percentage" (point): a percent with the next word
  kCent,     // "cent", "point", "points"
  kAnd,      // "and" inside "one hundred and five"
  kCompound, // a compound word on a number (двухбайтовый): the number alone, never composed
};

struct Lex {
  Kind kind = Kind::kUnit;
  int value = 0;
  bool alone = true;       // kScale/kHundred: may stand without a number before it
  bool ambiguous = false;  // kMonth: counts only next to a number
  bool abbrev = false;     // a full stop after it belongs to it (тыс., млн.)
  bool capital = false;    // kMonth: only when capitalised (English month names always are)
};

// A word whose start counts, unless it contains one of `unless` (мыңдаған: "thousands of").
struct Stem {
  std::string stem;
  Lex lex;
  std::vector<std::string> unless;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Lexicon {
  std::string_view decimal_marks = kAnyDecimalMark;
  std::unordered_map<std::string, Lex, StringHash, std::equal_to<>> words;
  std::vector<Stem> stems;

  const Lex* find(std::string_view key) const {
    if (auto it = words.find(key); it != words.end()) return &it->second;
    for (const Stem& s : stems) {
      if (!key.starts_with(s.stem)) continue;
      bool excluded = false;
      for (const std::string& u : s.unless) excluded = excluded || key.find(u) != key.npos;
      if (!excluded) return &s.lex;
    }
    return nullptr;
  }
};

Lex unit(int v) { return {Kind::kUnit, v}; }
Lex scale(int exponent, bool alone) { return {Kind::kScale, exponent, alone}; }
Lex abbrev_scale(int exponent) { return {Kind::kScale, exponent, false, false, true}; }
Lex month(int m, bool ambiguous = false) { return {Kind::kMonth, m, true, ambiguous}; }
Lex short_month(int m) { return {Kind::kMonth, m, true, true, true}; }

Lexicon english() {
  Lexicon l;
  l.decimal_marks = ".";
  const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                         "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
                         "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (int v = 0; v <= 20; ++v) l.words[units[v]] = unit(v);
  const char* tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int k = 0; k < 7; ++k) l.words[tens[k]] = unit(30 + 10 * k);
  // Ordinals ("1st" = "first" = «первый»); "second" is also a unit of time, so it is left out.
  const std::pair<int, const char*> ordinals[] = {
      {1, "first"}, {3, "third"}, {4, "fourth"}, {5, "fifth"}, {6, "sixth"}, {7, "seventh"},
      {8, "eighth"}, {9, "ninth"}, {10, "tenth"}, {11, "eleventh"}, {12, "twelfth"}};
  for (const auto& [v, w] : ordinals) l.words[w] = unit(v);
  l.words["both"] = unit(2);
  l.words["dozen"] = unit(12);
  l.words["hundred"] = {Kind::kHundred, 2};
  l.words["thousand"] = scale(3, true);
  l.words["million"] = scale(6, true);
  l.words["billion"] = scale(9, true);
  l.words["trillion"] = scale(12, true);
  l.words["mln"] = abbrev_scale(6);
  l.words["bn"] = abbrev_scale(9);
  l.words["and"] = {Kind::kAnd};
  const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                          "july",    "august",   "september", "october", "november", "december"};
  for (int m = 1; m <= 12; ++m) l.words[months[m - 1]] = month(m, m == 3 || m == 5);
  const std::pair<const char*, int> abbrevs[] = {
      {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
      {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  for (const auto& [w, m] : abbrevs) l.words[w] = short_month(m);
  for (auto& [w, lex] : l.words) lex.capital = lex.kind == Kind::kMonth;
  l.words["percent"] = {Kind::kPercent};
  l.words["pct"] = {Kind::kPercent};
  l.words["per"] = {Kind::kPer};
  l.words["percentage"] = {Kind::kPer};
  l.words["cent"] = {Kind::kCent};
  l.words["point"] = {Kind::kCent};
  l.words["points"] = {Kind::kCent};
  return l;
}

Lexicon russian() {
  Lexicon l;
  // Cardinal numbers in all their case forms (ё written е), collective numbers included.
  const std::pair<int, std::vector<const char*>> units[] = {
      {0, {"ноль", "нуль", "ноля", "нуля", "нолю", "нулю", "нолем", "нулем", "ноле", "нуле"}},
      {1, {"один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одною"}},
      {2, {"два", "две", "двух", "двум", "двумя", "двое", "двоих", "двоим", "двоими", "оба", "обе",
           "обоих", "обеих", "обоим", "обеим", "обоими", "обеими"}},
      {3, {"три", "трех", "трем", "тремя", "трое", "троих", "троим", "троими"}},
      {4, {"четыре", "четырех", "четырем", "четырьмя", "четверо", "четверых", "четверым"}},
      {5, {"пятеро", "пятерых", "пятерым"}},
      {6, {"шестеро", "шестерых"}},
      {7, {"семеро", "семерых"}},
      {8, {"восьми", "восьмью"}},
      {10, {"десятеро", "десятерых"}},
      {40, {"сорок", "сорока"}},
      {50, {"пятьдесят", "пятидесяти", "пятьюдесятью"}},
      {60, {"шестьдесят", "шестидесяти", "шестьюдесятью"}},
      {70, {"семьдесят", "семидесяти", "семьюдесятью"}},
      {80, {"восемьдесят", "восьмидесяти", "восемьюдесятью"}},
      {90, {"девяносто", "девяноста"}},
      {100, {"сто", "ста"}},
      {200, {"двести", "двухсот", "двумстам", "двумястами", "двухстах"}},
      {300, {"триста", "трехсот", "тремстам", "тремястами", "трехстах"}},
      {400, {"четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах"}},
  };
  for (const auto& [v, forms] : units) {
    for (const char* f : forms) l.words[f] = unit(v);
  }
  // Numbers in -ь (пять, двадцать): nominative/accusative, -и (other cases), -ью (instrumental).
  const std::pair<int, const char*> soft[] = {
      {5, "пять"}, {6, "шесть"}, {7, "семь"}, {8, "восемь"}, {9, "девять"}, {10, "десять"},
      {11, "одиннадцать"}, {12, "двенадцать"}, {13, "тринадцать"}, {14, "четырнадцать"},
      {15, "пятнадцать"}, {16, "шестнадцать"}, {17, "семнадцать"}, {18, "восемнадцать"},
      {19, "девятнадцать"}, {20, "двадцать"}, {30, "тридцать"}};
  for (const auto& [v, word] : soft) {
    const std::string w = word;
    const std::string stem = w.substr(0, w.size() - std::string_view("ь").size());
    l.words[w] = unit(v);
    l.words[stem + "и"] = unit(v);
    if (v != 7) l.words[w + "ю"] = unit(v);  // семью is "family" far more often than "by seven"
  }
  // The hundreds in -сот (пятьсот, пятисот, пятистам, пятьюстами, пятистах).
  const std::pair<int, std::vector<const char*>> hundreds[] = {
      {500, {"пятьсот", "пятисот", "пятистам", "пятьюстами", "пятистах"}},
      {600, {"шестьсот", "шестисот", "шестистам", "шестьюстами", "шестистах"}},
      {700, {"семьсот", "семисот", "семистам", "семьюстами", "семистах"}},
      {800, {"восемьсот", "восьмисот", "восьмистам", "восемьюстами", "восьмистах"}},
      {900, {"девятьсот", "девятисот", "девятистам", "девятьюстами", "девятистах"}}};
  for (const auto& [v, forms] : hundreds) {
    for (const char* f : forms) l.words[f] = unit(v);
  }
  // Ordinals, and the adjectives of zero (нулевой, ненулевое = "non-zero"), in every form.
  const char* hard[] = {"ый", "ой", "ая", "ое", "ого", "ому", "ым", "ом", "ую", "ые", "ых", "ыми"};
  const std::pair<int, const char*> ordinals[] = {
      {1, "перв"}, {2, "втор"}, {4, "четверт"}, {5, "пят"}, {6, "шест"}, {7, "седьм"},
      {8, "восьм"}, {9, "девят"}, {10, "десят"}, {0, "нулев"}, {0, "ненулев"}};
  for (const auto& [v, stem] : ordinals) {
    for (const char* end : hard) l.words.try_emplace(std::string(stem) + end, unit(v));
  }
  for (const char* end : {"ий", "ья", "ье", "ьего", "ьему", "ьим", "ьем", "ьей", "ью", "ьи", "ьих", "ьими"}) {
    l.words.try_emplace(std::string("трет") + end, unit(3));
  }
  // Scale words: every case form after a number, the singular alone («около миллиона»). The
  // genitive singular тысячи is also the nominative plural («тысячи людей», "thousands of
  // people"), so it counts after a number only.
  for (const char* f : {"тысяча", "тысячу", "тысячей", "тысячею", "тысяче"}) l.words[f] = scale(3, true);
  for (const char* f : {"тысячи", "тысяч", "тысячам", "тысячами", "тысячах"}) l.words[f] = scale(3, false);
  const std::pair<int, const char*> big[] = {{6, "миллион"}, {9, "миллиард"}, {12, "триллион"}};
  for (const auto& [e, w] : big) {
    const std::string s = w;
    for (const char* end : {"", "а", "у", "ом", "е"}) l.words[s + end] = scale(e, true);
    for (const char* end : {"ы", "ов", "ам", "ами", "ах"}) l.words[s + end] = scale(e, false);
  }
  l.words["тыс"] = abbrev_scale(3);
  l.words["млн"] = abbrev_scale(6);
  l.words["млрд"] = abbrev_scale(9);
  l.words["трлн"] = abbrev_scale(12);
  // Months in their five singular cases (январь, января, январю, январём, январе), and the
  // adjectives (январский, мартовские). Listed, not matched by prefix: Мартен, Августин.
  const char* soft_months[] = {"январ", "феврал", "", "апрел", "", "июн",
                               "июл", "", "сентябр", "октябр", "ноябр", "декабр"};
  for (int m = 1; m <= 12; ++m) {
    if (*soft_months[m - 1] == '\0') continue;
    for (const char* end : {"ь", "я", "ю", "ем", "е"}) l.words[soft_months[m - 1] + std::string(end)] = month(m);
  }
  for (const auto& [m, w] : {std::pair{3, "март"}, std::pair{8, "август"}}) {
    for (const char* end : {"", "а", "у", "ом", "е"}) l.words[w + std::string(end)] = month(m);
  }
  for (const char* f : {"май", "мая", "мае", "маю", "маем"}) l.words[f] = month(5, true);
  const char* adjectives[] = {"январск",  "февральск",  "мартовск",  "апрельск",
                              "майск",    "июньск",     "июльск",    "августовск",
                              "сентябрьск", "октябрьск", "ноябрьск", "декабрьск"};
  for (int m = 1; m <= 12; ++m) l.stems.push_back({adjectives[m - 1], month(m), {}});
  const std::pair<const char*, int> abbrevs[] = {
      {"янв", 1}, {"фев", 2}, {"февр", 2}, {"мар", 3}, {"апр", 4}, {"июн", 6}, {"июл", 7},
      {"авг", 8}, {"сен", 9}, {"сент", 9}, {"окт", 10}, {"ноя", 11}, {"нояб", 11}, {"дек", 12}};
  for (const auto& [w, m] : abbrevs) l.words[w] = short_month(m);
  l.stems.push_back({"процент", {Kind::kPercent}, {}});
  // Compounds on a number's genitive stem: двухбайтовый "2-byte", трёхходовое "3-way",
  // восьмибитный "8-bit" (семи- is left out: семинар).
  const std::pair<int, const char*> compounds[] = {
      {2, "двух"}, {3, "трех"}, {4, "четырех"}, {5, "пяти"}, {6, "шести"}, {8, "восьми"},
      {9, "девяти"}, {10, "десяти"}};
  for (const auto& [v, stem] : compounds) {
    l.stems.push_back({stem, {Kind::kCompound, v}, {"десятич"}});  // десятичный "decimal"
  }
  return l;
}

// Kazakh case forms of `stem` (see the file comment), with `lex`, except the forms in `skip`.
void add_kazakh_forms(Lexicon& l, std::string_view stem, Lex lex,
                      std::initializer_list<std::string_view> skip = {}) {
  std::u32string cps;
  decode_utf8(stem, cps);
  bool front = false;
  for (char32_t c : cps) {
    if (std::u32string_view(U"аоұыя").find(c) != std::u32string_view::npos) front = false;
    if (std::u32string_view(U"әөүіе").find(c) != std::u32string_view::npos) front = true;
  }
  const char32_t last = cps.back();
  enum { kVowel, kSonorant, kNasal, kVoiced, kVoiceless } cls = kVoiceless;
  if (std::u32string_view(U"аәоөұүыіеэияю").find(last) != std::u32string_view::npos) {
    cls = kVowel;
  } else if (std::u32string_view(U"лрйу").find(last) != std::u32string_view::npos) {
    cls = kSonorant;
  } else if (std::u32string_view(U"мнң").find(last) != std::u32string_view::npos) {
    cls = kNasal;
  } else if (std::u32string_view(U"жз").find(last) != std::u32string_view::npos) {
    cls = kVoiced;
  }
  const bool voiceless = cls == kVoiceless;
  auto pick = [&](const char* back, const char* fr) { return std::string(front ? fr : back); };
  std::vector<std::string> suffixes = {
      "",
      cls == kVowel || cls == kNasal ? pick("ның", "нің") : voiceless ? pick("тың", "тің")
                                                                       : pick("дың", "дің"),
      voiceless ? pick("қа", "ке") : pick("ға", "ге"),
      cls == kVowel ? pick("ны", "ні") : voiceless ? pick("ты", "ті") : pick("ды", "ді"),
      voiceless ? pick("та", "те") : pick("да", "де"),
      cls == kNasal ? pick("нан", "нен") : voiceless ? pick("тан", "тен") : pick("дан", "ден"),
      "мен", "бен", "пен",
      voiceless ? pick("тай", "тей") : pick("дай", "дей"),
      cls == kVowel ? pick("сы", "сі") : pick("ы", "і"),
  };
  auto skipped = [&](std::string_view form) {
    for (std::string_view k : skip) {
      if (form == k) return true;
    }
    return false;
  };
  for (const std::string& s : suffixes) {
    std::string form = std::string(stem) + s;
    if (!skipped(form)) l.words.try_emplace(std::move(form), lex);
  }
  // The possessive declines with -н- (екеуі "the two of them": екеуін, екеуінің, екеуіне …).
  const std::string poss = std::string(stem) + suffixes.back();
  if (skipped(poss)) return;
  for (const char* s : {"н", front ? "нің" : "ның", front ? "не" : "на", front ? "нде" : "нда",
                        front ? "нен" : "нан", "мен"}) {
    std::string form = poss + s;
    if (!skipped(form)) l.words.try_emplace(std::move(form), lex);
  }
}

Lexicon kazakh() {
  Lexicon l;
  const std::pair<int, const char*> units[] = {
      {0, "нөл"},   {1, "бір"},    {2, "екі"},     {3, "үш"},     {4, "төрт"},   {5, "бес"},
      {6, "алты"},  {7, "жеті"},   {8, "сегіз"},   {9, "тоғыз"},  {20, "жиырма"}, {30, "отыз"},
      {40, "қырық"}, {50, "елу"},  {60, "алпыс"},  {70, "жетпіс"}, {80, "сексен"}, {90, "тоқсан"},
      // Collective numbers: екеу "the two (of them)" …
      {2, "екеу"},  {3, "үшеу"},   {4, "төртеу"},  {5, "бесеу"},  {6, "алтау"},  {7, "жетеу"}};
  // үшін "for", бірдей "equal, the same".
  for (const auto& [v, w] : units) add_kazakh_forms(l, w, unit(v), {"үшін", "бірдей"});
  // Ordinals: бірінші "first" …
  const std::pair<int, const char*> ordinals[] = {
      {1, "бірінші"}, {2, "екінші"},  {3, "үшінші"},   {4, "төртінші"},  {5, "бесінші"},
      {6, "алтыншы"}, {7, "жетінші"}, {8, "сегізінші"}, {9, "тоғызыншы"}, {10, "оныншы"}};
  for (const auto& [v, w] : ordinals) add_kazakh_forms(l, w, unit(v));
  // он "ten": some of its forms are other words: онда "there", оны "him, it", ондай "such".
  add_kazakh_forms(l, "он", unit(10), {"онда", "оны", "ондай"});
  // жүз is also "face" and "swim": a hundred only after a number (екі жүз).
  add_kazakh_forms(l, "жүз", {Kind::kHundred, 2, false});
  const std::pair<int, const char*> big[] = {
      {3, "мың"}, {6, "миллион"}, {9, "миллиард"}, {12, "триллион"}};
  for (const auto& [e, w] : big) {
    add_kazakh_forms(l, w, scale(e, true));
    // Other suffixes after a number; -даған/-деген ("thousands of") is never a number.
    l.stems.push_back({w, scale(e, false), {"даған", "деген", "таған", "теген"}});
  }
  l.words["млн"] = abbrev_scale(6);
  l.words["млрд"] = abbrev_scale(9);
  l.words["трлн"] = abbrev_scale(12);
  const char* months[] = {"қаңтар", "ақпан",   "наурыз",   "сәуір", "мамыр",  "маусым",
                          "шілде",  "тамыз",   "қыркүйек", "қазан", "қараша", "желтоқсан"};
  for (int m = 1; m <= 12; ++m) {
    // наурыз is also the spring holiday, маусым "season", қазан "cauldron" and Kazan.
    l.stems.push_back({months[m - 1], month(m, m == 3 || m == 6 || m == 10), {}});
  }
  l.stems.push_back({"пайыз", {Kind::kPercent}, {}});
  return l;
}

const Lexicon* lexicon_of(std::string_view lang) {
  static const Lexicon en = english();
  static const Lexicon ru = russian();
  static const Lexicon kk = kazakh();
  const std::string_view primary = primary_language(lang);
  if (primary == "en") return &en;
  if (primary == "ru") return &ru;
  if (primary == "kk") return &kk;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Reading.

struct Piece {
  Span span;
  const Lex* lex = nullptr;  // words: the lexicon entry, if any
  bool capital = false;      // words: the first letter is upper-case
  bool number = false;       // digits
  Decimal digits;            // numbers only
  std::string time;          // a time of day ("time:14:35"); then `digits` is unused
};

bool is_letter(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

std::vector<Piece> pieces_of(std::string_view text, const Lexicon& lx) {
  std::vector<Piece> out;
  std::string key;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      if (auto tm = time_at(text, i)) {
        Piece& p = out.emplace_back();
        p.span = {i, tm->second};
        p.number = true;
        p.time = std::move(tm->first);
        i = tm->second;
        continue;
      }
      auto n = number_at(text, i, lx.decimal_marks);
      if (!n) {
        i = skip_digits(text, i);
        continue;
      }
      Piece& p = out.emplace_back();
      p.span = {i, n->second};
      p.number = true;
      p.digits = std::move(n->first);
      i = n->second;
      continue;
    }
    std::size_t next = i;
    char32_t c = next_code_point(text, next);
    if (!is_letter(c)) {
      i = next;
      continue;
    }
    key.clear();
    const bool capital = u_isupper(static_cast<UChar32>(c)) != 0;
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t after = end;
      c = next_code_point(text, after);
      if (!is_letter(c)) break;
      c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      append_utf8(key, c == U'ё' ? U'е' : c);
      end = after;
    }
    Piece& p = out.emplace_back();
    p.span = {i, end};
    p.lex = lx.find(key);
    p.capital = capital;
    i = end;
  }
  return out;
}

// Only white space between a and b (bytes [a, b)); with `hyphen`, also one '-'.
bool blank(std::string_view text, std::size_t a, std::size_t b, bool hyphen) {
  bool dash = false;
  for (std::size_t i = a; i < b;) {
    if (const std::size_t s = space_at(text, i); s != 0) {
      i += s;
    } else if (hyphen && !dash && text[i] == '-') {
      dash = true;
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

class Reader {
 public:
  Reader(std::string_view text, const Lexicon& lx) : text_(text), p_(pieces_of(text, lx)) {}

  std::vector<NumberToken> run() {
    std::vector<NumberToken> out;
    for (std::size_t k = 0; k < p_.size(); ++k) {
      const Piece& p = p_[k];
      if (p.number && !p.time.empty()) {
        out.push_back({p.time, p.span, false});
      } else if (p.number) {
        Decimal d = p.digits;
        Span span = p.span;
        if (const Lex* s = word(k + 1); s != nullptr && s->kind == Kind::kScale &&
                                        blank(text_, span.end, p_[k + 1].span.begin, false)) {
          d.shift(s->value);
          span.end = end_of(++k);
        }
        std::string value = d.str();
        if (percent_after(k, span.end)) value.push_back('%');
        out.push_back({std::move(value), span, false});
      } else if (p.lex != nullptr && p.lex->kind == Kind::kMonth) {
        if (p.lex->capital && !p.capital) continue;  // "they may", "-march=armv5"
        // An ambiguous name away from a number may be a word ("May", «маусым» "season").
        const bool sure = !p.lex->ambiguous || next_to_number(k);
        out.push_back({"month:" + std::to_string(p.lex->value), p.span, !sure});
      } else if (p.lex != nullptr) {
        if (auto spelled = compose(k)) out.push_back(std::move(*spelled));
      }
    }
    return out;
  }

 private:
  // The lexicon entry of piece k when it is a word, else nullptr.
  const Lex* word(std::size_t k) const {
    return k < p_.size() && !p_[k].number ? p_[k].lex : nullptr;
  }

  // The end of piece k, with the full stop of an abbreviation.
  std::size_t end_of(std::size_t k) const {
    std::size_t end = p_[k].span.end;
    if (p_[k].lex != nullptr && p_[k].lex->abbrev && end < text_.size() && text_[end] == '.') ++end;
    return end;
  }

  // Piece k has a number right before or after it, with nothing but a space or a hyphen (and
  // an abbreviation's full stop) between them: "May 5", "5 May", «3-қазанда», "Jan. 28".
  bool next_to_number(std::size_t k) const {
    if (k >= 1 && p_[k - 1].number && blank(text_, p_[k - 1].span.end, p_[k].span.begin, true)) {
      return true;
    }
    return k + 1 < p_.size() && p_[k + 1].number &&
           blank(text_, end_of(k), p_[k + 1].span.begin, true);
  }

  // A percent sign or word after piece k (whose text ends at `end`): consumes it, moves `end`.
  bool percent_after(std::size_t& k, std::size_t& end) const {
    std::size_t i = end;
    while (const std::size_t s = space_at(text_, i)) i += s;
    if (i < text_.size() && text_[i] == '%') {
      end = i + 1;
      return true;
    }
    const Lex* w = word(k + 1);
    if (w == nullptr || !blank(text_, end, p_[k + 1].span.begin, true)) return false;
    if (w->kind == Kind::kPercent) {
      end = p_[++k].span.end;
      return true;
    }
    const Lex* w2 = word(k + 2);
    if (w->kind == Kind::kPer && w2 != nullptr && w2->kind == Kind::kCent &&
        blank(text_, p_[k + 1].span.end, p_[k + 2].span.begin, false)) {
      k += 2;
      end = p_[k].span.end;
      return true;
    }
    return false;
  }

  // A number written in words starting at piece k: "twenty-five", «двести тысяч», «екі жүз».
  // Consumes its pieces (moves k) and returns it, or nullopt.
  std::optional<NumberToken> compose(std::size_t& k) {
    std::int64_t total = 0, group = 0;
    bool has_group = false, used = false;
    int last_scale = 99;
    std::size_t j = k, last = k;
    for (; j < p_.size(); ++j) {
      const Lex* w = word(j);
      if (w == nullptr) break;
      if (j > k && !blank(text_, p_[j - 1].span.end, p_[j].span.begin, true)) break;
      if (w->kind == Kind::kCompound) {
        if (j == k) {
          group = w->value;
          used = true;
          last = j;
        }
        break;
      }
      if (w->kind == Kind::kUnit) {
        const std::int64_t u = w->value;
        if (!has_group) {
          group = u;
        } else if ((u < 10 && group % 10 == 0 && group % 100 != 0) ||
                   (u < 100 && group % 100 == 0 && group > 0)) {
          group += u;
        } else {
          break;
        }
        has_group = true;
      } else if (w->kind == Kind::kHundred) {
        if (has_group && group >= 1 && group <= 9) {
          group *= 100;
        } else if (!has_group && w->alone) {
          group = 100;
          has_group = true;
        } else {
          break;
        }
      } else if (w->kind == Kind::kScale && w->value < last_scale) {
        if (has_group && group > 0) {
          total += group * pow10(w->value);
        } else if (!has_group && w->alone) {
          total += pow10(w->value);
        } else {
          break;
        }
        group = 0;
        has_group = false;
        last_scale = w->value;
      } else if (w->kind == Kind::kAnd && has_group && group % 100 == 0 && group > 0 &&
                 word(j + 1) != nullptr && word(j + 1)->kind == Kind::kUnit) {
        continue;
      } else {
        break;
      }
      used = true;
      last = j;
    }
    if (!used) return std::nullopt;
    NumberToken t{std::to_string(total + group), {p_[k].span.begin, end_of(last)}, true};
    k = last;
    if (percent_after(k, t.span.end)) t.value.push_back('%');
    return t;
  }

  static std::int64_t pow10(int e) {
    std::int64_t v = 1;
    for (int i = 0; i < e; ++i) v *= 10;
    return v;
  }

  std::string_view text_;
  std::vector<Piece> p_;
};

}  // namespace

bool reads_number_words(std::string_view lang) { return lexicon_of(lang) != nullptr; }

std::vector<NumberToken> read_numbers(std::string_view text, std::string_view lang) {
  if (const Lexicon* lx = lexicon_of(lang)) return Reader(text, *lx).run();
  std::vector<NumberToken> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    if (auto n = number_at(text, i, kAnyDecimalMark)) {
      out.push_back({n->first.str(), {i, n->second}, false});
      i = n->second;
    } else {
      i = skip_digits(text, i);
    }
  }
  return out;
}

}  // namespace tilmash::core
