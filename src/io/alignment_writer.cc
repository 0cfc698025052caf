#include "io/alignment_writer.h"

#include <cassert>
#include <iomanip>
#include <sstream>

#include "core/bead.h"
#include "core/bead_unit.h"
#include "io/atomic_file.h"
#include "io/json.h"
#include "io/xliff_writer.h"

namespace tilmash::io {
namespace {

std::string json_confidence(double c) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(3) << c;
  return os.str();
}

TmxWriteStats write_tmx(const std::string& path, const std::vector<std::string>& langs,
                        std::span<const core::Bead> beads,
                        std::span<const core::AlignedUnit> units, const std::string& document,
                        std::span<const BeadMark> marks) {
  AtomicFile out(path);
  TmxHeader header;
  header.srclang = langs[0];
  TmxWriteOptions options;
  options.langs = langs;
  options.require_all_langs = true;
  // One-sided beads stay, marked (docs/CLI.md: a <tu> with the languages that have text).
  options.keep_marked = core::kOneSidedBeadProp;
  TmxWriter writer(out.out(), header, options);
  for (std::size_t n = 0; n < units.size(); ++n) {
    core::TranslationUnit tu = core::bead_unit(units[n], n, langs, document, &beads[n]);
    // tuN names bead N (line N of --format beads, the tuid of check's findings on the JSON),
    // also after an earlier duplicate bead was left out; the review page's TMX download
    // (model.js exportTmx) numbers its units the same way.
    tu.id = core::bead_tuid(n);
    if (n < marks.size() && marks[n].edited) tu.props.push_back({std::string(kEditedBeadProp), "true"});
    if (n < marks.size() && marks[n].checked) tu.props.push_back({std::string(kCheckedBeadProp), "true"});
    writer.write(tu);
  }
  writer.finish();
  out.commit();
  return writer.stats();
}

}  // namespace

TmxWriteStats write_alignment(const std::string& path, const std::string& format,
                              const std::vector<std::string>& langs,
                              std::span<const core::Bead> beads,
                              std::span<const core::AlignedUnit> units,
                              const std::string& document, std::span<const BeadMark> marks) {
  assert(beads.size() == units.size());
  assert(marks.empty() || marks.size() == beads.size());
  if (format == "tmx")
    return write_tmx(path, langs, beads, units, document, marks);
  if (format == "xliff") {
    AtomicFile out(path);
    const XliffWriteStats st = write_xliff_alignment(out.out(), langs, beads, units, document);
    out.commit();
    TmxWriteStats counts;  // the caller reports only TMX's left-out units
    counts.units_written = st.units_written;
    return counts;
  }
  AtomicFile file(path);
  std::ostream& os = file.out();
  if (format == "json")
    os << "[";
  for (std::size_t n = 0; n < beads.size(); ++n) {
    const core::Bead& b = beads[n];
    if (format == "beads") {
      os << core::format_bead(b) << '\n';
    } else if (format == "tsv") {
      os << json_confidence(b.confidence);
      for (const std::string& lang : langs)
        os << '\t' << units[n].text.at(lang);
      os << '\n';
    } else {  // json
      os << (n == 0 ? "\n" : ",\n") << "  {\"confidence\": " << json_confidence(b.confidence)
         << ", \"indices\": {";
      for (std::size_t k = 0; k < langs.size(); ++k) {
        os << (k ? ", " : "") << json_string(langs[k]) << ": [";
        for (std::size_t i = 0; i < b.sides[k].size(); ++i)
          os << (i ? ", " : "") << b.sides[k][i];
        os << "]";
      }
      os << "}, \"text\": {";
      for (std::size_t k = 0; k < langs.size(); ++k) {
        os << (k ? ", " : "") << json_string(langs[k]) << ": "
           << json_string(units[n].text.at(langs[k]));
      }
      os << "}";
      if (!units[n].grouped.empty()) {
        os << ", \"grouped\": [";
        for (std::size_t k = 0; k < units[n].grouped.size(); ++k)
          os << (k ? ", " : "") << json_string(units[n].grouped[k]);
        os << "]";
      }
      if (core::merged(b) && b.alone.size() == langs.size()) {
        // A merged bead's sentences' chances of standing alone (core::Bead::alone), which
        // `check` reports as possibly left out or added.
        os << ", \"alone\": {";
        for (std::size_t k = 0; k < langs.size(); ++k) {
          os << (k ? ", " : "") << json_string(langs[k]) << ": [";
          for (std::size_t i = 0; i < b.alone[k].size(); ++i)
            os << (i ? ", " : "") << json_confidence(b.alone[k][i]);
          os << "]";
        }
        os << "}";
      }
      if (n < marks.size() && marks[n].edited) os << ", \"edited\": true";
      if (n < marks.size() && marks[n].checked) os << ", \"checked\": true";
      os << "}";
    }
  }
  if (format == "json")
    os << (beads.empty() ? "]\n" : "\n]\n");
  file.commit();
  return {};
}

std::string alignment_pair_path(const std::string& path, const std::string& format,
                                const std::string& source, const std::string& target) {
  if (format == "tmx")
    return tmx_pair_path(path, source, target);
  // XLIFF keeps the name's own extension (.xlf or .xliff).
  const std::string ext = format == "xliff" && path.ends_with(".xlf") ? ".xlf" : "." + format;
  const std::string stem = path.ends_with(ext) ? path.substr(0, path.size() - ext.size()) : path;
  return stem + "-" + source + "-" + target + ext;
}

}  // namespace tilmash::io
