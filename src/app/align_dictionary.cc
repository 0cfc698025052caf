#include "app/align_dictionary.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "core/lang.h"
#include "core/utf8.h"
#include "io/dictd.h"
#include "io/document.h"
#include "io/errors.h"
#include "io/location.h"

namespace tilmash::app {

namespace {

// A TSV dictionary: one pair per line, source TAB target; lines without a tab are skipped.
// InputError on invalid UTF-8. Read raw: read_lines would turn the tab into a space.
WordPairs read_tsv_dictionary(const std::string& path) {
  const std::string bytes = io::read_file(path);
  if (auto bad = core::find_invalid_utf8(bytes)) {
    io::LineCol at = io::line_col(bytes, *bad);
    throw io::InputError(path, at.line, at.column, "invalid UTF-8 byte sequence");
  }
  WordPairs out;
  std::istringstream in(bytes);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto tab = line.find('\t');
    if (tab != std::string::npos) out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

}  // namespace

std::vector<std::string> freedict_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("TILMASH_DICTD_DIR"); env != nullptr && *env != '\0') {
    std::string_view rest = env;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (std::string_view dir = rest.substr(0, colon); !dir.empty())
        dirs.emplace_back(dir);
      if (colon == std::string_view::npos)
        break;
      rest.remove_prefix(colon + 1);
    }
    return dirs;
  }
  return {"/usr/share/dictd"};
}

std::string freedict_code(std::string_view lang) {
  const std::string_view primary = core::primary_language(lang);
  if (primary.size() == 3)
    return std::string(primary);
  // ISO 639-1 -> the ISO 639-3 codes FreeDict names its dictionaries with.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kCodes{{
      {"ar", "ara"}, {"cs", "ces"}, {"cy", "cym"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"},
      {"en", "eng"}, {"es", "spa"}, {"fi", "fin"}, {"fr", "fra"}, {"ga", "gle"}, {"hi", "hin"},
      {"hr", "hrv"}, {"hu", "hun"}, {"it", "ita"}, {"ja", "jpn"}, {"kk", "kaz"}, {"ky", "kir"},
      {"la", "lat"}, {"lt", "lit"}, {"nl", "nld"}, {"pl", "pol"}, {"pt", "por"}, {"ro", "ron"},
      {"ru", "rus"}, {"sv", "swe"}, {"tr", "tur"}, {"ug", "uig"}, {"uk", "ukr"}, {"zh", "zho"},
  }};
  for (const auto& [two, three] : kCodes) {
    if (two == primary)
      return std::string(three);
  }
  return {};
}

std::vector<DictionaryFile> find_freedict(std::string_view src, std::string_view tgt,
                                          std::span<const std::string> dirs) {
  const std::string s = freedict_code(src), t = freedict_code(tgt);
  std::vector<DictionaryFile> out;
  if (s.empty() || t.empty() || s == t)
    return out;
  for (const auto& [name, reversed] :
       {std::pair{s + "-" + t, false}, std::pair{t + "-" + s, true}}) {
    for (const std::string& dir : dirs) {
      const std::filesystem::path index =
          std::filesystem::path(dir) / ("freedict-" + name + ".index");
      std::error_code ec;
      if (std::filesystem::is_regular_file(index, ec)) {
        out.push_back({index.string(), reversed});
        break;
      }
    }
  }
  return out;
}

WordPairs read_dictionary_pairs(const DictionaryFile& file) {
  if (!io::is_dictd_path(file.path)) {
    WordPairs pairs = read_tsv_dictionary(file.path);
    if (file.reversed) {
      for (auto& [a, b] : pairs)
        a.swap(b);
    }
    return pairs;
  }
  WordPairs out;
  for (io::DictdEntry& e : io::read_dictd(file.path)) {
    for (std::string& t : e.translations) {
      if (file.reversed) {
        out.emplace_back(std::move(t), e.headword);
      } else {
        out.emplace_back(e.headword, std::move(t));
      }
    }
  }
  return out;
}

}  // namespace tilmash::app
