// tilmash tm concordance: options in, app::concordance_tm, units out as text or JSON.
#include <iostream>

#include "app/tm_read.h"
#include "cli/cmd_tm.h"
#include "io/json.h"

namespace tilmash::cli {

Exit run_tm_concordance(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", tm_db_value(), kTmDbHelp)
      ("lang", po::value<std::string>(), "language of WORDS (default: any)")
      ("max", po::value<int>()->default_value(50), "most units shown")
      ("json", po::bool_switch(), "JSON: [{\"tuid\", \"lang\", \"text\", \"variants\"}]")
      ("words", po::value<std::string>()->required(), "word or phrase");
  po::positional_options_description positional;
  positional.add("words", 1);
  auto vm = parse_options(
      args, options, positional, "tilmash tm concordance WORDS --db DB [--lang en] [--json]",
      "Units holding WORDS as a phrase, in any inflected form: Snowball stems for English and\n"
      "Russian, Kazakh lemma prefixes (лагер* finds лагерлерінде). The index is built on the\n"
      "first search after an import (that call needs write access).\n\n"
      "examples:\n  tilmash tm concordance --db tm.db --lang ru \"файл\"\n"
      "  tilmash tm concordance --db tm.db \"open file\" --json");
  if (!vm) return Exit::kOk;
  app::TmConcordanceRequest r;
  r.lang = vm->count("lang") != 0u ? lang_option(*vm, "lang") : "";
  r.db = (*vm)["db"].as<std::string>();
  r.words = (*vm)["words"].as<std::string>();
  r.max = static_cast<std::size_t>((*vm)["max"].as<int>());
  const app::TmConcordanceResult result = tm_guarded([&] { return app::concordance_tm(r); });
  if (!result.has_words) throw UsageError("WORDS has no word");
  const bool json = (*vm)["json"].as<bool>();
  std::ostream& os = std::cout;
  if (json) os << "[";
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const core::TranslationUnit& u = result.hits[i].unit.unit;
    const std::size_t self = result.hits[i].self;
    const core::Variant& v = u.variants[self];
    if (json) {
      os << (i ? "," : "") << "\n  {\"tuid\": " << io::json_string(u.id)
         << ", \"lang\": " << io::json_string(v.lang) << ", \"text\": " << io::json_string(v.text)
         << ", \"variants\": {";
      for (std::size_t k = 0; k < u.variants.size(); ++k) {
        os << (k ? ", " : "") << io::json_string(u.variants[k].lang) << ": "
           << io::json_string(u.variants[k].text);
      }
      os << "}}";
    } else {
      os << u.id << '\t' << v.lang << '\t' << v.text;
      for (std::size_t k = 0; k < u.variants.size(); ++k) {
        if (k != self) os << '\t' << u.variants[k].lang << ": " << u.variants[k].text;
      }
      os << '\n';
    }
  }
  if (json) os << (result.hits.empty() ? "]\n" : "\n]\n");
  return Exit::kOk;
}

}  // namespace tilmash::cli
