// tilmash glossary add|edit|remove|import: parse the options and call app (glossary_edit.h),
// which rewrites the first glossary file atomically in canonical TBX form.
#include <iostream>

#include "app/glossary_edit.h"
#include "cli/command.h"

namespace tilmash::cli {
namespace {

void term_options(po::options_description& o) {
  o.add_options()
      ("en", po::value<std::string>(), "preferred English term")
      ("kk", po::value<std::string>(), "preferred Kazakh term")
      ("ru", po::value<std::string>(), "preferred Russian term")
      ("admitted", po::value<std::vector<std::string>>(), "LANG=TEXT admitted variant (repeatable)")
      ("deprecated", po::value<std::vector<std::string>>(), "LANG=TEXT dated term (repeatable)")
      ("forbidden", po::value<std::vector<std::string>>(), "LANG=TEXT wrong term (repeatable)")
      ("drop", po::value<std::vector<std::string>>(), "LANG=TEXT term to remove (edit)")
      ("definition", po::value<std::string>(), "definition (English)")
      ("note", po::value<std::string>(), "note")
      ("subject", po::value<std::string>(), "subject field");
}

// The term options of add/edit.
app::TermChanges term_changes(const po::variables_map& vm) {
  app::TermChanges c;
  for (const char* lang : {"en", "kk", "ru"}) {
    if (vm.count(lang) != 0u) c.preferred.emplace_back(lang, vm[lang].as<std::string>());
  }
  for (auto [option, list] : {std::pair{"admitted", &c.admitted}, {"deprecated", &c.deprecated},
                              {"forbidden", &c.forbidden}, {"drop", &c.drop}}) {
    if (vm.count(option) != 0u) *list = vm[option].as<std::vector<std::string>>();
  }
  for (auto [option, field] : {std::pair{"definition", &c.definition}, {"note", &c.note},
                               {"subject", &c.subject}}) {
    if (vm.count(option) != 0u) *field = vm[option].as<std::string>();
  }
  return c;
}

}  // namespace

Exit run_glossary_add(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("id", po::value<std::string>(), "entry id (default: from the English term)");
  term_options(o);
  add_glossary_option(o);
  auto vm = parse_options(args, o, {}, "tilmash glossary add --en TEXT --kk TEXT --ru TEXT [options]",
                          "Adds an entry to the glossary (the first --glossary file) and rewrites\n"
                          "it atomically in canonical TBX form.\n\nexample:\n"
                          "  tilmash glossary add --en kandas --kk қандас --ru кандас --admitted en=qandas");
  if (!vm) return Exit::kOk;
  const std::optional<std::string> id =
      vm->count("id") != 0u ? std::optional((*vm)["id"].as<std::string>()) : std::nullopt;
  std::cout << app::add_glossary_entry(glossary_paths(*vm).front(), id, term_changes(*vm)) << '\n';
  return Exit::kOk;
}

Exit run_glossary_edit(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("id", po::value<std::string>()->required(), "entry to change");
  term_options(o);
  add_glossary_option(o);
  po::positional_options_description pos;
  pos.add("id", 1);
  auto vm = parse_options(args, o, pos, "tilmash glossary edit ID [options]",
                          "Changes an entry: --en/--kk/--ru set the preferred term (the old one\n"
                          "becomes admitted), --admitted/--deprecated/--forbidden LANG=TEXT add a\n"
                          "term or change its status, --drop LANG=TEXT removes one.\n\nexample:\n"
                          "  tilmash glossary edit oralman --deprecated en=oralmen");
  if (!vm) return Exit::kOk;
  app::edit_glossary_entry(glossary_paths(*vm).front(), (*vm)["id"].as<std::string>(),
                           term_changes(*vm));
  return Exit::kOk;
}

Exit run_glossary_remove(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("id", po::value<std::vector<std::string>>()->required(), "entries to remove");
  add_glossary_option(o);
  po::positional_options_description pos;
  pos.add("id", -1);
  auto vm = parse_options(args, o, pos, "tilmash glossary remove ID…", "Removes entries by id.");
  if (!vm) return Exit::kOk;
  app::remove_glossary_entries(glossary_paths(*vm).front(),
                               (*vm)["id"].as<std::vector<std::string>>());
  return Exit::kOk;
}

Exit run_glossary_import(std::span<const std::string> args) {
  po::options_description o;
  o.add_options()("file", po::value<std::vector<std::string>>()->required(), "files to import")
      ("format", po::value<std::string>()->default_value("auto"), "auto | tbx | tsv | csv")
      ("src", po::value<std::string>()->default_value("en"), "source language of TSV/CSV")
      ("tgt", po::value<std::string>()->default_value("kk"), "target language of TSV/CSV")
      ("replace", po::bool_switch(), "imported entries replace entries with the same id");
  add_glossary_option(o);
  po::positional_options_description pos;
  pos.add("file", -1);
  auto vm = parse_options(args, o, pos, "tilmash glossary import FILE… [--format F] [--src en --tgt kk]",
                          "Adds the entries of TBX (2019 or v2 martif), OmegaT TSV or CSV files to\n"
                          "the glossary (the first --glossary file).");
  if (!vm) return Exit::kOk;
  app::ImportRequest r;
  r.glossary = glossary_paths(*vm).front();
  r.files = (*vm)["file"].as<std::vector<std::string>>();
  r.format = (*vm)["format"].as<std::string>();
  r.src = lang_option(*vm, "src");
  r.tgt = lang_option(*vm, "tgt");
  r.replace = (*vm)["replace"].as<bool>();
  const std::size_t n = app::import_glossary_entries(r);
  std::cerr << "imported " << n << " entries into " << r.glossary << '\n';
  return Exit::kOk;
}

}  // namespace tilmash::cli
