#include "io/xliff_reader.h"

#include <algorithm>
#include <stdexcept>

#include <pugixml.hpp>

#include "core/bead.h"
#include "core/lang.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/html_review.h"
#include "io/location.h"
#include "io/tmx_reader.h"
#include "io/xliff_writer.h"
#include "io/xml_source.h"

namespace tilmash::io {
namespace {

constexpr std::string_view kSdlNamespace = "http://sdl.com/FileTypes/SdlXliff/1.0";
constexpr std::string_view kMemoqNamespace = "MQXliff";

// memoQ writes ISO 639-2 codes ("eng", "kaz-KZ"); BCP 47 wants the two-letter ISO 639-1 code
// where one exists (RFC 5646 §2.2.1). The languages tilmash's users meet.
std::string two_letter(std::string_view tag) {
  static const std::map<std::string_view, std::string_view> kCodes = {
      {"eng", "en"}, {"kaz", "kk"}, {"rus", "ru"}, {"kir", "ky"}, {"uig", "ug"}, {"uzb", "uz"},
      {"tur", "tr"}, {"ukr", "uk"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"},
      {"zho", "zh"}, {"chi", "zh"}, {"spa", "es"}, {"ara", "ar"}};
  const std::size_t end = std::min(tag.find_first_of("-_"), tag.size());
  std::string primary(tag.substr(0, end));
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = kCodes.find(primary);
  if (it == kCodes.end()) return std::string(tag);
  return std::string(it->second).append(tag.substr(end));
}

// Names of <xliff>'s own elements carry the root's prefix ("" or "x:"); anything else in a
// segment is another namespace's.
struct Names {
  std::string prefix;  // of the XLIFF elements
  std::string tilmash;  // "tilmash:" or the prefix bound to kTilmashXliffNamespace
  std::string sdl;      // "sdl:" …, empty when not declared
  std::string mq;
};

bool is(pugi::xml_node n, const Names& names, std::string_view local) {
  const std::string_view name = n.name();
  return name.size() == names.prefix.size() + local.size() && name.starts_with(names.prefix) &&
         name.substr(names.prefix.size()) == local;
}

std::string_view attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }

bool digits(std::string_view s) {
  return !s.empty() && s.size() < 10 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The start tag of `n` as written (attributes escaped), "<g id=\"1\">" or "<x id=\"1\"/>".
std::string tag_text(pugi::xml_node n, bool empty) {
  std::string out = "<";
  out += n.name();
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    out.append(" ").append(a.name()).append("=\"").append(html_escape(a.value())).append("\"");
  }
  out += empty ? "/>" : ">";
  return out;
}

// Turns the content of an XLIFF <source>/<target>/<mrk> into TMX 1.4b <seg> content.
class InlineMapper {
 public:
  InlineMapper(const Names& names, bool v2) : names_(names), v2_(v2) {}

  std::string map(pugi::xml_node content) {
    out_.clear();
    next_i_ = 0;
    index_.clear();
    paired_.clear();
    find_pairs(content);
    flow(content);
    return std::move(out_);
  }

 private:
  // Keys of begin/end codes that pair up in `content`: one begin, then one end. Those become
  // <bpt>/<ept>; the rest <it> (a code whose partner is in another segment, or repeated ids).
  void find_pairs(pugi::xml_node content) {
    std::vector<std::pair<std::string, bool>> seen;  // key, begin; in document order
    collect(content, seen);
    std::map<std::string, std::pair<int, int>> count;  // key -> begins, ends
    std::set<std::string> early_end;                   // an end before any begin
    for (const auto& [key, begin] : seen) {
      auto& [b, e] = count[key];
      if (!begin && b == 0) early_end.insert(key);
      ++(begin ? b : e);
    }
    for (const auto& [key, be] : count) {
      if (be.first == 1 && be.second == 1 && early_end.count(key) == 0) paired_.insert(key);
    }
  }
  void collect(pugi::xml_node n, std::vector<std::pair<std::string, bool>>& seen) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (!v2_ && is(c, names_, "bpt")) seen.emplace_back(key12(c), true);
      if (!v2_ && is(c, names_, "ept")) seen.emplace_back(key12(c), false);
      if (v2_ && is(c, names_, "sc") && attr(c, "isolated") != "yes") {
        seen.emplace_back(std::string(attr(c, "id")), true);
      }
      if (v2_ && is(c, names_, "ec") && attr(c, "isolated") != "yes") {
        seen.emplace_back(std::string(attr(c, "startRef")), false);
      }
      collect(c, seen);
    }
  }
  static std::string key12(pugi::xml_node c) {
    const std::string_view rid = attr(c, "rid");
    return std::string(rid.empty() ? attr(c, "id") : rid);
  }

  std::string number(const std::string& key) {
    auto [it, added] = index_.emplace(key, 0);
    if (added) it->second = ++next_i_;
    return std::to_string(it->second);
  }
  std::string fresh() { return std::to_string(++next_i_); }

  void open(const char* element, const std::string& attrs) {
    out_.append("<").append(element).append(attrs).append(">");
  }
  void close(const char* element) { out_.append("</").append(element).append(">"); }
  void code(const char* element, const std::string& attrs, std::string_view native) {
    open(element, attrs);
    out_ += html_escape(native);
    close(element);
  }
  static std::string x_attr(pugi::xml_node c) {
    const std::string_view id = attr(c, "id");
    return digits(id) ? " x=\"" + std::string(id) + "\"" : std::string();
  }
  static std::string type_attr(std::string_view type) {
    return type.empty() ? std::string() : " type=\"" + html_escape(type) + "\"";
  }

  // Text flow: text, and codes mapped to TMX.
  void flow(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out_ += html_escape(c.value());
      } else if (c.type() == pugi::node_element) {
        element(c);
      }
    }
  }

  // Native code: the text of an XLIFF 1.2 <bpt>/<ept>/<ph>/<it>, with <sub> flows.
  void native(pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out_ += html_escape(c.value());
      } else if (c.type() == pugi::node_element && is(c, names_, "sub")) {
        out_ += "<sub>";
        flow(c);
        out_ += "</sub>";
      } else if (c.type() == pugi::node_element) {
        native(c);  // another namespace's element in code: its text
      }
    }
  }

  void element(pugi::xml_node c) {
    const auto local = [&](std::string_view l) { return is(c, names_, l); };
    if (local("mrk") && !v2_ && attr(c, "mtype") == "seg") {
      flow(c);  // a segment boundary, not a highlight
    } else if (local("mrk")) {
      const std::string_view type = v2_ ? attr(c, "type") : attr(c, "mtype");
      out_ += "<hi" + type_attr(type) + ">";
      flow(c);
      out_ += "</hi>";
    } else if (!v2_ && local("g")) {
      const std::string i = fresh();
      code("bpt", " i=\"" + i + "\"" + x_attr(c), tag_text(c, false));
      flow(c);
      code("ept", " i=\"" + i + "\"", "</" + std::string(c.name()) + ">");
    } else if (v2_ && local("pc")) {
      const std::string i = fresh();
      code("bpt", " i=\"" + i + "\"", tag_text(c, false));
      flow(c);
      code("ept", " i=\"" + i + "\"", "</" + std::string(c.name()) + ">");
    } else if ((!v2_ && local("x")) || (v2_ && (local("ph") || local("sm") || local("em") ||
                                                local("cp")))) {
      code("ph", v2_ ? std::string() : x_attr(c), tag_text(c, true));
    } else if (!v2_ && (local("bx") || local("ex"))) {
      code("it", std::string(" pos=\"") + (local("bx") ? "begin" : "end") + "\"" + x_attr(c),
           tag_text(c, true));
    } else if (v2_ && (local("sc") || local("ec"))) {
      const bool begin = local("sc");
      const std::string key(attr(c, begin ? "id" : "startRef"));
      if (attr(c, "isolated") != "yes" && paired_.count(key) != 0) {
        code(begin ? "bpt" : "ept", " i=\"" + number(key) + "\"", tag_text(c, true));
      } else {
        code("it", std::string(" pos=\"") + (begin ? "begin" : "end") + "\"", tag_text(c, true));
      }
    } else if (!v2_ && (local("bpt") || local("ept"))) {
      const bool begin = local("bpt");
      const std::string key = key12(c);
      std::string attrs;
      if (paired_.count(key) != 0) {
        attrs = " i=\"" + number(key) + "\"";
        if (begin) attrs += x_attr(c) + type_attr(attr(c, "ctype"));
        open(begin ? "bpt" : "ept", attrs);
        native(c);
        close(begin ? "bpt" : "ept");
      } else {
        open("it", std::string(" pos=\"") + (begin ? "begin" : "end") + "\"" + x_attr(c) +
                       type_attr(attr(c, "ctype")));
        native(c);
        close("it");
      }
    } else if (!v2_ && (local("ph") || local("it"))) {
      std::string attrs;
      if (local("it")) {
        attrs = std::string(" pos=\"") + (attr(c, "pos") == "close" ? "end" : "begin") + "\"";
      }
      attrs += x_attr(c) + type_attr(attr(c, "ctype"));
      open(local("it") ? "it" : "ph", attrs);
      native(c);
      close(local("it") ? "it" : "ph");
    } else {
      flow(c);  // <sub> out of place, another namespace's element: its text
    }
  }

  const Names& names_;
  bool v2_;
  std::string out_;
  int next_i_ = 0;
  std::map<std::string, int> index_;
  std::set<std::string> paired_;
};

class Reader {
 public:
  Reader(const std::string& path, std::string_view text, const XliffReadOptions& options)
      : path_(path), text_(text), options_(options) {}

  [[noreturn]] void fail(pugi::xml_node node, const std::string& message,
                         const std::string& unit = {}) const {
    const std::ptrdiff_t off = node ? node.offset_debug() : -1;
    LineCol lc{0, 0};
    if (off >= 0) {
      std::size_t o = static_cast<std::size_t>(off);
      if (o > 0 && text_[o - 1] == '<') --o;  // offset_debug points at the name
      lc = line_col(text_, o);
    }
    throw InputError(path_, lc.line, lc.column, message, unit);
  }

  XliffDocument read(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    const std::string_view name = root.name();
    const std::size_t colon = name.find(':');
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    if (local != "xliff") {
      fail(root, "root element <" + std::string(name) + "> is not <xliff>");
    }
    names_.prefix = colon == std::string_view::npos ? "" : std::string(name.substr(0, colon + 1));
    names_.tilmash = "tilmash:";
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view an = a.name();
      if (!an.starts_with("xmlns:")) continue;
      const std::string prefix = std::string(an.substr(6)) + ":";
      if (a.value() == kTilmashXliffNamespace) {
        names_.tilmash = prefix;
        tilmash_document_ = true;
      }
      if (a.value() == kSdlNamespace) names_.sdl = prefix;
      if (a.value() == kMemoqNamespace) names_.mq = prefix;
    }
    XliffDocument out;
    out.version = attr(root, "version");
    const std::string& v = out.version;
    if (v == "1.0" || v == "1.1" || v == "1.2") {
      read12(root, out);
      if (tilmash_document_ && files_ > 1) join_files(out);
    } else if (v == "2.0" || v == "2.1" || v == "2.2") {
      read2(root, out);
    } else if (v.empty()) {
      fail(root, "<xliff> without a version (1.2 or 2.0 expected)");
    } else {
      fail(root, "XLIFF version '" + v + "' is not supported (1.0–1.2, 2.0–2.2)");
    }
    if (std::none_of(out.units.begin(), out.units.end(),
                     [](const XliffUnit& u) { return u.has_target; })) {
      fail(root, "no unit has a <target>: nothing to check or import (an untranslated XLIFF)");
    }
    return out;
  }

 private:
  std::string lang(pugi::xml_node at, std::string_view tag, const char* what) const {
    auto norm = core::normalize_lang_tag(two_letter(tag));
    if (!norm) fail(at, "bad language code '" + std::string(tag) + "' in " + what);
    return *norm;
  }

  // A variant from XLIFF content, or nullopt when it holds neither text nor codes.
  std::optional<core::Variant> variant(pugi::xml_node content, const std::string& lang_tag,
                                       bool v2, const std::string& unit) const {
    core::Variant v;
    v.lang = lang_tag;
    bool plain = true;  // text only (most segments): no mapping, no second parse
    for (pugi::xml_node c = content.first_child(); c && plain; c = c.next_sibling()) {
      plain = c.type() != pugi::node_element;
    }
    if (plain) {
      for (pugi::xml_node c = content.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) v.text += c.value();
      }
      if (v.text.empty()) return std::nullopt;
      return v;
    }
    InlineMapper mapper(names_, v2);
    const std::string xml = mapper.map(content);
    std::optional<SegText> st = parse_seg_content(xml);
    if (!st) fail(content, "internal: inline codes could not be mapped", unit);  // a bug
    if (st->text.empty() && st->inline_xml.empty()) return std::nullopt;
    v.text = std::move(st->text);
    v.inline_xml = std::move(st->inline_xml);
    return v;
  }

  void collect_seg_mrks(pugi::xml_node n, std::vector<pugi::xml_node>& out) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, names_, "mrk") && attr(c, "mtype") == "seg") {
        out.push_back(c);
      } else {
        collect_seg_mrks(c, out);
      }
    }
  }

  // tilmash's attributes on a <trans-unit> or <unit> (xliff_writer.h) as the TMX props.
  void tilmash_props(pugi::xml_node unit, core::TranslationUnit& out) const {
    for (pugi::xml_attribute a = unit.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view an = a.name();
      if (!an.starts_with(names_.tilmash)) continue;
      const std::string_view key = an.substr(names_.tilmash.size());
      if (key == "confidence") out.props.push_back({"x-tilmash-confidence", a.value()});
      if (key == "bead") out.props.push_back({std::string(core::kOneSidedBeadProp), a.value()});
      if (key == "grouped") out.props.push_back({std::string(core::kGroupedBeadProp), a.value()});
      if (key == "alone") out.props.push_back({std::string(core::kAloneBeadProp), a.value()});
      if (key == "document") out.props.push_back({"x-document", a.value()});
      if (key == "origin") out.props.push_back({"x-origin", a.value()});
    }
  }

  // ---- XLIFF 1.0–1.2 (SDLXLIFF, MQXLIFF)

  void read12(pugi::xml_node root, XliffDocument& out) {
    bool any_file = false;
    for (pugi::xml_node file = root.first_child(); file; file = file.next_sibling()) {
      if (!is(file, names_, "file")) continue;
      any_file = true;
      ++files_;
      const std::string_view sl = attr(file, "source-language");
      if (sl.empty()) fail(file, "<file> without source-language");
      File f;
      f.source = lang(file, sl, "source-language");
      if (const std::string_view tl = attr(file, "target-language"); !tl.empty()) {
        f.target = lang(file, tl, "target-language");
      } else {
        f.target = fallback_target(file);
      }
      f.original = attr(file, "original");
      if (out.source_lang.empty()) out.source_lang = f.source;
      for (pugi::xml_node body = file.first_child(); body; body = body.next_sibling()) {
        if (is(body, names_, "body")) walk12(body, f, out);
      }
    }
    if (!any_file) fail(root, "<xliff> without a <file>");
  }

  struct File {
    std::string source;
    std::string target;
    std::string original;
  };

  void walk12(pugi::xml_node parent, const File& f, XliffDocument& out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (is(c, names_, "group")) {
        walk12(c, f, out);
      } else if (is(c, names_, "trans-unit") &&
                 attr(c, "restype") != "x-gettext-domain-header") {
        trans_unit(c, f, out);
      }
    }
  }

  // memoQ's segment status as an XLIFF 1.2 state (docs/CLI.md, tm import).
  static std::string memoq_state(std::string_view s) {
    if (s == "NotStarted") return "new";
    if (s == "ManuallyConfirmed" || s == "Confirmed") return "translated";
    if (s == "Reviewer1Confirmed") return "signed-off";
    if (s == "Reviewer2Confirmed") return "final";
    if (s.empty()) return "";
    return "needs-review-translation";  // Editing, PartiallyEdited, PreTranslated, Rejected …
  }
  // Trados's confirmation level as an XLIFF 1.2 state.
  static std::string sdl_state(std::string_view conf) {
    if (conf == "Translated") return "translated";
    if (conf == "ApprovedTranslation") return "signed-off";
    if (conf == "ApprovedSignOff") return "final";
    if (conf == "Draft" || conf == "Unspecified") return "needs-translation";
    if (conf.empty()) return "";
    return "needs-review-translation";  // RejectedTranslation, RejectedSignOff
  }

  void trans_unit(pugi::xml_node tu, const File& f, XliffDocument& out) {
    const std::string id(attr(tu, "id"));
    if (id.empty()) fail(tu, "<trans-unit> without an id");
    const std::string unit_name = "trans-unit " + id;
    core::TranslationUnit base;
    XliffUnit proto;
    proto.approved = attr(tu, "approved") == "yes";
    std::string unit_state;
    tilmash_props(tu, base);
    if (!names_.mq.empty()) unit_state = memoq_state(attr(tu, (names_.mq + "status").c_str()));
    pugi::xml_node source;
    pugi::xml_node seg_source;
    pugi::xml_node target;
    std::map<std::string, std::string> sdl_conf;  // mid -> state
    for (pugi::xml_node c = tu.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, names_, "source")) {
        if (source) fail(c, "<trans-unit> with two <source>s", unit_name);
        source = c;
      } else if (is(c, names_, "seg-source")) {
        seg_source = c;
      } else if (is(c, names_, "target")) {
        if (target) fail(c, "<trans-unit> with two <target>s", unit_name);
        target = c;
      } else if (is(c, names_, "note")) {
        if (attr(c, "from") != "tilmash") base.notes.push_back(c.text().get());
      } else if (!names_.sdl.empty() && std::string_view(c.name()) == names_.sdl + "seg-defs") {
        for (pugi::xml_node s = c.first_child(); s; s = s.next_sibling()) {
          if (std::string_view(s.name()) == names_.sdl + "seg") {
            sdl_conf[std::string(attr(s, "id"))] = sdl_state(attr(s, "conf"));
          }
        }
      }
    }
    if (!source) fail(tu, "<trans-unit> without <source>", unit_name);
    if (target && !attr(target, "state").empty()) unit_state = attr(target, "state");
    std::string target_lang = f.target;
    if (target && !attr(target, "xml:lang").empty()) {
      target_lang = lang(target, attr(target, "xml:lang"), "<target xml:lang>");
    }
    const auto add = [&](std::string tuid, pugi::xml_node src, pugi::xml_node tgt,
                         std::string state) {
      XliffUnit u = proto;
      u.unit = base;
      u.unit.id = std::move(tuid);
      u.state = std::move(state);
      std::optional<core::Variant> s = variant(src, f.source, false, unit_name);
      if (s) u.unit.variants.push_back(std::move(*s));  // an empty source: no variant, as in TMX
      if (tgt) {
        if (std::optional<core::Variant> t = variant(tgt, target_lang, false, unit_name)) {
          if (target_lang.empty()) {
            fail(tgt, "<target> without a language: <file> has no target-language (give it "
                      "with --target-lang)", unit_name);
          }
          u.unit.variants.push_back(std::move(*t));
          u.has_target = true;
        }
      }
      out.units.push_back(std::move(u));
    };
    std::vector<pugi::xml_node> src_segs;
    if (seg_source) collect_seg_mrks(seg_source, src_segs);
    std::vector<pugi::xml_node> tgt_segs;
    if (target) collect_seg_mrks(target, tgt_segs);
    const auto blank = [](pugi::xml_node n) {
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) return false;
        const std::string_view v = c.value();
        if (v.find_first_not_of(" \t\r\n") != std::string_view::npos) return false;
      }
      return true;
    };
    if (src_segs.empty() || (target && tgt_segs.empty() && !blank(target))) {
      // Unsegmented, or a target not split like the source: the unit as a whole.
      std::string state = unit_state;
      if (src_segs.size() == 1) {
        auto it = sdl_conf.find(std::string(attr(src_segs[0], "mid")));
        if (it != sdl_conf.end() && !it->second.empty()) state = it->second;
      }
      add(id, source, target, state);
      return;
    }
    std::map<std::string, pugi::xml_node> by_mid;
    for (pugi::xml_node m : tgt_segs) by_mid.emplace(attr(m, "mid"), m);
    for (pugi::xml_node m : src_segs) {
      const std::string mid(attr(m, "mid"));
      if (mid.empty()) fail(m, "<mrk mtype=\"seg\"> without a mid", unit_name);
      auto t = by_mid.find(mid);
      std::string state = unit_state;
      if (auto it = sdl_conf.find(mid); it != sdl_conf.end() && !it->second.empty()) {
        state = it->second;
      }
      add(id + "/" + mid, m, t == by_mid.end() ? pugi::xml_node() : t->second, state);
    }
  }

  // `align --format xliff` of three languages writes one <file> per target language with the
  // same trans-unit ids (xliff_writer.h): the units of one id are one bead, joined back into
  // the multilingual unit `align --format tmx` writes (source, then each target in file order;
  // ordered by bead number).
  void join_files(XliffDocument& out) const {
    std::vector<XliffUnit> joined;
    std::map<std::string, std::size_t> at;  // id -> index in joined
    for (std::size_t n = 0; n < out.units.size(); ++n) {
      XliffUnit& u = out.units[n];
      auto [it, added] = at.emplace(u.unit.id, joined.size());
      if (added) {
        joined.push_back(std::move(u));
        continue;
      }
      XliffUnit& into = joined[it->second];
      for (core::Variant& v : u.unit.variants) {
        const bool have = std::any_of(into.unit.variants.begin(), into.unit.variants.end(),
                                      [&](const core::Variant& w) { return w.lang == v.lang; });
        if (have) continue;
        if (v.lang == out.source_lang) {
          into.unit.variants.insert(into.unit.variants.begin(), std::move(v));
        } else {
          into.unit.variants.push_back(std::move(v));
        }
      }
      into.has_target = into.has_target || u.has_target;
      if (into.state.empty()) into.state = u.state;
    }
    const auto number = [](const std::string& id) {
      return id.size() < 10 && digits(id) ? std::stoul(id) : 0ul;
    };
    std::stable_sort(joined.begin(), joined.end(), [&](const XliffUnit& a, const XliffUnit& b) {
      return number(a.unit.id) < number(b.unit.id);
    });
    out.units = std::move(joined);
  }

  // ---- XLIFF 2.x

  void read2(pugi::xml_node root, XliffDocument& out) {
    const std::string_view sl = attr(root, "srcLang");
    if (sl.empty()) fail(root, "<xliff version=\"2.0\"> without srcLang");
    File f;
    f.source = lang(root, sl, "srcLang");
    if (const std::string_view tl = attr(root, "trgLang"); !tl.empty()) {
      f.target = lang(root, tl, "trgLang");
    } else {
      f.target = fallback_target(root);
    }
    out.source_lang = f.source;
    bool any_file = false;
    for (pugi::xml_node file = root.first_child(); file; file = file.next_sibling()) {
      if (!is(file, names_, "file")) continue;
      any_file = true;
      f.original = attr(file, "original");
      walk2(file, f, out);
    }
    if (!any_file) fail(root, "<xliff> without a <file>");
  }

  void walk2(pugi::xml_node parent, const File& f, XliffDocument& out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (is(c, names_, "group")) {
        walk2(c, f, out);
      } else if (is(c, names_, "unit")) {
        unit2(c, f, out);
      }
    }
  }

  void unit2(pugi::xml_node unit, const File& f, XliffDocument& out) {
    const std::string id(attr(unit, "id"));
    if (id.empty()) fail(unit, "<unit> without an id");
    const std::string unit_name = "unit " + id;
    std::vector<std::string> notes;
    std::vector<pugi::xml_node> segments;
    for (pugi::xml_node c = unit.first_child(); c; c = c.next_sibling()) {
      if (is(c, names_, "segment")) segments.push_back(c);
      if (is(c, names_, "notes")) {
        for (pugi::xml_node n = c.first_child(); n; n = n.next_sibling()) {
          if (is(n, names_, "note")) notes.push_back(n.text().get());
        }
      }
    }
    for (std::size_t k = 0; k < segments.size(); ++k) {
      const pugi::xml_node seg = segments[k];
      pugi::xml_node source;
      pugi::xml_node target;
      for (pugi::xml_node c = seg.first_child(); c; c = c.next_sibling()) {
        if (is(c, names_, "source")) source = c;
        if (is(c, names_, "target")) target = c;
      }
      if (!source) fail(seg, "<segment> without <source>", unit_name);
      XliffUnit u;
      tilmash_props(unit, u.unit);
      const std::string_view sid = attr(seg, "id");
      u.unit.id = !sid.empty()             ? id + "/" + std::string(sid)
                  : segments.size() == 1 ? id
                                         : id + "/" + std::to_string(k + 1);
      u.unit.notes = notes;
      u.state = attr(seg, "state").empty() ? "initial" : std::string(attr(seg, "state"));
      std::optional<core::Variant> s = variant(source, f.source, true, unit_name);
      if (s) u.unit.variants.push_back(std::move(*s));  // an empty source: no variant, as in TMX
      if (target) {
        if (std::optional<core::Variant> t = variant(target, f.target, true, unit_name)) {
          if (f.target.empty()) {
            fail(target, "<target> without a language: no trgLang (give it with --target-lang)",
                 unit_name);
          }
          u.unit.variants.push_back(std::move(*t));
          u.has_target = true;
        }
      }
      out.units.push_back(std::move(u));
    }
  }

  // The target language option, normalized (empty when not given).
  std::string fallback_target(pugi::xml_node at) const {
    return options_.target_lang.empty() ? std::string()
                                        : lang(at, options_.target_lang, "the target language option");
  }

  const std::string& path_;
  std::string_view text_;
  const XliffReadOptions& options_;
  Names names_;
  bool tilmash_document_ = false;  // the root declares kTilmashXliffNamespace
  std::size_t files_ = 0;          // <file>s seen (1.2)
};

bool known_state(std::string_view s) {
  static const std::set<std::string_view> kStates = {
      // XLIFF 1.2 (§ state)
      "new", "needs-translation", "needs-l10n", "needs-adaptation", "translated",
      "needs-review-translation", "needs-review-l10n", "needs-review-adaptation", "signed-off",
      "final",
      // XLIFF 2.x
      "initial", "reviewed",
      // a 1.2 target without a state
      "none"};
  return kStates.count(s) != 0 || s.starts_with("x-");
}

}  // namespace

XliffDocument parse_xliff(std::string_view bytes, const std::string& path,
                          const XliffReadOptions& options) {
  std::string storage;
  const std::string_view text = xml_utf8(bytes, path, storage);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(path, 1, 1, "empty file: an XLIFF document needs an <xliff> root element");
  }
  if (const XmlCheckResult wf = check_xml(text, XmlCheckOptions{}); wf.problem) {
    const LineCol lc = line_col(text, wf.problem->offset);
    throw InputError(path, lc.line, lc.column, wf.problem->message);
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result r =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!r) {  // check_xml passed, so this is pugixml's stricter view; still bad input
    const LineCol lc =
        line_col(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, r.offset)));
    throw InputError(path, lc.line, lc.column, r.description());
  }
  return Reader(path, text, options).read(doc);
}

XliffDocument read_xliff(const std::string& path, const XliffReadOptions& options) {
  return parse_xliff(read_file(path), path, options);
}

bool is_xliff_file(const std::string& path) {
  if (path == "-") return false;
  std::string head;
  try {
    XmlSource source(path);
    while (head.size() < (std::size_t{1} << 16) && source.read(head, 4096)) {
    }
  } catch (const InputError&) {
    return false;
  }
  // The first start tag that is not <?…?>, <!--…--> or <!DOCTYPE…>.
  for (std::size_t pos = head.find('<'); pos != std::string::npos; pos = head.find('<', pos)) {
    if (pos + 1 >= head.size()) return false;
    const std::string_view rest = std::string_view(head).substr(pos);
    if (rest.starts_with("<?") || rest.starts_with("<!--")) {
      const std::size_t end = head.find(rest[1] == '?' ? "?>" : "-->", pos + 2);
      if (end == std::string::npos) return false;
      pos = end;
      continue;
    }
    if (rest.starts_with("<!")) {
      pos = doctype_end(head, pos, nullptr);
      if (pos == std::string::npos) return false;
      continue;
    }
    const std::size_t end = head.find_first_of(" \t\r\n/>", pos + 1);
    if (end == std::string::npos) return false;
    std::string_view name(head.data() + pos + 1, end - pos - 1);
    if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
      name = name.substr(colon + 1);
    }
    return name == "xliff";
  }
  return false;
}

std::set<std::string> default_import_states() {
  return {"translated", "signed-off", "final", "reviewed", "none"};
}

std::set<std::string> parse_states(std::string_view list) {
  std::set<std::string> out;
  for (std::size_t p = 0; p <= list.size();) {
    const std::size_t c = std::min(list.find(',', p), list.size());
    std::string_view s = list.substr(p, c - p);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty()) {
      if (!known_state(s)) {
        throw std::invalid_argument(
            "unknown state '" + std::string(s) +
            "' (XLIFF 1.2: new, needs-translation, needs-l10n, needs-adaptation, translated, "
            "needs-review-translation, needs-review-l10n, needs-review-adaptation, signed-off, "
            "final; 2.0: initial, translated, reviewed, final; none; x-…)");
      }
      out.emplace(s);
    }
    p = c + 1;
  }
  return out;
}

XliffSelection select_for_import(XliffDocument doc, const std::set<std::string>& states) {
  XliffSelection out;
  for (XliffUnit& u : doc.units) {
    const std::string state = u.state.empty() ? "none" : u.state;
    if (!u.has_target) {
      ++out.skipped["no target"];
    } else if (u.approved || states.count(state) != 0) {
      out.units.push_back(std::move(u.unit));
    } else {
      ++out.skipped["state " + state];
    }
  }
  return out;
}

}  // namespace tilmash::io
