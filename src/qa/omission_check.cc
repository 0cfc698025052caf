#include "qa/omission_check.h"

#include <algorithm>

namespace tilmash::qa {
namespace {

// `text` cut to at most `max` code points, with "…" when cut (on a UTF-8 boundary).
std::string shortened(std::string_view text, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points > max) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

const core::Variant* variant_of(const core::TranslationUnit& u, std::string_view primary) {
  for (const core::Variant& v : u.variants) {
    if (!v.text.empty() && primary_lang(v.lang) == primary) return &v;
  }
  return nullptr;
}

bool is_bead(const core::TranslationUnit& u) {
  return std::any_of(u.props.begin(), u.props.end(),
                     [](const core::Prop& p) { return p.type == core::kOneSidedBeadProp; });
}

// True when `u`'s kGroupedBeadProp lists language `primary`: its empty side is the
// three-language join's grouping (core::AlignedUnit::grouped).
bool grouped(const core::TranslationUnit& u, std::string_view primary) {
  for (const core::Prop& p : u.props) {
    if (p.type != core::kGroupedBeadProp) continue;
    std::string_view rest = p.value;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      if (primary_lang(rest.substr(0, space)) == primary) return true;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
  }
  return false;
}

// The nearest unit from `i` in direction `step` (-1, +1) with text in `source` or `target`,
// with only those texts: the neighbour in that pair's view (a unit of other languages only is
// not part of it). Empty beyond the ends.
core::TranslationUnit neighbour(std::span<const core::TranslationUnit> units, std::size_t i,
                                int step, std::string_view source, std::string_view target) {
  core::TranslationUnit out;
  for (std::size_t k = i; step < 0 ? k-- > 0 : ++k < units.size();) {
    for (std::string_view l : {source, target}) {
      if (const core::Variant* v = variant_of(units[k], l)) out.variants.push_back(*v);
    }
    if (!out.variants.empty()) {
      out.id = units[k].id;
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<OneSided>> find_one_sided(std::span<const core::TranslationUnit> units,
                                                 std::string_view source_lang) {
  std::vector<std::vector<OneSided>> out(units.size());
  const std::string source = primary_lang(source_lang);
  std::vector<std::string> targets;  // primary subtags, first seen first
  for (const core::TranslationUnit& u : units) {
    for (const core::Variant& v : u.variants) {
      std::string l = primary_lang(v.lang);
      if (l != source && std::find(targets.begin(), targets.end(), l) == targets.end()) {
        targets.push_back(std::move(l));
      }
    }
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const core::TranslationUnit& u = units[i];
    if (!is_bead(u)) continue;
    const core::Variant* src = variant_of(u, source);
    for (const std::string& t : targets) {
      const core::Variant* tgt = variant_of(u, t);
      if ((src == nullptr) == (tgt == nullptr)) continue;  // both (a pair) or neither
      if (src != nullptr && grouped(u, t)) continue;  // rendered with a neighbour, not left out
      OneSided one;
      Finding& f = one.finding;
      f.unit = u.id;
      f.lang = t;
      if (src != nullptr) {
        f.kind = FindingKind::kOmittedSentence;
        f.severity = Severity::kError;
        f.term = src->text;
        f.message = "the " + source + " sentence has no " + t + " rendering: \"" +
                    shortened(src->text, 120) + "\"";
      } else {
        f.kind = FindingKind::kAddedSentence;
        f.severity = Severity::kWarning;  // translators do add explanations
        f.term = tgt->text;
        f.message = "the " + t + " sentence has no " + source + " source: \"" +
                    shortened(tgt->text, 120) + "\"";
      }
      one.previous = neighbour(units, i, -1, source, t);
      one.next = neighbour(units, i, +1, source, t);
      out[i].push_back(std::move(one));
    }
  }
  return out;
}

}  // namespace tilmash::qa
