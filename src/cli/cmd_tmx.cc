// tilmash tmx validate|stats|split|merge: io::TmxReader -> io::TmxWriter / io::validate_tmx.
// Streams units; outputs appear only when complete (io::AtomicFile).
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/command.h"
#include "core/lang.h"
#include "core/translit.h"
#include "io/atomic_file.h"
#include "io/json.h"
#include "io/tmx_reader.h"
#include "io/tmx_validate.h"
#include "io/tmx_writer.h"

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

struct WriteSetup {
  io::TmxWriteOptions options;
  std::unique_ptr<core::Transliterator> kk_latn;
};

WriteSetup write_setup(const po::variables_map& vm) {
  WriteSetup w;
  if (vm.count("lang-code") != 0u) {
    for (const std::string& spec : vm["lang-code"].as<std::vector<std::string>>()) {
      const std::size_t eq = spec.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
        throw UsageError("--lang-code wants LANG=CODE (kk=kk-KZ), not '" + spec + "'");
      }
      auto from = core::normalize_lang_tag(spec.substr(0, eq));
      auto to = core::normalize_lang_tag(spec.substr(eq + 1));
      if (!from || !to) throw UsageError("--lang-code " + spec + ": malformed language tag");
      if (spec.find('_', eq) != std::string::npos) {
        throw UsageError("--lang-code " + spec + ": write '-' not '_' (OmegaT matches nothing)");
      }
      w.options.lang_codes[*from] = spec.substr(eq + 1);
    }
  }
  if (vm["add-kk-latn"].as<bool>()) {
    auto t = core::Transliterator::create("kk-Latn");
    if (!t) throw std::runtime_error(t.error().message);
    w.kk_latn = std::make_unique<core::Transliterator>(std::move(*t));
    w.options.kk_latn = w.kk_latn.get();
  }
  w.options.max_seg_chars = vm["max-chars"].as<std::size_t>();
  return w;
}

io::TmxReadOptions read_options(const po::variables_map& vm) {
  io::TmxReadOptions r;
  r.drop_invalid_chars = vm["drop-invalid-chars"].as<bool>();
  return r;
}

void report(const std::string& verb, const std::string& path, const io::TmxWriteStats& s) {
  std::cerr << "tilmash tmx " << verb << ": " << path << ": " << s.units_written << " units";
  if (s.units_skipped + s.units_duplicate + s.units_no_source + s.units_too_long > 0) {
    std::cerr << "; skipped " << s.units_skipped << " incomplete, " << s.units_duplicate
              << " duplicate, " << s.units_no_source << " without source, " << s.units_too_long
              << " too long";
  }
  std::cerr << '\n';
  for (const std::string& w : s.warnings) std::cerr << path << ": warning: " << w << '\n';
}

std::vector<std::string> files(const po::variables_map& vm) {
  if (vm.count("file") == 0u) throw UsageError("no input file");
  return vm["file"].as<std::vector<std::string>>();
}

// "en-kk", "en:kk-Latn", "en-US:kk-KZ" -> {source, target}, normalized.
std::pair<std::string, std::string> parse_pair(const std::string& spec) {
  std::size_t cut = spec.find(':');
  if (cut == std::string::npos) cut = spec.find(',');
  if (cut == std::string::npos) {
    cut = spec.find('-');
    if (cut == std::string::npos || spec.find('-', cut + 1) != std::string::npos) {
      throw UsageError("--pair wants SRC-TGT (en-kk) or SRC:TGT for longer tags (en-US:kk-KZ), "
                       "not '" + spec + "'");
    }
  }
  auto src = core::normalize_lang_tag(spec.substr(0, cut));
  auto tgt = core::normalize_lang_tag(spec.substr(cut + 1));
  if (!src || !tgt) throw UsageError("--pair " + spec + ": malformed language tag");
  return {*src, *tgt};
}

Exit run_validate(const po::variables_map& vm) {
  io::TmxValidateOptions options;
  options.max_seg_chars = vm["max-chars"].as<std::size_t>();
  std::vector<io::TmxFinding> all;
  for (const std::string& f : files(vm)) {
    std::vector<io::TmxFinding> found = io::validate_tmx(f, options);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  if (vm["json"].as<bool>()) {
    std::cout << "[";
    for (std::size_t i = 0; i < all.size(); ++i) {
      const io::TmxFinding& f = all[i];
      std::cout << (i == 0 ? "\n" : ",\n") << "  {\"path\": " << io::json_string(f.path)
                << ", \"line\": " << f.line << ", \"column\": " << f.column
                << ", \"unit\": " << io::json_string(f.unit)
                << ", \"kind\": " << io::json_string(f.kind) << ", \"severity\": \""
                << (f.severity == io::Severity::kError ? "error" : "warning")
                << "\", \"message\": " << io::json_string(f.message) << "}";
    }
    std::cout << (all.empty() ? "]\n" : "\n]\n");
  } else {
    for (const io::TmxFinding& f : all) std::cout << io::format_finding(f) << '\n';
  }
  // A file that is not well-formed XML is bad input, not a finding (docs/CLI.md): markup that
  // stops the reading, or characters and references XML 1.0 forbids (listed one by one above,
  // since the rest of the file can still be read).
  bool unreadable = false;
  std::map<std::string, std::size_t> bad_chars;  // path -> invalid-char findings
  for (const io::TmxFinding& f : all) {
    if (f.kind == "invalid-char") ++bad_chars[f.path];
    if (f.kind != "not-well-formed") continue;
    unreadable = true;
    std::cerr << f.path << ':' << f.line << ':' << f.column << ": error: " << f.message
              << (f.unit.empty() ? "" : " (" + f.unit + ")") << '\n';
  }
  for (const auto& [path, n] : bad_chars) {
    unreadable = true;
    std::cerr << path << ": error: not well-formed XML: " << n
              << (n == 1 ? " character or reference" : " characters or references")
              << " XML 1.0 forbids (listed on stdout); 'tm import' refuses the file, "
                 "'--drop-invalid-chars' reads it without them\n";
  }
  if (unreadable) return Exit::kBadInput;
  return all.empty() ? Exit::kOk : Exit::kFindings;
}

Exit run_stats(const po::variables_map& vm) {
  const bool json = vm["json"].as<bool>();
  if (json) std::cout << "[";
  bool first = true;
  for (const std::string& f : files(vm)) {
    io::TmxReader reader(f, read_options(vm));
    std::size_t units = 0;
    std::size_t inline_units = 0;
    std::size_t empty = 0;
    std::map<std::string, std::size_t> per_lang;
    std::map<std::string, std::size_t> per_pair;  // "en kk" -> units having both
    while (auto tu = reader.next()) {
      ++units;
      std::set<std::string> langs;
      bool has_inline = false;
      for (const core::Variant& v : tu->variants) {
        if (v.text.find_first_not_of(" \t\r\n") == std::string::npos) {
          ++empty;
          continue;
        }
        langs.insert(v.lang);
        has_inline = has_inline || !v.inline_xml.empty();
      }
      inline_units += has_inline ? 1 : 0;
      for (const std::string& l : langs) ++per_lang[l];
      for (auto a = langs.begin(); a != langs.end(); ++a) {
        for (auto b = std::next(a); b != langs.end(); ++b) ++per_pair[*a + "-" + *b];
      }
    }
    const io::TmxHeader& h = reader.header();
    if (json) {
      std::cout << (first ? "\n" : ",\n") << "  {\"path\": " << io::json_string(f)
                << ", \"version\": " << io::json_string(h.version)
                << ", \"srclang\": " << io::json_string(h.srclang)
                << ", \"creationtool\": " << io::json_string(h.creationtool)
                << ", \"units\": " << units << ", \"units_with_inline\": " << inline_units
                << ", \"empty_segments\": " << empty << ", \"languages\": {";
      bool k = true;
      for (const auto& [l, n] : per_lang) {
        std::cout << (k ? "" : ", ") << io::json_string(l) << ": " << n;
        k = false;
      }
      std::cout << "}, \"pairs\": {";
      k = true;
      for (const auto& [p, n] : per_pair) {
        std::cout << (k ? "" : ", ") << io::json_string(p) << ": " << n;
        k = false;
      }
      std::cout << "}}";
    } else {
      std::cout << f << ": TMX " << h.version << ", srclang " << h.srclang << ", from "
                << (h.creationtool.empty() ? "?" : h.creationtool) << "\n  units " << units
                << ", with inline markup " << inline_units << ", empty segments " << empty
                << "\n  languages:";
      for (const auto& [l, n] : per_lang) std::cout << ' ' << l << '=' << n;
      std::cout << "\n  pairs:";
      for (const auto& [p, n] : per_pair) std::cout << ' ' << p << '=' << n;
      std::cout << '\n';
    }
    first = false;
  }
  if (json) std::cout << (first ? "]\n" : "\n]\n");
  return Exit::kOk;
}

Exit run_split(const po::variables_map& vm) {
  const std::vector<std::string> inputs = files(vm);
  if (inputs.size() != 1) throw UsageError("split takes one input file");
  if (vm.count("pair") == 0u) throw UsageError("--pair is required (en-kk, en-ru …)");
  std::string prefix = vm.count("output") != 0u ? vm["output"].as<std::string>() : inputs[0];
  if (prefix == "-") throw UsageError("reading stdin: give -o PREFIX for the output names");
  io::TmxReader reader(inputs[0], read_options(vm));
  WriteSetup setup = write_setup(vm);
  struct Out {
    std::unique_ptr<io::AtomicFile> file;
    std::unique_ptr<io::TmxWriter> writer;
  };
  std::vector<Out> outs;
  for (const std::string& spec : vm["pair"].as<std::vector<std::string>>()) {
    const auto [src, tgt] = parse_pair(spec);
    io::TmxWriteOptions options = setup.options;
    options.langs = {src, tgt};
    options.require_all_langs = true;
    io::TmxHeader header = reader.header();
    header.srclang = src;
    header.creationdate.clear();  // a new file: now, or SOURCE_DATE_EPOCH
    Out o;
    o.file = std::make_unique<io::AtomicFile>(io::tmx_pair_path(prefix, src, tgt));
    o.writer = std::make_unique<io::TmxWriter>(o.file->out(), header, options);
    outs.push_back(std::move(o));
  }
  while (auto tu = reader.next()) {
    for (Out& o : outs) o.writer->write(*tu);
  }
  for (const std::string& w : reader.warnings()) std::cerr << w << '\n';
  for (Out& o : outs) {
    o.writer->finish();
    o.file->commit();
    report("split", o.file->path(), o.writer->stats());
  }
  return Exit::kOk;
}

Exit run_merge(const po::variables_map& vm) {
  const std::vector<std::string> inputs = files(vm);
  if (vm.count("output") == 0u) throw UsageError("-o OUT is required");
  WriteSetup setup = write_setup(vm);
  if (vm.count("langs") != 0u) {
    std::string list = vm["langs"].as<std::string>();
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      auto tag = core::normalize_lang_tag(list.substr(start, comma - start));
      if (!tag) throw UsageError("--langs " + list + ": malformed language tag");
      setup.options.langs.push_back(*tag);
      start = comma + 1;
    }
  }
  setup.options.dedupe = !vm["keep-duplicates"].as<bool>();
  io::AtomicFile out(vm["output"].as<std::string>());
  std::unique_ptr<io::TmxWriter> writer;
  for (const std::string& f : inputs) {
    io::TmxReader reader(f, read_options(vm));
    if (!writer) {
      io::TmxHeader header = reader.header();
      if (vm.count("srclang") != 0u) header.srclang = lang_option(vm, "srclang");
      header.creationdate.clear();
      writer = std::make_unique<io::TmxWriter>(out.out(), header, setup.options);
    }
    while (auto tu = reader.next()) writer->write(*tu);
    for (const std::string& w : reader.warnings()) std::cerr << w << '\n';
  }
  writer->finish();
  out.commit();
  report("merge", out.path(), writer->stats());
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
