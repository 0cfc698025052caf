#include "qa/omission_check.h"

#include <algorithm>
#include <cstdlib>

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

// The text of `rest` up to the first `sep` (all of it when there is none); `rest` goes on after
// that separator. Splits the props' lists: "en kk", "en=0.1,0.4 kk=0.2".
std::string_view take_until(std::string_view& rest, char sep) {
  const std::size_t at = rest.find(sep);
  const std::string_view head = rest.substr(0, at);
  rest = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
  return head;
}

// The chances of standing alone that `u`'s kAloneBeadProp gives the sentences of language
// `primary`, in order; empty when it gives none (or the value is malformed: such a prop is
// advice, so a bad one is ignored rather than reported).
std::vector<double> alone_chances(const core::TranslationUnit& u, std::string_view primary) {
  for (const core::Prop& p : u.props) {
    if (p.type != core::kAloneBeadProp) continue;
    for (std::string_view rest = p.value; !rest.empty();) {
      const std::string_view item = take_until(rest, ' ');
      const std::size_t eq = item.find('=');
      if (eq == std::string_view::npos || primary_lang(item.substr(0, eq)) != primary) continue;
      std::vector<double> out;
      for (std::string_view values = item.substr(eq + 1); !values.empty();) {
        const std::string number(take_until(values, ','));
        char* end = nullptr;
        const double v = std::strtod(number.c_str(), &end);
        if (number.empty() || end != number.c_str() + number.size() || !(v >= 0 && v <= 1))
          return {};
        out.push_back(v);
      }
      return out;
    }
  }
  return {};
}

// "1st", "2nd", "3rd", "4th" … for a sentence's place in its bead.
std::string ordinal(std::size_t n) {
  const std::size_t last = n % 10, tens = n % 100;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : last == 1              ? "st"
                       : last == 2              ? "nd"
                       : last == 3              ? "rd"
                                                : "th";
  return std::to_string(n) + suffix;
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
    for (std::string_view rest = p.value; !rest.empty();) {
      if (primary_lang(take_until(rest, ' ')) == primary) return true;
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

// The possibly-omitted / possibly-added findings of merged bead `units[i]`: each sentence of a
// side with two or more whose chance of standing alone (kAloneBeadProp) is at least
// kPossiblyAlone (the likeliest one per side), in a pair whose other side has text.
void possibly_alone(std::span<const core::TranslationUnit> units, std::size_t i,
                    const std::string& source, const std::vector<std::string>& targets,
                    std::vector<OneSided>& out) {
  const core::TranslationUnit& u = units[i];
  const core::Variant* src = variant_of(u, source);
  if (src == nullptr) return;
  const std::vector<double> src_alone = alone_chances(u, source);
  for (const std::string& t : targets) {
    const core::Variant* tgt = variant_of(u, t);
    if (tgt == nullptr) continue;
    const std::vector<double> tgt_alone = alone_chances(u, t);
    for (const bool from_source : {true, false}) {
      const std::vector<double>& chances = from_source ? src_alone : tgt_alone;
      if (chances.size() < 2) continue;
      // The likeliest one only: a bead all of whose sentences on a side could stand alone says
      // that the side is loosely rendered, not that each sentence is missing.
      const auto n = static_cast<std::size_t>(std::max_element(chances.begin(), chances.end()) -
                                              chances.begin());
      if (chances[n] < kPossiblyAlone) continue;
      const std::string& lang = from_source ? source : t;
      const std::string& other = from_source ? t : source;
      const std::string& side_text = from_source ? src->text : tgt->text;
      OneSided one;
      Finding& f = one.finding;
      f.unit = u.id;
      f.lang = t;
      f.severity = Severity::kWarning;
      f.kind = from_source ? FindingKind::kPossiblyOmitted : FindingKind::kPossiblyAdded;
      f.term = side_text;
      f.message = "the " + lang + " side's " + ordinal(n + 1) + " of its " +
                  std::to_string(chances.size()) + " sentences may have no " + other +
                  (from_source ? " rendering" : " source") + " (a " +
                  std::to_string(static_cast<int>(chances[n] * 100 + 0.5)) +
                  " % chance that it stands alone): \"" + shortened(side_text, 160) + "\"";
      one.previous = neighbour(units, i, -1, source, t);
      one.next = neighbour(units, i, +1, source, t);
      out.push_back(std::move(one));
    }
  }
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
    possibly_alone(units, i, source, targets, out[i]);
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
