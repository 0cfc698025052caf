#include "core/bead_unit.h"

#include <algorithm>
#include <cstdio>

#include "core/bead.h"

namespace tilmash::core {

TranslationUnit bead_unit(const AlignedUnit& unit, std::size_t bead,
                          std::span<const std::string> langs, std::string_view document,
                          const Bead* shape) {
  TranslationUnit tu;
  tu.id = std::to_string(bead + 1);
  Bead from_text;  // one sentence per side with text
  for (const std::string& lang : langs) {
    const auto it = unit.text.find(lang);
    const bool has_text = it != unit.text.end() && !it->second.empty();
    from_text.sides.push_back(has_text ? std::vector<int>{0} : std::vector<int>{});
    if (!has_text) continue;
    Variant& v = tu.variants.emplace_back();
    v.lang = lang;
    v.text = it->second;
  }
  tu.confidence = unit.confidence;
  if (!document.empty()) tu.props.push_back({"x-document", std::string(document)});
  tu.props.push_back({"x-origin", unit.provenance.empty() ? "tilmash align" : unit.provenance});
  const Bead& s = shape != nullptr ? *shape : from_text;
  if (one_sided(s)) tu.props.push_back({std::string(kOneSidedBeadProp), bead_shape(s)});
  if (std::string alone = alone_value(s, langs); !alone.empty()) {
    tu.props.push_back({std::string(kAloneBeadProp), std::move(alone)});
  }
  if (std::string grouped = grouped_value(unit, langs); !grouped.empty()) {
    tu.props.push_back({std::string(kGroupedBeadProp), std::move(grouped)});
  }
  return tu;
}

std::string alone_value(const Bead& bead, std::span<const std::string> langs) {
  if (!merged(bead) || bead.alone.size() != bead.sides.size() || langs.size() != bead.sides.size())
    return {};
  std::string out;
  for (std::size_t k = 0; k < langs.size(); ++k) {
    if (bead.alone[k].empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(langs[k]).push_back('=');
    for (std::size_t n = 0; n < bead.alone[k].size(); ++n) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.3f", std::clamp(bead.alone[k][n], 0.0, 1.0));
      if (n > 0) out.push_back(',');
      out.append(buf);
    }
  }
  return out;
}

std::string grouped_value(const AlignedUnit& unit, std::span<const std::string> langs) {
  std::string out;
  for (const std::string& lang : unit.grouped) {
    if (!langs.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end()) continue;
    out += (out.empty() ? "" : " ") + lang;
  }
  return out;
}

std::string bead_tuid(std::size_t bead) { return "tu" + std::to_string(bead + 1); }

}  // namespace tilmash::core
