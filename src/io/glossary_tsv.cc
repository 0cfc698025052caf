#include "io/glossary_tsv.h"

#include <array>
#include <map>

#include "core/lang.h"
#include "core/text.h"
#include "core/utf8.h"
#include "io/errors.h"
#include "io/location.h"

namespace tilmash::io {
namespace {

bool usable(const core::Term& t) {
  return t.status == core::TermStatus::kPreferred || t.status == core::TermStatus::kAdmitted;
}

const std::vector<core::Term>* terms_of(const core::TermEntry& e, std::string_view lang) {
  for (const auto& [tag, terms] : e.terms) {
    if (core::primary_language(tag) == core::primary_language(lang)) return &terms;
  }
  return nullptr;
}

// TAB, CR and LF (OmegaT has no escaping) become spaces.
std::string field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return core::collapse_space(out);
}

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

void check_utf8(std::string_view text, const std::string& path) {
  if (auto bad = core::find_invalid_utf8(text)) {
    const LineCol lc = line_col(text, *bad);
    throw InputError(path, lc.line, lc.column,
                     "invalid UTF-8 (save the glossary as UTF-8, not a legacy code page)");
  }
}

core::Term make_term(std::string text, core::TermStatus status) {
  core::Term t;
  t.text = core::collapse_space(core::to_nfc(text));
  t.status = status;
  return t;
}

// Entries from (source, target, comment) rows: rows with the same source form one entry.
std::vector<core::TermEntry> entries_from_rows(
    const std::vector<std::array<std::string, 3>>& rows, std::string_view source,
    std::string_view target) {
  std::vector<core::TermEntry> out;
  std::map<std::string, std::size_t> by_source;
  std::map<std::string, int> id_uses;
  for (const auto& row : rows) {
    const std::string src = core::collapse_space(row[0]);
    if (src.empty()) continue;
    auto it = by_source.find(src);
    if (it == by_source.end()) {
      core::TermEntry e;
      std::string base = core::ascii_slug(src);
      if (base.empty() || !((base[0] >= 'a' && base[0] <= 'z'))) base = "c" + base;
      const int n = ++id_uses[base];
      e.id = n == 1 ? base : base + "-" + std::to_string(n);
      e.terms[std::string(source)].push_back(make_term(src, core::TermStatus::kPreferred));
      e.note = core::collapse_space(row[2]);
      it = by_source.emplace(src, out.size()).first;
      out.push_back(std::move(e));
    }
    core::TermEntry& e = out[it->second];
    if (!row[1].empty()) {
      auto& tgt = e.terms[std::string(target)];
      tgt.push_back(make_term(row[1], tgt.empty() ? core::TermStatus::kPreferred
                                                  : core::TermStatus::kAdmitted));
    }
  }
  return out;
}

std::string join_terms(const std::vector<core::Term>* terms, core::TermStatus status) {
  std::string out;
  if (terms == nullptr) return out;
  for (const core::Term& t : *terms) {
    if (t.status != status) continue;
    if (!out.empty()) out += "; ";
    out += t.text;
  }
  return out;
}

// Parses CSV records (RFC 4180 quoting) with `delim`; records are vectors of fields.
std::vector<std::pair<std::size_t, std::vector<std::string>>> csv_records(
    std::string_view text, char delim, const std::string& path) {
  std::vector<std::pair<std::size_t, std::vector<std::string>>> out;
  std::vector<std::string> rec;
  std::string f;
  bool quoted = false;
  bool any = false;
  std::size_t line = 1;
  std::size_t rec_line = 1;
  std::size_t quote_line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          f += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        f += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == delim) {
      rec.push_back(std::move(f));
      f.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !f.empty()) {
        rec.push_back(std::move(f));
        out.emplace_back(rec_line, std::move(rec));
      }
      rec.clear();
      f.clear();
      any = false;
      ++line;
      rec_line = line;
    } else {
      f += c;
      any = true;
    }
  }
  if (quoted) throw InputError(path, quote_line, 0, "unterminated quoted CSV field");
  if (any || !f.empty()) {
    rec.push_back(std::move(f));
    out.emplace_back(rec_line, std::move(rec));
  }
  return out;
}

std::string unguard(std::string s) {
  if (s.size() >= 2 && s[0] == '\'' &&
      (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@')) {
    s.erase(0, 1);
  }
  return s;
}

}  // namespace

std::string omegat_tsv_string(std::span<const core::TermEntry> entries, std::string_view source,
                              std::string_view target) {
  std::string out = "# OmegaT glossary " + std::string(source) + " -> " + std::string(target) +
                    " (UTF-8), written by tilmash. Columns: source<TAB>target<TAB>comment\n";
  for (const core::TermEntry& e : entries) {
    const auto* src = terms_of(e, source);
    const auto* tgt = terms_of(e, target);
    if (src == nullptr || tgt == nullptr) continue;
    std::string comment;
    auto add = [&](const std::string& label, const std::string& text) {
      if (text.empty()) return;
      if (!comment.empty()) comment += ' ';
      comment += label + text;
    };
    add("Definition: ", e.definition);
    add("Note: ", e.note);
    std::string bad;
    for (const core::Term& t : *tgt) {
      if (usable(t)) continue;
      if (!bad.empty()) bad += "; ";
      bad += t.text + (t.status == core::TermStatus::kForbidden ? " (forbidden)" : " (deprecated)");
    }
    add("Do not use: ", bad);
    for (const core::Term& s : *src) {
      if (!usable(s)) continue;
      for (const core::Term& t : *tgt) {
        if (!usable(t)) continue;
        std::string c = comment;
        if (!t.note.empty()) c = t.note + (c.empty() ? "" : " ") + c;
        if (t.unverified) c = "[unverified] " + c;
        out += field(s.text) + '\t' + field(t.text) + '\t' + field(c) + '\n';
      }
    }
  }
  return out;
}

std::vector<core::TermEntry> parse_omegat_tsv(std::string_view bytes, const std::string& path,
                                              std::string_view source, std::string_view target) {
  const std::string_view text = strip_bom(bytes);
  check_utf8(text, path);
  std::vector<std::array<std::string, 3>> rows;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::array<std::string, 3> row;
    std::size_t col = 0;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      if (col < 3) row[col] = std::string(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      ++col;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (col < 2 || core::collapse_space(row[0]).empty()) continue;
    rows.push_back(std::move(row));
  }
  return entries_from_rows(rows, source, target);
}

std::string csv_string(std::span<const core::TermEntry> entries,
                       std::span<const std::string> langs, const CsvOptions& options) {
  std::string out = options.excel ? "\xEF\xBB\xBF" : "";
  auto cell = [&](const std::string& raw, bool last) {
    std::string s = core::to_nfc(raw);
    if (options.excel && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
      s.insert(0, 1, '\'');
    }
    out += '"';
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    out += last ? "\r\n" : std::string(1, options.delimiter);
  };
  std::vector<std::string> header{"id", "subject", "definition", "note"};
  for (const std::string& l : langs) {
    for (const char* suffix : {"", "_admitted", "_deprecated", "_forbidden"}) header.push_back(l + suffix);
  }
  for (std::size_t i = 0; i < header.size(); ++i) cell(header[i], i + 1 == header.size());
  for (const core::TermEntry& e : entries) {
    std::vector<std::string> row{e.id, e.subject, e.definition, e.note};
    for (const std::string& l : langs) {
      const auto* terms = terms_of(e, l);
      for (auto s : {core::TermStatus::kPreferred, core::TermStatus::kAdmitted,
                     core::TermStatus::kDeprecated, core::TermStatus::kForbidden}) {
        row.push_back(join_terms(terms, s));
      }
    }
    for (std::size_t i = 0; i < row.size(); ++i) cell(row[i], i + 1 == row.size());
  }
  return out;
}

std::vector<core::TermEntry> parse_csv(std::string_view bytes, const std::string& path,
                                       std::string_view source, std::string_view target) {
  const std::string_view text = strip_bom(bytes);
  check_utf8(text, path);
  const std::string_view first_line = text.substr(0, text.find('\n'));
  char delim = ',';
  if (first_line.find('\t') != std::string_view::npos) delim = '\t';
  if (first_line.find(';') != std::string_view::npos &&
      first_line.find(',') == std::string_view::npos) {
    delim = ';';
  }
  auto records = csv_records(text, delim, path);
  if (records.empty()) return {};
  const std::vector<std::string>& head = records[0].second;
  const bool ours = !head.empty() && unguard(head[0]) == "id";
  if (!ours) {
    std::vector<std::array<std::string, 3>> rows;
    for (const auto& [line, rec] : records) {
      if (rec.empty() || (!rec[0].empty() && rec[0][0] == '#') || rec.size() < 2) continue;
      rows.push_back({rec[0], rec[1], rec.size() > 2 ? rec[2] : std::string()});
    }
    return entries_from_rows(rows, source, target);
  }
  std::vector<core::TermEntry> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& [line, rec] = records[r];
    core::TermEntry e;
    for (std::size_t c = 0; c < head.size() && c < rec.size(); ++c) {
      const std::string name = head[c];
      const std::string value = core::to_nfc(unguard(rec[c]));
      if (name == "id") {
        e.id = value;
      } else if (name == "subject") {
        e.subject = value;
      } else if (name == "definition") {
        e.definition = value;
      } else if (name == "note") {
        e.note = value;
      } else {
        core::TermStatus status = core::TermStatus::kPreferred;
        std::string lang = name;
        for (auto [suffix, s] : {std::pair{"_admitted", core::TermStatus::kAdmitted},
                                 std::pair{"_deprecated", core::TermStatus::kDeprecated},
                                 std::pair{"_forbidden", core::TermStatus::kForbidden}}) {
          const std::string suf = suffix;
          if (lang.size() > suf.size() && lang.compare(lang.size() - suf.size(), suf.size(), suf) == 0) {
            lang.resize(lang.size() - suf.size());
            status = s;
          }
        }
        auto tag = core::normalize_lang_tag(lang);
        if (!tag) throw InputError(path, 1, 0, "unknown CSV column '" + name + "'");
        std::size_t start = 0;
        while (start <= value.size()) {
          std::size_t semi = value.find(';', start);
          if (semi == std::string::npos) semi = value.size();
          std::string term = core::collapse_space(value.substr(start, semi - start));
          if (!term.empty()) e.terms[*tag].push_back(make_term(term, status));
          start = semi + 1;
        }
      }
    }
    if (e.terms.empty()) continue;
    if (e.id.empty()) e.id = std::string("c").append(std::to_string(r));
    (void)line;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tilmash::io
