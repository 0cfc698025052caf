#include "io/tmx_scan.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unicode/ucnv.h>

#include "io/errors.h"

namespace tilmash::io::detail {
namespace {

constexpr std::size_t kReadSize = std::size_t{1} << 20;  // bytes per read(2)

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_end(char c) { return is_space(c) || c == '/' || c == '>' || c == '\0'; }

}  // namespace

// ------------------------------------------------------------------------------ TmxScanner

TmxScanner::TmxScanner(std::string path, TmxScanOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
  source_ = std::make_unique<XmlSource>(path_);
  fill();
  skip_misc(true);
  {
    const std::string_view prolog = std::string_view(buf_).substr(0, pos_);
    XmlCheckOptions o;
    o.part = XmlPart::kProlog;
    const XmlCheckResult r = check_xml(prolog, o);
    if (r.problem) fail(r.problem->offset, r.problem->message);
    has_entity_decls_ = r.declares_entities;
  }
  if (pos_ >= buf_.size()) {
    fail(pos_, buf_.empty() ? "empty file: not a TMX document"
                            : "no root element: not a TMX document");
  }
  if (buf_[pos_] != '<') {
    fail(pos_, "expected '<': this is not an XML file (a TMX file starts with <?xml …?> and "
               "<tmx>)");
  }
  std::string name(name_at(pos_));
  if (name != "tmx") {
    fail(pos_, "root element is <" + name + ">, not <tmx>: this is not a TMX file");
  }
  std::size_t end = tag_end(pos_);
  if (buf_[end - 2] == '/') fail(pos_, "<tmx/> is empty: a TMX file needs <header> and <body>");
  {
    std::string tag = buf_.substr(pos_, end - pos_) + "</tmx>";
    const std::string_view checked = check_chunk(tag, tag, pos_at(pos_), XmlPart::kContent, 0, {});
    const pugi::xml_parse_result r = root_doc_.load_buffer(checked.data(), checked.size(),
                                                           pugi::parse_default, pugi::encoding_utf8);
    if (!r) fail(pos_, std::string("malformed <tmx> tag: ") + r.description());
  }
  pos_ = end;
  skip_misc(false);
  if (pos_ >= buf_.size()) fail(pos_, "file ends after <tmx>: no <header> (truncated?)");
  if (buf_[pos_] != '<') fail(pos_, "text directly inside <tmx>: expected <header>");
  name = name_at(pos_);
  if (name == "body") fail(pos_, "no <header> before <body> (TMX requires one)");
  if (name != "header") fail(pos_, "unexpected <" + name + "> in <tmx>: expected <header>");
  header_pos_ = pos_at(pos_);
  end = tag_end(pos_);
  if (buf_[end - 2] != '/') end = element_end(pos_, "header");
  header_chunk_.assign(buf_, pos_, end - pos_);
  header_text_ = parse_chunk(header_doc_, header_chunk_, header_chunk_, header_pos_, "<header>", 1);
  pos_ = end;
  skip_misc(false);
  if (pos_ >= buf_.size()) fail(pos_, "file ends after <header>: no <body> (truncated?)");
  if (buf_[pos_] != '<') fail(pos_, "text directly inside <tmx>: expected <body>");
  name = name_at(pos_);
  if (name != "body") fail(pos_, "unexpected <" + name + "> after <header>: expected <body>");
  end = tag_end(pos_);
  in_body_ = buf_[end - 2] != '/';
  pos_ = end;
}

TmxScanner::~TmxScanner() = default;

bool TmxScanner::fill() {
  if (eof_) return false;
  // Small files stay small: reads grow from 16 KiB to kReadSize.
  if (!source_->read(buf_, read_size_)) eof_ = true;
  read_size_ = std::min(read_size_ * 2, kReadSize);
  return !eof_;
}

void TmxScanner::compact(std::size_t keep_from) {
  const LineCol base = count_from_base(keep_from);
  line_at_base_ = base.line;
  col_at_base_ = base.column;
  if (cursor_ >= keep_from) {
    cursor_ -= keep_from;
  } else {
    cursor_ = 0;
    cursor_pos_ = base;
  }
  buf_.erase(0, keep_from);
  pos_ -= keep_from;
}

LineCol TmxScanner::count_from_base(std::size_t index) const {
  return advance({line_at_base_, col_at_base_}, 0, std::min(index, buf_.size()));
}

LineCol TmxScanner::advance(LineCol p, std::size_t from, std::size_t to) const {
  const char* s = buf_.data();
  std::size_t i = from;
  while (i < to) {
    const void* nl = std::memchr(s + i, '\n', to - i);
    if (nl == nullptr) break;
    ++p.line;
    p.column = 1;
    i = static_cast<std::size_t>(static_cast<const char*>(nl) - s) + 1;
  }
  for (; i < to; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++p.column;
  }
  return p;
}

LineCol TmxScanner::pos_at(std::size_t index) const {
  index = std::min(index, buf_.size());
  if (index < cursor_) return count_from_base(index);  // rare: errors behind the cursor
  // Positions are asked for in file order, so a cursor makes this O(1) amortized per byte.
  cursor_pos_ = advance(cursor_pos_, cursor_, index);
  cursor_ = index;
  return cursor_pos_;
}

LineCol TmxScanner::pos_of(pugi::xml_node node) const {
  const bool in_header = node.root() == header_doc_.root();
  const std::string_view chunk = in_header ? header_text_ : unit_text_;
  const LineCol base = in_header ? header_pos_ : unit_pos_;
  const std::ptrdiff_t off = node.offset_debug();
  if (off < 0) return base;
  // offset_debug points at the name; step back to the '<'.
  std::size_t at = static_cast<std::size_t>(off);
  if (at > 0 && at <= chunk.size() && chunk[at - 1] == '<') --at;
  const LineCol rel = line_col(chunk, at);
  if (rel.line == 1) return {base.line, base.column + rel.column - 1};
  return {base.line + rel.line - 1, rel.column};
}

void TmxScanner::fail(std::size_t index, const std::string& message) const {
  const LineCol p = pos_at(index);
  throw InputError(path_, p.line, p.column, message);
}

std::size_t TmxScanner::find_in_buffer(std::string_view needle, std::size_t from) {
  for (;;) {
    const std::size_t at = std::string_view(buf_).find(needle, from);
    if (at != std::string_view::npos) return at;
    if (buf_.size() >= needle.size()) from = std::max(from, buf_.size() - needle.size() + 1);
    if (!fill()) return std::string_view::npos;
  }
}

void TmxScanner::skip_misc(bool allow_doctype) {
  for (;;) {
    while (pos_ < buf_.size() || fill()) {
      if (!is_space(buf_[pos_])) break;
      ++pos_;
    }
    while (buf_.size() < pos_ + 9 && fill()) {
    }
    if (pos_ >= buf_.size()) return;
    const std::string_view rest = std::string_view(buf_).substr(pos_);
    std::string_view close;
    if (rest.starts_with("<?")) {
      close = "?>";
    } else if (rest.starts_with("<!--")) {
      close = "-->";
    } else if (rest.starts_with("<!DOCTYPE")) {
      if (!allow_doctype) fail(pos_, "<!DOCTYPE> must come before the root element");
      std::size_t end;
      while ((end = doctype_end(buf_, pos_, &has_entity_decls_)) == std::string_view::npos) {
        if (buf_.size() - pos_ > kMaxDoctypeBytes) {
          fail(pos_, "<!DOCTYPE> longer than 1 MiB (tilmash never uses its internal subset)");
        }
        if (!fill()) fail(pos_, "file ends inside <!DOCTYPE>");
      }
      pos_ = end;
      continue;
    } else {
      return;
    }
    const std::size_t e = find_in_buffer(close, pos_ + 2);
    if (e == std::string_view::npos) fail(pos_, "file ends inside a comment or processing instruction");
    if (!allow_doctype) {  // the prolog is checked as a whole by the constructor
      std::string repaired;
      check_chunk(std::string_view(buf_).substr(pos_, e + close.size() - pos_), repaired,
                  pos_at(pos_), XmlPart::kMisc, 0, {});
    }
    pos_ = e + close.size();
  }
}

std::string_view TmxScanner::name_at(std::size_t lt) {
  while (buf_.size() < lt + 80 && fill()) {
  }
  std::size_t i = lt + 1;
  if (i < buf_.size() && buf_[i] == '/') ++i;
  const std::size_t start = i;
  while (i < buf_.size() && i - start < 64 && !is_name_end(buf_[i])) ++i;
  return std::string_view(buf_).substr(start, i - start);
}

std::size_t TmxScanner::tag_end(std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1;; ++i) {
    if (i >= buf_.size() && !fill()) fail(lt, "file ends inside a tag (truncated?)");
    const char c = buf_[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    } else if (c == '<') {
      fail(i, "'<' inside a tag: malformed markup");
    }
  }
}

std::size_t TmxScanner::element_end(std::size_t lt, std::string_view name) {
  std::size_t p = tag_end(lt);
  for (;;) {
    const std::size_t i = find_in_buffer("<", p);
    if (i == std::string_view::npos) {
      std::string what = "file ends inside <";  // built stepwise: GCC 12 -Wrestrict misfires
      what.append(name);
      what += "> (truncated?); it starts at line ";
      what += std::to_string(pos_at(lt).line);
      fail(buf_.size(), what);
    }
    while (buf_.size() < i + 12 && fill()) {
    }
    const std::string_view rest = std::string_view(buf_).substr(i);
    std::string_view close;
    if (rest.starts_with("<!--")) {
      close = "-->";
    } else if (rest.starts_with("<![CDATA[")) {
      close = "]]>";
    } else if (rest.starts_with("<?")) {
      close = "?>";
    } else if (rest.size() >= name.size() + 3 && rest[1] == '/'
               && rest.substr(2, name.size()) == name && is_name_end(rest[2 + name.size()])) {
      return tag_end(i);
    } else {
      p = i + 1;
      continue;
    }
    const std::size_t e = find_in_buffer(close, i + 2);
    if (e == std::string_view::npos) fail(i, "file ends inside a comment or CDATA section");
    p = e + close.size();
  }
}

bool TmxScanner::next() {
  if (done_) return false;
  // Drop what was consumed once it outweighs what is left: amortized O(1) per byte.
  if (pos_ > kReadSize && pos_ * 2 > buf_.size()) compact(pos_);
  if (!in_body_) {
    // <body/>: only </tmx> may follow.
    skip_misc(false);
    if (pos_ >= buf_.size()) fail(pos_, "file ends before </tmx> (truncated?)");
    if (name_at(pos_) != "tmx" || buf_.compare(pos_, 2, "</") != 0) {
      fail(pos_, "expected </tmx> after <body/>");
    }
    pos_ = tag_end(pos_);
    done_ = true;
    return false;
  }
  skip_misc(false);
  if (pos_ >= buf_.size()) {
    fail(pos_, "file ends inside <body> after TU " + std::to_string(unit_number_)
                   + ": no </body></tmx> (truncated?)");
  }
  if (buf_[pos_] != '<') {
    fail(pos_, "text directly inside <body> (after TU " + std::to_string(unit_number_)
                   + "): only <tu> elements may appear here");
  }
  const std::string name(name_at(pos_));
  if (buf_.compare(pos_, 2, "</") == 0) {
    if (name != "body") fail(pos_, "unexpected </" + name + "> in <body>");
    pos_ = tag_end(pos_);
    skip_misc(false);
    if (pos_ >= buf_.size()) fail(pos_, "file ends before </tmx> (truncated?)");
    if (buf_.compare(pos_, 2, "</") != 0 || name_at(pos_) != "tmx") {
      fail(pos_, "expected </tmx> after </body>");
    }
    pos_ = tag_end(pos_);
    skip_misc(false);
    if (pos_ < buf_.size()) fail(pos_, "content after </tmx>");
    done_ = true;
    return false;
  }
  if (name != "tu") {
    fail(pos_, "unexpected <" + name + "> in <body> (after TU " + std::to_string(unit_number_)
                   + "): only <tu> is allowed");
  }
  ++unit_number_;
  unit_pos_ = pos_at(pos_);
  std::size_t end = tag_end(pos_);
  if (buf_[end - 2] != '/') end = element_end(pos_, "tu");
  unit_text_ = parse_chunk(unit_doc_, std::string_view(buf_).substr(pos_, end - pos_),
                           unit_chunk_, unit_pos_, "<tu>", 2);
  pos_ = end;
  return true;
}

std::string_view TmxScanner::check_chunk(std::string_view chunk, std::string& storage,
                                         LineCol chunk_pos, XmlPart part, std::size_t depth,
                                         const std::string& unit) {
  // Offsets in `chunk` as file positions (the chunk starts at chunk_pos).
  const auto where = [&chunk, chunk_pos](std::size_t at) {
    const LineCol rel = line_col(chunk, at);
    return rel.line == 1 ? LineCol{chunk_pos.line, chunk_pos.column + rel.column - 1}
                         : LineCol{chunk_pos.line + rel.line - 1, rel.column};
  };
  XmlCheckOptions o;
  o.part = part;
  o.base_depth = depth;
  o.entities_declared = has_entity_decls_;
  if (options_.on_bad_char) {
    o.on_bad_char = [&](std::size_t at, const std::string& message) {
      options_.on_bad_char(where(at), message);
    };
  }
  XmlCheckResult r = check_xml(chunk, o);
  if (r.problem) {
    const LineCol p = where(r.problem->offset);
    throw InputError(path_, p.line, p.column, r.problem->message, unit);
  }
  if (!r.repaired) return chunk;
  storage = std::move(*r.repaired);
  return storage;
}

std::string_view TmxScanner::parse_chunk(pugi::xml_document& doc, std::string_view text,
                                         std::string& storage, LineCol chunk_pos,
                                         const char* what, std::size_t depth) {
  const std::string unit =
      &doc == &unit_doc_ ? "TU " + std::to_string(unit_number_) : std::string();
  const std::string_view chunk =
      check_chunk(text, storage, chunk_pos, XmlPart::kContent, depth, unit);
  const pugi::xml_parse_result r =
      doc.load_buffer(chunk.data(), chunk.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!r) {
    const LineCol rel = line_col(chunk, static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)));
    const LineCol p = rel.line == 1 ? LineCol{chunk_pos.line, chunk_pos.column + rel.column - 1}
                                    : LineCol{chunk_pos.line + rel.line - 1, rel.column};
    throw InputError(path_, p.line, p.column,
                     std::string("malformed XML in ") + what + ": " + r.description(), unit);
  }
  return chunk;
}

}  // namespace tilmash::io::detail
