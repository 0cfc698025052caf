// tilmash glossary lookup|list|add|edit|remove|import|export: io::read_tbx (and TSV/CSV) ->
// term::Glossary / term::Matcher -> text, JSON or io::write_tbx. The glossary comes from
// --glossary (repeatable), else $TILMASH_GLOSSARY, else the repository's glossaries/*.tbx.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/glossary_cache.h"
#include "io/glossary_tsv.h"
#include "io/json.h"
#include "io/tbx_reader.h"
#include "io/tbx_writer.h"
#include "term/glossary.h"
#include "term/match_index.h"
#include "term/matcher.h"

namespace tilmash::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescription =
    "tilmash glossary: English source, Kazakh (Cyrillic) and Russian targets";

}  // namespace

void add_glossary_option(po::options_description& o) {
  o.add_options()("glossary,g", po::value<std::vector<std::string>>(),
                  "glossary file (.tbx; repeatable). Default: $TILMASH_GLOSSARY, else the "
                  "repository's glossaries/*.tbx");
}

namespace {

// The shipped glossaries/ folder: beside or above the executable, else the source tree.
fs::path default_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "glossaries", ec)) return dir / "glossaries";
      if (dir == dir.parent_path()) break;
    }
  }
#ifdef TILMASH_SOURCE_DIR
  return fs::path(TILMASH_SOURCE_DIR) / "glossaries";
#else
  return "glossaries";
#endif
}

}  // namespace

std::vector<std::string> glossary_paths(const po::variables_map& vm) {
  if (vm.count("glossary") != 0u) return vm["glossary"].as<std::vector<std::string>>();
  if (const char* env = std::getenv("TILMASH_GLOSSARY"); env != nullptr && *env != '\0') {
    return {env};
  }
  std::vector<std::string> out;
  const fs::path dir = default_dir();
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    if (f.path().extension() == ".tbx") out.push_back(f.path().string());
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) throw UsageError("no glossary: give --glossary FILE or set TILMASH_GLOSSARY");
  return out;
}

namespace {

enum class Format { kTbx, kTsv, kCsv };


Format format_of(const std::string& path, const std::string& given) {
  std::string f = given;
  if (f.empty() || f == "auto") {
    const std::string ext = fs::path(path).extension().string();
    f = ext == ".csv" ? "csv" : (ext == ".txt" || ext == ".utf8" || ext == ".tab" || ext == ".tsv") ? "tsv" : "tbx";
  }
  if (f == "tbx" || f == "martif") return Format::kTbx;
  if (f == "tsv") return Format::kTsv;
  if (f == "csv") return Format::kCsv;
  throw UsageError("--format must be tbx, tsv or csv, not '" + f + "'");
}

}  // namespace

std::vector<core::TermEntry> read_any(const std::string& path, const std::string& format,
                                      const std::string& src, const std::string& tgt) {
  switch (format_of(path, format)) {
    case Format::kTbx: return io::read_tbx(path);
    case Format::kTsv: return io::parse_omegat_tsv(io::read_file(path), path, src, tgt);
    case Format::kCsv: return io::parse_csv(io::read_file(path), path, src, tgt);
  }
  return {};
}

// All glossaries merged (later files add entries; an id already seen keeps the first).
term::Glossary load(const std::vector<std::string>& paths) {
  term::Glossary g;
  for (const std::string& p : paths) {
    auto part = term::Glossary::create(io::read_tbx(p));
    if (!part) throw io::InputError(p, 0, 0, part.error().message);
    g.merge(*part, false);
  }
  return g;
}

void save(const std::string& path, const term::Glossary& g) {
  io::TbxWriteOptions o;
  o.description = kDescription;
  io::write_tbx(path, g.entries(), o);
}

namespace {

std::string status_json(core::TermStatus s) { return io::json_string(term::status_name(s)); }

std::string terms_json(const core::TermEntry& e) {
  std::string out = "{";
  bool first_lang = true;
  for (const auto& [lang, terms] : e.terms) {
    out += (first_lang ? "" : ", ") + io::json_string(lang) + ": [";
    first_lang = false;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      out += (i == 0 ? "{" : ", {") + std::string("\"text\": ") + io::json_string(terms[i].text) +
             ", \"status\": " + status_json(terms[i].status) + "}";
    }
    out += "]";
  }
  return out + "}";
}

std::string terms_text(const core::TermEntry& e) {
  std::string out;
  for (const auto& [lang, terms] : e.terms) {
    out += (out.empty() ? "" : " | ") + lang + ":";
    for (const core::Term& t : terms) {
      out += " " + t.text;
      if (t.status != core::TermStatus::kPreferred) out += " (" + std::string(term::status_name(t.status)) + ")";
      if (t.unverified) out += " [unverified]";
      out += ";";
    }
    out.pop_back();
  }
  return out;
}

// The lookup cache folder: $XDG_CACHE_HOME/tilmash, else ~/.cache/tilmash; "" when neither
// is set (no caching then).
std::string cache_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x == '/') {
    return (fs::path(x) / "tilmash").string();
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h == '/') {
    return (fs::path(h) / ".cache" / "tilmash").string();
  }
  return "";
}

// Names this build: a cache made by another binary (new matching rules) is not trusted.
std::string producer() {
  std::string out = "tilmash match-index " + std::to_string(term::MatchIndex::kFormatVersion);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return out;
  try {
    const std::vector<std::string> paths{exe.string()};
    const io::SourceStamp stamp = io::stamp_sources(paths).at(0);
    out += " " + stamp.path + " " + std::to_string(stamp.size) + " " +
           std::to_string(stamp.mtime_ns);
  } catch (const io::IoError&) {
    // An unreadable binary path: the format version alone names the producer.
  }
  return out;
}

struct Found {
  std::vector<term::LookupHit> hits;
  std::vector<core::TermEntry> entries;  // the entry of each hit
};

// `text` looked up through the cache file `path`; nullopt when it is missing, stale or damaged
// in any way (the caller then reads the TBX files).
std::optional<Found> lookup_cached(const std::string& path,
                                   std::span<const io::SourceStamp> sources,
                                   const std::string& text, const term::LookupOptions& lo) {
  auto cache = io::read_glossary_cache(path, sources, producer());
  if (!cache) return std::nullopt;
  auto index = term::MatchIndex::view(cache->index_bytes(), cache->storage());
  if (!index || index->entry_count() != cache->size()) return std::nullopt;
  auto matcher = term::Matcher::create(std::move(*index));
  if (!matcher) return std::nullopt;
  Found f;
  f.hits = matcher->lookup(text, lo);
  for (const term::LookupHit& h : f.hits) {
    auto e = cache->entry(h.entry);
    if (!e) return std::nullopt;
    auto terms = e->terms.find(h.lang);
    if (terms == e->terms.end() || h.term >= terms->second.size()) return std::nullopt;
    f.entries.push_back(std::move(*e));
  }
  return f;
}

// `text` looked up in the glossaries at `paths`: through the cache when `use_cache` and it is
// fresh, else from the files (then refreshing the cache; a failed write is ignored).
Found lookup(const std::vector<std::string>& paths, const std::string& text,
             const term::LookupOptions& lo, bool use_cache) {
  std::vector<io::SourceStamp> sources;
  std::string path;
  if (use_cache) {
    const std::string dir = cache_dir();
    try {
      if (!dir.empty()) sources = io::stamp_sources(paths);  // before reading: a later edit is seen
      if (!dir.empty()) path = io::glossary_cache_path(dir, sources);
    } catch (const io::IoError&) {
      path.clear();  // a missing file: load() reports it
    }
  }
  if (!path.empty()) {
    if (auto f = lookup_cached(path, sources, text, lo)) return std::move(*f);
  }
  auto matcher = term::Matcher::create(load(paths));
  if (!matcher) throw std::runtime_error(matcher.error().message);
  const auto& entries = matcher->glossary().entries();
  if (!path.empty()) {
    io::write_glossary_cache(path, io::encode_glossary_cache(sources, producer(), entries,
                                                             matcher->index().serialize()));
  }
  Found f;
  f.hits = matcher->lookup(text, lo);
  for (const term::LookupHit& h : f.hits) f.entries.push_back(entries[h.entry]);
  return f;
}

}  // namespace

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
  const Found found = lookup(glossary_paths(*vm), text, lo, !(*vm)["no-cache"].as<bool>());
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
         << terms_json(e) << ", \"definition\": " << io::json_string(e.definition)
         << ", \"note\": " << io::json_string(e.note) << "}";
    }
    os << (hits.empty() ? "]\n" : "\n]\n");
  } else {
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const term::LookupHit& h = hits[i];
      const core::TermEntry& e = found.entries[i];
      os << e.id << "\t" << io::json_number(h.score) << "\t" << term::kind_name(h.kind) << " "
         << h.lang << ":" << e.terms.at(h.lang)[h.term].text << "\t" << terms_text(e) << '\n';
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
  const term::Glossary g = load(glossary_paths(*vm));
  const bool json = (*vm)["json"].as<bool>();
  if (json) std::cout << "[";
  for (std::size_t i = 0; i < g.size(); ++i) {
    const core::TermEntry& e = g.entries()[i];
    if (json) {
      std::cout << (i == 0 ? "\n" : ",\n") << "  {\"id\": " << io::json_string(e.id)
                << ", \"terms\": " << terms_json(e) << ", \"definition\": "
                << io::json_string(e.definition) << ", \"note\": " << io::json_string(e.note) << "}";
    } else {
      std::cout << e.id << '\t' << terms_text(e) << '\n';
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
  const term::Glossary g = load(glossary_paths(*vm));
  const std::string format = (*vm)["format"].as<std::string>();
  const std::string src = lang_option(*vm, "src");
  std::string out;
  if (format == "tbx" || format == "martif" || format == "omegat-tbx") {
    io::TbxWriteOptions to;
    to.dialect = format == "tbx" ? io::TbxDialect::kTbx2019 : io::TbxDialect::kMartif;
    to.drop_unusable = format == "omegat-tbx";
    to.source_lang = src;
    to.description = kDescription;
    out = io::tbx_string(g.entries(), to);
  } else if (format == "tsv") {
    out = io::omegat_tsv_string(g.entries(), src, lang_option(*vm, "tgt"));
  } else if (format == "csv") {
    std::vector<std::string> langs{src};
    for (const core::TermEntry& e : g.entries()) {
      for (const auto& [lang, terms] : e.terms) {
        if (std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.push_back(lang);
      }
    }
    std::sort(langs.begin() + 1, langs.end());
    io::CsvOptions co;
    co.delimiter = (*vm)["delimiter"].as<char>();
    out = io::csv_string(g.entries(), langs, co);
  } else {
    throw UsageError("--format must be tbx, martif, omegat-tbx, tsv or csv, not '" + format + "'");
  }
  io::write_file_atomic((*vm)["output"].as<std::string>(), out);
  return Exit::kOk;
}

}  // namespace tilmash::cli
