#include "app/check.h"

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "app/option_error.h"
#include "app/review.h"
#include "core/bead_unit.h"
#include "core/lang.h"
#include "io/alignment_reader.h"
#include "io/atomic_file.h"
#include "io/html_review.h"
#include "io/tmx_reader.h"
#include "io/xliff_reader.h"
#include "qa/number_check.h"
#include "segment/builtin_rules.h"
#include "segment/rules.h"
#include "spell/hunspell.h"
#include "spell/spelling.h"
#include "term/glossary.h"
#include "term/matcher.h"
#include "app/glossary.h"

namespace tilmash::app {
namespace {

// --spelling's list ("kk,ru"; "" = the default languages) as primary subtags.
std::vector<std::string> spelling_languages(std::string_view list) {
  std::vector<std::string> out;
  for (std::string_view rest = list; !rest.empty();) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    auto tag = core::normalize_lang_tag(rest.substr(0, comma));
    if (!tag) throw OptionError("--spelling: bad language '" + std::string(rest.substr(0, comma)) + "'");
    out.emplace_back(core::primary_language(*tag));
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  return out;
}

// Where Hunspell dictionaries are searched: --spelling-dict, $TILMASH_HUNSPELL_DIR, the system's.
std::vector<std::string> dictionary_dirs(const std::string& given) {
  std::vector<std::string> dirs;
  if (!given.empty()) {
    dirs.push_back(given);
    if (!std::filesystem::is_directory(dirs.back())) {
      throw OptionError("--spelling-dict: '" + dirs.back() + "' is not a folder");
    }
  }
  if (const char* env = std::getenv("TILMASH_HUNSPELL_DIR"); env != nullptr) dirs.emplace_back(env);
  dirs.emplace_back(spell::kSystemDictionaryDir);
  return dirs;
}

// The segmenter's abbreviations of `lang` (src/segment/rules): not misspellings.
std::vector<std::string> segmenter_abbreviations(std::string_view lang) {
  segment::RuleSet rules;
  for (std::string_view name : {std::string_view("common"), lang}) {
    if (!segment::parse_rules(segment::builtin_rules(name), rules)) continue;
  }
  std::vector<std::string> out;
  for (const auto& [abbreviation, kind] : rules.abbreviations) out.push_back(abbreviation);
  return out;
}

// The units of the request's file, and the source language they name.
std::vector<core::TranslationUnit> read_units(const CheckRequest& r, qa::CheckOptions& o) {
  std::string from = r.from;
  if (from == "auto") {
    from = r.path.ends_with(".json") ? "json" : io::is_xliff_file(r.path) ? "xliff" : "tmx";
  }
  std::vector<core::TranslationUnit> units;
  if (from == "json") {
    // align's JSON: the first language of the beads is the source (align's pivot).
    io::AlignmentFile a = io::read_alignment_json(r.path);
    if (!a.langs.empty()) o.source_lang = qa::primary_lang(a.langs.front());
    units.reserve(a.units.size());
    for (std::size_t n = 0; n < a.units.size(); ++n) {
      // The bead's shape from "indices" when it has them: its sentences' chances of standing
      // alone ("alone") become the unit's kAloneBeadProp.
      const core::Bead* shape = a.beads[n].sides.size() == a.langs.size() ? &a.beads[n] : nullptr;
      units.push_back(core::bead_unit(a.units[n], n, a.langs, {}, shape));
    }
  } else if (from == "tmx") {
    io::TmxReader reader(r.path);
    if (reader.header().srclang != "*all*") {
      o.source_lang = qa::primary_lang(reader.header().srclang);
    }
    while (auto u = reader.next()) units.push_back(std::move(*u));
  } else if (from == "xliff") {  // every unit, whatever its state: work in progress
    io::XliffDocument x = io::read_xliff(r.path, {r.target_lang});
    o.source_lang = qa::primary_lang(x.source_lang);
    for (io::XliffUnit& u : x.units) units.push_back(std::move(u.unit));
  } else {
    throw OptionError("--from must be tmx, xliff, json or auto, not '" + from + "'");
  }
  return units;
}

}  // namespace

std::size_t CheckResult::count(qa::Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const qa::Finding& f) { return f.severity == severity; }));
}

CheckResult check_units(const CheckRequest& r) {
  qa::CheckOptions o = r.options;
  auto matcher = term::Matcher::create(load_glossary(r.glossaries));
  if (!matcher) throw std::runtime_error(matcher.error().message);
  CheckResult result;
  std::vector<core::TranslationUnit>& units = result.units;
  units = read_units(r, o);
  for (std::size_t i = 0; o.date.empty() && i < units.size() && i < 3; ++i) {
    for (const core::Variant& v : units[i].variants) {
      if (qa::primary_lang(v.lang) != o.source_lang) continue;
      o.date = qa::find_date(v.text, o.source_lang);
      if (!o.date.empty()) result.date_note = " (text dated " + o.date + " by unit " + units[i].id + ")";
    }
  }

  // --spelling: dictionaries opened here (the edge), words checked by spell::SpellChecker.
  std::unique_ptr<spell::Spelling> spelling;
  if (r.spelling) {
    auto opened = spell::open_spelling(*matcher, spelling_languages(*r.spelling), units,
                                       o.source_lang, dictionary_dirs(r.spelling_dict),
                                       segmenter_abbreviations);
    if (!opened) throw OptionError("--spelling: " + opened.error().message);
    spelling = std::move(*opened);
    for (const std::string& l : spelling->spellers.off_by_default) {
      if (r.notice) {
        r.notice("tilmash check: spelling of " + l + " is off by default (its dictionary gives " +
                 "too many false flags, docs/CLI.md); --spelling=" + l + " checks it");
      }
    }
  }

  std::vector<qa::Finding>& findings = result.findings;
  if (!r.html.empty()) {
    io::ReviewPage page = review_page(units, {}, *matcher, o, findings,
                                      spelling ? &spelling->checker : nullptr);
    page.title = std::filesystem::path(r.path).filename().string();
    page.subtitle = "tilmash check: terminology and numbers; glossary " +
                    file_names(r.glossaries) + result.date_note;
    io::AtomicFile file(r.html);
    io::write_review_html(file.out(), page);
    file.commit();
  } else {
    qa::Checker checker(*matcher, o);
    std::vector<std::vector<qa::OneSided>> one_sided = qa::find_one_sided(units, o.source_lang);
    for (std::size_t n = 0; n < units.size(); ++n) {
      for (qa::Finding& f : checker.check(units[n])) findings.push_back(std::move(f));
      if (spelling && qa::Severity::kWarning <= o.min_severity) {
        for (qa::Finding& f : spelling->checker.check(units[n], o.source_lang)) findings.push_back(std::move(f));
      }
      for (qa::OneSided& one : one_sided[n]) {
        if (one.finding.severity <= o.min_severity) findings.push_back(std::move(one.finding));
      }
    }
  }
  // The neighbours of omitted/added sentences by finding index (find_one_sided again, cheap:
  // its findings come in the same unit order, less those below --min-severity).
  std::vector<qa::OneSided> in_order;
  for (std::vector<qa::OneSided>& per_unit : qa::find_one_sided(units, o.source_lang)) {
    for (qa::OneSided& one : per_unit) {
      if (one.finding.severity <= o.min_severity) in_order.push_back(std::move(one));
    }
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < findings.size() && next < in_order.size(); ++i) {
    if (findings[i].kind == qa::FindingKind::kOmittedSentence ||
        findings[i].kind == qa::FindingKind::kAddedSentence ||
        findings[i].kind == qa::FindingKind::kPossiblyOmitted ||
        findings[i].kind == qa::FindingKind::kPossiblyAdded) {
      result.context.emplace(i, std::move(in_order[next++]));
    }
  }
  return result;
}

}  // namespace tilmash::app
