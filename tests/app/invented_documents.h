// Two documents in invented words for the tests of what trains align's lexical model (a TM, the
// lexicon, a dictionary): one Kazakh-looking word per English-looking one, so that no number,
// name, cognate or glossary entry links a sentence to its translation; only what the lexical
// model learns does. Every sentence has five words and its translation five words of about the
// same length; the Kazakh side leaves out English sentence 4, where lengths alone put the
// omission elsewhere.
#pragma once

#include <string>
#include <vector>

#include "io/alignment_reader.h"

namespace tilmash::app::testing {

inline constexpr const char* kEnglish =
    "pastil torrik ulbert flimmet tuvrin.\n"
    "ulbert ravick jorvik quorble dobrin.\n"
    "gamble ravick mintak varrow zephyr.\n"
    "flimmet hestle gamble yarrow lumbar.\n"
    "zephyr mornet gamble quorble ulbert.\n"
    "snith custel torrik varrow yarrow.\n"
    "varrow drovel plinket pastil dobrin.\n"
    "plinket quorble snith varrow wendle.\n";
inline constexpr const char* kKazakh =
    "жайлауы шөлмек бесікті ошақты торсық.\n"
    "бесікті қыстауы қамшылы жылдық тұмарша.\n"
    "бидайық қыстауы бармақ сүйеншік тасқын.\n"
    "ошақты шелекті бидайық кілемше асатаяқ.\n"
    "қарлығаш сандық шөлмек сүйеншік кілемше.\n"
    "сүйеншік көгершін өрмекші жайлауы тұмарша.\n"
    "өрмекші жылдық қарлығаш сүйеншік түндік.\n";

// Each bead's sentence numbers per language, from an align JSON file.
inline std::vector<std::vector<std::vector<int>>> bead_sides(const std::string& json) {
  std::vector<std::vector<std::vector<int>>> out;
  for (const auto& bead : io::read_alignment_json(json).beads)
    out.push_back(bead.sides);
  return out;
}

}  // namespace tilmash::app::testing
