// tilmash glossary lookup|list|export: parse the options, call app (glossary.h: lookup through
// the cache, loading, export) and print. The glossary comes from --glossary (repeatable), else
// $TILMASH_GLOSSARY, else the repository's glossaries/*.tbx (app::glossary_paths).
#include <iostream>

#include "app/glossary.h"
#include "cli/command.h"
#include "io/atomic_file.h"
#include "io/json.h"

namespace tilmash::cli {

void add_glossary_option(po::options_description& o) {
  o.add_options()("glossary,g", po::value<std::vector<std::string>>(),
                  "glossary file (.tbx; repeatable). Default: $TILMASH_GLOSSARY, else the "
                  "repository's glossaries/*.tbx");
}

std::vector<std::string> glossary_paths(const po::variables_map& vm) {
  return app::glossary_paths(vm.count("glossary") != 0u
                                 ? vm["glossary"].as<std::vector<std::string>>()
                                 : std::vector<std::string>{});
}

Exit run_glossary_lookup(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("text", po::value<std::vector<std::string>>()->required(), "word or phrase")
      ("lang,l", po::value<std::string>(), "only terms of this language")
      ("max", po::value<std::size_t>()->default_value(10), "at most this many entries")
      ("json", po::bool_switch(), "JSON array (docs/CLI.md)")
      ("no-cache", po::bool_switch(), "read the TBX files, bypassing the lookup cache");
  add_glossary_option(o);
  po::positional_options_description pos;
  pos.add("text", -1);
  auto vm = parse_options(args, o, pos,
                          "tilmash glossary lookup TEXT [--lang LANG] [--json] [--no-cache]",
                          "Finds glossary entries whose term in any language matches TEXT:\n"
                          "inflected forms (kk, ru, en), spelling variants and small typos\n"
                          "included, best first. No match is not an error: no output ([] with\n"
                          "--json) and exit 0.\n\nexamples:\n"
                          "  tilmash glossary lookup лагерлерінде\n"
                          "  tilmash glossary lookup 'лагерях перевоспитания' --json");
  if (!vm) return Exit::kOk;
  std::string text;
  for (const std::string& w : (*vm)["text"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + w;
  term::LookupOptions lo;
  if (vm->count("lang") != 0u) lo.lang = lang_option(*vm, "lang");
  lo.max_hits = (*vm)["max"].as<std::size_t>();
  const app::LookupResult found =
      app::lookup_glossary({glossary_paths(*vm), text, lo, !(*vm)["no-cache"].as<bool>(), ""});
  const auto& hits = found.hits;
  std::ostream& os = std::cout;
  if ((*vm)["json"].as<bool>()) {
    os << "[";
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const core::TermEntry& e = found.entries[i];
      os << (i == 0 ? "\n" : ",\n") << "  {\"id\": " << io::json_string(e.id)
         << ", \"score\": " << io::json_number(hits[i].score) << ", \"match\": "
         << io::json_string(term::kind_name(hits[i].kind)) << ", \"matched\": {\"lang\": "
         << io::json_string(hits[i].lang) << ", \"text\": "
         << io::json_string(e.terms.at(hits[i].lang)[hits[i].term].text) << "}, \"terms\": "
         << app::terms_json(e) << ", \"definition\": " << io::json_string(e.definition)
         << ", \"note\": " << io::json_string(e.note) << "}";
    }
    os << (hits.empty() ? "]\n" : "\n]\n");
  } else {
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const term::LookupHit& h = hits[i];
      const core::TermEntry& e = found.entries[i];
      os << e.id << "\t" << io::json_number(h.score) << "\t" << term::kind_name(h.kind) << " "
         << h.lang << ":" << e.terms.at(h.lang)[h.term].text << "\t" << app::terms_text(e) << '\n';
    }
  }
  os.flush();
  return Exit::kOk;
}

Exit run_glossary_list(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("json", po::bool_switch(), "JSON array of entries");
  add_glossary_option(o);
  auto vm = parse_options(args, o, {}, "tilmash glossary list [--json]",
                          "Lists every entry: id and terms per language.");
  if (!vm) return Exit::kOk;
  const term::Glossary g = app::load_glossary(glossary_paths(*vm));
  const bool json = (*vm)["json"].as<bool>();
  if (json) std::cout << "[";
  for (std::size_t i = 0; i < g.size(); ++i) {
    const core::TermEntry& e = g.entries()[i];
    if (json) {
      std::cout << (i == 0 ? "\n" : ",\n") << "  {\"id\": " << io::json_string(e.id)
                << ", \"terms\": " << app::terms_json(e) << ", \"definition\": "
                << io::json_string(e.definition) << ", \"note\": " << io::json_string(e.note) << "}";
    } else {
      std::cout << e.id << '\t' << app::terms_text(e) << '\n';
    }
  }
  if (json) std::cout << (g.size() == 0 ? "]\n" : "\n]\n");
  return Exit::kOk;
}

Exit run_glossary_export(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("format", po::value<std::string>()->required(), "tbx | martif | omegat-tbx | tsv | csv")
      ("src", po::value<std::string>()->default_value("en"), "source language (TSV, TBX root)")
      ("tgt", po::value<std::string>()->default_value("kk"), "target language (TSV)")
      ("delimiter", po::value<char>()->default_value(','), "CSV delimiter (';' for ru/kk Excel)")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)");
  add_glossary_option(o);
  auto vm = parse_options(args, o, {}, "tilmash glossary export --format tbx|martif|tsv|csv [-o OUT]",
                          "Writes the glossary as TBX 2019 (canonical), TBX v2 martif (OmegaT,\n"
                          "Translate Toolkit; omegat-tbx leaves deprecated and forbidden terms out),\n"
                          "OmegaT TSV for one direction (deprecated terms never in the target\n"
                          "column) or CSV for Excel (UTF-8 BOM, quoted, formula cells guarded).\n\n"
                          "examples:\n  tilmash glossary export --format tsv --tgt ru -o xinjiang.en-ru.utf8\n"
                          "  tilmash glossary export --format csv --delimiter ';' -o xinjiang.csv");
  if (!vm) return Exit::kOk;
  app::ExportRequest r;
  r.glossaries = glossary_paths(*vm);
  r.format = (*vm)["format"].as<std::string>();
  r.src = lang_option(*vm, "src");
  if (r.format == "tsv") r.tgt = lang_option(*vm, "tgt");
  r.delimiter = (*vm)["delimiter"].as<char>();
  io::write_file_atomic((*vm)["output"].as<std::string>(), app::export_glossary(r));
  return Exit::kOk;
}

}  // namespace tilmash::cli
