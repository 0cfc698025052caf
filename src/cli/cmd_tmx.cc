// tilmash tmx validate|stats|split|merge: parse the options, call app (tmx.h: io::TmxReader
// -> io::validate_tmx / counts / io::TmxWriter, outputs complete or absent) and print.
#include <iostream>

#include "app/tmx.h"
#include "cli/command.h"

namespace tilmash::cli {
namespace {

// Options shared by the commands that write TMX.
void add_write_options(po::options_description& options) {
  options.add_options()
      ("lang-code", po::value<std::vector<std::string>>()->composing(),
       "xml:lang to write for a language, repeatable: kk=kk-KZ, en=en-US")
      ("add-kk-latn", po::bool_switch(), "add a kk-Latn variant (2021 alphabet) after Kazakh")
      ("max-chars", po::value<std::size_t>()->default_value(0),
       "skip units with a segment longer than this (code points; 0 = no limit)")
      ("drop-invalid-chars", po::bool_switch(),
       "read inputs leniently: drop characters XML forbids instead of failing");
}

app::TmxWriteSetup write_setup(const po::variables_map& vm) {
  app::TmxWriteSetup s;
  if (vm.count("lang-code") != 0u) s.lang_codes = vm["lang-code"].as<std::vector<std::string>>();
  s.add_kk_latn = vm["add-kk-latn"].as<bool>();
  s.max_chars = vm["max-chars"].as<std::size_t>();
  s.drop_invalid_chars = vm["drop-invalid-chars"].as<bool>();
  s.warning = [](const std::string& w) { std::cerr << w << '\n'; };
  return s;
}

std::vector<std::string> files(const po::variables_map& vm) {
  if (vm.count("file") == 0u) throw UsageError("no input file");
  return vm["file"].as<std::vector<std::string>>();
}

Exit run_validate(const po::variables_map& vm) {
  const app::TmxValidation v = app::validate_tmx_files(files(vm), vm["max-chars"].as<std::size_t>());
  std::cout << (vm["json"].as<bool>() ? app::tmx_findings_json(v.findings)
                                      : app::tmx_findings_text(v.findings));
  std::cout.flush();
  for (const std::string& e : v.errors) std::cerr << e << '\n';
  if (!v.errors.empty()) return Exit::kBadInput;
  return v.findings.empty() ? Exit::kOk : Exit::kFindings;
}

Exit run_stats(const po::variables_map& vm) {
  const bool json = vm["json"].as<bool>();
  if (json) std::cout << "[";
  bool first = true;  // each file printed once counted: a later unreadable file keeps them
  app::tmx_stats(files(vm), vm["drop-invalid-chars"].as<bool>(), [&](const app::TmxFileStats& s) {
    std::cout << (json ? (first ? "\n" : ",\n") + app::tmx_stats_json(s) : app::tmx_stats_text(s));
    first = false;
  });
  if (json) std::cout << (first ? "]\n" : "\n]\n");
  return Exit::kOk;
}

Exit run_split(const po::variables_map& vm) {
  const std::vector<std::string> inputs = files(vm);
  if (inputs.size() != 1) throw UsageError("split takes one input file");
  if (vm.count("pair") == 0u) throw UsageError("--pair is required (en-kk, en-ru …)");
  std::string prefix = vm.count("output") != 0u ? vm["output"].as<std::string>() : inputs[0];
  if (prefix == "-") throw UsageError("reading stdin: give -o PREFIX for the output names");
  for (const app::TmxOutput& o : app::split_tmx(inputs[0], vm["pair"].as<std::vector<std::string>>(),
                                                prefix, write_setup(vm))) {
    std::cerr << app::tmx_write_report("split", o);
  }
  return Exit::kOk;
}

Exit run_merge(const po::variables_map& vm) {
  app::MergeRequest r;
  r.inputs = files(vm);
  if (vm.count("output") == 0u) throw UsageError("-o OUT is required");
  r.output = vm["output"].as<std::string>();
  if (vm.count("langs") != 0u) r.langs = vm["langs"].as<std::string>();
  if (vm.count("srclang") != 0u) r.srclang = lang_option(vm, "srclang");
  r.keep_duplicates = vm["keep-duplicates"].as<bool>();
  std::cerr << app::tmx_write_report("merge", app::merge_tmx(r, write_setup(vm)));
  return Exit::kOk;
}

constexpr const char* kHelp =
    "TMX 1.4b files (../shared/formats/TMX-NOTES.md):\n"
    "  validate  DTD structure plus what xmllint misses: bad language codes (kk_KZ, kaz),\n"
    "            empty segments, duplicate units, lang-only attributes, invalid characters,\n"
    "            srclang missing from a unit. One finding per line (path:line:col), exit 1 if any.\n"
    "  stats     units, languages and language pairs per file.\n"
    "  split     one bilingual file per --pair: OUT-en-kk.tmx with exactly two <tuv>s, source\n"
    "            first, only units that have both languages.\n"
    "  merge     several files into one (duplicates dropped), re-checked and normalized.\n\n"
    "examples:\n"
    "  tilmash tmx validate memory.tmx --json\n"
    "  tilmash tmx split tri.tmx --pair en-kk --pair en-ru --lang-code kk=kk-KZ -o out\n"
    "  tilmash tmx merge a.tmx b.tmx -o all.tmx --add-kk-latn";

Exit run_tmx_verb(const char* verb, std::span<const std::string> args, const char* usage) {
  po::options_description options;
  options.add_options()
      ("file", po::value<std::vector<std::string>>(), "input TMX files (- = stdin)")
      ("json", po::bool_switch(), "JSON output (validate, stats)")
      ("output,o", po::value<std::string>(), "output file (merge) or name prefix (split)")
      ("pair", po::value<std::vector<std::string>>()->composing(),
       "split: language pair SRC-TGT, repeatable (en-kk, en:kk-Latn)")
      ("srclang", po::value<std::string>(), "merge: source language (default: first file's)")
      ("langs", po::value<std::string>(), "merge: only these languages, in this order (en,kk,ru)")
      ("keep-duplicates", po::bool_switch(), "merge: keep units identical to an earlier one");
  add_write_options(options);
  po::positional_options_description positional;
  positional.add("file", -1);
  auto vm = parse_options(args, options, positional, usage, kHelp);
  if (!vm) return Exit::kOk;
  const std::string_view v = verb;
  if (v == "validate") return run_validate(*vm);
  if (v == "stats") return run_stats(*vm);
  if (v == "split") return run_split(*vm);
  return run_merge(*vm);
}

}  // namespace

Exit run_tmx_validate(std::span<const std::string> args) {
  return run_tmx_verb("validate", args, "tilmash tmx validate FILE… [--json] [--max-chars N]");
}
Exit run_tmx_stats(std::span<const std::string> args) {
  return run_tmx_verb("stats", args, "tilmash tmx stats FILE… [--json]");
}
Exit run_tmx_split(std::span<const std::string> args) {
  return run_tmx_verb("split", args,
                      "tilmash tmx split FILE --pair en-kk [--pair …] [-o PREFIX] "
                      "[--lang-code kk=kk-KZ] [--add-kk-latn]");
}
Exit run_tmx_merge(std::span<const std::string> args) {
  return run_tmx_verb("merge", args,
                      "tilmash tmx merge FILE… -o OUT [--srclang en] [--langs en,kk,ru] "
                      "[--lang-code kk=kk-KZ] [--add-kk-latn] [--keep-duplicates]");
}

}  // namespace tilmash::cli
