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

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// XML 1.0 §2.2 Char.
bool is_xml_char(unsigned long cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
         || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string hex_cp(unsigned long cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04lX", cp);
  return buf;
}

// Length of the well-formed UTF-8 sequence at s[0..n) and its code point, or 0 if ill-formed.
std::size_t utf8_sequence(const unsigned char* s, std::size_t n, unsigned long& cp) {
  const unsigned char c = s[0];
  auto cont = [&](std::size_t k) { return k < n && (s[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return 0;
    cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F)) return 0;
    cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) return 0;
    cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    return 4;
  }
  return 0;
}

}  // namespace

// ------------------------------------------------------------------------------ Utf8Source

class Utf8Source {
 public:
  explicit Utf8Source(const std::string& path) : path_(path) {
    if (path == "-") {
      fd_ = STDIN_FILENO;
    } else {
      fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd_ < 0) throw IoError(path, std::strerror(errno));
      own_ = true;
    }
    // Sniff the encoding from the first bytes (XML 1.0 Appendix F).
    head_.resize(4096);
    std::size_t got = 0;
    while (got < head_.size()) {
      const std::size_t n = raw_read(head_.data() + got, head_.size() - got);
      if (n == 0) break;
      got += n;
    }
    head_.resize(got);
    const auto b = [&](std::size_t i) {
      return i < head_.size() ? static_cast<unsigned char>(head_[i]) : 0x100u;
    };
    const char* charset = nullptr;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
      head_pos_ = 3;
    } else if ((b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0)
               || (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF)) {
      charset = "UTF-32";
    } else if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF)) {
      charset = "UTF-16";  // ICU reads and removes the BOM
    } else if (b(0) == 0x3C && b(1) == 0 && b(2) == 0x3F && b(3) == 0) {
      charset = "UTF-16LE";
    } else if (b(0) == 0 && b(1) == 0x3C && b(2) == 0 && b(3) == 0x3F) {
      charset = "UTF-16BE";
    }
    std::string declared;
    if (charset == nullptr && head_.compare(0, 5, "<?xml") == 0) {
      const std::size_t end = head_.find("?>");
      const std::string decl = head_.substr(0, end);
      const std::size_t enc = decl.find("encoding");
      if (enc != std::string::npos) {
        const std::size_t q = decl.find_first_of("\"'", enc);
        if (q != std::string::npos) {
          const std::size_t q2 = decl.find(decl[q], q + 1);
          if (q2 != std::string::npos) declared = decl.substr(q + 1, q2 - q - 1);
        }
      }
      const std::string low = lower_ascii(declared);
      if (!declared.empty() && low != "utf-8" && low != "utf8" && low != "us-ascii"
          && low != "ascii") {
        if (low.rfind("utf-16", 0) == 0 || low.rfind("utf-32", 0) == 0) {
          throw InputError(path_, 1, 1,
                           "the XML declaration says " + declared
                               + " but the bytes are not UTF-16/32 with a BOM (UTF-8 read?)");
        }
        charset = declared.c_str();
      }
    }
    if (charset != nullptr) open_converter(charset);
  }

  ~Utf8Source() {
    if (own_) ::close(fd_);
    if (from_ != nullptr) ucnv_close(from_);
    if (to_ != nullptr) ucnv_close(to_);
  }
  Utf8Source(const Utf8Source&) = delete;
  Utf8Source& operator=(const Utf8Source&) = delete;

  // Appends up to about `want` bytes of UTF-8 to `out`. Returns false at end of input.
  bool read(std::string& out, std::size_t want) {
    const std::size_t old = out.size();
    out.resize(old + want);
    std::size_t n = from_ == nullptr ? read_plain(out.data() + old, want)
                                     : read_converted(out.data() + old, want);
    out.resize(old + n);
    return n > 0;
  }

 private:
  std::size_t raw_read(char* dst, std::size_t cap) {
    for (;;) {
      const ssize_t n = ::read(fd_, dst, cap);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) throw IoError(path_, std::strerror(errno));
    }
  }

  std::size_t read_plain(char* dst, std::size_t cap) {
    if (head_pos_ < head_.size()) {
      const std::size_t n = std::min(cap, head_.size() - head_pos_);
      std::memcpy(dst, head_.data() + head_pos_, n);
      head_pos_ += n;
      return n;
    }
    return raw_read(dst, cap);
  }

  void open_converter(const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    from_ = ucnv_open(charset, &status);
    if (U_FAILURE(status)) {
      from_ = nullptr;
      throw InputError(path_, 1, 1, std::string("unsupported encoding '") + charset + "'");
    }
    ucnv_setToUCallBack(from_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    to_ = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) throw InputError(path_, 1, 1, "ICU has no UTF-8 converter");
    charset_ = charset;
    pivot_source_ = pivot_target_ = pivot_;
  }

  std::size_t read_converted(char* dst, std::size_t cap) {
    char* target = dst;
    char* const limit = dst + cap;
    while (target == dst) {
      if (raw_pos_ == raw_.size() && !raw_eof_) {
        if (head_pos_ < head_.size()) {
          raw_.assign(head_, head_pos_);
          head_pos_ = head_.size();
        } else {
          raw_.resize(kReadSize);
          raw_.resize(raw_read(raw_.data(), raw_.size()));
          raw_eof_ = raw_.empty();
        }
        raw_pos_ = 0;
      }
      if (raw_eof_ && flushed_) return 0;
      const char* source = raw_.data() + raw_pos_;
      const char* const source_limit = raw_.data() + raw_.size();
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to_, from_, &target, limit, &source, source_limit, pivot_, &pivot_source_,
                     &pivot_target_, pivot_ + kPivot, first_, raw_eof_, &status);
      first_ = false;
      consumed_ += static_cast<std::size_t>(source - (raw_.data() + raw_pos_));
      raw_pos_ = static_cast<std::size_t>(source - raw_.data());
      if (status == U_BUFFER_OVERFLOW_ERROR) break;
      if (U_FAILURE(status)) {
        throw InputError(path_, 0, 0,
                         "invalid " + charset_ + " data near byte " + std::to_string(consumed_)
                             + " (" + u_errorName(status) + ")");
      }
      if (raw_eof_) flushed_ = true;
    }
    return static_cast<std::size_t>(target - dst);
  }

  static constexpr std::size_t kPivot = 4096;
  std::string path_;
  int fd_ = -1;
  bool own_ = false;
  std::string head_;
  std::size_t head_pos_ = 0;
  UConverter* from_ = nullptr;
  UConverter* to_ = nullptr;
  std::string charset_;
  std::string raw_;
  std::size_t raw_pos_ = 0;
  bool raw_eof_ = false;
  bool flushed_ = false;
  bool first_ = true;
  std::size_t consumed_ = 0;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
};

// ------------------------------------------------------------------------------ TmxScanner

TmxScanner::TmxScanner(std::string path, TmxScanOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
  source_ = std::make_unique<Utf8Source>(path_);
  fill();
  skip_misc(true);
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
    const std::string tag = buf_.substr(pos_, end - pos_) + "</tmx>";
    const pugi::xml_parse_result r =
        root_doc_.load_buffer(tag.data(), tag.size(), pugi::parse_default, pugi::encoding_utf8);
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
  parse_chunk(header_doc_, header_chunk_, header_pos_, "<header>");
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
  const std::string& chunk = in_header ? header_chunk_ : unit_chunk_;
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
      // Walk to the '>' that closes it: quotes and an internal subset [ … ] may contain '>'.
      std::size_t i = pos_ + 9;
      char quote = 0;
      int depth = 0;
      for (;; ++i) {
        if (i >= buf_.size() && !fill()) fail(pos_, "file ends inside <!DOCTYPE>");
        const char c = buf_[i];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          ++depth;
        } else if (c == ']') {
          --depth;
        } else if (c == '<' && depth > 0) {
          while (buf_.size() < i + 9 && fill()) {
          }
          if (std::string_view(buf_).substr(i, 8) == "<!ENTITY") has_entity_decls_ = true;
          if (std::string_view(buf_).substr(i, 4) == "<!--") {
            const std::size_t e = find_in_buffer("-->", i + 4);
            if (e == std::string_view::npos) fail(i, "file ends inside a comment");
            i = e + 2;
          }
        } else if (c == '>' && depth <= 0) {
          break;
        }
      }
      pos_ = i + 1;
      continue;
    } else {
      return;
    }
    const std::size_t e = find_in_buffer(close, pos_ + 2);
    if (e == std::string_view::npos) fail(pos_, "file ends inside a comment or processing instruction");
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
  unit_chunk_.assign(buf_, pos_, end - pos_);
  parse_chunk(unit_doc_, unit_chunk_, unit_pos_, "<tu>");
  pos_ = end;
  return true;
}

void TmxScanner::parse_chunk(pugi::xml_document& doc, std::string& chunk, LineCol chunk_pos,
                             const char* what) {
  check_chars(chunk, chunk_pos);
  const pugi::xml_parse_result r =
      doc.load_buffer(chunk.data(), chunk.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!r) {
    const LineCol rel = line_col(chunk, static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)));
    const LineCol p = rel.line == 1 ? LineCol{chunk_pos.line, chunk_pos.column + rel.column - 1}
                                    : LineCol{chunk_pos.line + rel.line - 1, rel.column};
    throw InputError(path_, p.line, p.column,
                     std::string("malformed XML in ") + what + ": " + r.description(),
                     &doc == &unit_doc_ ? "TU " + std::to_string(unit_number_) : std::string());
  }
}

void TmxScanner::check_chars(std::string& chunk, LineCol chunk_pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(chunk.data());
  const std::size_t n = chunk.size();
  std::string fixed;      // repaired copy, started lazily at the first problem
  std::size_t copied = 0; // chunk[0, copied) is already in `fixed`
  const std::string unit =
      &chunk == &unit_chunk_ ? "TU " + std::to_string(unit_number_) : std::string();
  // Reports the problem at chunk[at, at + len) and replaces it with `replacement`.
  auto bad = [&](std::size_t at, std::size_t len, const std::string& message,
                 std::string_view replacement) {
    const LineCol rel = line_col(chunk, at);
    const LineCol p = rel.line == 1 ? LineCol{chunk_pos.line, chunk_pos.column + rel.column - 1}
                                    : LineCol{chunk_pos.line + rel.line - 1, rel.column};
    if (!options_.on_bad_char) throw InputError(path_, p.line, p.column, message, unit);
    options_.on_bad_char(p, message);
    fixed.append(chunk, copied, at - copied);
    fixed.append(replacement);
    copied = at + len;
  };
  std::size_t raw_end = 0;  // inside a comment or CDATA section until here: '&' is literal
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c >= 0x20 && c < 0x80) {
      if (c == '<' && i >= raw_end) {
        const std::string_view rest = std::string_view(chunk).substr(i);
        std::string_view close;
        if (rest.starts_with("<![CDATA[")) close = "]]>";
        if (rest.starts_with("<!--")) close = "-->";
        if (!close.empty()) {
          const std::size_t e = rest.find(close);
          raw_end = e == std::string_view::npos ? n : i + e + close.size();
        }
      } else if (c == '&' && i >= raw_end) {
        std::size_t j = i + 1;
        while (j < n && j - i < 40 && s[j] != ';' && s[j] != '&' && s[j] != '<' && !is_space(static_cast<char>(s[j]))) ++j;
        const std::string_view ref =
            j < n && s[j] == ';' ? std::string_view(chunk).substr(i + 1, j - i - 1)
                                 : std::string_view();
        if (ref.empty()) {
          bad(i, 1, "'&' that starts no entity or character reference (write &amp;)", "&amp;");
        } else if (ref[0] == '#') {
          unsigned long cp = 0;
          bool ok = ref.size() > 1;
          const bool hex = ok && (ref[1] == 'x');
          for (std::size_t k = hex ? 2 : 1; ok && k < ref.size(); ++k) {
            const char d = ref[k];
            int v = -1;
            if (d >= '0' && d <= '9') v = d - '0';
            if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
            if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
            if (v < 0 || cp > 0x10FFFF) ok = false;
            cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v < 0 ? 0 : v);
          }
          if (hex && ref.size() == 2) ok = false;
          if (!ok) {
            bad(i, j + 1 - i, "malformed character reference &" + std::string(ref) + ";", "");
          } else if (!is_xml_char(cp)) {
            bad(i, j + 1 - i,
                "character reference &" + std::string(ref) + "; is " + hex_cp(cp)
                    + ", which XML 1.0 does not allow",
                "");
          }
        } else if (ref != "amp" && ref != "lt" && ref != "gt" && ref != "apos" && ref != "quot") {
          bad(i, 1,
              "undefined entity &" + std::string(ref) + ";"
                  + (has_entity_decls_ ? " (entities declared in the DOCTYPE are never expanded: "
                                         "tilmash is safe from billion-laughs and XXE)"
                                       : " (TMX allows only &amp; &lt; &gt; &apos; &quot;)"),
              "&amp;");
        }
        i = j < n && s[j] == ';' ? j + 1 : i + 1;
        continue;
      }
      ++i;
      continue;
    }
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') {
        bad(i, 1, "control character " + hex_cp(c) + ", which XML 1.0 does not allow", "");
      }
      ++i;
      continue;
    }
    unsigned long cp = 0;
    const std::size_t len = utf8_sequence(s + i, n - i, cp);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(c));
      bad(i, 1, std::string("invalid UTF-8 byte ") + hex, "");
      ++i;
    } else {
      if (cp == 0xFFFE || cp == 0xFFFF) {
        bad(i, len, "character " + hex_cp(cp) + ", which XML 1.0 does not allow", "");
      }
      i += len;
    }
  }
  if (copied > 0) {
    fixed.append(chunk, copied, std::string::npos);
    chunk = std::move(fixed);
  }
}

}  // namespace tilmash::io::detail
