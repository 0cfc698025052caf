// Internal to tilmash::io (tmx_reader.cc, tmx_validate.cc): a pull scanner that walks a TMX
// file one <tu> at a time, so memory stays bounded by the largest unit, not the file. It finds
// element boundaries itself and hands each <header> and <tu> to pugixml as a small document.
// It must not build core values (tmx_reader does) nor judge TMX rules (tmx_validate does).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "io/location.h"
#include "io/xml_source.h"

namespace tilmash::io::detail {

struct TmxScanOptions {
  // nullptr: a character XML 1.0 forbids (raw or as &#…;), invalid UTF-8, an undefined entity
  // reference or a bare '&' throws InputError. Otherwise each is reported here (position,
  // message) and repaired: the character dropped, the '&' escaped. Markup that is not
  // well-formed (io::check_xml) always throws.
  std::function<void(LineCol, const std::string&)> on_bad_char;
};

class TmxScanner {
 public:
  // Opens `path` ("-" = stdin) and reads up to and including <header>. Throws IoError when the
  // file cannot be read, InputError (path:line:col) when it is not a TMX document.
  TmxScanner(std::string path, TmxScanOptions options);
  ~TmxScanner();
  TmxScanner(const TmxScanner&) = delete;
  TmxScanner& operator=(const TmxScanner&) = delete;

  // <tmx> (attributes only; its children are not loaded). Valid for the scanner's lifetime.
  pugi::xml_node root() const { return root_doc_.document_element(); }
  // <header>. Valid for the scanner's lifetime.
  pugi::xml_node header() const { return header_doc_.document_element(); }
  LineCol header_pos() const { return header_pos_; }

  // Parses the next <tu> of <body>. Returns false after </body></tmx> (end of document).
  // Throws InputError for malformed XML, text or foreign elements in <body>, or a file that
  // ends early (truncated), naming the unit number.
  bool next();

  // The current <tu>: valid until the next call to next().
  pugi::xml_node unit() const { return unit_doc_.document_element(); }
  // 1-based number of the current <tu> in the file.
  std::size_t unit_number() const { return unit_number_; }
  // Where the current <tu> starts ('<' of "<tu").
  LineCol unit_pos() const { return unit_pos_; }
  // Where `node` (of the current unit or the header) starts; the unit's start when unknown.
  LineCol pos_of(pugi::xml_node node) const;

  const std::string& path() const { return path_; }

 private:
  // Buffer management: bytes [0, buf_.size()) hold the file from absolute offset base_.
  bool fill();                                   // reads more; false at end of input
  void compact(std::size_t keep_from);           // drops buf_[0, keep_from), tracking lines
  LineCol pos_at(std::size_t index) const;       // position of buf_[index]
  LineCol count_from_base(std::size_t index) const;  // same, counted from buf_[0]
  LineCol advance(LineCol p, std::size_t from, std::size_t to) const;  // p moved over buf_[from, to)
  [[noreturn]] void fail(std::size_t index, const std::string& message) const;
  std::size_t find_in_buffer(std::string_view needle, std::size_t from);  // npos at EOF
  void skip_misc(bool allow_doctype);            // white space, comments, PIs, DOCTYPE
  std::size_t tag_end(std::size_t lt);           // index just past the '>' of a tag at `lt`
  std::size_t element_end(std::size_t lt, std::string_view name);  // past </name>
  std::string_view name_at(std::size_t lt);      // element name after '<' (or '</')
  // Checks `chunk` with io::check_xml (repairing it when on_bad_char is set); `depth` elements
  // are open around it. Throws InputError at the first fatal problem. Returns `chunk`, or the
  // repaired text, kept in `storage` (which may hold `chunk` itself).
  std::string_view check_chunk(std::string_view chunk, std::string& storage, LineCol chunk_pos,
                               XmlPart part, std::size_t depth, const std::string& unit);
  // check_chunk, then pugixml (which copies the text). Returns the text parsed.
  std::string_view parse_chunk(pugi::xml_document& doc, std::string_view chunk,
                               std::string& storage, LineCol chunk_pos, const char* what,
                               std::size_t depth);

  std::string path_;
  TmxScanOptions options_;
  std::unique_ptr<XmlSource> source_;
  std::string buf_;
  std::size_t pos_ = 0;         // scan position in buf_
  bool eof_ = false;
  std::size_t read_size_ = std::size_t{1} << 14;  // bytes asked for by the next fill()
  std::size_t line_at_base_ = 1;
  std::size_t col_at_base_ = 1;
  mutable std::size_t cursor_ = 0;    // pos_at() cache: buf_[cursor_] is at cursor_pos_
  mutable LineCol cursor_pos_;
  bool in_body_ = false;
  bool done_ = false;
  bool has_entity_decls_ = false;  // the DOCTYPE declares entities (never expanded)
  pugi::xml_document root_doc_;
  pugi::xml_document header_doc_;
  pugi::xml_document unit_doc_;
  std::string header_chunk_;      // a copy: the header outlives the buffer's contents
  std::string_view header_text_;  // what header_doc_ was parsed from (header_chunk_)
  std::string unit_chunk_;        // the current <tu> when check_xml repaired it
  // What unit_doc_ was parsed from: a view into buf_ (untouched until the next call to next(),
  // so a <tu> is not copied before pugixml's own copy), or unit_chunk_.
  std::string_view unit_text_;
  LineCol header_pos_;
  LineCol unit_pos_;
  std::size_t unit_number_ = 0;
};

}  // namespace tilmash::io::detail
