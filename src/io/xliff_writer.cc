#include "io/xliff_writer.h"

#include <algorithm>
#include <cassert>

#include "core/bead.h"
#include "core/bead_unit.h"
#include "io/html_review.h"
#include "io/tmx_writer.h"

namespace tilmash::io {
namespace {

// XML-escaped text (html_escape's five escapes are XML's) without the characters XML forbids.
std::string xml_text(std::string_view text, std::size_t& removed) {
  return html_escape(xml_safe(text, removed));
}

std::string_view text_of(const core::AlignedUnit& u, const std::string& lang) {
  auto it = u.text.find(lang);
  return it == u.text.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

XliffWriteStats write_xliff_alignment(std::ostream& out, const std::vector<std::string>& langs,
                                      std::span<const core::Bead> beads,
                                      std::span<const core::AlignedUnit> units,
                                      const std::string& document) {
  assert(beads.size() == units.size() && langs.size() >= 2);
  XliffWriteStats stats;
  std::size_t& removed = stats.invalid_chars_removed;
  const std::string original = document.empty() ? "tilmash-align" : document;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
      << "xmlns:tilmash=\"" << kTilmashXliffNamespace << "\">\n";
  for (std::size_t k = 1; k < langs.size(); ++k) {
    out << "  <file original=\"" << xml_text(original, removed) << "\" source-language=\""
        << xml_text(langs[0], removed) << "\" target-language=\"" << xml_text(langs[k], removed)
        << "\" datatype=\"plaintext\" tool-id=\"tilmash\">\n"
        << "    <header>\n      <tool tool-id=\"tilmash\" tool-name=\"tilmash align\"/>\n"
        << "    </header>\n    <body>\n";
    const std::string pair[2] = {langs[0], langs[k]};
    for (std::size_t n = 0; n < units.size(); ++n) {
      const std::string_view source = text_of(units[n], langs[0]);
      const std::string_view target = text_of(units[n], langs[k]);
      if (source.empty() && target.empty()) continue;  // the bead is another target's
      // The unit's props as align --format tmx writes them, so both read back alike.
      const core::TranslationUnit tu = core::bead_unit(units[n], n, pair, document);
      out << "      <trans-unit id=\"" << n + 1 << "\"";
      const std::string confidence = confidence_text(units[n].confidence);
      out << " tilmash:confidence=\"" << confidence << "\"";
      for (const core::Prop& p : tu.props) {
        const char* name = p.type == "x-document" ? "document" : p.type == "x-origin" ? "origin"
                                                                                     : nullptr;
        if (name == nullptr) continue;
        out << " tilmash:" << name << "=\"" << xml_text(p.value, removed) << "\"";
      }
      // The whole bead's shape, as TMX's x-tilmash-bead: "1-1-0" in the en-kk <file> too.
      if (core::one_sided(beads[n])) {
        out << " tilmash:bead=\"" << core::bead_shape(beads[n]) << "\"";
      }
      // Likewise the whole bead's grouped languages (TMX's x-tilmash-grouped).
      if (const std::string grouped = core::grouped_value(units[n]); !grouped.empty()) {
        out << " tilmash:grouped=\"" << xml_text(grouped, removed) << "\"";
      }
      // And a merged bead's chances of standing alone (TMX's x-tilmash-alone).
      if (const std::string alone = core::alone_value(beads[n], langs); !alone.empty()) {
        out << " tilmash:alone=\"" << xml_text(alone, removed) << "\"";
      }
      if (source.empty()) out << " translate=\"no\"";
      out << ">\n        <source>" << xml_text(source, removed) << "</source>\n";
      if (!target.empty()) {
        out << "        <target state=\"translated\">" << xml_text(target, removed)
            << "</target>\n";
      }
      out << "        <note from=\"tilmash\">alignment confidence " << confidence;
      if (source.empty()) out << "; a " << langs[k] << " sentence with no " << langs[0] << " source";
      const bool grouped = std::find(units[n].grouped.begin(), units[n].grouped.end(), langs[k]) != units[n].grouped.end();
      if (target.empty() && grouped) {
        out << "; " << langs[k] << " renders this " << langs[0]
            << " sentence together with a neighbouring one (the " << langs[0] << "-" << langs[k]
            << " alignment on its own)";
      } else if (target.empty()) {
        out << "; a " << langs[0] << " sentence with no " << langs[k] << " rendering";
      }
      out << "</note>\n      </trans-unit>\n";
      ++stats.units_written;
    }
    out << "    </body>\n  </file>\n";
  }
  out << "</xliff>\n";
  return stats;
}

}  // namespace tilmash::io
