// Kazakh noun inflection by generation: every surface form of a lemma (plural, possessive,
// case, attributive -дағы/-дегі), chosen by vowel harmony and the class of the final sound.
// Recognition is analysis by synthesis: candidate lemmas are the prefixes of a word, and a
// word matches when it is one of the candidate's generated forms. No verbs, no copulas.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tilmash::term {

// One generated form of a lemma.
struct KazakhForm {
  std::string form;   // Kazakh key (normalize_word + kazakh_key)
  std::string label;  // analysis: "NOM", "PL+CASE", "POSS+CASE", "PL+POSS+LOC+ATTR" …
};

// All forms of the noun whose Kazakh key is `lemma` (normalize_word + kazakh_key; Cyrillic),
// the lemma itself first ("NOM"). Over-generates a little on purpose (both -мен and -бен after
// nasals, voiced and unvoiced possessive stems). Empty for an empty lemma. About 100-200 forms.
std::vector<KazakhForm> kazakh_forms(std::string_view lemma);

// Lemmas that may underlie the last word of a multi-word Kazakh term written with the
// izafet possessive (лагері -> лагер, еріктілері -> ерікті, радиосы -> радио, орталықтары ->
// орталық, ауданы -> аудан), and the singular of a plural (татарлар -> татар). `word` is a Kazakh
// key; the word itself is not included.
std::vector<std::string> kazakh_izafet_heads(std::string_view word);

// The lemma candidates for a word of text: every prefix of at least 2 code points (longest
// first), plus the unvoiced variant of a prefix ending in ғ/г/б (қазағы -> қазақ).
std::vector<std::string> kazakh_lemma_candidates(std::string_view word);

// The prefixes under which every form of a Kazakh word's noun lemma is found, for a search
// that matches key prefixes (the TM concordance): the shortest lemma of at least 3 code points
// that generates `word` (a Kazakh key) without a 1st/2nd person possessive (so адам is not
// ада + -м, "my island"), else the word itself; then, when that lemma ends in қ/к/п, the
// same with the voiced consonant its possessive and vowel-initial forms take (құқық ->
// құқығы, кітап -> кітабы). құқықтарын -> {құқық, құқығ}; адамдар -> {адам}.
std::vector<std::string> kazakh_search_prefixes(std::string_view word);

// The other adjective of the same noun stem. Kazakh derives adjectives from nouns with two
// suffixes that name writers use interchangeably in modifiers: relational -лық/-лік/-дық/
// -дік/-тық/-тік ("of X") and possessive -лы/-лі/-ды/-ді/-ты/-ті ("with X"); автономиялық and
// автономиялы both render "autonomous" in the names of China's Kazakh autonomous units
// ([K8] writes both; the Arabic-script Kazakh name in it reads -лы). `word` is a Kazakh key;
// returns the alternate (автономиялық -> автономиялы, автономиялы -> автономиялық), or "" when
// the word ends in neither suffix or its base would be shorter than 3 code points. The
// opposite -сыз ("without X") is never an alternate.
std::string kazakh_adjective_alternate(std::string_view word);

// The MatchKind::kStem analysis of a Kazakh modifier matched by kazakh_adjective_alternate.
inline constexpr std::string_view kDerivedAdjective = "derived adjective -лы/-лық";

}  // namespace tilmash::term
