// tilmash check: io::TmxReader (or io::read_alignment_json for align output) -> qa::Checker (term::Matcher over the glossary) -> findings as
// text grouped by unit, JSON, and/or the review page (io::write_review_html). Also builds the
// review page for `align --format html`.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "core/bead_unit.h"
#include "core/lang.h"
#include "core/types.h"
#include "io/alignment_reader.h"
#include "io/atomic_file.h"
#include "io/errors.h"
#include "io/html_review.h"
#include "io/json.h"
#include "io/tmx_reader.h"
#include "io/xliff_reader.h"
#include "qa/number_check.h"
#include "qa/omission_check.h"
#include "qa/term_check.h"
#include "segment/builtin_rules.h"
#include "segment/rules.h"
#include "spell/hunspell.h"
#include "spell/spelling.h"
#include "term/glossary.h"
#include "term/matcher.h"

namespace tilmash::cli {
namespace {

constexpr const char* kHelp =
    "Checks aligned translations against the glossary: for every glossary term of the source\n"
    "text each target must use a preferred or admitted rendering (inflected forms count).\n"
    "Findings: missing-term (expected form, and what stands there instead when it can be\n"
    "found), deprecated-term, dated-term (an approved term outside its valid dates for the\n"
    "text's date), number-mismatch (numbers and dates; 28 January = 28 қаңтар = 28 января),\n"
    "variant (the source spells a term in a non-preferred way; reported once per file),\n"
    "omitted-sentence / added-sentence (a one-sided bead of an alignment: a source sentence\n"
    "with no rendering, a target sentence with no source; given with the units around it).\n"
    "Each finding has a severity: error (a deprecated or forbidden term, a key term missing, a\n"
    "number that differs, an omitted sentence), warning (a likely problem: a name rendered\n"
    "another way, an added sentence) or notice (source spellings, reference-only glossary\n"
    "entries, unverified renderings, term-form: a Kazakh modifier in -лы for -лық).\n"
    "The glossary says which entries are key terms (TBX projectSubset; glossaries/README.md).\n"
    "The text's date comes from --date, else from the first full date in the first units of\n"
    "the source (a byline), else dated-term is not checked.\n"
    "--spelling adds spelling warnings (Hunspell) for the target languages whose dictionary\n"
    "passed the project's bar of at most 1 false flag per 100 units: Russian (0.3 measured);\n"
    "not Kazakh (82: hunspell-kk lacks most inflected forms; docs/CLI.md).\n"
    "--spelling=kk,ru checks exactly these languages. Dictionaries: --spelling-dict DIR, then\n"
    "$TILMASH_HUNSPELL_DIR, then /usr/share/hunspell (Debian: hunspell-kk, hunspell-ru).\n"
    "Exit status: 0 no errors (warnings and notices do not count), 1 errors.\n\n"
    "examples:\n"
    "  tilmash check tmx/udhr.en-kk-ru.tmx\n"
    "  tilmash check --glossary my.tbx article.tmx --json\n"
    "  tilmash check article.tmx --html review.html\n"
    "  tilmash check job.xlf      (XLIFF 1.2/2.0, SDLXLIFF, MQXLIFF: the translator's work)\n"
    "  tilmash check article.tmx --min-severity warning\n"
    "  tilmash check article.tmx --spelling=kk,ru\n"
    "  tilmash align --langs en,kk,ru a.en a.kk a.ru --format json -o a.json && tilmash check a.json";

// True when stdout is a terminal that takes colour.
bool colour_stdout() {
  if (const char* nc = std::getenv("NO_COLOR"); nc != nullptr && *nc != '\0') return false;
  if (const char* t = std::getenv("TERM"); t == nullptr || std::string_view(t) == "dumb") {
    return false;
  }
  return is_terminal(1);
}

std::optional<double> confidence_of(const core::TranslationUnit& u) {
  if (u.confidence) return u.confidence;  // a bead's (core::bead_unit)
  for (const core::Prop& p : u.props) {
    if (p.type == "x-tilmash-confidence") {
      try {
        return std::stod(p.value);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

// A neighbour of a one-sided finding: {"tuid": …, "text": {lang: text …}}, or null at an edge.
std::string neighbour_json(const core::TranslationUnit& u) {
  if (u.id.empty() && u.variants.empty()) return "null";
  std::string out = "{\"tuid\": " + io::json_string(u.id) + ", \"text\": {";
  for (std::size_t k = 0; k < u.variants.size(); ++k) {
    out.append(k == 0 ? "" : ", ").append(io::json_string(u.variants[k].lang)).append(": ");
    out.append(io::json_string(u.variants[k].text));
  }
  return out + "}}";
}

// A spelling finding's extras: the word's byte offset in the target text and the suggestions
// (`expected` holds them joined by ", "; a dictionary word holds no comma).
std::string spelling_json(const qa::Finding& f) {
  if (f.kind != qa::FindingKind::kSpelling) return {};
  std::string out = ", \"offset\": " + std::to_string(f.span.begin) + ", \"suggestions\": [";
  for (std::string_view rest = f.expected; !rest.empty();) {
    const std::size_t cut = std::min(rest.find(", "), rest.size());
    out.append(out.back() == '[' ? "" : ", ").append(io::json_string(rest.substr(0, cut)));
    rest.remove_prefix(std::min(cut + 2, rest.size()));
  }
  return out + "]";
}

// --spelling's list ("kk,ru"; "" = the default languages) as primary subtags.
std::vector<std::string> spelling_languages(std::string_view list) {
  std::vector<std::string> out;
  for (std::string_view rest = list; !rest.empty();) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    auto tag = core::normalize_lang_tag(rest.substr(0, comma));
    if (!tag) throw UsageError("--spelling: bad language '" + std::string(rest.substr(0, comma)) + "'");
    out.emplace_back(core::primary_language(*tag));
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  return out;
}

// Where Hunspell dictionaries are searched: --spelling-dict, $TILMASH_HUNSPELL_DIR, the system's.
std::vector<std::string> dictionary_dirs(const po::variables_map& vm) {
  std::vector<std::string> dirs;
  if (vm.count("spelling-dict") != 0u) {
    dirs.push_back(vm["spelling-dict"].as<std::string>());
    if (!std::filesystem::is_directory(dirs.back())) {
      throw UsageError("--spelling-dict: '" + dirs.back() + "' is not a folder");
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

std::string finding_json(const qa::Finding& f, const qa::OneSided* one = nullptr) {
  const std::string context =
      one == nullptr ? std::string()
                     : ", \"previous\": " + neighbour_json(one->previous) +
                           ", \"next\": " + neighbour_json(one->next);
  return "{\"tuid\": " + io::json_string(f.unit) + ", \"lang\": " + io::json_string(f.lang) +
         ", \"kind\": " + io::json_string(qa::kind_name(f.kind)) +
         ", \"severity\": " + io::json_string(qa::severity_name(f.severity)) +
         ", \"term\": " + io::json_string(f.term) + ", \"expected\": " +
         io::json_string(f.expected) + ", \"found\": " + io::json_string(f.found) +
         ", \"message\": " + io::json_string(f.message) + context + spelling_json(f) + "}";
}

}  // namespace

std::string file_names(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) {
    out.append(out.empty() ? "" : ", ").append(std::filesystem::path(p).filename().string());
  }
  return out;
}

std::vector<core::TranslationUnit> bead_units(const std::vector<core::AlignedUnit>& beads,
                                              const std::vector<std::string>& langs) {
  std::vector<core::TranslationUnit> tus;
  tus.reserve(beads.size());
  for (std::size_t n = 0; n < beads.size(); ++n) tus.push_back(core::bead_unit(beads[n], n, langs));
  return tus;
}

io::ReviewPage review_page(const std::vector<core::TranslationUnit>& units,
                           std::vector<std::string> langs, const term::Matcher& matcher,
                           const qa::CheckOptions& options, std::vector<qa::Finding>& findings,
                           spell::SpellChecker* spelling) {
  io::ReviewPage page;
  std::map<std::string, std::size_t> column;
  if (langs.empty()) {
    for (const core::TranslationUnit& u : units) {
      for (const core::Variant& v : u.variants) {
        if (column.emplace(v.lang, 0).second) langs.push_back(v.lang);
      }
    }
    std::stable_partition(langs.begin(), langs.end(), [&](const std::string& l) {
      return qa::primary_lang(l) == options.source_lang;
    });
  }
  page.langs = std::move(langs);
  column.clear();
  for (std::size_t k = 0; k < page.langs.size(); ++k) column.emplace(page.langs[k], k);
  qa::Checker checker(matcher, options);
  std::vector<std::vector<qa::OneSided>> one_sided = qa::find_one_sided(units, options.source_lang);
  for (std::size_t n = 0; n < units.size(); ++n) {
    const core::TranslationUnit& u = units[n];
    io::ReviewRow row;
    row.id = u.id;
    row.confidence = confidence_of(u);
    row.texts.resize(page.langs.size());
    row.marks.resize(page.langs.size());
    for (const core::Variant& v : u.variants) {
      if (auto c = column.find(v.lang); c != column.end()) row.texts[c->second] = v.text;
    }
    for (qa::TermMark& m : checker.marks(u)) {
      if (auto c = column.find(m.lang); c != column.end()) {
        row.marks[c->second].push_back({m.span, false, std::move(m.title)});
      }
    }
    std::vector<qa::Finding> unit_findings = checker.check(u);
    if (spelling != nullptr && qa::Severity::kWarning <= options.min_severity) {
      for (qa::Finding& f : spelling->check(u, options.source_lang)) unit_findings.push_back(std::move(f));
    }
    for (qa::Finding& f : unit_findings) {
      row.findings.push_back({f.lang, std::string(qa::kind_name(f.kind)), f.message,
                              std::string(qa::severity_name(f.severity))});
      for (const core::Variant& v : u.variants) {
        auto c = column.find(v.lang);
        if (c != column.end() && qa::primary_lang(v.lang) == f.lang && f.span.size() != 0) {
          // Problem marks go first so that they win over the term mark of the same words.
          auto& marks = row.marks[c->second];
          marks.insert(marks.begin(), {f.span, true, f.message});
          break;
        }
      }
      findings.push_back(std::move(f));
    }
    for (qa::OneSided& one : one_sided[n]) {
      if (one.finding.severity > options.min_severity) continue;
      row.findings.push_back({one.finding.lang, std::string(qa::kind_name(one.finding.kind)),
                              one.finding.message,
                              std::string(qa::severity_name(one.finding.severity))});
      findings.push_back(std::move(one.finding));
    }
    page.rows.push_back(std::move(row));
  }
  return page;
}

Exit run_check(std::span<const std::string> args) {
  po::options_description options;
  add_glossary_option(options);
  options.add_options()
      ("json", po::bool_switch(), "findings as a JSON array")
      ("html", po::value<std::string>(), "also write the review page to FILE")
      ("date", po::value<std::string>(), "the text's date, YYYY-MM-DD (for dated terms)")
      ("no-numbers", po::bool_switch(), "skip the number and date check")
      ("no-terms", po::bool_switch(), "skip the terminology checks")
      ("min-severity", po::value<std::string>()->default_value("notice"),
       "show only findings at least this severe: error, warning or notice")
      ("spelling", po::value<std::string>()->implicit_value(""),
       "spelling warnings: the target languages that pass the bar; =kk,ru: exactly these")
      ("spelling-dict", po::value<std::string>(),
       "folder of Hunspell dictionaries, searched before $TILMASH_HUNSPELL_DIR and /usr/share/hunspell")
      ("from", po::value<std::string>()->default_value("auto"),
       "input: tmx, xliff, json (align --format json) or auto (json when FILE ends in .json, "
       "xliff when its root element is <xliff>, else tmx)")
      ("target-lang", po::value<std::string>()->default_value(""),
       "XLIFF: the target language when the file names none")
      ("file", po::value<std::string>()->default_value("-"),
       "TMX, XLIFF or align JSON file (- = stdin TMX)");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto vm = parse_options(args, options, positional,
                          "tilmash check [--glossary G] FILE.tmx|FILE.xlf|FILE.json [--json] [--html FILE]", kHelp);
  if (!vm) return Exit::kOk;
  qa::CheckOptions o;
  o.numbers = !(*vm)["no-numbers"].as<bool>();
  o.terms = !(*vm)["no-terms"].as<bool>();
  const std::string min_sev = (*vm)["min-severity"].as<std::string>();
  if (auto s = qa::parse_severity(min_sev)) {
    o.min_severity = *s;
  } else {
    throw UsageError("--min-severity must be error, warning or notice, not '" + min_sev + "'");
  }
  if (vm->count("date") != 0u) {
    o.date = (*vm)["date"].as<std::string>();
    if (o.date.size() != 10 || o.date[4] != '-' || o.date[7] != '-') {
      throw UsageError("--date must be YYYY-MM-DD, not '" + o.date + "'");
    }
  }
  auto matcher = term::Matcher::create(load(glossary_paths(*vm)));
  if (!matcher) throw std::runtime_error(matcher.error().message);

  const std::string path = (*vm)["file"].as<std::string>();
  std::string from = (*vm)["from"].as<std::string>();
  if (from == "auto") {
    from = path.ends_with(".json") ? "json" : io::is_xliff_file(path) ? "xliff" : "tmx";
  }
  std::vector<core::TranslationUnit> units;
  if (from == "json") {
    // align's JSON: the first language of the beads is the source (align's pivot).
    io::AlignmentFile a = io::read_alignment_json(path);
    if (!a.langs.empty()) o.source_lang = qa::primary_lang(a.langs.front());
    units = bead_units(a.units, a.langs);
  } else if (from == "tmx") {
    io::TmxReader reader(path);
    if (reader.header().srclang != "*all*") {
      o.source_lang = qa::primary_lang(reader.header().srclang);
    }
    while (auto u = reader.next()) units.push_back(std::move(*u));
  } else if (from == "xliff") {  // every unit, whatever its state: work in progress
    io::XliffDocument x = io::read_xliff(path, {(*vm)["target-lang"].as<std::string>()});
    o.source_lang = qa::primary_lang(x.source_lang);
    for (io::XliffUnit& u : x.units) units.push_back(std::move(u.unit));
  } else {
    throw UsageError("--from must be tmx, xliff, json or auto, not '" + from + "'");
  }
  std::string date_note;
  for (std::size_t i = 0; o.date.empty() && i < units.size() && i < 3; ++i) {
    for (const core::Variant& v : units[i].variants) {
      if (qa::primary_lang(v.lang) != o.source_lang) continue;
      o.date = qa::find_date(v.text, o.source_lang);
      if (!o.date.empty()) date_note = " (text dated " + o.date + " by unit " + units[i].id + ")";
    }
  }

  // --spelling: dictionaries opened here (the edge), words checked by spell::SpellChecker.
  std::unique_ptr<spell::Spelling> spelling;
  if (vm->count("spelling") != 0u) {
    auto opened = spell::open_spelling(*matcher, spelling_languages((*vm)["spelling"].as<std::string>()),
                                       units, o.source_lang, dictionary_dirs(*vm), segmenter_abbreviations);
    if (!opened) throw UsageError("--spelling: " + opened.error().message);
    spelling = std::move(*opened);
    for (const std::string& l : spelling->spellers.off_by_default) {
      std::cerr << "tilmash check: spelling of " << l << " is off by default (its dictionary gives "
                << "too many false flags, docs/CLI.md); --spelling=" << l << " checks it\n";
    }
  }

  std::vector<qa::Finding> findings;
  if (vm->count("html") != 0u) {
    io::ReviewPage page = review_page(units, {}, *matcher, o, findings,
                                      spelling ? &spelling->checker : nullptr);
    page.title = std::filesystem::path(path).filename().string();
    page.subtitle = "tilmash check: terminology and numbers; glossary " +
                    file_names(glossary_paths(*vm)) + date_note;
    io::AtomicFile file((*vm)["html"].as<std::string>());
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
  std::map<std::size_t, qa::OneSided> context;
  {
    std::vector<qa::OneSided> in_order;
    for (std::vector<qa::OneSided>& per_unit : qa::find_one_sided(units, o.source_lang)) {
      for (qa::OneSided& one : per_unit) {
        if (one.finding.severity <= o.min_severity) in_order.push_back(std::move(one));
      }
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < findings.size() && next < in_order.size(); ++i) {
      if (findings[i].kind == qa::FindingKind::kOmittedSentence ||
          findings[i].kind == qa::FindingKind::kAddedSentence) {
        context.emplace(i, std::move(in_order[next++]));
      }
    }
  }

  if ((*vm)["json"].as<bool>()) {
    std::cout << "[";
    for (std::size_t i = 0; i < findings.size(); ++i) {
      std::cout << (i == 0 ? "\n  " : ",\n  ") << finding_json(findings[i], context.contains(i) ? &context.at(i) : nullptr);
    }
    std::cout << (findings.empty() ? "]\n" : "\n]\n");
  } else {
    const bool colour = colour_stdout();
    auto paint = [&](const char* code, std::string_view s) {
      return colour ? "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m"
                    : std::string(s);
    };
    // Units aligned with low confidence: a finding there may be the alignment's, not the
    // translator's (the review page marks the same units as weak links).
    std::map<std::string, double> weak;
    for (const core::TranslationUnit& u : units) {
      if (auto c = confidence_of(u); c && *c < 0.5) weak[u.id] = *c;
    }
    // One section per severity, errors first; inside it, findings by unit in file order.
    bool first_section = true;
    for (qa::Severity sev : {qa::Severity::kError, qa::Severity::kWarning, qa::Severity::kNotice}) {
      const auto n = std::count_if(findings.begin(), findings.end(),
                                   [&](const qa::Finding& f) { return f.severity == sev; });
      if (n == 0) continue;
      const char* hue = sev == qa::Severity::kError ? "31" : sev == qa::Severity::kWarning ? "33" : "36";
      std::cout << (first_section ? "" : "\n")
                << paint(hue, std::string(qa::severity_name(sev)) + "s: " + std::to_string(n))
                << '\n';
      first_section = false;
      std::string last_unit;
      for (const qa::Finding& f : findings) {
        if (f.severity != sev) continue;
        if (f.unit != last_unit) {
          std::string head = "unit " + f.unit;
          if (auto w = weak.find(f.unit); w != weak.end()) {
            char conf[16];
            std::snprintf(conf, sizeof conf, "%.2f", w->second);
            head.append(" (weak link, confidence ").append(conf).append(": check the alignment first)");
          }
          std::cout << "  " << paint("1", head) << '\n';
          last_unit = f.unit;
        }
        std::cout << "    " << f.lang << "  " << paint(hue, qa::kind_name(f.kind)) << ": "
                  << f.message << '\n';
        if (auto c = context.find(static_cast<std::size_t>(&f - findings.data())); c != context.end()) {
          const qa::OneSided& one = c->second;
          for (const core::TranslationUnit* nb : {&one.previous, &one.next}) {
            if (nb->id.empty() && nb->variants.empty()) continue;
            std::cout << "        " << (nb == &one.previous ? "before" : "after") << " (unit "
                      << nb->id << "):";
            for (const core::Variant& v : nb->variants) {
              std::cout << (&v == nb->variants.data() ? " " : " | ") << v.lang << ": " << v.text;
            }
            std::cout << '\n';
          }
        }
      }
    }
  }
  std::cout.flush();
  std::size_t count[3] = {0, 0, 0};
  for (const qa::Finding& f : findings) ++count[static_cast<int>(f.severity)];
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  std::cerr << "tilmash check: " << plural(count[0], "error") << ", " << plural(count[1], "warning")
            << ", " << plural(count[2], "notice") << " in " << plural(units.size(), "unit")
            << date_note << '\n';
  return count[0] == 0 ? Exit::kOk : Exit::kFindings;
}

}  // namespace tilmash::cli
