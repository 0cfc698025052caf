#include "app/review.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "qa/omission_check.h"
#include "spell/spelling.h"
#include "term/matcher.h"

namespace tilmash::app {

std::optional<double> confidence_of(const core::TranslationUnit& u) {
  if (u.confidence) return u.confidence;  // a bead's (core::bead_unit)
  for (const core::Prop& p : u.props) {
    if (p.type == "x-tilmash-confidence") {
      try {
        return std::stod(p.value);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

std::string file_names(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) {
    out.append(out.empty() ? "" : ", ").append(std::filesystem::path(p).filename().string());
  }
  return out;
}

io::ReviewPage review_page(const std::vector<core::TranslationUnit>& units,
                           std::vector<std::string> langs, const term::Matcher& matcher,
                           const qa::CheckOptions& options, std::vector<qa::Finding>& findings,
                           spell::SpellChecker* spelling) {
  io::ReviewPage page;
  std::map<std::string, std::size_t> column;
  if (langs.empty()) {
    for (const core::TranslationUnit& u : units) {
      for (const core::Variant& v : u.variants) {
        if (column.emplace(v.lang, 0).second) langs.push_back(v.lang);
      }
    }
    std::stable_partition(langs.begin(), langs.end(), [&](const std::string& l) {
      return qa::primary_lang(l) == options.source_lang;
    });
  }
  page.langs = std::move(langs);
  column.clear();
  for (std::size_t k = 0; k < page.langs.size(); ++k) column.emplace(page.langs[k], k);
  qa::Checker checker(matcher, options);
  std::vector<std::vector<qa::OneSided>> one_sided = qa::find_one_sided(units, options.source_lang);
  for (std::size_t n = 0; n < units.size(); ++n) {
    const core::TranslationUnit& u = units[n];
    io::ReviewRow row;
    row.id = u.id;
    row.confidence = confidence_of(u);
    row.texts.resize(page.langs.size());
    row.marks.resize(page.langs.size());
    for (const core::Variant& v : u.variants) {
      if (auto c = column.find(v.lang); c != column.end()) row.texts[c->second] = v.text;
    }
    for (qa::TermMark& m : checker.marks(u)) {
      if (auto c = column.find(m.lang); c != column.end()) {
        row.marks[c->second].push_back({m.span, false, std::move(m.title)});
      }
    }
    std::vector<qa::Finding> unit_findings = checker.check(u);
    if (spelling != nullptr && qa::Severity::kWarning <= options.min_severity) {
      for (qa::Finding& f : spelling->check(u, options.source_lang)) unit_findings.push_back(std::move(f));
    }
    for (qa::Finding& f : unit_findings) {
      row.findings.push_back({f.lang, std::string(qa::kind_name(f.kind)), f.message,
                              std::string(qa::severity_name(f.severity))});
      for (const core::Variant& v : u.variants) {
        auto c = column.find(v.lang);
        if (c != column.end() && qa::primary_lang(v.lang) == f.lang && f.span.size() != 0) {
          // Problem marks go first so that they win over the term mark of the same words.
          auto& marks = row.marks[c->second];
          marks.insert(marks.begin(), {f.span, true, f.message});
          break;
        }
      }
      findings.push_back(std::move(f));
    }
    for (qa::OneSided& one : one_sided[n]) {
      if (one.finding.severity > options.min_severity) continue;
      row.findings.push_back({one.finding.lang, std::string(qa::kind_name(one.finding.kind)),
                              one.finding.message,
                              std::string(qa::severity_name(one.finding.severity))});
      findings.push_back(std::move(one.finding));
    }
    page.rows.push_back(std::move(row));
  }
  return page;
}

}  // namespace tilmash::app
