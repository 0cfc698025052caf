// Number and date comparison for translation QA, on top of the number reader in core.
#include "qa/number_check.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace tilmash::qa {
namespace {

std::string_view without_percent(std::string_view v) {
  return v.ends_with('%') ? v.substr(0, v.size() - 1) : v;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Other ways to write the time of day `v` ("time:HH:MM"; none for other values or with
// seconds): a whole hour as its hour on either clock ("time:14:00" -> "14", "2": «в 14 часов»,
// «в 2 часа дня»), and hours and minutes as the decimal that Russian and Kazakh typography's
// 14.30 reads as ("time:14:30" -> "14.3", "time:09:05" -> "9.05").
std::vector<std::string> time_spellings(std::string_view v) {
  if (!v.starts_with("time:") || v.size() != 10) return {};
  const int h = std::stoi(std::string(v.substr(5, 2)));
  const std::string_view m = v.substr(8, 2);
  if (m == "00") return {std::to_string(h), std::to_string(h % 12 == 0 ? 12 : h % 12)};
  std::string minutes(m);
  if (minutes.back() == '0') minutes.pop_back();
  return {std::to_string(h) + "." + minutes};
}

bool same_time(std::string_view a, std::string_view b) {
  for (const std::string& s : time_spellings(a)) {
    if (s == b) return true;
  }
  for (const std::string& s : time_spellings(b)) {
    if (s == a) return true;
  }
  return false;
}

// Figures copied verbatim: "[0,31]" reads 0 and 31 in English and 0.31 in Russian, yet the
// same digits and marks on both sides are no mismatch. For each unmatched number of `a` that
// is digits with ',' or '.' between them, finds the same string in `b_text` (not inside a
// longer run of digits) and, when the unmatched numbers of `b` there cover it, matches them.
void match_verbatim(std::string_view a_text, const std::vector<NumberToken>& a,
                    std::vector<bool>& a_used, std::string_view b_text,
                    const std::vector<NumberToken>& b, std::vector<bool>& b_used) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a_used[i] || a[i].spelled) continue;
    const std::string_view s = a_text.substr(a[i].span.begin, a[i].span.size());
    if (s.find_first_not_of("0123456789,.") != s.npos || s.find_first_of(",.") == s.npos) continue;
    for (std::size_t at = b_text.find(s); at != b_text.npos; at = b_text.find(s, at + 1)) {
      const std::size_t end = at + s.size();
      if ((at > 0 && is_digit(b_text[at - 1])) || (end < b_text.size() && is_digit(b_text[end]))) {
        continue;
      }
      std::vector<std::size_t> inside;
      bool clash = false;
      for (std::size_t j = 0; j < b.size(); ++j) {
        if (b[j].span.end <= at || b[j].span.begin >= end) continue;
        if (b_used[j] || b[j].span.begin < at || b[j].span.end > end) clash = true;
        inside.push_back(j);
      }
      if (clash || inside.empty()) continue;
      a_used[i] = true;
      for (std::size_t j : inside) b_used[j] = true;
      break;
    }
  }
}

}  // namespace

std::vector<NumberDifference> compare_numbers(std::string_view source, std::string_view source_lang,
                                              std::string_view target,
                                              std::string_view target_lang) {
  // Number words are read only when both languages have them: "2 Millionen" against
  // "2 million" must stay 2 = 2, not 2 against 2000000.
  const bool words = core::reads_number_words(source_lang) && core::reads_number_words(target_lang);
  const std::vector<NumberToken> src = core::read_numbers(source, words ? source_lang : "");
  const std::vector<NumberToken> tgt = core::read_numbers(target, words ? target_lang : "");
  std::vector<bool> src_used(src.size(), false);
  std::vector<bool> tgt_used(tgt.size(), false);
  // Pass 0: both in digits; 1: one side in words; 2: equal but for a percent sign, or a time
  // written another way (time_spellings: "2 pm" against «в 14 часов», «сағат 14-те», «в 2 часа
  // дня»; "2:30 pm" against «в 14.30»). Figures
  // copied verbatim are matched after pass 0, before words can take their parts.
  for (int pass = 0; pass < 3; ++pass) {
    if (pass == 1) {
      match_verbatim(source, src, src_used, target, tgt, tgt_used);
      match_verbatim(target, tgt, tgt_used, source, src, src_used);
    }
    for (std::size_t i = 0; i < src.size(); ++i) {
      if (src_used[i] || (pass == 0 && src[i].spelled)) continue;
      for (std::size_t j = 0; j < tgt.size(); ++j) {
        if (tgt_used[j] || (pass == 0 && tgt[j].spelled)) continue;
        if (src[i].spelled && tgt[j].spelled) continue;
        const bool same =
            pass < 2 ? src[i].value == tgt[j].value
                     : without_percent(src[i].value) == without_percent(tgt[j].value) ||
                           same_time(src[i].value, tgt[j].value);
        if (same) {
          src_used[i] = tgt_used[j] = true;
          break;
        }
      }
    }
  }
  std::vector<NumberDifference> out;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (!src_used[i] && !src[i].spelled) out.push_back({src[i], true});
  }
  for (std::size_t j = 0; j < tgt.size(); ++j) {
    if (!tgt_used[j] && !tgt[j].spelled) out.push_back({tgt[j], false});
  }
  return out;
}

std::string find_date(std::string_view text, std::string_view lang) {
  std::vector<NumberToken> nums;
  for (NumberToken& t : core::read_numbers(text, lang)) {
    if (!t.spelled && !t.value.ends_with('%')) nums.push_back(std::move(t));
  }
  auto pad = [](int v) { return std::string(v < 10 ? "0" : "").append(std::to_string(v)); };
  auto is_month = [](const NumberToken& t) { return t.value.starts_with("month:"); };
  auto small = [&](const NumberToken& t) {
    return !is_month(t) && t.value.size() <= 2 && t.value.find('.') == std::string::npos;
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
    if (is_month(a) && small(b) && year(c)) {
      month = a.value.substr(6), day = b.value, y = c.value;  // January 28, 2019
    } else if (small(a) && is_month(b) && year(c)) {
      day = a.value, month = b.value.substr(6), y = c.value;  // 28 January 2019
    } else if (year(a) && small(b) && is_month(c)) {
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
  if (value.starts_with("time:")) return std::string(value.substr(5));
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
