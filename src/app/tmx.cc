#include "app/tmx.h"

#include <memory>
#include <set>

#include "app/option_error.h"
#include "core/lang.h"
#include "core/translit.h"
#include "io/atomic_file.h"
#include "io/json.h"
#include "io/tmx_reader.h"

namespace tilmash::app {
namespace {

struct WriteSetup {
  io::TmxWriteOptions options;
  std::unique_ptr<core::Transliterator> kk_latn;
};

WriteSetup write_setup(const TmxWriteSetup& s) {
  WriteSetup w;
  for (const std::string& spec : s.lang_codes) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      throw OptionError("--lang-code wants LANG=CODE (kk=kk-KZ), not '" + spec + "'");
    }
    auto from = core::normalize_lang_tag(spec.substr(0, eq));
    auto to = core::normalize_lang_tag(spec.substr(eq + 1));
    if (!from || !to) throw OptionError("--lang-code " + spec + ": malformed language tag");
    if (spec.find('_', eq) != std::string::npos) {
      throw OptionError("--lang-code " + spec + ": write '-' not '_' (OmegaT matches nothing)");
    }
    w.options.lang_codes[*from] = spec.substr(eq + 1);
  }
  if (s.add_kk_latn) {
    auto t = core::Transliterator::create("kk-Latn");
    if (!t) throw std::runtime_error(t.error().message);
    w.kk_latn = std::make_unique<core::Transliterator>(std::move(*t));
    w.options.kk_latn = w.kk_latn.get();
  }
  w.options.max_seg_chars = s.max_chars;
  return w;
}

// "en-kk", "en:kk-Latn", "en-US:kk-KZ" -> {source, target}, normalized.
std::pair<std::string, std::string> parse_pair(const std::string& spec) {
  std::size_t cut = spec.find(':');
  if (cut == std::string::npos) cut = spec.find(',');
  if (cut == std::string::npos) {
    cut = spec.find('-');
    if (cut == std::string::npos || spec.find('-', cut + 1) != std::string::npos) {
      throw OptionError("--pair wants SRC-TGT (en-kk) or SRC:TGT for longer tags (en-US:kk-KZ), "
                       "not '" + spec + "'");
    }
  }
  auto src = core::normalize_lang_tag(spec.substr(0, cut));
  auto tgt = core::normalize_lang_tag(spec.substr(cut + 1));
  if (!src || !tgt) throw OptionError("--pair " + spec + ": malformed language tag");
  return {*src, *tgt};
}

io::TmxReadOptions read_options(const TmxWriteSetup& s) {
  io::TmxReadOptions r;
  r.drop_invalid_chars = s.drop_invalid_chars;
  return r;
}

void warn_all(const TmxWriteSetup& s, const std::vector<std::string>& warnings) {
  if (!s.warning) return;
  for (const std::string& w : warnings) s.warning(w);
}

}  // namespace

TmxValidation validate_tmx_files(const std::vector<std::string>& files, std::size_t max_chars) {
  io::TmxValidateOptions options;
  options.max_seg_chars = max_chars;
  TmxValidation v;
  std::vector<io::TmxFinding>& all = v.findings;
  for (const std::string& f : files) {
    std::vector<io::TmxFinding> found = io::validate_tmx(f, options);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  // A file that is not well-formed XML is bad input, not a finding (docs/CLI.md): markup that
  // stops the reading, or characters and references XML 1.0 forbids (listed one by one among
  // the findings, since the rest of the file can still be read).
  std::map<std::string, std::size_t> bad_chars;  // path -> invalid-char findings
  for (const io::TmxFinding& f : all) {
    if (f.kind == "invalid-char") ++bad_chars[f.path];
    if (f.kind != "not-well-formed") continue;
    v.errors.push_back(f.path + ':' + std::to_string(f.line) + ':' + std::to_string(f.column) +
                       ": error: " + f.message + (f.unit.empty() ? "" : " (" + f.unit + ")"));
  }
  for (const auto& [path, n] : bad_chars) {
    v.errors.push_back(path + ": error: not well-formed XML: " + std::to_string(n) +
                       (n == 1 ? " character or reference" : " characters or references") +
                       " XML 1.0 forbids (listed on stdout); 'tm import' refuses the file, "
                       "'--drop-invalid-chars' reads it without them");
  }
  return v;
}

std::string tmx_findings_json(const std::vector<io::TmxFinding>& all) {
  std::string out = "[";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const io::TmxFinding& f = all[i];
    out.append(i == 0 ? "\n" : ",\n").append("  {\"path\": ").append(io::json_string(f.path))
        .append(", \"line\": ").append(std::to_string(f.line))
        .append(", \"column\": ").append(std::to_string(f.column))
        .append(", \"unit\": ").append(io::json_string(f.unit))
        .append(", \"kind\": ").append(io::json_string(f.kind)).append(", \"severity\": \"")
        .append(f.severity == io::Severity::kError ? "error" : "warning")
        .append("\", \"message\": ").append(io::json_string(f.message)).append("}");
  }
  out.append(all.empty() ? "]\n" : "\n]\n");
  return out;
}

std::string tmx_findings_text(const std::vector<io::TmxFinding>& all) {
  std::string out;
  for (const io::TmxFinding& f : all) out.append(io::format_finding(f)).append("\n");
  return out;
}

std::vector<TmxFileStats> tmx_stats(const std::vector<std::string>& files, bool drop_invalid_chars,
                                    const std::function<void(const TmxFileStats&)>& each) {
  std::vector<TmxFileStats> out;
  io::TmxReadOptions ro;
  ro.drop_invalid_chars = drop_invalid_chars;
  for (const std::string& f : files) {
    io::TmxReader reader(f, ro);
    TmxFileStats& s = out.emplace_back();
    s.path = f;
    while (auto tu = reader.next()) {
      ++s.units;
      std::set<std::string> langs;
      bool has_inline = false;
      for (const core::Variant& v : tu->variants) {
        if (v.text.find_first_not_of(" \t\r\n") == std::string::npos) {
          ++s.empty_segments;
          continue;
        }
        langs.insert(v.lang);
        has_inline = has_inline || !v.inline_xml.empty();
      }
      s.units_with_inline += has_inline ? 1 : 0;
      for (const std::string& l : langs) ++s.languages[l];
      for (auto a = langs.begin(); a != langs.end(); ++a) {
        for (auto b = std::next(a); b != langs.end(); ++b) ++s.pairs[*a + "-" + *b];
      }
    }
    s.header = reader.header();
    if (each) each(s);
  }
  return out;
}

std::string tmx_stats_json(const TmxFileStats& s) {
  std::string out;
  auto counts = [&](const std::map<std::string, std::size_t>& m) {
    bool first = true;
    for (const auto& [k, n] : m) {
      out.append(first ? "" : ", ").append(io::json_string(k)).append(": ").append(std::to_string(n));
      first = false;
    }
  };
  const io::TmxHeader& h = s.header;
  out.append("  {\"path\": ").append(io::json_string(s.path))
      .append(", \"version\": ").append(io::json_string(h.version))
      .append(", \"srclang\": ").append(io::json_string(h.srclang))
      .append(", \"creationtool\": ").append(io::json_string(h.creationtool))
      .append(", \"units\": ").append(std::to_string(s.units))
      .append(", \"units_with_inline\": ").append(std::to_string(s.units_with_inline))
      .append(", \"empty_segments\": ").append(std::to_string(s.empty_segments))
      .append(", \"languages\": {");
  counts(s.languages);
  out.append("}, \"pairs\": {");
  counts(s.pairs);
  out.append("}}");
  return out;
}

std::string tmx_stats_text(const TmxFileStats& s) {
  const io::TmxHeader& h = s.header;
  std::string out;
  out.append(s.path).append(": TMX ").append(h.version).append(", srclang ").append(h.srclang)
      .append(", from ").append(h.creationtool.empty() ? "?" : h.creationtool)
      .append("\n  units ").append(std::to_string(s.units))
      .append(", with inline markup ").append(std::to_string(s.units_with_inline))
      .append(", empty segments ").append(std::to_string(s.empty_segments))
      .append("\n  languages:");
  for (const auto& [l, n] : s.languages) out.append(" ").append(l).append("=").append(std::to_string(n));
  out.append("\n  pairs:");
  for (const auto& [p, n] : s.pairs) out.append(" ").append(p).append("=").append(std::to_string(n));
  out.append("\n");
  return out;
}

std::vector<TmxOutput> split_tmx(const std::string& input, const std::vector<std::string>& pairs,
                                 const std::string& prefix, const TmxWriteSetup& s) {
  io::TmxReader reader(input, read_options(s));
  WriteSetup setup = write_setup(s);
  struct Out {
    std::unique_ptr<io::AtomicFile> file;
    std::unique_ptr<io::TmxWriter> writer;
  };
  std::vector<Out> outs;
  for (const std::string& spec : pairs) {
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
  warn_all(s, reader.warnings());
  std::vector<TmxOutput> written;
  for (Out& o : outs) {
    o.writer->finish();
    o.file->commit();
    written.push_back({o.file->path(), o.writer->stats()});
  }
  return written;
}

TmxOutput merge_tmx(const MergeRequest& r, const TmxWriteSetup& s) {
  WriteSetup setup = write_setup(s);
  if (!r.langs.empty()) {
    const std::string& list = r.langs;
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      auto tag = core::normalize_lang_tag(list.substr(start, comma - start));
      if (!tag) throw OptionError("--langs " + list + ": malformed language tag");
      setup.options.langs.push_back(*tag);
      start = comma + 1;
    }
  }
  setup.options.dedupe = !r.keep_duplicates;
  io::AtomicFile out(r.output);
  std::unique_ptr<io::TmxWriter> writer;
  for (const std::string& f : r.inputs) {
    io::TmxReader reader(f, read_options(s));
    if (!writer) {
      io::TmxHeader header = reader.header();
      if (!r.srclang.empty()) header.srclang = r.srclang;
      header.creationdate.clear();
      writer = std::make_unique<io::TmxWriter>(out.out(), header, setup.options);
    }
    while (auto tu = reader.next()) writer->write(*tu);
    warn_all(s, reader.warnings());
  }
  writer->finish();
  out.commit();
  return {out.path(), writer->stats()};
}

std::string tmx_write_report(const std::string& verb, const TmxOutput& o) {
  const io::TmxWriteStats& s = o.stats;
  std::string out = "tilmash tmx " + verb + ": " + o.path + ": " + std::to_string(s.units_written) + " units";
  if (s.units_skipped + s.units_duplicate + s.units_no_source + s.units_too_long > 0) {
    out += "; skipped " + std::to_string(s.units_skipped) + " incomplete, " +
           std::to_string(s.units_duplicate) + " duplicate, " + std::to_string(s.units_no_source) +
           " without source, " + std::to_string(s.units_too_long) + " too long";
  }
  out += '\n';
  for (const std::string& w : s.warnings) out += o.path + ": warning: " + w + '\n';
  return out;
}

}  // namespace tilmash::app
