#include <algorithm>
#include <cstdio>

#include "app/check.h"
#include "app/review.h"
#include "io/json.h"

namespace tilmash::app {
namespace {

// A neighbour of a one-sided finding: {"tuid": …, "text": {lang: text …}}, or null at an edge.
std::string neighbour_json(const core::TranslationUnit& u) {
  if (u.id.empty() && u.variants.empty()) return "null";
  std::string out = "{\"tuid\": " + io::json_string(u.id) + ", \"text\": {";
  for (std::size_t k = 0; k < u.variants.size(); ++k) {
    out.append(k == 0 ? "" : ", ").append(io::json_string(u.variants[k].lang)).append(": ");
    out.append(io::json_string(u.variants[k].text));
  }
  return out + "}}";
}

// A spelling finding's extras: the word's byte offset in the target text and the suggestions
// (`expected` holds them joined by ", "; a dictionary word holds no comma).
std::string spelling_json(const qa::Finding& f) {
  if (f.kind != qa::FindingKind::kSpelling) return {};
  std::string out = ", \"offset\": " + std::to_string(f.span.begin) + ", \"suggestions\": [";
  for (std::string_view rest = f.expected; !rest.empty();) {
    const std::size_t cut = std::min(rest.find(", "), rest.size());
    out.append(out.back() == '[' ? "" : ", ").append(io::json_string(rest.substr(0, cut)));
    rest.remove_prefix(std::min(cut + 2, rest.size()));
  }
  return out + "]";
}

std::string finding_json(const qa::Finding& f, const qa::OneSided* one) {
  const std::string context =
      one == nullptr ? std::string()
                     : ", \"previous\": " + neighbour_json(one->previous) +
                           ", \"next\": " + neighbour_json(one->next);
  return "{\"tuid\": " + io::json_string(f.unit) + ", \"lang\": " + io::json_string(f.lang) +
         ", \"kind\": " + io::json_string(qa::kind_name(f.kind)) +
         ", \"severity\": " + io::json_string(qa::severity_name(f.severity)) +
         ", \"term\": " + io::json_string(f.term) + ", \"expected\": " +
         io::json_string(f.expected) + ", \"found\": " + io::json_string(f.found) +
         ", \"message\": " + io::json_string(f.message) + context + spelling_json(f) + "}";
}

}  // namespace

std::string findings_json(const CheckResult& result) {
  const std::vector<qa::Finding>& findings = result.findings;
  std::string out = "[";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto c = result.context.find(i);
    out.append(i == 0 ? "\n  " : ",\n  ")
        .append(finding_json(findings[i], c != result.context.end() ? &c->second : nullptr));
  }
  out.append(findings.empty() ? "]\n" : "\n]\n");
  return out;
}

std::string findings_text(const CheckResult& result, bool colour) {
  const std::vector<qa::Finding>& findings = result.findings;
  std::string out;
  auto paint = [&](const char* code, std::string_view s) {
    return colour ? "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m" : std::string(s);
  };
  // Units aligned with low confidence: a finding there may be the alignment's, not the
  // translator's (the review page marks the same units as weak links).
  std::map<std::string, double> weak;
  for (const core::TranslationUnit& u : result.units) {
    if (auto c = confidence_of(u); c && *c < 0.5) weak[u.id] = *c;
  }
  // One section per severity, errors first; inside it, findings by unit in file order.
  bool first_section = true;
  for (qa::Severity sev : {qa::Severity::kError, qa::Severity::kWarning, qa::Severity::kNotice}) {
    const std::size_t n = result.count(sev);
    if (n == 0) continue;
    const char* hue = sev == qa::Severity::kError ? "31" : sev == qa::Severity::kWarning ? "33" : "36";
    out.append(first_section ? "" : "\n")
        .append(paint(hue, std::string(qa::severity_name(sev)) + "s: " + std::to_string(n)))
        .append("\n");
    first_section = false;
    std::string last_unit;
    for (const qa::Finding& f : findings) {
      if (f.severity != sev) continue;
      if (f.unit != last_unit) {
        std::string head = "unit " + f.unit;
        if (auto w = weak.find(f.unit); w != weak.end()) {
          char conf[16];
          std::snprintf(conf, sizeof conf, "%.2f", w->second);
          head.append(" (weak link, confidence ").append(conf).append(": check the alignment first)");
        }
        out.append("  ").append(paint("1", head)).append("\n");
        last_unit = f.unit;
      }
      out.append("    ").append(f.lang).append("  ").append(paint(hue, qa::kind_name(f.kind)))
          .append(": ").append(f.message).append("\n");
      if (auto c = result.context.find(static_cast<std::size_t>(&f - findings.data()));
          c != result.context.end()) {
        const qa::OneSided& one = c->second;
        for (const core::TranslationUnit* nb : {&one.previous, &one.next}) {
          if (nb->id.empty() && nb->variants.empty()) continue;
          out.append("        ").append(nb == &one.previous ? "before" : "after").append(" (unit ")
              .append(nb->id).append("):");
          for (const core::Variant& v : nb->variants) {
            out.append(&v == nb->variants.data() ? " " : " | ").append(v.lang).append(": ").append(v.text);
          }
          out.append("\n");
        }
      }
    }
  }
  return out;
}

std::string check_summary(const CheckResult& result) {
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return plural(result.count(qa::Severity::kError), "error") + ", " +
         plural(result.count(qa::Severity::kWarning), "warning") + ", " +
         plural(result.count(qa::Severity::kNotice), "notice") + " in " +
         plural(result.units.size(), "unit") + result.date_note;
}

}  // namespace tilmash::app
