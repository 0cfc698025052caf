#include "io/document.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/text.h"
#include "io/errors.h"
#include "io/html.h"
#include "io/location.h"

namespace tilmash::io {
namespace {

bool has_html_extension(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "html" || ext == "htm" || ext == "xhtml";
}

// The name messages use for `path`: "-" reads standard input.
std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

core::CleanText clean_or_throw(std::string_view bytes, const std::string& path) {
  auto clean = core::clean_text(bytes);
  if (!clean) throw input_error(display_name(path), bytes, clean.error());
  return std::move(clean).value();
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    if (std::cin.bad()) throw IoError("<stdin>", "read failed");
    return ss.str();
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw IoError(path, errno == ENOENT ? "no such file" : std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) throw IoError(path, "is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
  // Bulk reads (not an istreambuf_iterator, which costs ~10 ms per MB); pipes and special
  // files report no size, so read in chunks until the end either way.
  std::string data;
  std::size_t used = 0;
  std::size_t chunk = S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16;
  while (true) {
    data.resize(used + chunk);
    in.read(data.data() + used, static_cast<std::streamsize>(chunk));
    used += static_cast<std::size_t>(in.gcount());
    if (!in) break;
    chunk = std::max<std::size_t>(chunk, 1 << 16);
  }
  if (in.bad()) throw IoError(path, std::string("read failed: ") + std::strerror(errno));
  data.resize(used);
  return data;
}

core::Document parse_document(std::string_view bytes, const std::string& path, DocFormat format) {
  if (format == DocFormat::kAuto) {
    format = has_html_extension(path) ? DocFormat::kHtml : DocFormat::kText;
  }
  core::CleanText clean = clean_or_throw(bytes, path);
  core::Document doc;
  if (format == DocFormat::kHtml) {
    if (const auto deep = html_nesting_problem(clean.text)) {
      const LineCol lc = line_col(clean.text, *deep);
      throw InputError(path, lc.line, lc.column,
                       "HTML elements nested deeper than " + std::to_string(kMaxHtmlDepth)
                           + " levels (a damaged or hostile page?)");
    }
    doc.paragraphs = html_paragraphs(clean.text);
  } else {
    doc.paragraphs = core::split_paragraphs(clean.text);
  }
  return doc;
}

core::Document read_document(const std::string& path, DocFormat format) {
  return parse_document(read_file(path), path, format);
}

std::vector<std::string> read_lines(const std::string& path, bool keep_blank) {
  const std::string bytes = read_file(path);
  core::CleanText clean = clean_or_throw(bytes, path);
  std::vector<std::string> lines;
  std::string_view text = clean.text;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = core::collapse_space(text.substr(start, nl - start));
    if (!line.empty() || keep_blank) lines.push_back(std::move(line));
    start = nl + 1;
  }
  return lines;
}

}  // namespace tilmash::io
