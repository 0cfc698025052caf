// Helpers shared by the align tests.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "core/bead.h"
#include "core/types.h"

namespace tilmash::align::testing {

inline std::vector<core::Segment> segs(const std::vector<std::string>& lines) {
  std::vector<core::Segment> out;
  for (const auto& l : lines) out.push_back({l, 0});
  return out;
}

// One short story in three languages, shared by the tests of one-sided sentences: sentence 2 of
// the English (the detention: a date, an agency and a city no other sentence names) is the one
// the tests leave out of a translation or replace. The Kazakh leaves it out already.
inline const std::vector<std::string> kStoryEn = {
    "Sairagul Sauytbay fled Xinjiang in April 2018.",
    "She crossed into Kazakhstan with forged documents.",
    "On 21 May 2018 Kazakhstan's KNB detained her in Almaty.",
    "Her trial began on July 9 in the town of Zharkent.",
    "The court released her on August 1.",
    "\"I will not go back to the camps,\" she said.",
};
inline const std::vector<std::string> kStoryRu = {
    "Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.",
    "Она пересекла границу Казахстана с поддельными документами.",
    "21 мая 2018 года КНБ Казахстана задержал её в Алматы.",
    "Суд над ней начался 9 июля в городе Жаркент.",
    "Суд освободил её 1 августа.",
    "«Я не вернусь в лагеря», — сказала она.",
};
inline const std::vector<std::string> kStoryKkWithoutDetention = {
    "Сайрагүл Сауытбай 2018 жылдың сәуірінде Шыңжаңнан қашып кетті.",
    "Ол Қазақстанға жалған құжаттармен өтті.",
    "Оның соты 9 шілдеде Жаркент қаласында басталды.",
    "Сот оны 1 тамызда босатты.",
    "«Мен лагерьлерге қайтып бармаймын», — деді ол.",
};

// `lines` with line i left out, or with `text` put in at i (before what stood there).
inline std::vector<std::string> without(std::vector<std::string> lines, std::size_t i) {
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
  return lines;
}
inline std::vector<std::string> inserted(std::vector<std::string> lines, std::size_t i,
                                         std::string text) {
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), std::move(text));
  return lines;
}

inline std::vector<std::string> bead_strings(const Alignment& a) {
  std::vector<std::string> out;
  for (const auto& b : a.beads) out.push_back(core::format_bead(b));
  return out;
}

// True when every index 0..sizes[k]-1 of every side appears exactly once, in order, and each bead
// has a non-empty side and a confidence in [0, 1].
inline bool covers_exactly_once(const Alignment& a, const std::vector<int>& sizes) {
  std::vector<int> next(sizes.size(), 0);
  for (const auto& b : a.beads) {
    if (b.sides.size() != sizes.size()) return false;
    if (!(b.confidence >= 0.0 && b.confidence <= 1.0)) return false;
    bool any = false;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      for (int i : b.sides[k]) {
        if (i != next[k]) return false;
        ++next[k];
        any = true;
      }
    }
    if (!any) return false;
  }
  return next == sizes;
}

}  // namespace tilmash::align::testing
