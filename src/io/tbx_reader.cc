#include "io/tbx_reader.h"

#include <cerrno>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pugixml.hpp>

#include "core/lang.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/location.h"
#include "io/xml_source.h"

namespace tilmash::io {
namespace {

// True when `v` is already what collapse_space(to_nfc(v)) returns: no leading, trailing, double
// or non-' ' white space, and only code points that are NFC whatever follows them (ASCII,
// Latin-1 to Latin Extended-B and spacing modifiers, Cyrillic without its combining marks).
// Nearly every <term> qualifies, which spares the ICU UTF-16 round trip per node.
bool is_clean_nfc(std::string_view v) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ') return v.empty();
  bool space = false;
  for (std::size_t pos = 0; pos < v.size();) {
    const auto b = static_cast<unsigned char>(v[pos]);
    if (b < 0x80) {
      if (b == '\t' || b == '\n' || b == '\r' || (b == ' ' && space)) return false;
      space = b == ' ';
      ++pos;
      continue;
    }
    space = false;
    const char32_t cp = core::next_code_point(v, pos);
    const bool latin = cp >= 0xC0 && cp < 0x300;
    const bool cyrillic = cp >= 0x400 && cp < 0x500 && !(cp >= 0x483 && cp <= 0x489);
    if (!latin && !cyrillic) return false;
  }
  return true;
}

// All text inside `node` (inline elements such as <hi> included), trimmed, spaces collapsed.
std::string text_of(pugi::xml_node node) {
  const pugi::xml_node first = node.first_child();
  if (!first) return {};
  if (!first.next_sibling() && first.type() == pugi::node_pcdata) {
    const std::string_view v = first.value();
    if (is_clean_nfc(v)) return std::string(v);
  }
  std::string raw;
  for (pugi::xml_node n = first; n; n = n.next_sibling()) {
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
  Reader(const std::string& path, std::string_view text) : path_(path), text_(text) {}

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
    std::unordered_set<std::string> ids;
    ids.reserve(1024);
    std::size_t number = 0;
    for (pugi::xml_node e = body.first_child(); e; e = e.next_sibling()) {
      if (e.type() != pugi::node_element) continue;
      ++number;
      const std::string_view name = e.name();
      if (name != (v2 ? "termEntry" : "conceptEntry")) {
        fail(e, "unexpected <" + std::string(name) + "> in <body> (expected <" +
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
      const std::string_view name = c.name();
      const std::string_view type = c.attribute("type").value();
      if (name == "descrip" && type == "subjectField") {
        entry.subject = text_of(c);
      } else if (name == "descrip" && type == "definition") {
        append(entry.definition, text_of(c));
      } else if (name == "note") {
        append(entry.note, text_of(c));
      } else if (name == "admin" && type == "projectSubset") {
        entry.subset = text_of(c);
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
      const std::string_view name = c.name();
      const std::string_view type = c.attribute("type").value();
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
      const std::string_view name = c.name();
      const std::string_view type = c.attribute("type").value();
      if (name != "termNote" && name != "admin" && name != "note") continue;
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
      } else if (name == "admin" && type == "projectSubset") {
        term.subset = value;
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
  std::string_view text_;
};

}  // namespace

std::vector<core::TermEntry> parse_tbx(std::string_view bytes, const std::string& path) {
  std::string storage;
  const std::string_view text = xml_utf8(bytes, path, storage);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(path, 1, 1, "empty file: a TBX glossary needs at least a root element");
  }
  if (const XmlCheckResult wf = check_xml(text, XmlCheckOptions{}); wf.problem) {
    const LineCol lc = line_col(text, wf.problem->offset);
    throw InputError(path, lc.line, lc.column, wf.problem->message);
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

namespace {

// The bytes of the regular file `path` in one read(2) of its size. io::read_file copies through
// istreambuf_iterator (about 10 ms per MB); glossaries are read on every lookup. Anything
// unusual (stdin, not a regular file, a failed call) goes to read_file, which reports it.
std::string read_bytes(const std::string& path) {
  if (path == "-") return read_file(path);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return read_file(path);
  struct stat st {};
  std::string data;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (ok && got < data.size()) {
      const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) got += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  return ok ? data : read_file(path);
}

}  // namespace

std::vector<core::TermEntry> read_tbx(const std::string& path) {
  return parse_tbx(read_bytes(path), path);
}

}  // namespace tilmash::io
