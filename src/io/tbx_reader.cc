#include "io/tbx_reader.h"

#include <set>

#include <pugixml.hpp>
#include <unicode/ucnv.h>

#include "core/lang.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/location.h"

namespace tilmash::io {
namespace {

// UTF-8 text of the bytes: UTF-8 BOM dropped, UTF-16 (BOM or "<?" sniffed) transcoded.
std::string to_utf8(std::string_view bytes, const std::string& path) {
  auto b = [&](std::size_t i) {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100u;
  };
  const char* charset = nullptr;
  if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
    bytes.remove_prefix(3);
  } else if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF)) {
    charset = "UTF-16";
  } else if (b(0) == 0x3C && b(1) == 0 && b(2) == 0x3F && b(3) == 0) {
    charset = "UTF-16LE";
  } else if (b(0) == 0 && b(1) == 0x3C && b(2) == 0 && b(3) == 0x3F) {
    charset = "UTF-16BE";
  }
  std::string out;
  if (charset == nullptr) {
    out.assign(bytes);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    out.resize(bytes.size() * 2 + 16);
    const int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                                   bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
      throw InputError(path, 1, 1, std::string("cannot decode the file as ") + charset);
    }
    out.resize(static_cast<std::size_t>(n));
  }
  if (auto bad = core::find_invalid_utf8(out)) {
    const LineCol lc = line_col(out, *bad);
    throw InputError(path, lc.line, lc.column,
                     "invalid UTF-8 (save the glossary as UTF-8; a legacy code page such as "
                     "cp1251 is not read)");
  }
  return out;
}

// All text inside `node` (inline elements such as <hi> included), trimmed, spaces collapsed.
std::string text_of(pugi::xml_node node) {
  std::string raw;
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      raw += n.value();
    } else if (n.type() == pugi::node_element) {
      raw += text_of(n);
    }
  }
  return core::collapse_space(core::to_nfc(raw));
}

class Reader {
 public:
  Reader(const std::string& path, const std::string& text) : path_(path), text_(text) {}

  [[noreturn]] void fail(pugi::xml_node node, const std::string& message,
                         std::size_t entry = 0) const {
    const std::ptrdiff_t off = node ? node.offset_debug() : -1;
    LineCol lc{0, 0};
    if (off >= 0) {
      // offset_debug points at the element name; step back to its '<'.
      std::size_t o = static_cast<std::size_t>(off);
      if (o > 0 && text_[o - 1] == '<') --o;
      lc = line_col(text_, o);
    }
    throw InputError(path_, lc.line, lc.column, message,
                     entry == 0 ? std::string() : "entry " + std::to_string(entry));
  }

  std::vector<core::TermEntry> read(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    const std::string root_name = root.name();
    if (root_name == "tmx") {
      fail(root, "this looks like a TMX translation memory, not a TBX glossary "
                 "(use 'tilmash tmx' commands for it)");
    }
    if (root_name != "tbx" && root_name != "martif") {
      fail(root, "root element <" + root_name + "> is not <tbx> (TBX 2019) or <martif> (TBX v2)");
    }
    const bool v2 = root_name == "martif";
    const pugi::xml_node body = root.child("text").child("body");
    if (!body) fail(root, "no <text><body> in the TBX file");
    std::vector<core::TermEntry> entries;
    std::set<std::string> ids;
    std::size_t number = 0;
    for (pugi::xml_node e = body.first_child(); e; e = e.next_sibling()) {
      if (e.type() != pugi::node_element) continue;
      ++number;
      const std::string name = e.name();
      if (name != (v2 ? "termEntry" : "conceptEntry")) {
        fail(e, "unexpected <" + name + "> in <body> (expected <" +
                    (v2 ? "termEntry" : "conceptEntry") + ">)", number);
      }
      core::TermEntry entry = read_entry(e, v2, number);
      if (entry.id.empty()) entry.id = std::string("c").append(std::to_string(number));
      if (!ids.insert(entry.id).second) fail(e, "duplicate entry id '" + entry.id + "'", number);
      entries.push_back(std::move(entry));
    }
    return entries;
  }

 private:
  static void append(std::string& to, const std::string& text) {
    if (text.empty()) return;
    if (!to.empty()) to += '\n';
    to += text;
  }

  core::TermEntry read_entry(pugi::xml_node e, bool v2, std::size_t number) const {
    core::TermEntry entry;
    entry.id = e.attribute("id").value();
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      const std::string type = c.attribute("type").value();
      if (name == "descrip" && type == "subjectField") {
        entry.subject = text_of(c);
      } else if (name == "descrip" && type == "definition") {
        append(entry.definition, text_of(c));
      } else if (name == "note") {
        append(entry.note, text_of(c));
      } else if (name == (v2 ? "langSet" : "langSec")) {
        read_lang(c, v2, number, entry);
      }
    }
    return entry;
  }

  void read_lang(pugi::xml_node ls, bool v2, std::size_t number, core::TermEntry& entry) const {
    const char* raw_lang = ls.attribute("xml:lang").value();
    if (*raw_lang == '\0') fail(ls, std::string("<") + ls.name() + "> without xml:lang", number);
    auto lang = core::normalize_lang_tag(raw_lang);
    if (!lang) fail(ls, std::string("bad xml:lang '") + raw_lang + "': " + lang.error().message, number);
    std::vector<core::Term>& terms = entry.terms[*lang];
    for (pugi::xml_node c = ls.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      const std::string type = c.attribute("type").value();
      if (name == "descrip" && type == "definition") {
        if (entry.definition.empty() || core::primary_language(*lang) == "en") {
          if (core::primary_language(*lang) == "en") entry.definition.clear();
          append(entry.definition, text_of(c));
        }
      } else if (name == (v2 ? "tig" : "termSec") || (v2 && name == "ntig")) {
        terms.push_back(read_term(v2 && name == "ntig" ? c.child("termGrp") : c, number));
      }
    }
  }

  core::Term read_term(pugi::xml_node ts, std::size_t number) const {
    core::Term term;
    const pugi::xml_node t = ts.child("term");
    if (!t) fail(ts, "<termSec>/<tig> without <term>", number);
    term.text = text_of(t);
    if (term.text.empty()) fail(t, "empty <term>", number);
    for (pugi::xml_node c = ts.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      const std::string type = c.attribute("type").value();
      const std::string value = text_of(c);
      if (name == "termNote" && type == "administrativeStatus") {
        if (value == "preferredTerm-admn-sts" || value == "preferred") {
          term.status = core::TermStatus::kPreferred;
        } else if (value == "admittedTerm-admn-sts" || value == "admitted") {
          term.status = core::TermStatus::kAdmitted;
        } else if (value == "supersededTerm-admn-sts" || value == "deprecated") {
          term.status = core::TermStatus::kDeprecated;
        } else if (value == "deprecatedTerm-admn-sts" || value == "forbidden") {
          term.status = core::TermStatus::kForbidden;
        } else {
          fail(c, "unknown administrativeStatus '" + value +
                      "' (expected preferredTerm-admn-sts, admittedTerm-admn-sts, "
                      "deprecatedTerm-admn-sts or supersededTerm-admn-sts)", number);
        }
      } else if (name == "termNote" && type == "partOfSpeech") {
        term.part_of_speech = value;
      } else if (name == "admin" && type == "source") {
        append(term.source, value);
      } else if (name == "note") {
        if (value.rfind("valid:", 0) == 0) {
          std::string range = core::collapse_space(value.substr(6));
          const std::size_t slash = range.find('/');
          term.valid_from = range.substr(0, slash);
          if (slash != std::string::npos) term.valid_to = range.substr(slash + 1);
        } else if (value == "unverified") {
          term.unverified = true;
        } else {
          append(term.note, value);
        }
      }
    }
    return term;
  }

  const std::string& path_;
  const std::string& text_;
};

}  // namespace

std::vector<core::TermEntry> parse_tbx(std::string_view bytes, const std::string& path) {
  const std::string text = to_utf8(bytes, path);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(path, 1, 1, "empty file: a TBX glossary needs at least a root element");
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(),
                                                   pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    const LineCol lc = line_col(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, r.offset)));
    std::string msg = r.description();
    if (r.status == pugi::status_end_element_mismatch || r.status == pugi::status_bad_end_element) {
      msg += " (truncated or mismatched tags?)";
    }
    throw InputError(path, lc.line, lc.column, msg);
  }
  return Reader(path, text).read(doc);
}

std::vector<core::TermEntry> read_tbx(const std::string& path) {
  return parse_tbx(read_file(path), path);
}

}  // namespace tilmash::io
