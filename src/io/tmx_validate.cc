#include "io/tmx_validate.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include <pugixml.hpp>

#include "core/bead.h"
#include "core/hash.h"
#include "core/lang.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/errors.h"
#include "io/tmx_scan.h"
#include "io/tmx_writer.h"

namespace tilmash::io {
namespace {

using detail::TmxScanner;

// ISO 639-2 codes that have an ISO 639-1 code BCP 47 requires instead (the languages a TM of
// ours is likely to meet, plus the neighbours of Kazakh and Russian).
const std::map<std::string_view, std::string_view>& iso639_2_to_1() {
  static const std::map<std::string_view, std::string_view> kMap = {
      {"eng", "en"}, {"kaz", "kk"}, {"rus", "ru"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"},
      {"fre", "fr"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"tur", "tr"}, {"ukr", "uk"},
      {"uzb", "uz"}, {"kir", "ky"}, {"tat", "tt"}, {"bak", "ba"}, {"aze", "az"}, {"tuk", "tk"},
      {"chi", "zh"}, {"zho", "zh"}, {"jpn", "ja"}, {"kor", "ko"}, {"ara", "ar"}, {"per", "fa"},
      {"fas", "fa"}, {"pol", "pl"}, {"nld", "nl"}, {"dut", "nl"}, {"bel", "be"}, {"mon", "mn"}};
  return kMap;
}

const std::set<std::string_view> kTuAttrs = {
    "tuid", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
    "creationtoolversion", "creationdate", "creationid", "changedate", "segtype", "changeid",
    "o-tmf", "srclang"};
const std::set<std::string_view> kTuvAttrs = {
    "xml:lang", "lang", "o-encoding", "datatype", "usagecount", "lastusagedate", "creationtool",
    "creationtoolversion", "creationdate", "creationid", "changedate", "o-tmf", "changeid"};
const char* const kHeaderRequired[] = {"creationtool", "creationtoolversion", "segtype", "o-tmf",
                                       "adminlang", "srclang", "datatype"};

bool is_segtype(std::string_view v) {
  return v == "block" || v == "paragraph" || v == "sentence" || v == "phrase";
}

bool only_space(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Text of a <seg> as matching sees it: codes left out, <hi> text kept.
void append_plain(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    if (c.type() == pugi::node_element && std::strcmp(c.name(), "hi") == 0) append_plain(c, out);
  }
}

// The same text, without a copy when the <seg> holds a single piece of text (most do; a copy
// of a 20 MB segment costs more than checking it), else built in `storage`.
std::string_view plain_text(pugi::xml_node seg, std::string& storage) {
  const pugi::xml_node first = seg.first_child();
  if (!first) return {};
  if (!first.next_sibling()
      && (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata)) {
    return first.value();
  }
  append_plain(seg, storage);
  return storage;
}

using core::fnv1a;

class Validator {
 public:
  Validator(std::string path, const TmxValidateOptions& options)
      : path_(std::move(path)), options_(options) {}

  std::vector<TmxFinding> run() {
    detail::TmxScanOptions so;
    so.on_bad_char = [this](LineCol p, const std::string& message) {
      add(p, current_unit_, "invalid-char", Severity::kError, message);
    };
    try {
      scanner_ = std::make_unique<TmxScanner>(path_, so);
      check_root();
      check_header();
      while (scanner_->next()) {
        current_unit_ = "TU " + std::to_string(scanner_->unit_number());
        check_unit(scanner_->unit());
        current_unit_.clear();
      }
    } catch (const InputError& e) {
      std::string message = e.what();
      const std::size_t at = message.find(": error: ");
      if (at != std::string::npos) message.erase(0, at + 9);
      add({e.line(), e.column()}, {}, "not-well-formed", Severity::kError, message);
    }
    std::stable_sort(findings_.begin(), findings_.end(), [](const TmxFinding& a, const TmxFinding& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(findings_);
  }

 private:
  void add(LineCol p, std::string unit, const char* kind, Severity severity, std::string message) {
    findings_.push_back({path_, p.line, p.column, std::move(unit), kind, severity,
                         std::move(message)});
  }
  void add(pugi::xml_node at, const char* kind, Severity severity, std::string message) {
    add(scanner_->pos_of(at), current_unit_, kind, severity, std::move(message));
  }

  // Checks a language code as written; returns it normalized ("" when unusable).
  std::string check_lang(pugi::xml_node at, std::string_view code, const char* what) {
    auto tag = core::normalize_lang_tag(code);
    if (!tag) {
      add(at, "bad-lang-code", Severity::kError,
          std::string(what) + " '" + std::string(code) + "' is not a language tag");
      return {};
    }
    if (code.find('_') != std::string_view::npos) {
      add(at, "bad-lang-code", Severity::kError,
          std::string(what) + " '" + std::string(code) + "' uses '_': write '" + *tag
              + "' (OmegaT matches nothing with '_')");
    }
    const std::string_view primary = core::primary_language(*tag);
    auto it = iso639_2_to_1().find(primary);
    if (it != iso639_2_to_1().end()) {
      add(at, "bad-lang-code", Severity::kError,
          std::string(what) + " '" + std::string(code) + "' is an ISO 639-2 code: write '"
              + std::string(it->second) + "' (BCP 47; OmegaT matches nothing with '"
              + std::string(primary) + "')");
    }
    return *tag;
  }

  void check_date(pugi::xml_node at, pugi::xml_attribute a) {
    if (a.empty()) return;
    const std::string_view v = a.value();
    if (v.size() != 16 || normalize_tmx_date(v).empty()) {
      add(at, "bad-date", Severity::kWarning,
          std::string(a.name()) + "=\"" + std::string(v)
              + "\" is not YYYYMMDDThhmmssZ (OmegaT reads such dates as 0)");
    }
  }

  void check_common_attrs(pugi::xml_node n, const std::set<std::string_view>& allowed) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (allowed.count(name) == 0) {
        add(n, "unexpected-attribute", Severity::kError,
            "<" + std::string(n.name()) + "> has no attribute '" + std::string(name)
                + "' in TMX 1.4");
      }
    }
    check_date(n, n.attribute("creationdate"));
    check_date(n, n.attribute("changedate"));
    check_date(n, n.attribute("lastusagedate"));
    const pugi::xml_attribute usage = n.attribute("usagecount");
    if (!usage.empty()) {
      const std::string_view v = usage.value();
      if (v.empty() || v.find_first_not_of("0123456789") != std::string_view::npos) {
        add(n, "bad-value", Severity::kError,
            "usagecount=\"" + std::string(v) + "\" is not a number");
      }
    }
    const pugi::xml_attribute segtype = n.attribute("segtype");
    if (!segtype.empty() && !is_segtype(segtype.value())) {
      add(n, "bad-value", Severity::kError,
          "segtype=\"" + std::string(segtype.value())
              + "\" is not block, paragraph, sentence or phrase");
    }
  }

  void check_prop_note(pugi::xml_node n) {
    if (std::strcmp(n.name(), "prop") == 0) {
      if (n.attribute("type").empty()) {
        add(n, "missing-attribute", Severity::kError, "<prop> without type");
      } else {
        const std::string_view type = n.attribute("type").value();
        if (type == "file" || type == "id" || type == "prev" || type == "next" || type == "path") {
          add(n, "reserved-prop", Severity::kWarning,
              "<prop type=\"" + std::string(type)
                  + "\">: OmegaT treats such units as alternative translations and does not "
                    "insert them; use an x- type");
        }
      }
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        add(c, "unexpected-element", Severity::kError,
            "<" + std::string(c.name()) + "> inside <" + n.name() + ">: text only");
      }
    }
  }

  void check_root() {
    const pugi::xml_node root = scanner_->root();
    const pugi::xml_attribute version = root.attribute("version");
    const LineCol p = scanner_->header_pos();
    if (version.empty()) {
      add(p, {}, "missing-attribute", Severity::kError, "<tmx> without version");
    } else if (std::string_view(version.value()) != "1.4") {
      add(p, {}, "old-version", Severity::kWarning,
          "<tmx version=\"" + std::string(version.value())
              + "\">: the TMX 1.4 DTD requires version=\"1.4\" (1.4b files too)");
    }
  }

  void check_header() {
    const pugi::xml_node h = scanner_->header();
    for (const char* name : kHeaderRequired) {
      if (h.attribute(name).empty()) {
        add(h, "missing-attribute", Severity::kError,
            std::string("<header> without the required attribute ") + name);
      }
    }
    const pugi::xml_attribute segtype = h.attribute("segtype");
    if (!segtype.empty() && !is_segtype(segtype.value())) {
      add(h, "bad-value", Severity::kError,
          "segtype=\"" + std::string(segtype.value()) + "\" is not block, paragraph, sentence or phrase");
    }
    check_date(h, h.attribute("creationdate"));
    check_date(h, h.attribute("changedate"));
    const std::string_view src = h.attribute("srclang").value();
    if (!src.empty() && src != "*all*") srclang_ = check_lang(h, src, "srclang");
    const std::string_view admin = h.attribute("adminlang").value();
    if (!admin.empty()) check_lang(h, admin, "adminlang");
    for (pugi::xml_node c = h.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "note" || name == "prop") {
        check_prop_note(c);
      } else if (name != "ude") {
        add(c, "unexpected-element", Severity::kError,
            "<" + std::string(name) + "> in <header>: only <note>, <prop> and <ude>");
      }
    }
  }

  // Inline content of <seg>, <hi>, <sub>.
  void check_flow(pugi::xml_node parent, std::set<std::string>& bpt, std::set<std::string>& ept) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "hi") {
        check_flow(c, bpt, ept);
        continue;
      }
      if (name != "bpt" && name != "ept" && name != "it" && name != "ph" && name != "ut") {
        add(c, "unexpected-element", Severity::kError,
            "<" + std::string(name) + "> in <" + parent.name() + ">: not a TMX inline element");
        continue;
      }
      if (name == "ut") {
        add(c, "deprecated", Severity::kWarning, "<ut> is deprecated since TMX 1.4: use <ph>");
      }
      if (name == "bpt" || name == "ept") {
        const pugi::xml_attribute i = c.attribute("i");
        if (i.empty()) {
          add(c, "missing-attribute", Severity::kError, "<" + std::string(name) + "> without i");
        } else if (name == "bpt" && !bpt.insert(i.value()).second) {
          add(c, "inline-pairing", Severity::kError,
              "<bpt i=\"" + std::string(i.value()) + "\"> used twice in one <seg>");
        } else if (name == "ept") {
          if (bpt.count(i.value()) == 0) {
            add(c, "inline-pairing", Severity::kError,
                "<ept i=\"" + std::string(i.value()) + "\"> without an earlier <bpt>");
          }
          ept.insert(i.value());
        }
      }
      if (name == "it") {
        const std::string_view pos = c.attribute("pos").value();
        if (pos != "begin" && pos != "end") {
          add(c, "missing-attribute", Severity::kError, "<it> without pos=\"begin|end\"");
        }
      }
      for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) {
        if (g.type() != pugi::node_element) continue;
        if (std::strcmp(g.name(), "sub") == 0) {
          check_flow(g, bpt, ept);
        } else {
          add(g, "unexpected-element", Severity::kError,
              "<" + std::string(g.name()) + "> in <" + std::string(name)
                  + ">: native code holds text and <sub> only");
        }
      }
    }
  }

  void check_unit(pugi::xml_node tu) {
    const pugi::xml_attribute tuid = tu.attribute("tuid");
    if (!tuid.empty()) {
      current_unit_ += " (tuid " + std::string(tuid.value()) + ")";
      if (std::string_view(tuid.value()).find_first_of(" \t\r\n") != std::string_view::npos) {
        add(tu, "bad-value", Severity::kError, "tuid contains white space");
      }
    }
    check_common_attrs(tu, kTuAttrs);
    std::string srclang = srclang_;
    if (const pugi::xml_attribute s = tu.attribute("srclang"); !s.empty()) {
      srclang = std::string_view(s.value()) == "*all*" ? std::string()
                                                        : check_lang(tu, s.value(), "srclang");
    }
    bool seen_tuv = false;
    std::size_t tuvs = 0;
    std::vector<std::pair<std::string, std::string>> key;  // (lang, cleaned text)
    std::set<std::string> langs;
    bool has_source = false;
    for (pugi::xml_node c = tu.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata && !only_space(c.value())) {
        add(tu, "unexpected-text", Severity::kError, "text directly inside <tu>");
      }
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "note" || name == "prop") {
        if (seen_tuv) {
          add(c, "element-order", Severity::kError,
              "<" + std::string(name) + "> after a <tuv>: notes and props come first");
        }
        check_prop_note(c);
        continue;
      }
      if (name != "tuv") {
        add(c, "unexpected-element", Severity::kError,
            "<" + std::string(name) + "> in <tu>: only <note>, <prop> and <tuv>");
        continue;
      }
      seen_tuv = true;
      ++tuvs;
      check_common_attrs(c, kTuvAttrs);
      std::string lang;
      if (const pugi::xml_attribute xl = c.attribute("xml:lang"); !xl.empty()) {
        lang = check_lang(c, xl.value(), "xml:lang");
      } else if (const pugi::xml_attribute l = c.attribute("lang"); !l.empty()) {
        add(c, "lang-only", Severity::kError,
            "<tuv lang=\"" + std::string(l.value())
                + "\">: the TMX 1.4 DTD requires xml:lang (lang is TMX 1.1–1.2)");
        lang = check_lang(c, l.value(), "lang");
      } else {
        add(c, "tuv-without-lang", Severity::kError,
            "<tuv> without xml:lang (OmegaT rejects the whole file)");
      }
      if (!lang.empty()) {
        if (!langs.insert(lang).second) {
          add(c, "duplicate-lang", Severity::kWarning, "a second <tuv> for " + lang + " in one <tu>");
        }
        if (!srclang.empty() && lang_matches(srclang, lang)) has_source = true;
      }
      pugi::xml_node seg;
      std::size_t segs = 0;
      for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) {
        if (g.type() == pugi::node_pcdata && !only_space(g.value())) {
          add(c, "unexpected-text", Severity::kError, "text directly inside <tuv>");
        }
        if (g.type() != pugi::node_element) continue;
        const std::string_view gn = g.name();
        if (gn == "seg") {
          if (++segs == 2) add(g, "extra-seg", Severity::kError, "a second <seg> in one <tuv>");
          if (!seg) seg = g;
        } else if (gn == "note" || gn == "prop") {
          if (seg) {
            add(g, "element-order", Severity::kError,
                "<" + std::string(gn) + "> after <seg>: notes and props come first");
          }
          check_prop_note(g);
        } else {
          add(g, "unexpected-element", Severity::kError,
              "<" + std::string(gn) + "> in <tuv>: only <note>, <prop> and <seg>");
        }
      }
      if (!seg) {
        add(c, "missing-seg", Severity::kError, "<tuv> without <seg>");
        continue;
      }
      std::set<std::string> bpt;
      std::set<std::string> ept;
      check_flow(seg, bpt, ept);
      for (const std::string& i : bpt) {
        if (ept.count(i) == 0) {
          add(seg, "inline-pairing", Severity::kError, "<bpt i=\"" + i + "\"> without its <ept>");
        }
      }
      std::string storage;
      const std::string_view raw = plain_text(seg, storage);
      std::string clean = core::collapse_space(raw);
      if (clean.empty()) {
        add(seg, "empty-seg", Severity::kError,
            "empty <seg>" + (lang.empty() ? std::string() : " (" + lang + ")")
                + ": OmegaT inserts an empty translation");
      } else if (clean != raw && !seg.find_child([](pugi::xml_node n) {
                   return n.type() == pugi::node_element;
                 })) {
        add(seg, "seg-whitespace", Severity::kWarning,
            "<seg> has leading, trailing, repeated white space or a line break: CAT tools match "
            "exact strings");
      }
      if (options_.max_seg_chars > 0 && core::find_invalid_utf8(clean) == std::nullopt
          && core::count_code_points(clean) > options_.max_seg_chars) {
        add(seg, "long-segment", Severity::kWarning,
            "segment of " + std::to_string(core::count_code_points(clean))
                + " characters (limit " + std::to_string(options_.max_seg_chars) + ")");
      }
      key.emplace_back(lang, std::move(clean));
    }
    if (tuvs == 0) {
      add(tu, "missing-tuv", Severity::kError, "<tu> without <tuv>");
    } else if (tuvs == 1) {
      add(tu, "single-variant", Severity::kWarning, "<tu> with one <tuv>: nothing to translate from");
    }
    // align's added sentence (a 0-1 bead, core::kOneSidedBeadProp) has no source by design.
    const bool added_sentence = !has_source && tu.find_child([](pugi::xml_node n) {
      return std::strcmp(n.name(), "prop") == 0 &&
             core::kOneSidedBeadProp == n.attribute("type").value();
    });
    if (!srclang.empty() && tuvs > 0 && !has_source) {
      add(tu, "srclang-missing", added_sentence ? Severity::kWarning : Severity::kError,
          "no <tuv> in the source language " + srclang + " (srclang)" +
              (added_sentence ? ": an added sentence of align (x-tilmash-bead)" : ""));
    }
    if (tuvs >= 2) {
      std::sort(key.begin(), key.end());
      std::uint64_t h = core::kFnv1aOffset;
      for (const auto& [l, t] : key) {
        h = fnv1a(l, h);
        h = fnv1a(std::string_view("\0", 1), h);
        h = fnv1a(t, h);
        h = fnv1a(std::string_view("\1", 1), h);
      }
      const LineCol here = scanner_->unit_pos();
      auto [it, fresh] = seen_.emplace(h, here.line);
      if (!fresh) {
        add(tu, "duplicate-unit", Severity::kWarning,
            "same segments as the unit at line " + std::to_string(it->second));
      }
    }
  }

  std::string path_;
  TmxValidateOptions options_;
  std::unique_ptr<TmxScanner> scanner_;
  std::vector<TmxFinding> findings_;
  std::string current_unit_;
  std::string srclang_;
  std::unordered_map<std::uint64_t, std::size_t> seen_;  // unit hash -> line of first
};

}  // namespace

std::vector<TmxFinding> validate_tmx(const std::string& path, const TmxValidateOptions& options) {
  return Validator(path, options).run();
}

std::string format_finding(const TmxFinding& f) {
  std::string out = f.path;
  if (f.line > 0) {
    out += ':' + std::to_string(f.line);
    if (f.column > 0) out += ':' + std::to_string(f.column);
  }
  out += f.severity == Severity::kError ? ": error: " : ": warning: ";
  out += f.message + " [" + f.kind + "]";
  if (!f.unit.empty()) out += " (" + f.unit + ")";
  return out;
}

}  // namespace tilmash::io
