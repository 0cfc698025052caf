#include "io/xml_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <utility>
#include <vector>

#include <unicode/ucnv.h>

#include "core/utf8.h"
#include "io/errors.h"

namespace tilmash::io {
namespace {

constexpr std::size_t kReadSize = std::size_t{1} << 20;  // raw bytes per read(2)
constexpr std::size_t kHeadSize = 4096;                 // bytes sniffed for the encoding

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower_ascii(s.substr(0, prefix.size())) == prefix;
}

bool is_wide(std::string_view charset_lower) {
  return starts_with_ci(charset_lower, "utf-16") || starts_with_ci(charset_lower, "utf-32")
         || starts_with_ci(charset_lower, "ucs-2") || starts_with_ci(charset_lower, "ucs-4")
         || charset_lower == "utf16" || charset_lower == "utf32";
}

// The value of the encoding pseudo-attribute of an XML declaration at the start of `text`
// ("" when there is none).
std::string declared_encoding(std::string_view text) {
  if (!text.starts_with("<?xml")) return {};
  const std::string_view decl = text.substr(0, text.find("?>"));
  const std::size_t enc = decl.find("encoding");
  if (enc == std::string_view::npos) return {};
  const std::size_t q = decl.find_first_of("\"'", enc);
  if (q == std::string_view::npos) return {};
  const std::size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string_view::npos) return {};
  return std::string(decl.substr(q + 1, q2 - q - 1));
}

}  // namespace

// ------------------------------------------------------------------------------ XmlSource

class XmlSource::Impl {
 public:
  Impl(std::string path, std::string_view bytes, bool from_file)
      : path_(std::move(path)), memory_(bytes) {
    if (from_file) {
      if (path_ == "-") {
        fd_ = STDIN_FILENO;
      } else {
        fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw IoError(path_, std::strerror(errno));
        own_ = true;
      }
    }
    head_.resize(kHeadSize);
    std::size_t got = 0;
    while (got < head_.size()) {
      const std::size_t n = raw_read(head_.data() + got, head_.size() - got);
      if (n == 0) break;
      got += n;
    }
    head_.resize(got);
    sniff();
  }

  ~Impl() {
    if (own_) ::close(fd_);
    if (from_ != nullptr) ucnv_close(from_);
    if (to_ != nullptr) ucnv_close(to_);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  bool read(std::string& out, std::size_t want) {
    const std::size_t old = out.size();
    out.resize(old + want);
    const std::size_t n = from_ == nullptr ? read_plain(out.data() + old, want)
                                           : read_converted(out.data() + old, want);
    out.resize(old + n);
    if (check_wide_decl_ && n > 0) {
      check_wide_decl_ = false;
      const std::string declared = declared_encoding(std::string_view(out).substr(old));
      if (!declared.empty() && !is_wide(lower_ascii(declared))) {
        throw InputError(path_, 1, 1,
                         "the XML declaration says " + declared + " but the file is "
                             + charset_ + " (by its first bytes); save it again in one encoding");
      }
    }
    return n > 0;
  }

  const std::string& charset() const { return charset_; }

  // True when the bytes are UTF-8 (or ASCII) and `skip` bytes of BOM lead them.
  bool plain_utf8(std::size_t& skip) const {
    skip = head_pos_;
    return from_ == nullptr;
  }

 private:
  // XML 1.0 Appendix F: byte order marks, then the first characters, then the declaration.
  void sniff() {
    const auto b = [&](std::size_t i) {
      return i < head_.size() ? static_cast<unsigned char>(head_[i]) : 0x100u;
    };
    const char* charset = nullptr;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
      head_pos_ = 3;
    } else if ((b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0)
               || (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF)) {
      charset = "UTF-32";  // ICU reads and removes the BOM
    } else if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF)) {
      charset = "UTF-16";
    } else if (b(0) == 0x3C && b(1) == 0 && b(2) == 0 && b(3) == 0) {
      charset = "UTF-32LE";
    } else if (b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) == 0x3C) {
      charset = "UTF-32BE";
    } else if (b(0) == 0x3C && b(1) == 0 && b(2) != 0x100u) {
      charset = "UTF-16LE";
    } else if (b(0) == 0 && b(1) == 0x3C) {
      charset = "UTF-16BE";
    }
    if (charset != nullptr) {
      check_wide_decl_ = true;
      open_converter(charset);
      return;
    }
    const std::string declared = declared_encoding(std::string_view(head_).substr(head_pos_));
    const std::string low = lower_ascii(declared);
    if (declared.empty() || low == "utf-8" || low == "utf8" || low == "us-ascii"
        || low == "ascii") {
      return;
    }
    if (is_wide(low)) {
      throw InputError(path_, 1, 1,
                       "the XML declaration says " + declared
                           + " but the bytes are not UTF-16/32 (saved as UTF-8?)");
    }
    open_converter(declared.c_str());
  }

  std::size_t raw_read(char* dst, std::size_t cap) {
    if (fd_ < 0) {
      const std::size_t n = std::min(cap, memory_.size() - memory_pos_);
      if (n > 0) std::memcpy(dst, memory_.data() + memory_pos_, n);  // data() may be null
      memory_pos_ += n;
      return n;
    }
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
  std::string_view memory_;
  std::size_t memory_pos_ = 0;
  std::string head_;
  std::size_t head_pos_ = 0;
  bool check_wide_decl_ = false;
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

XmlSource::XmlSource(std::string path)
    : impl_(std::make_unique<Impl>(std::move(path), std::string_view(), true)) {}
XmlSource::XmlSource(std::string path, std::string_view bytes)
    : impl_(std::make_unique<Impl>(std::move(path), bytes, false)) {}
XmlSource::~XmlSource() = default;
bool XmlSource::read(std::string& out, std::size_t want) { return impl_->read(out, want); }
const std::string& XmlSource::charset() const { return impl_->charset(); }

std::string_view xml_utf8(std::string_view bytes, const std::string& path, std::string& storage) {
  // The head is sniffed from a copy of at most kHeadSize bytes; UTF-8 input is not copied.
  XmlSource::Impl source(path, bytes, false);
  std::size_t skip = 0;
  if (source.plain_utf8(skip)) return bytes.substr(skip);
  storage.clear();
  while (source.read(storage, std::max<std::size_t>(bytes.size(), 1 << 16))) {
  }
  return storage;
}

// ------------------------------------------------------------------------------ check_xml

namespace {

// XML 1.0 Fifth Edition §2.3 NameStartChar and NameChar.
bool is_name_start(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
         || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
         || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || c == 0x200C
         || c == 0x200D || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
         || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
         || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
         || (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string hex_cp(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// Length of the well-formed UTF-8 sequence at text[pos] and its code point, or 0 if ill-formed.
std::size_t utf8_sequence(std::string_view text, std::size_t pos, char32_t& cp) {
  const std::size_t len = core::sequence_length(text, pos);
  if (len > 0) cp = core::next_code_point(text, pos);
  return len;
}

// One forward pass over the text; markup is tracked with an explicit stack of open elements.
class Checker {
 public:
  Checker(std::string_view text, const XmlCheckOptions& options)
      : s_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()), text_(text),
        options_(options), entities_(options.entities_declared) {}

  XmlCheckResult run() {
    while (i_ < n_ && !failed()) {
      if (s_[i_] == '<') {
        markup();
      } else if (s_[i_] == '&') {
        if (outside()) {
          fail(i_, outside_text_message());
        } else {
          reference();
        }
      } else {
        text();
      }
    }
    if (!failed()) finish();
    XmlCheckResult r;
    r.problem = std::move(problem_);
    r.declares_entities = entities_;
    return r;
  }

  // Replacements (offset, length, text) in increasing offset order, for the caller to apply.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>>& repairs() {
    return repairs_;
  }

 private:
  bool failed() const { return problem_.has_value(); }

  void fail(std::size_t at, std::string message) {
    if (!problem_) problem_ = XmlProblem{at, std::move(message)};
  }

  // A problem that on_bad_char may repair; returns false when it was fatal.
  bool bad(std::size_t at, std::size_t len, std::string message, std::string replacement) {
    if (!options_.on_bad_char) {
      fail(at, std::move(message));
      return false;
    }
    options_.on_bad_char(at, message);
    repairs_.push_back({{at, len}, std::move(replacement)});
    return true;
  }

  // True between top-level markup (no element open in the text, and the text is not content).
  bool outside() const { return open_.empty() && options_.part != XmlPart::kContent; }

  std::string outside_text_message() const {
    if (options_.part == XmlPart::kProlog || (options_.part == XmlPart::kDocument && !root_seen_)) {
      return "text before the root element: this is not an XML document";
    }
    return "content after the root element";
  }

  bool at(std::size_t k, std::string_view lit) const {
    return k <= n_ && text_.substr(k).starts_with(lit);
  }

  // Checks the character at i_ (advancing past it); false after a fatal problem.
  bool one_char() {
    char32_t cp = 0;
    const std::size_t len = utf8_sequence(text_, i_, cp);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(s_[i_]));
      const bool ok = bad(i_, 1,
                          std::string("invalid UTF-8 byte ") + hex
                              + " (a file in another encoding must name it in its XML "
                                "declaration, e.g. encoding=\"windows-1251\")",
                          "");
      ++i_;
      return ok;
    }
    if (!is_xml_char(cp)) {
      const std::string what = cp < 0x20 ? "control character " : "character ";
      const bool ok = bad(i_, len, what + hex_cp(cp) + ", which XML 1.0 does not allow", "");
      i_ += len;
      return ok;
    }
    i_ += len;
    return true;
  }

  // Checks the characters of s_[i_, end) (comments, PIs, CDATA), leaving i_ at end.
  void chars_until(std::size_t end) {
    while (i_ < end && !failed()) {
      const unsigned char c = s_[i_];
      if (c >= 0x20 && c < 0x80) {
        ++i_;
      } else {
        one_char();
      }
    }
  }

  // Index just past the Name at `k` (k itself when there is none).
  std::size_t name_end(std::size_t k) const {
    bool first = true;
    while (k < n_) {
      char32_t cp = 0;
      const std::size_t len = utf8_sequence(text_, k, cp);
      if (len == 0 || !(first ? is_name_start(cp) : is_name_char(cp))) break;
      first = false;
      k += len;
    }
    return k;
  }

  std::size_t skip_space(std::size_t k) const {
    while (k < n_ && is_space(static_cast<char>(s_[k]))) ++k;
    return k;
  }

  std::size_t find(std::string_view what, std::size_t from) const {
    const std::size_t k = text_.find(what, from);
    return k == std::string_view::npos ? n_ : k;
  }

  void text() {
    const bool out = outside();
    while (i_ < n_ && !failed()) {
      const unsigned char c = s_[i_];
      if (c == '<' || c == '&') return;
      if (out) {
        if (!is_space(static_cast<char>(c))) {
          fail(i_, outside_text_message());
          return;
        }
        ++i_;
      } else if (c >= 0x20 && c < 0x80) {
        if (c == ']' && at(i_, "]]>")) {
          fail(i_, "']]>' in text: XML reserves it to end a CDATA section (write ]]&gt;)");
          return;
        }
        ++i_;
      } else {
        one_char();
      }
    }
  }

  // A character or entity reference at i_ ('&'), in text or an attribute value.
  void reference() {
    const std::size_t amp = i_;
    std::size_t j = amp + 1;
    if (j < n_ && s_[j] == '#') {
      ++j;
      const bool hex = j < n_ && s_[j] == 'x';
      if (hex) ++j;
      const std::size_t digits = j;
      char32_t cp = 0;
      bool big = false;
      while (j < n_) {
        const char d = static_cast<char>(s_[j]);
        int v = -1;
        if (d >= '0' && d <= '9') v = d - '0';
        if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        if (v < 0) break;
        if (cp > 0x10FFFF) big = true;
        if (!big) cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
        ++j;
      }
      big = big || cp > 0x10FFFF;
      const std::string ref(text_.substr(amp + 1, j - amp - 1));
      if (j == digits || j >= n_ || s_[j] != ';') {
        i_ = amp + 1;
        bad(amp, 1, "malformed character reference &" + ref + " (write &amp; for a literal '&')",
            "&amp;");
        return;
      }
      i_ = j + 1;
      if (big || !is_xml_char(cp)) {
        bad(amp, j + 1 - amp,
            "character reference &" + ref + "; is "
                + (big ? std::string("beyond Unicode") : hex_cp(cp))
                + ", which XML 1.0 does not allow",
            "");
      }
      return;
    }
    const std::size_t e = name_end(j);
    if (e == j || e >= n_ || s_[e] != ';') {
      i_ = amp + 1;
      bad(amp, 1, "'&' that starts no entity or character reference (write &amp;)", "&amp;");
      return;
    }
    const std::string_view name = text_.substr(j, e - j);
    if (name == "amp" || name == "lt" || name == "gt" || name == "apos" || name == "quot") {
      i_ = e + 1;
      return;
    }
    i_ = amp + 1;
    bad(amp, 1,
        "undefined entity &" + std::string(name) + ";"
            + (entities_ ? " (entities declared in the DOCTYPE are never expanded: tilmash is "
                           "safe from billion-laughs and XXE)"
                         : " (only &amp; &lt; &gt; &apos; &quot; are predefined)"),
        "&amp;");
  }

  void markup() {
    const std::size_t lt = i_;
    if (at(lt, "<?")) return pi();
    if (at(lt, "<!--")) return comment();
    if (at(lt, "<![CDATA[")) return cdata();
    if (at(lt, "<!DOCTYPE")) return doctype();
    if (at(lt, "<!")) {
      return fail(lt, "'<!' that starts no comment, CDATA section or DOCTYPE");
    }
    if (at(lt, "</")) return end_tag();
    start_tag();
  }

  void pi() {
    const std::size_t lt = i_;
    const std::size_t e = name_end(lt + 2);
    if (e == lt + 2) return fail(lt, "'<?' not followed by a processing-instruction name");
    const std::size_t close = find("?>", e);
    if (close == n_) return fail(lt, "processing instruction not closed (no '?>')");
    const std::string target = lower_ascii(text_.substr(lt + 2, e - lt - 2));
    if (target == "xml") {
      const bool start = lt == 0 && (options_.part == XmlPart::kDocument
                                     || options_.part == XmlPart::kProlog);
      if (!start) {
        return fail(lt, "an XML declaration <?xml …?> may only stand at the very start of the "
                        "file");
      }
      return xml_decl(e, close);
    }
    if (!at(e, "?>") && !is_space(static_cast<char>(s_[e]))) {
      return fail(e, "malformed processing instruction: white space must follow its name");
    }
    i_ = e;
    chars_until(close);
    if (!failed()) i_ = close + 2;
  }

  // <?xml version="1.x" [encoding="…"] [standalone="yes|no"] ?>: e is past "xml".
  void xml_decl(std::size_t e, std::size_t close) {
    std::size_t k = e;
    const char* const names[] = {"version", "encoding", "standalone"};
    std::size_t next = 0;  // index of the first pseudo-attribute still allowed
    while (!failed()) {
      const std::size_t before = k;
      k = skip_space(k);
      if (k >= close) break;
      if (k == before) return fail(k, "malformed XML declaration: white space expected");
      const std::size_t ne = name_end(k);
      const std::string_view name = text_.substr(k, ne - k);
      std::size_t which = 3;
      for (std::size_t w = next; w < 3; ++w) {
        if (name == names[w]) which = w;
      }
      if (which == 3 || (next == 0 && which != 0)) {
        return fail(k, "malformed XML declaration: expected "
                           + std::string(next == 0 ? "version" : "encoding or standalone")
                           + " at '" + std::string(name.substr(0, 20)) + "'");
      }
      k = skip_space(ne);
      if (k >= close || s_[k] != '=') return fail(k, "malformed XML declaration: '=' expected");
      k = skip_space(k + 1);
      if (k >= close || (s_[k] != '"' && s_[k] != '\'')) {
        return fail(k, "malformed XML declaration: quoted value expected");
      }
      const std::size_t q = text_.find(static_cast<char>(s_[k]), k + 1);
      if (q == std::string_view::npos || q > close) {
        return fail(k, "malformed XML declaration: value not closed");
      }
      const std::string_view value = text_.substr(k + 1, q - k - 1);
      bool ok = !value.empty();
      if (which == 0) {
        ok = value.size() >= 3 && value.starts_with("1.")
             && value.substr(2).find_first_not_of("0123456789") == std::string_view::npos;
      } else if (which == 1) {
        ok = ok && std::isalpha(static_cast<unsigned char>(value[0])) != 0;
        for (char c : value) {
          ok = ok && (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_'
                      || c == '-');
        }
      } else {
        ok = value == "yes" || value == "no";
      }
      if (!ok) {
        return fail(k, "malformed XML declaration: bad " + std::string(names[which]) + " '"
                           + std::string(value.substr(0, 40)) + "'");
      }
      next = which + 1;
      k = q + 1;
    }
    if (failed()) return;
    if (next == 0) return fail(e, "malformed XML declaration: no version");
    i_ = close + 2;
  }

  void comment() {
    const std::size_t lt = i_;
    const std::size_t dashes = find("--", lt + 4);
    if (dashes == n_) return fail(lt, "comment not closed (no '-->')");
    if (!at(dashes, "-->")) {
      return fail(dashes, "'--' inside a comment (XML forbids it; a comment ends at '-->')");
    }
    i_ = lt + 4;
    chars_until(dashes);
    if (!failed()) i_ = dashes + 3;
  }

  void cdata() {
    const std::size_t lt = i_;
    if (outside()) return fail(lt, "CDATA section outside the root element");
    const std::size_t close = find("]]>", lt + 9);
    if (close == n_) return fail(lt, "CDATA section not closed (no ']]>')");
    i_ = lt + 9;
    chars_until(close);
    if (!failed()) i_ = close + 3;
  }

  void doctype() {
    const std::size_t lt = i_;
    const bool prolog = options_.part == XmlPart::kDocument || options_.part == XmlPart::kProlog;
    if (!prolog || root_seen_ || !open_.empty()) {
      return fail(lt, "<!DOCTYPE> is allowed only before the root element");
    }
    if (doctype_seen_) return fail(lt, "a second <!DOCTYPE>");
    doctype_seen_ = true;
    std::size_t k = skip_space(lt + 9);
    if (k == lt + 9 || name_end(k) == k) return fail(lt, "malformed <!DOCTYPE>: no name");
    const std::size_t end = doctype_end(text_, lt, &entities_);
    if (end == std::string_view::npos) return fail(lt, "file ends inside <!DOCTYPE>");
    // doctypedecl ::= '<!DOCTYPE' S Name (S ExternalID)? S? ('[' intSubset ']' S?)? '>'; the
    // internal subset itself is skipped (never used).
    k = name_end(k);
    std::size_t after = skip_space(k);
    const bool system = at(after, "SYSTEM");
    if (after > k && (system || at(after, "PUBLIC"))) {
      for (int literal = system ? 1 : 2; literal > 0; --literal) {
        const std::size_t start = after + (literal == (system ? 1 : 2) ? 6 : 0);
        const std::size_t q = skip_space(start);
        if (q == start || q >= n_ || (s_[q] != '"' && s_[q] != '\'')) {
          return fail(q, "malformed <!DOCTYPE>: a quoted identifier expected");
        }
        const std::size_t close = text_.find(static_cast<char>(s_[q]), q + 1);
        if (close == std::string_view::npos || close >= end) {
          return fail(q, "malformed <!DOCTYPE>: identifier not closed");
        }
        after = close + 1;
      }
      after = skip_space(after);
    }
    if (after >= n_ || (s_[after] != '[' && s_[after] != '>')) {
      return fail(after, "malformed <!DOCTYPE>: expected SYSTEM, PUBLIC, '[' or '>'");
    }
    if (s_[after] == '[') {
      std::size_t close = end - 1;  // the '>'; before it: ']' and optional white space
      while (close > after && is_space(static_cast<char>(s_[close - 1]))) --close;
      if (close == after || s_[close - 1] != ']') {
        return fail(close, "malformed <!DOCTYPE>: the internal subset must end with ']>'");
      }
    }
    i_ = lt + 9;
    chars_until(end);
  }

  void end_tag() {
    const std::size_t lt = i_;
    const std::size_t e = name_end(lt + 2);
    if (e == lt + 2) return fail(lt, "'</' not followed by an element name");
    const std::string_view name = text_.substr(lt + 2, e - lt - 2);
    const std::size_t k = skip_space(e);
    if (k >= n_ || s_[k] != '>') {
      return fail(k, "malformed end tag </" + std::string(name) + ">: expected '>'");
    }
    if (open_.empty()) {
      return fail(lt, "end tag </" + std::string(name) + "> without a start tag");
    }
    const auto [start, len] = open_.back();
    const std::string_view open_name = text_.substr(start, len);
    if (open_name != name) {
      return fail(lt, "end tag </" + std::string(name) + "> does not match the open <"
                          + std::string(open_name) + "> (mismatched tags)");
    }
    open_.pop_back();
    i_ = k + 1;
  }

  void start_tag() {
    const std::size_t lt = i_;
    const std::size_t e = name_end(lt + 1);
    if (e == lt + 1) {
      return fail(lt, "'<' not followed by an element name (write &lt; for a literal '<')");
    }
    const std::string_view name = text_.substr(lt + 1, e - lt - 1);
    if (options_.part == XmlPart::kMisc || options_.part == XmlPart::kProlog) {
      return fail(lt, "element <" + std::string(name)
                          + "> where only comments and processing instructions may be");
    }
    if (options_.part == XmlPart::kDocument && open_.empty() && root_seen_) {
      return fail(lt, "a second root element <" + std::string(name)
                          + ">: content after the root element");
    }
    if (options_.base_depth + open_.size() + 1 > options_.max_depth) {
      return fail(lt, "elements nested deeper than " + std::to_string(options_.max_depth)
                          + " levels");
    }
    attr_names_.clear();
    // clear() costs the bucket count, which stays at the largest tag's attribute count: after a
    // tag with 100000 attributes every later tag would pay for them (quadratic). A fresh set
    // costs what the tag itself has.
    if (!attr_set_.empty()) attr_set_ = {};
    std::size_t k = e;
    for (;;) {
      const std::size_t before = k;
      k = skip_space(k);
      if (k >= n_) return fail(lt, "file ends inside the tag <" + std::string(name) + ">");
      if (s_[k] == '>' || at(k, "/>")) break;
      if (k == before) {
        return fail(k, "white space missing before an attribute of <" + std::string(name) + ">");
      }
      const std::size_t ae = name_end(k);
      if (ae == k) {
        return fail(k, "malformed tag <" + std::string(name) + ">: expected an attribute name, '>' or '/>'");
      }
      const std::string_view attr = text_.substr(k, ae - k);
      if (!new_attribute(attr)) {
        return fail(k, "attribute " + std::string(attr) + " given twice on <" + std::string(name)
                           + ">");
      }
      k = skip_space(ae);
      if (k >= n_ || s_[k] != '=') {
        return fail(k, "attribute " + std::string(attr) + " of <" + std::string(name)
                           + "> has no value ('=' expected)");
      }
      k = skip_space(k + 1);
      if (k >= n_ || (s_[k] != '"' && s_[k] != '\'')) {
        return fail(k, "the value of attribute " + std::string(attr) + " is not quoted");
      }
      const unsigned char quote = s_[k];
      i_ = k + 1;
      while (!failed()) {
        if (i_ >= n_) return fail(k, "the value of attribute " + std::string(attr) + " is not closed");
        const unsigned char c = s_[i_];
        if (c == quote) break;
        if (c == '<') {
          return fail(i_, "'<' inside the value of attribute " + std::string(attr)
                              + " (write &lt;)");
        }
        if (c == '&') {
          reference();
        } else if (c >= 0x20 && c < 0x80) {
          ++i_;
        } else {
          one_char();
        }
      }
      if (failed()) return;
      k = i_ + 1;
    }
    if (s_[k] == '>') {
      open_.emplace_back(lt + 1, e - lt - 1);
      i_ = k + 1;
    } else {
      i_ = k + 2;
    }
    if (options_.part == XmlPart::kDocument) root_seen_ = true;
  }

  // False when `attr` was already seen on this tag (a set only for tags with many attributes).
  bool new_attribute(std::string_view attr) {
    if (attr_names_.size() < 16) {
      for (std::string_view a : attr_names_) {
        if (a == attr) return false;
      }
      attr_names_.push_back(attr);
      if (attr_names_.size() == 16) attr_set_.insert(attr_names_.begin(), attr_names_.end());
      return true;
    }
    return attr_set_.insert(attr).second;
  }

  void finish() {
    if (!open_.empty()) {
      const auto [start, len] = open_.back();
      return fail(n_, "file ends inside <" + std::string(text_.substr(start, len))
                          + "> (truncated or mismatched tags?)");
    }
    if (options_.part == XmlPart::kDocument && !root_seen_) {
      fail(n_, n_ == 0 ? "empty file: no root element" : "no root element: not an XML document");
    }
  }

  const unsigned char* s_;
  std::size_t n_;
  std::string_view text_;
  const XmlCheckOptions& options_;
  std::size_t i_ = 0;
  bool entities_ = false;
  bool root_seen_ = false;
  bool doctype_seen_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> open_;  // names of open elements
  std::vector<std::string_view> attr_names_;
  std::unordered_set<std::string_view> attr_set_;
  std::optional<XmlProblem> problem_;
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> repairs_;
};

}  // namespace

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
         || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::size_t doctype_end(std::string_view text, std::size_t lt, bool* declares_entities) {
  char quote = 0;
  int depth = 0;
  for (std::size_t i = lt + 9; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '<' && depth > 0) {
      const std::string_view rest = text.substr(i);
      if (rest.starts_with("<!ENTITY") && declares_entities != nullptr) *declares_entities = true;
      if (rest.starts_with("<!--")) {
        const std::size_t e = text.find("-->", i + 4);
        if (e == std::string_view::npos) return std::string_view::npos;
        i = e + 2;
      }
    } else if (c == '>' && depth <= 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

XmlCheckResult check_xml(std::string_view text, const XmlCheckOptions& options) {
  Checker checker(text, options);
  XmlCheckResult result = checker.run();
  auto& repairs = checker.repairs();
  if (!result.problem && !repairs.empty()) {
    std::string fixed;
    fixed.reserve(text.size());
    std::size_t copied = 0;
    for (const auto& [range, replacement] : repairs) {
      fixed.append(text.substr(copied, range.first - copied));
      fixed += replacement;
      copied = range.first + range.second;
    }
    fixed.append(text.substr(copied));
    // Dropping a character can join what it kept apart ("]]\x01>" becomes "]]>"): the repaired
    // text must pass the strict check, else its first problem, mapped back, is fatal.
    XmlCheckOptions strict = options;
    strict.on_bad_char = nullptr;
    if (XmlCheckResult again = check_xml(fixed, strict); again.problem) {
      std::size_t at = again.problem->offset;
      std::size_t shift = 0;
      for (const auto& [range, replacement] : repairs) {
        if (range.first - shift > at) break;  // where this repair starts in `fixed`
        shift += range.second;
        shift -= replacement.size();
      }
      again.problem->offset = std::min(at + shift, text.size());
      result.problem = std::move(again.problem);
      return result;
    }
    result.repaired = std::move(fixed);
  }
  return result;
}

}  // namespace tilmash::io
