// tilmash check: parses the options, calls app::check_units (TMX, XLIFF or align JSON ->
// qa checks -> findings, and the review page with --html), prints the findings as text or
// JSON and the summary.
#include <cstdlib>
#include <iostream>

#include "app/check.h"
#include "cli/command.h"
#include "qa/term_check.h"

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
    "with no rendering, a target sentence with no source; given with the units around it; not\n"
    "for a side align marks \"grouped\": rendered with a neighbour in that pair's own alignment),\n"
    "possibly-omitted-sentence / possibly-added-sentence (a sentence of a merged bead that the\n"
    "aligner gives a 35 % or higher chance of having no counterpart: align's \"alone\"; for\n"
    "three languages in the --pairs files, not yet in the joined one).\n"
    "Each finding has a severity: error (a deprecated or forbidden term, a key term missing, a\n"
    "number that differs, an omitted sentence), warning (a likely problem: a name rendered\n"
    "another way, an added or possibly left-out sentence) or notice (source spellings,\n"
    "reference-only glossary entries, unverified renderings, term-form: a Kazakh modifier in\n"
    "-лы for -лық).\n"
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

}  // namespace

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
  app::CheckRequest r;
  qa::CheckOptions& o = r.options;
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

  r.glossaries = glossary_paths(*vm);
  r.path = (*vm)["file"].as<std::string>();
  r.from = (*vm)["from"].as<std::string>();
  r.target_lang = (*vm)["target-lang"].as<std::string>();
  if (vm->count("spelling") != 0u) r.spelling = (*vm)["spelling"].as<std::string>();
  if (vm->count("spelling-dict") != 0u) r.spelling_dict = (*vm)["spelling-dict"].as<std::string>();
  if (vm->count("html") != 0u) r.html = (*vm)["html"].as<std::string>();
  r.notice = [](const std::string& line) { std::cerr << line << '\n'; };
  const app::CheckResult result = app::check_units(r);
  std::cout << ((*vm)["json"].as<bool>() ? app::findings_json(result)
                                         : app::findings_text(result, colour_stdout()));
  std::cout.flush();
  std::cerr << "tilmash check: " << app::check_summary(result) << '\n';
  return result.count(qa::Severity::kError) == 0 ? Exit::kOk : Exit::kFindings;
}

}  // namespace tilmash::cli
