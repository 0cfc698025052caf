// Number and date comparison for translation QA. Tokens come from term::tokenize (ICU-normalized
// keys), digits are read from the raw bytes so that grouping marks can be interpreted per
// language (CLDR number symbols: en "1,500.5", kk/ru "1 500,5").
#include "qa/number_check.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include "term/normalize.h"

namespace tilmash::qa {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Month stems (normalized keys): a key that starts with the stem names the month.
struct MonthStem {
  const char* stem;
  int month;
  bool ambiguous;  // counts only next to a number
  bool exact;      // the key must equal the stem
};

constexpr std::array kEnMonths{
    MonthStem{"january", 1, false, true},    MonthStem{"february", 2, false, true},
    MonthStem{"march", 3, true, true},       MonthStem{"april", 4, false, true},
    MonthStem{"may", 5, true, true},         MonthStem{"june", 6, false, true},
    MonthStem{"july", 7, false, true},       MonthStem{"august", 8, false, true},
    MonthStem{"september", 9, false, true},  MonthStem{"october", 10, false, true},
    MonthStem{"november", 11, false, true},  MonthStem{"december", 12, false, true},
    MonthStem{"jan", 1, false, true},        MonthStem{"feb", 2, false, true},
    MonthStem{"apr", 4, false, true},        MonthStem{"aug", 8, false, true},
    MonthStem{"sept", 9, false, true},       MonthStem{"oct", 10, false, true},
    MonthStem{"nov", 11, false, true},       MonthStem{"dec", 12, false, true},
};
constexpr std::array kRuMonths{
    MonthStem{"январ", 1, false, false},   MonthStem{"феврал", 2, false, false},
    MonthStem{"март", 3, false, false},    MonthStem{"апрел", 4, false, false},
    MonthStem{"май", 5, true, true},       MonthStem{"мая", 5, true, true},
    MonthStem{"мае", 5, true, true},       MonthStem{"июн", 6, false, false},
    MonthStem{"июл", 7, false, false},     MonthStem{"август", 8, false, false},
    MonthStem{"сентябр", 9, false, false}, MonthStem{"октябр", 10, false, false},
    MonthStem{"ноябр", 11, false, false},  MonthStem{"декабр", 12, false, false},
};
constexpr std::array kKkMonths{
    MonthStem{"қаңтар", 1, false, false},    MonthStem{"ақпан", 2, false, false},
    MonthStem{"наурыз", 3, false, false},    MonthStem{"сәуір", 4, false, false},
    MonthStem{"мамыр", 5, false, false},     MonthStem{"маусым", 6, false, false},
    MonthStem{"шілде", 7, false, false},     MonthStem{"тамыз", 8, false, false},
    MonthStem{"қыркүйек", 9, false, false},  MonthStem{"қазан", 10, true, false},
    MonthStem{"қараша", 11, false, false},   MonthStem{"желтоқсан", 12, false, false},
};

std::span<const MonthStem> months_of(std::string_view lang) {
  if (lang == "en") return kEnMonths;
  if (lang == "ru") return kRuMonths;
  if (lang == "kk") return kKkMonths;
  return {};
}

std::optional<std::pair<int, bool>> month_of(std::string_view key, std::string_view lang) {
  for (const MonthStem& m : months_of(lang)) {
    const std::string_view stem = m.stem;
    if (m.exact ? key == stem : key.starts_with(stem)) return std::pair{m.month, m.ambiguous};
  }
  return std::nullopt;
}

// Number words 0..12 (normalized keys; Russian and Kazakh inflected forms by prefix where the
// prefix is unambiguous).
int number_word(std::string_view key, std::string_view lang) {
  static const std::map<std::string_view, int> kEn{
      {"zero", 0}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
      {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
      {"dozen", 12}, {"both", 2}, {"twice", 2}, {"once", 1}, {"a", 1}, {"an", 1}};
  static const std::map<std::string_view, int> kRu{
      {"один", 1}, {"одна", 1}, {"одно", 1}, {"одного", 1}, {"одной", 1}, {"одном", 1},
      {"одну", 1}, {"два", 2}, {"две", 2}, {"двух", 2}, {"двум", 2}, {"двумя", 2}, {"двое", 2},
      {"оба", 2}, {"обе", 2}, {"три", 3}, {"трех", 3}, {"трем", 3}, {"тремя", 3}, {"трое", 3},
      {"четыре", 4}, {"четырех", 4}, {"пять", 5}, {"пяти", 5}, {"шесть", 6}, {"шести", 6},
      {"семь", 7}, {"семи", 7}, {"восемь", 8}, {"восьми", 8}, {"девять", 9}, {"девяти", 9},
      {"десять", 10}, {"десяти", 10}, {"десятка", 10}, {"дюжина", 12}};
  static const std::map<std::string_view, int> kKk{
      {"бір", 1}, {"екі", 2}, {"екеу", 2}, {"үш", 3}, {"үше", 3}, {"төрт", 4}, {"бес", 5},
      {"алты", 6}, {"жеті", 7}, {"сегіз", 8}, {"тоғыз", 9}, {"он", 10}};
  const auto& table = lang == "ru" ? kRu : lang == "kk" ? kKk : kEn;
  if (lang != "en" && lang != "ru" && lang != "kk") return -1;
  std::string k(key);
  // ё was folded to е by normalize_word; the tables use е.
  if (auto it = table.find(k); it != table.end()) return it->second;
  // A scale word without a number ("около миллиона" for "1 million") stands for one.
  for (std::string_view scale : {"million", "thousand", "billion", "миллион", "тысяч", "миллиард",
                                 "млн", "млрд", "мың"}) {
    if (key.starts_with(scale)) return 1;
  }
  if (lang == "kk") {
    // Kazakh inflects by suffix: екі-нші, үш-еуі, бес-ке …
    for (const auto& [word, value] : table) {
      if (word.size() >= 4 && key.starts_with(word)) return value;
    }
  }
  return -1;
}

// Reads the number starting at `pos` (a digit). Returns its canonical value and end offset.
std::pair<std::string, std::size_t> read_number(std::string_view t, std::size_t pos,
                                                std::string_view lang) {
  const bool en = lang != "kk" && lang != "ru";
  std::string digits;
  std::size_t i = pos;
  std::size_t first_group = 0;
  while (i < t.size() && is_digit(t[i])) digits += t[i++], ++first_group;
  // Grouping: a separator followed by exactly three digits, repeatedly.
  auto group_sep = [&](std::size_t at) -> std::size_t {  // length of a separator at `at`, or 0
    if (at >= t.size()) return 0;
    if (en && t[at] == ',') return 1;
    if (!en && t[at] == ' ') return 1;
    if (!en && t.substr(at, 2) == "\u00a0") return 2;
    if (!en && (t.substr(at, 3) == "\u2009" || t.substr(at, 3) == "\u202f")) return 3;
    return 0;
  };
  auto three_digits_at = [&](std::size_t at) {
    return at + 3 <= t.size() && is_digit(t[at]) && is_digit(t[at + 1]) && is_digit(t[at + 2])
           && (at + 3 == t.size() || !is_digit(t[at + 3]));
  };
  if (first_group <= 3) {
    for (std::size_t s = group_sep(i); s != 0 && three_digits_at(i + s); s = group_sep(i)) {
      digits.append(t.substr(i + s, 3));
      i += s + 3;
    }
  }
  // Decimal part.
  std::string decimals;
  if (i + 1 < t.size() && (t[i] == '.' || (!en && t[i] == ',')) && is_digit(t[i + 1])) {
    std::size_t j = i + 1;
    while (j < t.size() && is_digit(t[j])) decimals += t[j++];
    // "28.01.2019" is a date, not a decimal: leave such parts as separate numbers.
    if (!(j < t.size() && t[j] == '.' && j + 1 < t.size() && is_digit(t[j + 1]))) i = j;
    else decimals.clear();
  }
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  std::size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  return {decimals.empty() ? digits : digits + "." + decimals, i};
}

struct Word {
  core::Span span;
  std::string key;
  bool number = false;
};

}  // namespace

std::vector<NumberToken> extract_numbers(std::string_view text, std::string_view lang) {
  std::vector<NumberToken> out;
  // Digits from the raw bytes.
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) {
      ++i;
      continue;
    }
    auto [value, end] = read_number(text, i, lang);
    out.push_back({std::move(value), {i, end}});
    i = end;
  }
  // Month names from the words.
  const std::vector<term::Token> tokens = term::tokenize(text);
  auto near_number = [&](std::size_t k) {
    for (std::size_t d = 1; d <= 2; ++d) {
      for (std::size_t j : {k - d, k + d}) {
        if (j < tokens.size() && !tokens[j].key.empty() && is_digit(tokens[j].key[0])) return true;
      }
    }
    return false;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    auto m = month_of(tokens[k].key, lang);
    if (!m || (m->second && !near_number(k))) continue;
    out.push_back({std::string("month:").append(std::to_string(m->first)), tokens[k].span});
  }
  std::sort(out.begin(), out.end(),
            [](const NumberToken& a, const NumberToken& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::vector<NumberDifference> compare_numbers(std::string_view source, std::string_view source_lang,
                                              std::string_view target,
                                              std::string_view target_lang) {
  const std::vector<NumberToken> src = extract_numbers(source, source_lang);
  const std::vector<NumberToken> tgt = extract_numbers(target, target_lang);
  auto words_of = [](std::string_view text, std::string_view lang) {
    std::multiset<int> values;
    for (const term::Token& t : term::tokenize(text)) {
      if (int v = number_word(t.key, lang); v >= 0) values.insert(v);
    }
    return values;
  };
  std::multiset<int> src_words = words_of(source, source_lang);
  std::multiset<int> tgt_words = words_of(target, target_lang);
  std::vector<bool> tgt_used(tgt.size(), false);
  std::vector<bool> src_used(src.size(), false);
  for (std::size_t i = 0; i < src.size(); ++i) {
    for (std::size_t j = 0; j < tgt.size(); ++j) {
      if (!tgt_used[j] && tgt[j].value == src[i].value) {
        tgt_used[j] = src_used[i] = true;
        break;
      }
    }
  }
  auto forgiven = [](const std::string& value, std::multiset<int>& words) {
    if (value.empty() || value.size() > 2 || value.starts_with("month")) return false;
    auto it = words.find(std::stoi(value));
    if (it == words.end()) return false;
    words.erase(it);
    return true;
  };
  std::vector<NumberDifference> out;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (!src_used[i] && !forgiven(src[i].value, tgt_words)) out.push_back({src[i], true});
  }
  for (std::size_t j = 0; j < tgt.size(); ++j) {
    if (!tgt_used[j] && !forgiven(tgt[j].value, src_words)) out.push_back({tgt[j], false});
  }
  return out;
}

std::string find_date(std::string_view text, std::string_view lang) {
  const std::vector<NumberToken> nums = extract_numbers(text, lang);
  auto pad = [](int v) { return std::string(v < 10 ? "0" : "").append(std::to_string(v)); };
  auto small = [](const NumberToken& t) {
    return !t.value.starts_with("month") && t.value.size() <= 2 && t.value.find('.') == std::string::npos;
  };
  auto year = [](const NumberToken& t) {
    return t.value.size() == 4 && (t.value.starts_with("19") || t.value.starts_with("20"));
  };
  for (std::size_t i = 0; i + 2 < nums.size(); ++i) {
    const NumberToken& a = nums[i];
    const NumberToken& b = nums[i + 1];
    const NumberToken& c = nums[i + 2];
    // The three parts must be close together (within 16 bytes of each other).
    if (b.span.begin - a.span.end > 16 || c.span.begin - b.span.end > 16) continue;
    std::string month, day, y;
    if (a.value.starts_with("month") && small(b) && year(c)) {
      month = a.value.substr(6), day = b.value, y = c.value;  // January 28, 2019
    } else if (small(a) && b.value.starts_with("month") && year(c)) {
      day = a.value, month = b.value.substr(6), y = c.value;  // 28 January 2019
    } else if (year(a) && small(b) && c.value.starts_with("month")) {
      y = a.value, day = b.value, month = c.value.substr(6);  // 2019 жылғы 28 қаңтар
    } else if (year(a) && small(b) && small(c) && text.substr(a.span.end, 1) == "-") {
      y = a.value, month = b.value, day = c.value;            // 2019-01-28
    } else {
      continue;
    }
    const int d = std::stoi(day);
    const int m = std::stoi(month);
    if (d < 1 || d > 31 || m < 1 || m > 12) continue;
    return y + "-" + pad(m) + "-" + pad(d);
  }
  return "";
}

std::string display_number(std::string_view value) {
  static constexpr std::array<const char*, 12> kNames{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (value.starts_with("month:")) {
    const int m = std::stoi(std::string(value.substr(6)));
    if (m >= 1 && m <= 12) return kNames[static_cast<std::size_t>(m - 1)];
  }
  return std::string(value);
}

}  // namespace tilmash::qa
