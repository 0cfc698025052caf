// The letters of the Kazakh Cyrillic alphabet that Russian lacks, and their nearest Russian
// letters: what a Russian keyboard types in their place, and what ICU's Cyrillic-Latin (which
// covers Russian letters only) can transliterate.
#pragma once

#include <string>
#include <string_view>

namespace tilmash::core {

// The Russian letter nearest to lower-case Kazakh `c` (қ->к, ғ->г, ң->н, ө->о, ұ/ү->у, һ->х,
// і->и, ә->а); any other code point (upper-case letters included) unchanged.
constexpr char32_t russian_neighbour(char32_t c) {
  switch (c) {
    case U'ә': return U'а';
    case U'ғ': return U'г';
    case U'қ': return U'к';
    case U'ң': return U'н';
    case U'ө': return U'о';
    case U'ұ':
    case U'ү': return U'у';
    case U'һ': return U'х';
    case U'і': return U'и';
    default: return c;
  }
}

// `text` (well-formed UTF-8) with each code point mapped by russian_neighbour: кұқықтары and
// құқықтары meet, and әңгіме becomes ангиме.
std::string kazakh_to_russian_letters(std::string_view text);

}  // namespace tilmash::core
