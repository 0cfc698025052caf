#include "io/tmx_writer.h"

#include <cstdlib>
#include <ctime>

#include "core/text.h"
#include "core/utf8.h"

namespace tilmash::io {
namespace {

constexpr const char* kVersion = "0.1.0";

// Escapes for element content (quote too, so the same function serves attributes).
void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view text, std::size_t& removed) {
  std::string out;
  append_escaped(out, xml_safe(text, removed));
  return out;
}

// XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
         || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// xml:lang as TMX tools match it: '-' separators, never '_'.
std::string tmx_lang(std::string_view lang) {
  std::string out(lang);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

}  // namespace

std::string xml_safe(std::string_view text, std::size_t& removed) {
  if (core::find_invalid_utf8(text)) {
    // Callers pass validated text; be safe anyway: drop the whole string's bad bytes.
    std::string repaired;
    std::size_t pos = 0;
    while (pos < text.size()) {
      auto bad = core::find_invalid_utf8(text.substr(pos));
      std::size_t good = bad ? *bad : text.size() - pos;
      repaired.append(text.substr(pos, good));
      pos += good;
      if (bad) {
        ++removed;
        ++pos;
      }
    }
    return xml_safe(repaired, removed);
  }
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    if (is_xml_char(core::next_code_point(text, pos))) {
      out.append(text.substr(at, pos - at));
    } else {
      ++removed;
    }
  }
  return out;
}

std::string tmx_now() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  }
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return buf;
}

TmxWriter::TmxWriter(std::ostream& out, TmxHeader header) : out_(out) {
  if (header.creationdate.empty()) header.creationdate = tmx_now();
  std::size_t removed = 0;
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"tilmash\" creationtoolversion=\"";
  s += kVersion;
  s += "\" segtype=\"sentence\" o-tmf=\"tilmash\" adminlang=\"en\" srclang=\"";
  s += escaped(tmx_lang(header.srclang), removed);
  s += "\" datatype=\"plaintext\" o-encoding=\"UTF-8\" creationdate=\"";
  s += escaped(header.creationdate, removed);
  s += "\">\n";
  for (const std::string& note : header.notes) {
    s += "    <note>" + escaped(note, removed) + "</note>\n";
  }
  for (const core::Prop& prop : header.props) {
    s += "    <prop type=\"" + escaped(prop.type, removed) + "\">" + escaped(prop.value, removed)
         + "</prop>\n";
  }
  s += "  </header>\n  <body>\n";
  stats_.invalid_chars_removed += removed;
  out_ << s;
}

void TmxWriter::write(const core::TranslationUnit& unit) {
  std::size_t removed = 0;
  std::vector<std::pair<std::string, std::string>> tuvs;
  for (const core::Variant& v : unit.variants) {
    std::string seg = escaped(core::collapse_space(v.text), removed);
    if (seg.empty()) {
      ++stats_.variants_dropped;
      continue;
    }
    tuvs.emplace_back(escaped(tmx_lang(v.lang), removed), std::move(seg));
  }
  if (tuvs.size() < 2) {
    ++stats_.units_skipped;
    return;
  }
  std::string s = "    <tu";
  if (!unit.id.empty()) s += " tuid=\"" + escaped(unit.id, removed) + "\"";
  if (!unit.creationdate.empty()) {
    s += " creationdate=\"" + escaped(unit.creationdate, removed) + "\"";
  }
  s += ">\n";
  for (const std::string& note : unit.notes) {
    s += "      <note>" + escaped(note, removed) + "</note>\n";
  }
  for (const core::Prop& prop : unit.props) {
    s += "      <prop type=\"" + escaped(prop.type, removed) + "\">" + escaped(prop.value, removed)
         + "</prop>\n";
  }
  for (const auto& [lang, seg] : tuvs) {
    s += "      <tuv xml:lang=\"" + lang + "\"><seg>" + seg + "</seg></tuv>\n";
  }
  s += "    </tu>\n";
  out_ << s;
  ++stats_.units_written;
  if (removed > 0) {
    stats_.invalid_chars_removed += removed;
    stats_.warnings.push_back("TU " + (unit.id.empty() ? std::string("?") : unit.id) + ": removed "
                              + std::to_string(removed)
                              + " character(s) that XML 1.0 does not allow");
  }
}

void TmxWriter::finish() { out_ << "  </body>\n</tmx>\n"; }

}  // namespace tilmash::io
