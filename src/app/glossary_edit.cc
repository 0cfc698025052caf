#include "app/glossary_edit.h"

#include <algorithm>
#include <tuple>

#include "app/glossary.h"
#include "app/option_error.h"
#include "io/errors.h"
#include "term/glossary.h"

namespace tilmash::app {

std::pair<std::string, std::string> parse_lang_text(const std::string& arg,
                                                    const std::string& option) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw OptionError("--" + option + " takes LANG=TEXT, not '" + arg + "'");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

void apply_term_changes(const TermChanges& changes, core::TermEntry& e) {
  for (const auto& [lang, text] : changes.preferred) {
    auto& terms = e.terms[lang];
    std::erase_if(terms, [&](const core::Term& t) { return t.text == text; });
    for (core::Term& t : terms) {
      if (t.status == core::TermStatus::kPreferred) t.status = core::TermStatus::kAdmitted;
    }
    core::Term t;
    t.text = text;
    terms.insert(terms.begin(), t);
  }
  for (auto [args, option, status] :
       {std::tuple{&changes.admitted, "admitted", core::TermStatus::kAdmitted},
        std::tuple{&changes.deprecated, "deprecated", core::TermStatus::kDeprecated},
        std::tuple{&changes.forbidden, "forbidden", core::TermStatus::kForbidden}}) {
    for (const std::string& arg : *args) {
      auto [lang, text] = parse_lang_text(arg, option);
      auto& terms = e.terms[lang];
      auto it = std::find_if(terms.begin(), terms.end(),
                             [&](const core::Term& t) { return t.text == text; });
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
  for (const std::string& arg : changes.drop) {
    auto [lang, text] = parse_lang_text(arg, "drop");
    auto it = e.terms.find(lang);
    if (it == e.terms.end()) continue;
    std::erase_if(it->second, [&](const core::Term& t) { return t.text == text; });
    if (it->second.empty()) e.terms.erase(it);
  }
  if (changes.definition) e.definition = *changes.definition;
  if (changes.note) e.note = *changes.note;
  if (changes.subject) e.subject = *changes.subject;
}

std::string add_glossary_entry(const std::string& path, const std::optional<std::string>& id,
                               const TermChanges& changes) {
  term::Glossary g = load_glossary({path});
  core::TermEntry e;
  apply_term_changes(changes, e);
  if (e.terms.empty()) throw OptionError("give at least one term (--en, --kk, --ru, --admitted …)");
  std::string seed = e.terms.begin()->second.front().text;
  for (const auto& [lang, text] : changes.preferred) {
    if (lang == "en") seed = text;
  }
  e.id = id ? *id : g.new_id(seed);
  if (!term::is_valid_id(e.id)) {
    throw OptionError("--id '" + e.id + "' is not a valid id (letter first; letters, digits, - _ .)");
  }
  if (g.find(e.id)) throw OptionError("an entry '" + e.id + "' exists already; use 'glossary edit'");
  g.add(e);
  save_glossary(path, g);
  return e.id;
}

void edit_glossary_entry(const std::string& path, const std::string& id,
                         const TermChanges& changes) {
  term::Glossary g = load_glossary({path});
  auto i = g.find(id);
  if (!i) throw OptionError("no entry '" + id + "' in " + path);
  core::TermEntry e = g.entries()[*i];
  apply_term_changes(changes, e);
  if (e.terms.empty()) throw OptionError("an entry needs at least one term");
  g.add(e, true);
  save_glossary(path, g);
}

void remove_glossary_entries(const std::string& path, const std::vector<std::string>& ids) {
  term::Glossary g = load_glossary({path});
  for (const std::string& id : ids) {
    if (!g.remove(id)) throw OptionError("no entry '" + id + "' in " + path);
  }
  save_glossary(path, g);
}

std::size_t import_glossary_entries(const ImportRequest& r) {
  term::Glossary g = load_glossary({r.glossary});
  std::size_t n = 0;
  for (const std::string& f : r.files) {
    auto part = term::Glossary::create(read_term_file(f, r.format, r.src, r.tgt));
    if (!part) throw io::InputError(f, 0, 0, part.error().message);
    n += g.merge(*part, r.replace);
  }
  save_glossary(r.glossary, g);
  return n;
}

}  // namespace tilmash::app
