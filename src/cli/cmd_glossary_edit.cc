// tilmash glossary add|edit|remove|import: the verbs that rewrite the first glossary file
// (atomically, canonical TBX, through io::write_tbx). Loading and the --glossary option are
// shared with the read-only verbs in cmd_glossary.cc.
#include <algorithm>
#include <iostream>

#include "cli/command.h"
#include "io/errors.h"
#include "term/glossary.h"

namespace tilmash::cli {
namespace {

// "LANG=TEXT" -> (lang, text).
std::pair<std::string, std::string> lang_text(const std::string& arg, const char* option) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw UsageError(std::string("--") + option + " takes LANG=TEXT, not '" + arg + "'");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

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

// Applies the term options of add/edit to `e`.
void apply_terms(const po::variables_map& vm, core::TermEntry& e) {
  for (const char* lang : {"en", "kk", "ru"}) {
    if (vm.count(lang) == 0u) continue;
    auto& terms = e.terms[lang];
    const std::string text = vm[lang].as<std::string>();
    std::erase_if(terms, [&](const core::Term& t) { return t.text == text; });
    for (core::Term& t : terms) {
      if (t.status == core::TermStatus::kPreferred) t.status = core::TermStatus::kAdmitted;
    }
    core::Term t;
    t.text = text;
    terms.insert(terms.begin(), t);
  }
  for (auto [option, status] : {std::pair{"admitted", core::TermStatus::kAdmitted},
                                std::pair{"deprecated", core::TermStatus::kDeprecated},
                                std::pair{"forbidden", core::TermStatus::kForbidden}}) {
    if (vm.count(option) == 0u) continue;
    for (const std::string& arg : vm[option].as<std::vector<std::string>>()) {
      auto [lang, text] = lang_text(arg, option);
      auto& terms = e.terms[lang];
      auto it = std::find_if(terms.begin(), terms.end(), [&](const core::Term& t) { return t.text == text; });
      if (it != terms.end()) {
        it->status = status;
      } else {
        core::Term t;
        t.text = text;
        t.status = status;
        terms.push_back(t);
      }
    }
  }
  if (vm.count("drop") != 0u) {
    for (const std::string& arg : vm["drop"].as<std::vector<std::string>>()) {
      auto [lang, text] = lang_text(arg, "drop");
      auto it = e.terms.find(lang);
      if (it == e.terms.end()) continue;
      std::erase_if(it->second, [&](const core::Term& t) { return t.text == text; });
      if (it->second.empty()) e.terms.erase(it);
    }
  }
  if (vm.count("definition") != 0u) e.definition = vm["definition"].as<std::string>();
  if (vm.count("note") != 0u) e.note = vm["note"].as<std::string>();
  if (vm.count("subject") != 0u) e.subject = vm["subject"].as<std::string>();
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
  const std::string path = glossary_paths(*vm).front();
  term::Glossary g = load({path});
  core::TermEntry e;
  apply_terms(*vm, e);
  if (e.terms.empty()) throw UsageError("give at least one term (--en, --kk, --ru, --admitted …)");
  const std::string seed = vm->count("en") != 0u ? (*vm)["en"].as<std::string>() : e.terms.begin()->second.front().text;
  e.id = vm->count("id") != 0u ? (*vm)["id"].as<std::string>() : g.new_id(seed);
  if (!term::is_valid_id(e.id)) throw UsageError("--id '" + e.id + "' is not a valid id (letter first; letters, digits, - _ .)");
  if (g.find(e.id)) throw UsageError("an entry '" + e.id + "' exists already; use 'glossary edit'");
  g.add(e);
  save(path, g);
  std::cout << e.id << '\n';
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
  const std::string path = glossary_paths(*vm).front();
  term::Glossary g = load({path});
  const std::string id = (*vm)["id"].as<std::string>();
  auto i = g.find(id);
  if (!i) throw UsageError("no entry '" + id + "' in " + path);
  core::TermEntry e = g.entries()[*i];
  apply_terms(*vm, e);
  if (e.terms.empty()) throw UsageError("an entry needs at least one term");
  g.add(e, true);
  save(path, g);
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
  const std::string path = glossary_paths(*vm).front();
  term::Glossary g = load({path});
  for (const std::string& id : (*vm)["id"].as<std::vector<std::string>>()) {
    if (!g.remove(id)) throw UsageError("no entry '" + id + "' in " + path);
  }
  save(path, g);
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
  const std::string path = glossary_paths(*vm).front();
  term::Glossary g = load({path});
  std::size_t n = 0;
  for (const std::string& f : (*vm)["file"].as<std::vector<std::string>>()) {
    auto part = term::Glossary::create(read_any(f, (*vm)["format"].as<std::string>(),
                                                lang_option(*vm, "src"), lang_option(*vm, "tgt")));
    if (!part) throw io::InputError(f, 0, 0, part.error().message);
    n += g.merge(*part, (*vm)["replace"].as<bool>());
  }
  save(path, g);
  std::cerr << "imported " << n << " entries into " << path << '\n';
  return Exit::kOk;
}

}  // namespace tilmash::cli
