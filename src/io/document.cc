#include "io/document.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/text.h"
#include "core/utf8.h"
#include "io/docx.h"
#include "io/errors.h"
#include "io/html.h"
#include "io/location.h"
#include "io/odt.h"
#include "io/zip_archive.h"

namespace tilmash::io {
namespace {

std::string extension(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return {};
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool has_html_extension(const std::string& path) {
  const std::string ext = extension(path);
  return ext == "html" || ext == "htm" || ext == "xhtml";
}

// The name messages use for `path`: "-" reads standard input.
std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

core::CleanText clean_or_throw(std::string_view bytes, const std::string& path) {
  auto clean = core::clean_text(bytes);
  if (!clean) throw input_error(display_name(path), bytes, clean.error());
  return std::move(clean).value();
}

// The format `bytes` have, for DocFormat::kAuto: by content, then by the name.
DocFormat sniff(std::string_view bytes, const std::string& path) {
  if (looks_like_zip(bytes)) return DocFormat::kDocx;  // which package: office_document
  const std::string ext = extension(path);
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    throw InputError(display_name(path), 0, 0,
                     "a legacy Microsoft Office file (OLE2 compound document: a Word .doc, or a"
                     " password-protected DOCX): tilmash reads DOCX and ODT; save it as DOCX or"
                     " ODT, without a password");
  }
  if (bytes.substr(0, 5) == "{\\rtf") {
    throw InputError(display_name(path), 0, 0,
                     "an RTF file: tilmash reads DOCX and ODT; save it as DOCX or ODT");
  }
  if (ext == "docx" || ext == "odt" || ext == "doc" || ext == "rtf") {
    throw InputError(display_name(path), 0, 0,
                     "named ." + ext + " but not a zip archive (a damaged or truncated file?);"
                     " tilmash reads DOCX and ODT");
  }
  return has_html_extension(path) ? DocFormat::kHtml : DocFormat::kText;
}

std::string part_label(DocPart part) {
  switch (part) {
    case DocPart::kBody: return "";
    case DocPart::kHeader: return "header";
    case DocPart::kFootnote: return "footnote";
    case DocPart::kEndnote: return "endnote";
    case DocPart::kFooter: return "footer";
  }
  return "";
}

// Raw DOCX/ODT paragraphs as .txt lines are: control characters handled, NFC, white space
// collapsed (a line or page break inside a paragraph is a space), empty ones dropped. Each
// paragraph's part goes with it (core::Document::parts).
core::Document clean_paragraphs(std::vector<PartParagraph> raw, const std::string& path) {
  core::Document out;
  out.paragraphs.reserve(raw.size());
  out.parts.reserve(raw.size());
  for (PartParagraph& p : raw) {
    auto clean = core::clean_text(p.text);
    if (!clean) throw input_error(display_name(path), p.text, clean.error());
    std::string& text = clean.value().text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::string collapsed = core::collapse_space(text);
    if (collapsed.empty()) continue;
    out.paragraphs.push_back(std::move(collapsed));
    out.parts.push_back(part_label(p.part));
  }
  return out;
}

// A DOCX or ODT document, told apart by content (the format asked for only names the
// expectation in messages).
core::Document office_document(std::string_view bytes, const std::string& path,
                               const ReadOptions& options) {
  ZipArchive zip(display_name(path), bytes);
  if (zip.contains(kDocxMainPart)) {
    return clean_paragraphs(docx_paragraphs(zip, options.headers), path);
  }
  if (zip.contains("mimetype")) {
    std::string mimetype = zip.read("mimetype").value_or("");
    while (!mimetype.empty() && std::isspace(static_cast<unsigned char>(mimetype.back()))) {
      mimetype.pop_back();
    }
    if (mimetype == kOdtMimetype) {
      return clean_paragraphs(odt_paragraphs(zip, options.headers), path);
    }
    if (mimetype.size() > 80 || core::find_invalid_utf8(mimetype)) mimetype = "(unreadable)";
    throw InputError(zip.path(), 0, 0,
                     "an OpenDocument file of type '" + mimetype + "', not a text document: "
                     "tilmash reads ODT (" + kOdtMimetype + ") and DOCX");
  }
  throw InputError(zip.path(), 0, 0,
                   std::string("a zip archive that is neither DOCX (no ") + kDocxMainPart
                       + ") nor ODT (no mimetype entry)");
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
  ReadOptions options;
  options.format = format;
  return parse_document(bytes, path, options);
}

core::Document parse_document(std::string_view bytes, const std::string& path,
                              const ReadOptions& options) {
  DocFormat format = options.format;
  if (format == DocFormat::kAuto) format = sniff(bytes, path);
  if (format == DocFormat::kDocx || format == DocFormat::kOdt) {
    if (!looks_like_zip(bytes)) {
      throw InputError(display_name(path), 0, 0,
                       std::string("not a zip archive, so not ")
                           + (format == DocFormat::kDocx ? "DOCX" : "ODT"));
    }
    return office_document(bytes, path, options);
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

core::Document read_document(const std::string& path, const ReadOptions& options) {
  return parse_document(read_file(path), path, options);
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
