#include "app/glossary.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "app/option_error.h"
#include "app/shipped.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/glossary_cache.h"
#include "io/glossary_tsv.h"
#include "io/json.h"
#include "io/tbx_reader.h"
#include "io/tbx_writer.h"
#include "term/match_index.h"

namespace tilmash::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescription =
    "tilmash glossary: English source, Kazakh (Cyrillic) and Russian targets";

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

// `text` looked up through the cache file `path`; nullopt when it is missing, stale or damaged
// in any way (the caller then reads the TBX files).
std::optional<LookupResult> lookup_cached(const std::string& path,
                                          std::span<const io::SourceStamp> sources,
                                          const std::string& text, const term::LookupOptions& lo) {
  auto cache = io::read_glossary_cache(path, sources, producer());
  if (!cache) return std::nullopt;
  auto index = term::MatchIndex::view(cache->index_bytes(), cache->storage());
  if (!index || index->entry_count() != cache->size()) return std::nullopt;
  auto matcher = term::Matcher::create(std::move(*index));
  if (!matcher) return std::nullopt;
  LookupResult f;
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

}  // namespace

std::vector<std::string> glossary_paths(std::vector<std::string> given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("TILMASH_GLOSSARY"); env != nullptr && *env != '\0') {
    return {env};
  }
  std::vector<std::string> out = shipped_files("glossaries", ".tbx");
  if (out.empty()) throw OptionError("no glossary: give --glossary FILE or set TILMASH_GLOSSARY");
  return out;
}

term::Glossary load_glossary(const std::vector<std::string>& paths) {
  term::Glossary g;
  for (const std::string& p : paths) {
    auto part = term::Glossary::create(io::read_tbx(p));
    if (!part) throw io::InputError(p, 0, 0, part.error().message);
    g.merge(*part, false);
  }
  return g;
}

void save_glossary(const std::string& path, const term::Glossary& g) {
  io::TbxWriteOptions o;
  o.description = kDescription;
  io::write_tbx(path, g.entries(), o);
}

std::vector<core::TermEntry> read_term_file(const std::string& path, const std::string& format,
                                            const std::string& src, const std::string& tgt) {
  std::string f = format;
  if (f.empty() || f == "auto") {
    const std::string ext = fs::path(path).extension().string();
    f = ext == ".csv" ? "csv"
        : (ext == ".txt" || ext == ".utf8" || ext == ".tab" || ext == ".tsv") ? "tsv"
                                                                              : "tbx";
  }
  if (f == "tbx" || f == "martif") return io::read_tbx(path);
  if (f == "tsv") return io::parse_omegat_tsv(io::read_file(path), path, src, tgt);
  if (f == "csv") return io::parse_csv(io::read_file(path), path, src, tgt);
  throw OptionError("--format must be tbx, tsv or csv, not '" + f + "'");
}

std::optional<term::Matcher> optional_matcher(std::vector<std::string> given,
                                              std::span<const std::string> langs) {
  std::vector<std::string> paths;
  try {
    paths = glossary_paths(std::move(given));
  } catch (const OptionError&) {  // only when nothing was named and nothing is shipped
    return std::nullopt;
  }
  term::Glossary glossary = load_glossary(paths);
  const bool covered = std::any_of(
      glossary.entries().begin(), glossary.entries().end(), [&](const core::TermEntry& e) {
        return std::any_of(langs.begin() + (langs.empty() ? 0 : 1), langs.end(),
                           [&](const std::string& l) { return e.terms.count(l) != 0u; });
      });
  if (!covered) return std::nullopt;
  auto matcher = term::Matcher::create(std::move(glossary));
  if (!matcher) throw OptionError("--glossary: " + matcher.error().message);
  return std::move(*matcher);
}

std::vector<std::vector<int>> sentence_terms(const term::Matcher& matcher,
                                             std::span<const core::Segment> doc,
                                             const std::string& lang) {
  std::vector<std::vector<int>> out(doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    for (const term::Occurrence& t : matcher.find_in_text(doc[i].text, lang)) {
      out[i].push_back(static_cast<int>(t.entry));
    }
  }
  return out;
}

std::string default_cache_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x == '/') {
    return (fs::path(x) / "tilmash").string();
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h == '/') {
    return (fs::path(h) / ".cache" / "tilmash").string();
  }
  return "";
}

LookupResult lookup_glossary(const LookupRequest& request) {
  const std::vector<std::string>& paths = request.glossaries;
  std::vector<io::SourceStamp> sources;
  std::string path;
  if (request.use_cache) {
    const std::string dir = request.cache_dir.empty() ? default_cache_dir() : request.cache_dir;
    try {
      if (!dir.empty()) sources = io::stamp_sources(paths);  // before reading: a later edit is seen
      if (!dir.empty()) path = io::glossary_cache_path(dir, sources);
    } catch (const io::IoError&) {
      path.clear();  // a missing file: load_glossary() reports it
    }
  }
  if (!path.empty()) {
    if (auto f = lookup_cached(path, sources, request.text, request.options)) return std::move(*f);
  }
  auto matcher = term::Matcher::create(load_glossary(paths));
  if (!matcher) throw std::runtime_error(matcher.error().message);
  const auto& entries = matcher->glossary().entries();
  if (!path.empty()) {
    io::write_glossary_cache(path, io::encode_glossary_cache(sources, producer(), entries,
                                                             matcher->index().serialize()));
  }
  LookupResult f;
  f.hits = matcher->lookup(request.text, request.options);
  for (const term::LookupHit& h : f.hits) f.entries.push_back(entries[h.entry]);
  return f;
}

std::string export_glossary(const ExportRequest& request) {
  const term::Glossary g = load_glossary(request.glossaries);
  const std::string& format = request.format;
  if (format == "tbx" || format == "martif" || format == "omegat-tbx") {
    io::TbxWriteOptions to;
    to.dialect = format == "tbx" ? io::TbxDialect::kTbx2019 : io::TbxDialect::kMartif;
    to.drop_unusable = format == "omegat-tbx";
    to.source_lang = request.src;
    to.description = kDescription;
    return io::tbx_string(g.entries(), to);
  }
  if (format == "tsv") return io::omegat_tsv_string(g.entries(), request.src, request.tgt);
  if (format == "csv") {
    std::vector<std::string> langs{request.src};
    for (const core::TermEntry& e : g.entries()) {
      for (const auto& [lang, terms] : e.terms) {
        if (std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.push_back(lang);
      }
    }
    std::sort(langs.begin() + 1, langs.end());
    io::CsvOptions co;
    co.delimiter = request.delimiter;
    return io::csv_string(g.entries(), langs, co);
  }
  throw OptionError("--format must be tbx, martif, omegat-tbx, tsv or csv, not '" + format + "'");
}

namespace {

std::string status_json(core::TermStatus s) { return io::json_string(term::status_name(s)); }

}  // namespace

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

}  // namespace tilmash::app
