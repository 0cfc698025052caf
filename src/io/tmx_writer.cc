#include "io/tmx_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <set>

#include <pugixml.hpp>

#include "core/bead_unit.h"
#include "core/hash.h"
#include "core/lang.h"
#include "core/text.h"
#include "io/xml_source.h"
#include "core/utf8.h"

namespace tilmash::io {
namespace {

constexpr const char* kVersion = "0.1.0";
constexpr std::size_t kMaxWarnings = 1000;

// Escapes for element content and attribute values alike.
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

// The segment text as CAT tools match it (TMX-NOTES §4.5): NFC, white space runs and line
// breaks collapsed to one space, trimmed.
std::string clean_segment(std::string_view text) {
  return core::to_nfc(core::collapse_space(text));
}

struct Subtags {
  std::string_view primary;
  std::string_view script;
  std::string_view region;
};

Subtags subtags(std::string_view tag) {
  Subtags s;
  std::size_t start = 0;
  int index = 0;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view sub = tag.substr(start, end - start);
    if (index == 0) {
      s.primary = sub;
    } else if (sub.size() == 4 && s.script.empty() && s.region.empty()) {
      s.script = sub;
    } else if ((sub.size() == 2 || sub.size() == 3) && s.region.empty()) {
      s.region = sub;
    }
    ++index;
    start = end + 1;
  }
  return s;
}

std::string_view default_script(std::string_view primary) {
  if (primary == "kk" || primary == "ru" || primary == "uk" || primary == "ky") return "Cyrl";
  if (primary == "en" || primary == "de" || primary == "fr" || primary == "tr") return "Latn";
  return {};
}

using core::fnv1a;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Attributes the DTD allows on <tu> / <tuv> besides the ones the writer sets itself.
bool allowed_attr(std::string_view name, bool tuv) {
  static const std::set<std::string_view> kCommon = {
      "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
      "creationtoolversion", "creationid", "changeid", "o-tmf"};
  return kCommon.count(name) != 0 || (!tuv && name == "segtype");
}

// Renders inline markup (the content of a <seg> as XML) for output: only TMX 1.4 inline
// elements in their allowed places, required attributes present, every <bpt> paired with an
// <ept>, text collapsed like a plain segment, <ut> (deprecated) written as <ph>.
class InlineRenderer {
 public:
  explicit InlineRenderer(std::size_t& removed) : removed_(removed) {}

  // Rendered content and its plain text, or nullopt when the markup fails a check.
  std::optional<std::pair<std::string, std::string>> render(std::string_view xml) {
    std::string doc_text = "<seg>";
    doc_text += xml;
    doc_text += "</seg>";
    pugi::xml_document doc;
    if (!doc.load_buffer(doc_text.data(), doc_text.size(),
                         pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8)) {
      return std::nullopt;
    }
    if (!flow(doc.document_element(), 0)) return std::nullopt;
    for (const std::string& i : open_) {
      if (closed_.count(i) == 0) return std::nullopt;
    }
    // Trim: leading/trailing spaces can only come from text at the ends.
    while (!out_.empty() && out_.front() == ' ') out_.erase(0, 1);
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    std::string plain = clean_segment(plain_);
    return std::make_pair(std::move(out_), std::move(plain));
  }

 private:
  bool attrs(pugi::xml_node n, std::initializer_list<const char*> allowed,
             std::initializer_list<const char*> required) {
    for (const char* r : required) {
      if (n.attribute(r).empty()) return false;
    }
    for (const char* a : allowed) {
      const pugi::xml_attribute at = n.attribute(a);
      if (at.empty()) continue;
      out_ += ' ';
      out_ += a;
      out_ += "=\"";
      out_ += escaped(at.value(), removed_);
      out_ += '"';
    }
    return true;
  }

  // Text flow: content of <seg>, <hi> or <sub>, `depth` levels below <seg>. Markup nested
  // deeper than io::kMaxXmlDepth is refused (the unit is written as plain text), so this
  // recursion stays far from the stack's limit whatever the markup came from.
  bool flow(pugi::xml_node parent, std::size_t depth) {
    if (depth > kMaxXmlDepth) return false;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        std::string text = core::to_nfc(xml_safe(c.value(), removed_));
        plain_ += text;
        // Collapse white space runs (line breaks included) to one space.
        std::string collapsed;
        bool space = false;
        for (char ch : text) {
          if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = true;
            continue;
          }
          if (space) collapsed += ' ';
          space = false;
          collapsed += ch;
        }
        if (space) collapsed += ' ';
        if (!collapsed.empty() && collapsed.front() == ' ' && !out_.empty()
            && out_.back() == ' ') {
          collapsed.erase(0, 1);
        }
        append_escaped(out_, collapsed);
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      bool ok = true;
      if (name == "hi") {
        out_ += "<hi";
        ok = attrs(c, {"x", "type"}, {});
        out_ += '>';
        ok = ok && flow(c, depth + 1);
        out_ += "</hi>";
      } else if (name == "bpt" || name == "ept" || name == "it" || name == "ph" || name == "ut") {
        const std::string tag = name == "ut" ? "ph" : std::string(name);
        out_ += '<' + tag;
        if (name == "bpt") {
          ok = attrs(c, {"i", "x", "type"}, {"i"});
          if (ok && !open_.insert(c.attribute("i").value()).second) ok = false;
        } else if (name == "ept") {
          ok = attrs(c, {"i"}, {"i"});
          if (ok && (open_.count(c.attribute("i").value()) == 0
                     || !closed_.insert(c.attribute("i").value()).second)) {
            ok = false;
          }
        } else if (name == "it") {
          const std::string_view pos = c.attribute("pos").value();
          ok = (pos == "begin" || pos == "end") && attrs(c, {"pos", "x", "type"}, {"pos"});
        } else if (name == "ph") {
          ok = attrs(c, {"x", "type", "assoc"}, {});
        } else {
          ok = attrs(c, {"x"}, {});
        }
        out_ += '>';
        ok = ok && code(c, depth + 1);
        out_ += "</" + tag + '>';
      } else {
        ok = false;  // not a TMX inline element here
      }
      if (!ok) return false;
    }
    return true;
  }

  // Native code: content of bpt, ept, it, ph, ut — escaped code text and <sub> flows.
  bool code(pugi::xml_node parent, std::size_t depth) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        append_escaped(out_, xml_safe(c.value(), removed_));
      } else if (c.type() == pugi::node_element) {
        if (std::string_view(c.name()) != "sub") return false;
        out_ += "<sub";
        attrs(c, {"datatype", "type"}, {});
        out_ += '>';
        const std::size_t plain_before = plain_.size();
        if (!flow(c, depth + 1)) return false;
        plain_.resize(plain_before);  // sub-flow text is not part of the segment's text
        out_ += "</sub>";
      }
    }
    return true;
  }

  std::size_t& removed_;
  std::string out_;
  std::string plain_;
  std::set<std::string> open_;
  std::set<std::string> closed_;
};

}  // namespace

std::string xml_safe(std::string_view text, std::size_t& removed) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto bad = core::find_invalid_utf8(text.substr(pos));
    const std::size_t good_end = bad ? pos + *bad : text.size();
    while (pos < good_end) {
      const std::size_t at = pos;
      if (is_xml_char(core::next_code_point(text, pos))) {
        out.append(text.substr(at, pos - at));
      } else {
        ++removed;
      }
    }
    if (bad) {
      ++removed;
      ++pos;
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

std::string normalize_tmx_date(std::string_view date) {
  std::string compact;
  if (date.size() == 20 && date[4] == '-' && date[7] == '-' && date[10] == 'T' && date[13] == ':'
      && date[16] == ':' && date[19] == 'Z') {
    for (char c : date) {
      if (c != '-' && c != ':') compact += c;
    }
  } else {
    compact = std::string(date);
  }
  if (compact.size() != 16 || compact[8] != 'T' || compact[15] != 'Z') return {};
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (compact[i] < '0' || compact[i] > '9')) return {};
  }
  return compact;
}

bool lang_matches(std::string_view wanted, std::string_view tag) {
  if (wanted == tag) return true;
  const Subtags w = subtags(wanted);
  const Subtags t = subtags(tag);
  if (w.primary != t.primary) return false;
  if (!w.region.empty() && w.region != t.region) return false;
  const std::string_view def = default_script(t.primary);
  const std::string_view ws = w.script.empty() ? def : w.script;
  const std::string_view ts = t.script.empty() ? def : t.script;
  return ws == ts;
}

std::string tmx_pair_path(std::string_view path, std::string_view source,
                          std::string_view target) {
  std::string stem(path);
  if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".tmx") == 0) stem.resize(stem.size() - 4);
  // "udhr.en-kk-ru" names its languages after the last '.': the pair replaces that list.
  const std::size_t dot = stem.rfind('.');
  const std::size_t slash = stem.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    const std::string langs = stem.substr(dot + 1);
    const std::string src_prefix = std::string(source) + "-";
    if (langs.compare(0, src_prefix.size(), src_prefix) == 0
        && langs.find(std::string("-") + std::string(target)) != std::string::npos) {
      return stem.substr(0, dot + 1) + std::string(source) + "-" + std::string(target) + ".tmx";
    }
  }
  return stem + "-" + std::string(source) + "-" + std::string(target) + ".tmx";
}

std::string confidence_text(double confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", confidence);
  std::string conf = buf;
  while (conf.back() == '0') conf.pop_back();
  if (conf.back() == '.') conf.pop_back();
  return conf;
}

TmxWriter::TmxWriter(std::ostream& out, TmxHeader header, TmxWriteOptions options)
    : out_(out), header_(std::move(header)), options_(std::move(options)) {
  // Normalize option tags once.
  std::map<std::string, std::string> codes;
  for (const auto& [from, to] : options_.lang_codes) {
    auto tag = core::normalize_lang_tag(from);
    codes[tag ? *tag : from] = to;
  }
  options_.lang_codes = std::move(codes);
  for (std::string& l : options_.langs) {
    if (auto tag = core::normalize_lang_tag(l)) l = *tag;
  }
  if (!options_.langs.empty()) {
    source_ = options_.langs.front();
  } else if (header_.srclang != "*all*") {
    auto tag = core::normalize_lang_tag(header_.srclang);
    source_ = tag ? *tag : header_.srclang;
  }
  std::string date = header_.creationdate.empty() ? tmx_now()
                                                  : normalize_tmx_date(header_.creationdate);
  if (date.empty()) date = tmx_now();
  header_.creationdate = date;
  std::size_t removed = 0;
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"tilmash\" creationtoolversion=\"";
  s += kVersion;
  s += "\" segtype=\"sentence\" o-tmf=\"tilmash\" adminlang=\"";
  s += escaped(header_.adminlang.empty() ? "en" : header_.adminlang, removed);
  s += "\" srclang=\"";
  s += escaped(source_.empty() ? "*all*" : code_for(source_), removed);
  s += "\" datatype=\"plaintext\" o-encoding=\"UTF-8\" creationdate=\"";
  s += date;
  s += "\">\n";
  for (const std::string& note : header_.notes) {
    s += "    <note>" + escaped(note, removed) + "</note>\n";
  }
  for (const core::Prop& prop : header_.props) {
    s += "    <prop type=\"" + escaped(prop.type, removed) + "\">" + escaped(prop.value, removed)
         + "</prop>\n";
  }
  s += "  </header>\n  <body>\n";
  stats_.invalid_chars_removed += removed;
  if (removed > 0) warn("header: removed " + std::to_string(removed) + " character(s) that XML 1.0 does not allow");
  out_ << s;
}

std::string TmxWriter::code_for(std::string_view tag) const {
  auto exact = options_.lang_codes.find(std::string(tag));
  if (exact != options_.lang_codes.end()) return exact->second;
  for (const auto& [key, code] : options_.lang_codes) {
    if (key.find('-') == std::string::npos && lang_matches(key, tag)) return code;
  }
  return std::string(tag);
}

void TmxWriter::warn(std::string message) {
  if (stats_.warnings.size() < kMaxWarnings) stats_.warnings.push_back(std::move(message));
}

bool TmxWriter::write(const core::TranslationUnit& unit) {
  const std::string name =
      unit.id.empty() ? "#" + std::to_string(stats_.units_written + stats_.units_skipped
                                             + stats_.units_no_source + stats_.units_duplicate
                                             + stats_.units_too_long + 1)
                      : unit.id;
  struct Out {
    std::string tag;  // normalized
    const core::Variant* variant;
    std::string seg;    // escaped content
    std::string plain;  // cleaned plain text
  };
  std::size_t removed = 0;
  std::vector<core::Variant> extra;  // kk-Latn variants made here
  std::vector<std::pair<std::string, const core::Variant*>> candidates;
  for (const core::Variant& v : unit.variants) {
    auto tag = core::normalize_lang_tag(v.lang);
    if (!tag) {
      ++stats_.variants_dropped;
      warn("TU " + name + ": dropped a variant with the bad language code '" + v.lang + "'");
      continue;
    }
    candidates.emplace_back(*tag, &v);
  }
  if (options_.kk_latn != nullptr) {
    bool has_latn = false;
    for (const auto& c : candidates) has_latn = has_latn || lang_matches("kk-Latn", c.first);
    if (!has_latn) {
      extra.reserve(1);
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (lang_matches("kk", candidates[i].first)) {
          core::Variant latn;
          latn.lang = "kk-Latn";
          latn.text = (*options_.kk_latn)(candidates[i].second->text);
          extra.push_back(std::move(latn));
          candidates.insert(candidates.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                            {"kk-Latn", &extra.back()});
          break;
        }
      }
    }
  }
  auto render = [&](const std::string& tag, const core::Variant& v) -> std::optional<Out> {
    Out o{tag, &v, {}, {}};
    if (!v.inline_xml.empty()) {
      InlineRenderer r(removed);
      if (auto done = r.render(v.inline_xml)) {
        o.seg = std::move(done->first);
        o.plain = std::move(done->second);
      } else {
        ++stats_.inline_dropped;
        warn("TU " + name + ": inline markup of the " + tag
             + " segment is not valid TMX 1.4; wrote its plain text");
      }
    }
    if (o.seg.empty()) {
      o.plain = clean_segment(xml_safe(v.text, removed));
      o.seg.clear();
      append_escaped(o.seg, o.plain);
    }
    if (o.plain.empty()) return std::nullopt;
    return o;
  };

  const bool marked = !options_.keep_marked.empty() &&
                      std::any_of(unit.props.begin(), unit.props.end(), [&](const core::Prop& p) {
                        return p.type == options_.keep_marked;
                      });
  std::vector<Out> outs;
  if (!options_.langs.empty()) {
    for (const std::string& want : options_.langs) {
      bool found = false;
      for (const auto& [tag, v] : candidates) {
        if (!lang_matches(want, tag)) continue;
        if (auto o = render(tag, *v)) {
          o->tag = want;  // one spelling per language in the file: the listed one
          outs.push_back(std::move(*o));
          found = true;
          break;
        }
      }
      if (!found && options_.require_all_langs && !marked) {
        ++stats_.units_skipped;
        return false;
      }
    }
    stats_.variants_dropped += candidates.size() - outs.size();
  } else {
    std::set<std::string> seen_tags;
    for (const auto& [tag, v] : candidates) {
      if (!seen_tags.insert(tag).second) {
        ++stats_.variants_dropped;
        warn("TU " + name + ": dropped a second " + tag + " variant");
        continue;
      }
      if (auto o = render(tag, *v)) {
        outs.push_back(std::move(*o));
      } else {
        ++stats_.variants_dropped;
      }
    }
    // Source first.
    for (std::size_t i = 0; i < outs.size(); ++i) {
      if (!source_.empty() && lang_matches(source_, outs[i].tag)) {
        outs[i].tag = source_;  // header srclang and the source <tuv> agree
        std::rotate(outs.begin(), outs.begin() + static_cast<std::ptrdiff_t>(i),
                    outs.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        break;
      }
    }
  }
  if (outs.size() < (marked ? 1u : 2u)) {
    ++stats_.units_skipped;
    return false;
  }
  if (options_.require_source && !marked && !source_.empty() &&
      !lang_matches(source_, outs.front().tag)) {
    ++stats_.units_no_source;
    return false;
  }
  if (options_.max_seg_chars > 0) {
    for (const Out& o : outs) {
      if (core::count_code_points(o.plain) > options_.max_seg_chars) {
        ++stats_.units_too_long;
        return false;
      }
    }
  }
  if (options_.dedupe && !marked) {
    std::uint64_t h = core::kFnv1aOffset;
    for (const Out& o : outs) {
      h = fnv1a(code_for(o.tag), h);
      h = fnv1a(std::string_view("\0", 1), h);
      h = fnv1a(o.seg, h);
      h = fnv1a(std::string_view("\1", 1), h);
    }
    if (!seen_.insert(h).second) {
      ++stats_.units_duplicate;
      return false;
    }
  }

  const std::size_t number = stats_.units_written + 1;
  std::string s = "    <tu tuid=\"";
  if (unit.id.empty()) {
    s += escaped(options_.tuid_prefix + std::to_string(number), removed);
  } else {
    std::string id = unit.id;
    for (char& c : id) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
    }
    s += escaped(id, removed);
  }
  s += '"';
  std::string created = normalize_tmx_date(unit.creationdate);
  if (created.empty() && options_.stamp_units) created = header_.creationdate;
  if (!created.empty()) s += " creationdate=\"" + created + "\"";
  if (const std::string changed = normalize_tmx_date(unit.changedate); !changed.empty()) {
    s += " changedate=\"" + changed + "\"";
  }
  auto write_attrs = [&](const std::vector<core::Attr>& attrs, bool tuv) {
    for (const core::Attr& a : attrs) {
      if (!allowed_attr(a.name, tuv)) continue;
      std::string value = a.value;
      if (a.name == "usagecount" && !all_digits(value)) continue;
      if (a.name == "lastusagedate" && (value = normalize_tmx_date(value)).empty()) continue;
      if (a.name == "segtype" && value != "block" && value != "paragraph" && value != "sentence"
          && value != "phrase") {
        continue;
      }
      s += ' ' + a.name + "=\"" + escaped(value, removed) + '"';
    }
  };
  write_attrs(unit.attrs, false);
  s += ">\n";
  for (const std::string& note : unit.notes) {
    s += "      <note>" + escaped(note, removed) + "</note>\n";
  }
  const auto has_prop = [&](std::string_view type) {
    return std::any_of(unit.props.begin(), unit.props.end(),
                       [&](const core::Prop& p) { return p.type == type; });
  };
  if (unit.confidence && !has_prop(core::kConfidenceProp)) {  // a bead's (core::bead_unit), first
    s += "      <prop type=\"" + std::string(core::kConfidenceProp) + "\">" +
         confidence_text(*unit.confidence) + "</prop>\n";
  }
  for (const core::Prop& prop : unit.props) {
    s += "      <prop type=\"" + escaped(prop.type, removed) + "\">" + escaped(prop.value, removed)
         + "</prop>\n";
  }
  for (const Out& o : outs) {
    const core::Variant& v = *o.variant;
    s += "      <tuv xml:lang=\"" + escaped(code_for(o.tag), removed) + '"';
    if (const std::string d = normalize_tmx_date(v.creationdate); !d.empty()) {
      s += " creationdate=\"" + d + "\"";
    }
    if (const std::string d = normalize_tmx_date(v.changedate); !d.empty()) {
      s += " changedate=\"" + d + "\"";
    }
    write_attrs(v.attrs, true);
    s += '>';
    if (!v.notes.empty() || !v.props.empty()) {
      s += '\n';
      for (const std::string& note : v.notes) {
        s += "        <note>" + escaped(note, removed) + "</note>\n";
      }
      for (const core::Prop& prop : v.props) {
        s += "        <prop type=\"" + escaped(prop.type, removed) + "\">"
             + escaped(prop.value, removed) + "</prop>\n";
      }
      s += "        ";
    }
    s += "<seg>" + o.seg + "</seg></tuv>\n";
  }
  s += "    </tu>\n";
  out_ << s;
  ++stats_.units_written;
  if (removed > 0) {
    stats_.invalid_chars_removed += removed;
    warn("TU " + name + ": removed " + std::to_string(removed)
         + " character(s) that XML 1.0 does not allow");
  }
  return true;
}

void TmxWriter::finish() { out_ << "  </body>\n</tmx>\n"; }

}  // namespace tilmash::io
