#include "io/alignment_reader.h"

#include "core/bead_unit.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <utility>
#include <string_view>

#include "core/lang.h"
#include "core/utf8.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/location.h"

namespace tilmash::io {
namespace {

[[noreturn]] void fail_at(const std::string& path, std::string_view text, std::size_t at,
                          const std::string& message) {
  const LineCol lc = line_col(text, at);
  throw InputError(path, lc.line, lc.column, message);
}

std::string checked(std::string text, const std::string& path) {
  if (const auto bad = core::find_invalid_utf8(text)) {
    fail_at(path, text, *bad, "invalid UTF-8");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return text;
}

// A recursive-descent reader for the JSON (RFC 8259) that alignment_writer produces, strict
// about syntax so a damaged file is reported where it breaks.
class Json {
 public:
  Json(const std::string& path, std::string_view s) : path_(path), s_(s) {}

  [[noreturn]] void fail(const std::string& message) const { fail_at(path_, s_, pos_, message); }
  std::size_t pos() const { return pos_; }
  void ws() {
    while (pos_ < s_.size()
           && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool peek(char c) {
    ws();
    return pos_ < s_.size() && s_[pos_] == c;
  }
  void expect(char c, const char* what = nullptr) {
    if (!peek(c)) {
      const std::string want = what != nullptr ? what : std::string("'") + c + "'";
      fail(pos_ < s_.size() ? "expected " + want : "unexpected end of file, expected " + want);
    }
    ++pos_;
  }
  // Calls item() for each element of an array (after its '[' and between commas).
  template <typename F>
  void array(F&& item) {
    expect('[');
    if (peek(']')) {
      ++pos_;
      return;
    }
    for (;;) {
      item();
      if (peek(',')) {
        ++pos_;
        continue;
      }
      expect(']', "',' or ']'");
      return;
    }
  }
  // Calls member(key) for each member of an object, positioned at its value.
  template <typename F>
  void object(F&& member) {
    expect('{');
    if (peek('}')) {
      ++pos_;
      return;
    }
    for (;;) {
      ws();
      const std::string key = string();
      expect(':');
      ws();
      member(key);
      if (peek(',')) {
        ++pos_;
        continue;
      }
      expect('}', "',' or '}'");
      return;
    }
  }
  std::string string() {
    ws();
    if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string");
    ++pos_;
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= s_.size()) fail("unterminated string");
      const char e = s_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          char32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
            if (s_.substr(pos_, 2) != "\\u") fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            const char32_t lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("unpaired surrogate in \\u escape");
          }
          core::append_utf8(out, cp);
          break;
        }
        default:
          pos_ -= 1;
          fail(std::string("bad escape '\\") + e + "'");
      }
    }
  }
  double number() {
    ws();
    const std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    while (pos_ < s_.size()
           && (std::isdigit(static_cast<unsigned char>(s_[pos_])) != 0 || s_[pos_] == '.'
               || s_[pos_] == 'e' || s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-')) {
      ++pos_;
    }
    const std::string text(s_.substr(start, pos_ - start));
    char* end = nullptr;
    const double v = text.empty() ? 0 : std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) {
      pos_ = start;
      fail("expected a number");
    }
    return v;
  }
  void skip_value() {
    ws();
    if (pos_ >= s_.size()) fail("unexpected end of file, expected a value");
    const char c = s_[pos_];
    if (c == '{' || c == '[') {
      // Unknown members are skipped recursively: bound the nesting so hostile input cannot
      // exhaust the stack (align never writes more than three levels).
      if (++depth_ > kMaxDepth) fail("JSON nested more than 64 levels deep");
      if (c == '{') {
        object([&](const std::string&) { skip_value(); });
      } else {
        array([&] { skip_value(); });
      }
      --depth_;
    } else if (c == '"') {
      string();
    } else if (c == 't' || c == 'f' || c == 'n') {
      for (std::string_view word : {"true", "false", "null"}) {
        if (s_.substr(pos_, word.size()) == word) {
          pos_ += word.size();
          return;
        }
      }
      fail("expected a value");
    } else {
      number();
    }
  }
  bool boolean() {
    ws();
    for (std::string_view word : {"true", "false"}) {
      if (s_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return word == "true";
      }
    }
    fail("expected true or false");
  }
  // A sentence number: a JSON integer in 0 … 2^31 - 1.
  int index() {
    ws();
    const std::size_t start = pos_;
    const double v = number();
    if (!(v >= 0 && v <= 2147483647.0) || v != static_cast<double>(static_cast<int>(v))) {
      pos_ = start;
      fail("a sentence number must be an integer ≥ 0");
    }
    return static_cast<int>(v);
  }
  void end() {
    ws();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
  }

 private:
  char32_t hex4() {
    if (pos_ + 4 > s_.size()) fail("bad \\u escape");
    std::uint32_t v = 0;
    const auto r = std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, v, 16);
    if (r.ec != std::errc() || r.ptr != s_.data() + pos_ + 4) fail("bad \\u escape");
    pos_ += 4;
    return static_cast<char32_t>(v);
  }
  const std::string& path_;
  std::string_view s_;
  std::size_t pos_ = 0;
  static constexpr int kMaxDepth = 64;
  int depth_ = 0;
};

std::string lang_tag(std::string_view tag, const std::string& path, std::string_view text,
                     std::size_t at) {
  auto norm = core::normalize_lang_tag(tag);
  if (!norm) fail_at(path, text, at, "bad language tag '" + std::string(tag) + "'");
  return *norm;
}

}  // namespace

AlignmentFile read_alignment_json(const std::string& path) {
  return parse_alignment_json(read_file(path), path);
}

AlignmentFile parse_alignment_json(std::string_view bytes, const std::string& path) {
  const std::string text = checked(std::string(bytes), path);
  Json j(path, text);
  AlignmentFile out;
  std::vector<std::optional<std::vector<std::pair<std::string, std::vector<int>>>>> pending;
  std::vector<std::vector<std::pair<std::string, std::vector<double>>>> pending_alone;
  std::vector<std::size_t> bead_starts;
  std::size_t line_pos = 0, line_no = 1;
  j.array([&] {
    j.ws();
    const std::size_t bead_at = j.pos();
    core::AlignedUnit unit;
    bool has_text = false;
    bool has_indices = false;
    std::vector<std::pair<std::string, std::vector<int>>> indices;
    std::vector<std::pair<std::string, std::vector<double>>> alone;
    BeadMark mark;
    j.object([&](const std::string& key) {
      if (key == "indices") {
        has_indices = true;
        j.object([&](const std::string& lang) {
          const std::string tag = lang_tag(lang, path, text, j.pos());
          auto& side = indices.emplace_back(tag, std::vector<int>{}).second;
          j.array([&] { side.push_back(j.index()); });
        });
      } else if (key == "alone") {
        j.object([&](const std::string& lang) {
          const std::string tag = lang_tag(lang, path, text, j.pos());
          auto& side = alone.emplace_back(tag, std::vector<double>{}).second;
          j.array([&] {
            const std::size_t at = j.pos();
            const double p = j.number();
            if (!(p >= 0 && p <= 1)) fail_at(path, text, at, "\"alone\" must hold numbers in 0–1");
            side.push_back(p);
          });
        });
      } else if (key == "grouped") {
        j.array([&] {
          const std::size_t at = j.pos();
          unit.grouped.push_back(lang_tag(j.string(), path, text, at));
        });
      } else if (key == "edited") {
        mark.edited = j.boolean();
      } else if (key == "checked") {
        mark.checked = j.boolean();
      } else if (key == "confidence") {
        const std::size_t at = j.pos();
        unit.confidence = j.number();
        if (!(unit.confidence >= 0 && unit.confidence <= 1)) {
          fail_at(path, text, at, "confidence must be a number in 0–1");
        }
      } else if (key == "text") {
        has_text = true;
        j.object([&](const std::string& lang) {
          const std::string tag = lang_tag(lang, path, text, j.pos());
          if (std::find(out.langs.begin(), out.langs.end(), tag) == out.langs.end()) {
            out.langs.push_back(tag);
          }
          unit.text[tag] = j.string();
        });
      } else {
        j.skip_value();
      }
    });
    if (!has_text) fail_at(path, text, bead_at, "a bead without \"text\"");
    core::Bead bead;
    bead.confidence = unit.confidence;
    if (has_indices) {
      for (const auto& [tag, side] : indices) {
        if (std::find(out.langs.begin(), out.langs.end(), tag) == out.langs.end()) {
          fail_at(path, text, bead_at, "\"indices\" name " + tag + ", which has no \"text\"");
        }
      }
    }
    // Lines counted on from the previous bead: line_col from the start each time made a
    // 10,000-bead file take seconds (quadratic).
    line_no += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(line_pos),
                                                   text.begin() + static_cast<std::ptrdiff_t>(bead_at), '\n'));
    line_pos = bead_at;
    out.lines.push_back(line_no);
    out.units.push_back(std::move(unit));
    out.marks.push_back(mark);
    out.beads.push_back(std::move(bead));
    pending.push_back(has_indices ? std::optional(std::move(indices)) : std::nullopt);
    pending_alone.push_back(std::move(alone));
    bead_starts.push_back(bead_at);
  });
  j.end();
  // Sides in the order of out.langs, known only now (a later bead may add a language).
  for (std::size_t n = 0; n < out.beads.size(); ++n) {
    if (!pending[n]) continue;
    out.beads[n].sides.resize(out.langs.size());
    for (auto& [tag, side] : *pending[n]) {
      const auto k = std::find(out.langs.begin(), out.langs.end(), tag) - out.langs.begin();
      out.beads[n].sides[static_cast<std::size_t>(k)] = std::move(side);
    }
    if (pending_alone[n].empty()) continue;
    // One chance per sentence of the side, in every language of the file, or none.
    out.beads[n].alone.resize(out.langs.size());
    for (auto& [tag, values] : pending_alone[n]) {
      const auto k = static_cast<std::size_t>(
          std::find(out.langs.begin(), out.langs.end(), tag) - out.langs.begin());
      if (k == out.langs.size()) {
        fail_at(path, text, bead_starts[n],
                "\"alone\" must give one number per sentence of \"indices\" (" + tag + ")");
      }
      out.beads[n].alone[k] = std::move(values);
    }
    for (std::size_t k = 0; k < out.langs.size(); ++k) {
      if (out.beads[n].alone[k].size() != out.beads[n].sides[k].size()) {
        fail_at(path, text, bead_starts[n],
                "\"alone\" must give one number per sentence of \"indices\" (" + out.langs[k] + ")");
      }
    }
  }
  return out;
}

core::TranslationUnit alignment_unit(const AlignmentFile& file, std::size_t i, std::string tuid) {
  // The one conversion of a bead (core::bead_unit). In a TM the provenance travels beside the
  // unit (document, origin, confidence), so the props it makes for TMX are not kept; the
  // editor's marks are.
  core::TranslationUnit tu = core::bead_unit(file.units[i], i, file.langs);
  tu.id = std::move(tuid);
  tu.props.clear();
  if (i < file.marks.size()) {
    if (file.marks[i].edited) tu.props.push_back({std::string(kEditedBeadProp), "true"});
    if (file.marks[i].checked) tu.props.push_back({std::string(kCheckedBeadProp), "true"});
  }
  return tu;
}

std::vector<core::Bead> alignment_beads(const AlignmentFile& file, const std::string& path,
                                        const std::vector<std::vector<std::string>>& sentences) {
  const std::size_t n_langs = file.langs.size();
  std::vector<std::size_t> next(n_langs, 0);  // the next sentence each language must continue with
  std::vector<core::Bead> out;
  out.reserve(file.beads.size());
  for (std::size_t n = 0; n < file.beads.size(); ++n) {
    const std::size_t line = file.lines[n];
    const auto fail = [&](const std::string& message) {
      throw InputError(path, line, 0, "bead " + std::to_string(n) + ": " + message);
    };
    const core::Bead& b = file.beads[n];
    if (b.sides.size() != n_langs) fail("no \"indices\" (the editor needs the sentence numbers)");
    bool any = false;
    for (std::size_t k = 0; k < n_langs; ++k) {
      const std::vector<int>& side = b.sides[k];
      any = any || !side.empty();
      for (int s : side) {
        if (static_cast<std::size_t>(s) != next[k]) {
          fail(file.langs[k] + " sentence " + std::to_string(s) + " where " +
               std::to_string(next[k]) +
               " must come: every sentence in exactly one bead, in document order");
        }
        ++next[k];
      }
      if (k < sentences.size()) {
        if (next[k] > sentences[k].size()) {
          fail(file.langs[k] + " sentence " + std::to_string(next[k] - 1) + " is past the " +
               std::to_string(sentences[k].size()) + " sentences of the document");
        }
        std::string joined;
        for (int s : side) {
          if (!joined.empty()) joined += ' ';
          joined += sentences[k][static_cast<std::size_t>(s)];
        }
        const auto it = file.units[n].text.find(file.langs[k]);
        if (it == file.units[n].text.end() || it->second != joined) {
          fail("its " + file.langs[k] +
               " text differs from those sentences of the document: is this the alignment of "
               "these files?");
        }
      }
    }
    if (!any) fail("no sentence in any language");
    out.push_back(b);
  }
  for (std::size_t k = 0; k < n_langs && k < sentences.size(); ++k) {
    if (next[k] != sentences[k].size()) {
      throw InputError(path, file.lines.empty() ? 1 : file.lines.back(), 0,
                       "the beads end at " + file.langs[k] + " sentence " +
                           std::to_string(next[k]) + " of " + std::to_string(sentences[k].size()) +
                           ": every sentence must be in a bead");
    }
  }
  return out;
}

AlignmentFile read_alignment_tsv(const std::string& path, const std::vector<std::string>& langs) {
  const std::string text = checked(read_file(path), path);
  AlignmentFile out;
  out.langs = langs;
  std::size_t line_no = 0;
  for (std::size_t p = 0; p < text.size();) {
    const std::size_t nl = std::min(text.find('\n', p), text.size());
    std::string_view line(text.data() + p, nl - p);
    ++line_no;
    const std::size_t line_at = p;
    p = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> cols;
    for (std::size_t c = 0; c <= line.size();) {
      const std::size_t tab = std::min(line.find('\t', c), line.size());
      cols.push_back(line.substr(c, tab - c));
      c = tab + 1;
    }
    if (cols.size() != langs.size() + 1) {
      throw InputError(path, line_no, 0,
                       "expected " + std::to_string(langs.size() + 1)
                           + " tab-separated columns (confidence, then one per --langs), found "
                           + std::to_string(cols.size()));
    }
    core::AlignedUnit unit;
    const std::string conf(cols[0]);
    char* end = nullptr;
    unit.confidence = std::strtod(conf.c_str(), &end);
    if (conf.empty() || end != conf.c_str() + conf.size()
        || !(unit.confidence >= 0 && unit.confidence <= 1)) {
      fail_at(path, text, line_at, "the first column must be a confidence in 0–1");
    }
    for (std::size_t k = 0; k < langs.size(); ++k) unit.text[langs[k]] = std::string(cols[k + 1]);
    out.lines.push_back(line_no);
    out.units.push_back(std::move(unit));
  }
  return out;
}

}  // namespace tilmash::io
