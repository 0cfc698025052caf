#include "term/glossary.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/text.h"

namespace tilmash::term {

std::string_view status_name(core::TermStatus status) {
  switch (status) {
    case core::TermStatus::kPreferred: return "preferred";
    case core::TermStatus::kAdmitted: return "admitted";
    case core::TermStatus::kDeprecated: return "deprecated";
    case core::TermStatus::kForbidden: return "forbidden";
  }
  return "preferred";
}

std::optional<core::TermStatus> parse_status(std::string_view name) {
  if (name == "preferred") return core::TermStatus::kPreferred;
  if (name == "admitted") return core::TermStatus::kAdmitted;
  if (name == "deprecated") return core::TermStatus::kDeprecated;
  if (name == "forbidden") return core::TermStatus::kForbidden;
  return std::nullopt;
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

core::Result<Glossary> Glossary::create(std::vector<core::TermEntry> entries) {
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(entries.size());
  for (const core::TermEntry& e : entries) {
    if (!is_valid_id(e.id)) {
      return core::unexpected({core::ErrorCode::kBadFormat, "invalid entry id '" + e.id + "'", 0});
    }
    if (!ids.emplace(e.id, 0).second) {
      return core::unexpected({core::ErrorCode::kBadFormat, "duplicate entry id '" + e.id + "'", 0});
    }
    bool any = false;
    for (const auto& [lang, terms] : e.terms) any = any || !terms.empty();
    if (!any) {
      return core::unexpected({core::ErrorCode::kBadFormat, "entry '" + e.id + "' has no term", 0});
    }
  }
  Glossary g;
  g.entries_ = std::move(entries);
  g.reindex();
  return g;
}

void Glossary::reindex() {
  index_.clear();
  index_.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].id, i);
}

std::optional<std::size_t> Glossary::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

bool Glossary::add(core::TermEntry entry, bool replace) {
  if (!is_valid_id(entry.id)) return false;
  if (auto i = find(entry.id)) {
    if (!replace) return false;
    entries_[*i] = std::move(entry);
    return true;
  }
  index_.emplace(entry.id, entries_.size());
  entries_.push_back(std::move(entry));
  return true;
}

bool Glossary::remove(std::string_view id) {
  auto i = find(id);
  if (!i) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(*i));
  reindex();
  return true;
}

std::size_t Glossary::merge(const Glossary& other, bool replace) {
  std::size_t n = 0;
  for (const core::TermEntry& e : other.entries_) {
    if (find(e.id) && !replace) continue;
    n += add(e, true) ? 1 : 0;
  }
  return n;
}

std::string Glossary::new_id(std::string_view text) const {
  std::string base = core::ascii_slug(text);
  if (!is_valid_id(base)) base.clear();
  if (!base.empty() && !find(base)) return base;
  for (std::size_t n = base.empty() ? entries_.size() + 1 : 2;; ++n) {
    std::string id = (base.empty() ? "c" : base + "-") + std::to_string(n);
    if (!find(id)) return id;
  }
}

std::vector<std::string> check_glossary(std::span<const core::TermEntry> entries,
                                        std::span<const std::string> langs) {
  std::vector<std::string> problems;
  std::set<std::string_view> ids;
  auto valid_date = [](const std::string& d) {
    if (d.empty()) return true;
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (d[i] < '0' || d[i] > '9') return false;
    }
    return true;
  };
  for (const core::TermEntry& e : entries) {
    if (!is_valid_id(e.id)) problems.push_back(e.id + ": invalid id");
    if (!ids.insert(e.id).second) problems.push_back(e.id + ": duplicate id");
    for (const std::string& lang : langs) {
      auto it = e.terms.find(lang);
      if (it == e.terms.end() || it->second.empty()) {
        problems.push_back(e.id + ": no " + lang + " term");
        continue;
      }
      const bool preferred = std::any_of(it->second.begin(), it->second.end(), [](const auto& t) {
        return t.status == core::TermStatus::kPreferred;
      });
      if (!preferred) problems.push_back(e.id + ": no preferred " + lang + " term");
    }
    for (const auto& [lang, terms] : e.terms) {
      for (const core::Term& t : terms) {
        if (t.text.empty()) problems.push_back(e.id + ": empty " + lang + " term");
        if (!valid_date(t.valid_from) || !valid_date(t.valid_to)) {
          problems.push_back(e.id + ": " + lang + " '" + t.text + "': date is not YYYY-MM-DD");
        }
      }
    }
  }
  return problems;
}

}  // namespace tilmash::term
