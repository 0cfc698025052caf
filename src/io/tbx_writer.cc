#include "io/tbx_writer.h"

#include <sstream>

#include "core/lang.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/atomic_file.h"

namespace tilmash::io {
namespace {

// XML-escaped NFC text with the characters XML 1.0 forbids dropped.
std::string esc(std::string_view raw, bool attribute = false) {
  const std::string text = core::to_nfc(raw);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = core::next_code_point(text, pos);
    if ((c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0xFFFE || c == 0xFFFF) continue;
    switch (c) {
      case U'&': out += "&amp;"; break;
      case U'<': out += "&lt;"; break;
      case U'>': out += "&gt;"; break;
      case U'"': out += attribute ? "&quot;" : "\""; break;
      case U'\n': out += attribute ? "&#10;" : "\n"; break;
      case U'\r': out += "&#13;"; break;
      default: out.append(text, start, pos - start);
    }
  }
  return out;
}

const char* status_value(core::TermStatus s) {
  switch (s) {
    case core::TermStatus::kPreferred: return "preferredTerm-admn-sts";
    case core::TermStatus::kAdmitted: return "admittedTerm-admn-sts";
    case core::TermStatus::kDeprecated: return "supersededTerm-admn-sts";
    case core::TermStatus::kForbidden: return "deprecatedTerm-admn-sts";
  }
  return "preferredTerm-admn-sts";
}

bool usable(const core::Term& t) {
  return t.status == core::TermStatus::kPreferred || t.status == core::TermStatus::kAdmitted;
}

// Languages of `entry`: the source language first, then the others in tag order.
std::vector<const std::string*> lang_order(const core::TermEntry& entry, const std::string& src) {
  std::vector<const std::string*> out;
  for (const auto& [lang, terms] : entry.terms) {
    if (core::primary_language(lang) == core::primary_language(src)) out.push_back(&lang);
  }
  for (const auto& [lang, terms] : entry.terms) {
    if (core::primary_language(lang) != core::primary_language(src)) out.push_back(&lang);
  }
  return out;
}

void line(std::ostringstream& os, int depth, const std::string& text) {
  os << std::string(static_cast<std::size_t>(depth) * 2, ' ') << text << '\n';
}

// One note per line of a multi-line note.
void notes(std::ostringstream& os, int depth, const std::string& text) {
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) line(os, depth, "<note>" + esc(text.substr(start, nl - start)) + "</note>");
    start = nl + 1;
  }
}

}  // namespace

std::string tbx_string(std::span<const core::TermEntry> entries, const TbxWriteOptions& options) {
  const bool v2 = options.dialect == TbxDialect::kMartif;
  const char* entry_tag = v2 ? "termEntry" : "conceptEntry";
  const char* lang_tag = v2 ? "langSet" : "langSec";
  const char* term_tag = v2 ? "tig" : "termSec";
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (v2) {
    os << "<martif type=\"TBX-Basic\" xml:lang=\"" << esc(options.source_lang, true) << "\">\n"
       << "  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>"
       << esc(options.description) << "</p>\n      </sourceDesc>\n    </fileDesc>\n"
       << "    <encodingDesc>\n      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n"
       << "    </encodingDesc>\n  </martifHeader>\n";
  } else {
    os << "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/"
          "TBXcoreStructV03.rng\" type=\"application/xml\" "
          "schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
       << "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"" << esc(options.source_lang, true)
       << "\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
       << "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>"
       << esc(options.description) << "</p>\n      </sourceDesc>\n    </fileDesc>\n"
       << "  </tbxHeader>\n";
  }
  os << "  <text>\n    <body>\n";
  for (const core::TermEntry& e : entries) {
    line(os, 3, std::string("<") + entry_tag + " id=\"" + esc(e.id, true) + "\">");
    if (!e.subject.empty()) line(os, 4, "<descrip type=\"subjectField\">" + esc(e.subject) + "</descrip>");
    if (!e.definition.empty()) {
      line(os, 4, "<descrip type=\"definition\">" + esc(e.definition) + "</descrip>");
    }
    if (!e.subset.empty()) line(os, 4, "<admin type=\"projectSubset\">" + esc(e.subset) + "</admin>");
    notes(os, 4, e.note);
    for (const std::string* lang : lang_order(e, options.source_lang)) {
      const std::vector<core::Term>& terms = e.terms.at(*lang);
      std::string dropped;
      bool any = false;
      for (const core::Term& t : terms) {
        if (options.drop_unusable && !usable(t)) {
          dropped += (dropped.empty() ? "" : "; ") + t.text;
        } else {
          any = true;
        }
      }
      if (!any) continue;
      line(os, 4, std::string("<") + lang_tag + " xml:lang=\"" + esc(*lang, true) + "\">");
      if (!dropped.empty()) line(os, 5, "<note>Do not use: " + esc(dropped) + "</note>");
      for (const core::Term& t : terms) {
        if (options.drop_unusable && !usable(t)) continue;
        line(os, 5, std::string("<") + term_tag + ">");
        line(os, 6, "<term>" + esc(t.text) + "</term>");
        if (!t.part_of_speech.empty()) {
          line(os, 6, "<termNote type=\"partOfSpeech\">" + esc(t.part_of_speech) + "</termNote>");
        }
        line(os, 6, std::string("<termNote type=\"administrativeStatus\">") +
                        status_value(t.status) + "</termNote>");
        if (!t.source.empty()) line(os, 6, "<admin type=\"source\">" + esc(t.source) + "</admin>");
        if (!t.subset.empty()) {
          line(os, 6, "<admin type=\"projectSubset\">" + esc(t.subset) + "</admin>");
        }
        if (!t.valid_from.empty() || !t.valid_to.empty()) {
          line(os, 6, "<note>valid: " + esc(t.valid_from) + "/" + esc(t.valid_to) + "</note>");
        }
        if (t.unverified) line(os, 6, "<note>unverified</note>");
        notes(os, 6, t.note);
        line(os, 5, std::string("</") + term_tag + ">");
      }
      line(os, 4, std::string("</") + lang_tag + ">");
    }
    line(os, 3, std::string("</") + entry_tag + ">");
  }
  os << "    </body>\n  </text>\n" << (v2 ? "</martif>\n" : "</tbx>\n");
  return os.str();
}

void write_tbx(const std::string& path, std::span<const core::TermEntry> entries,
               const TbxWriteOptions& options) {
  write_file_atomic(path, tbx_string(entries, options));
}

}  // namespace tilmash::io
