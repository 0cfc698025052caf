// The one way tilmash reads XML bytes (TMX, TBX, and the XLIFF/DOCX readers to come): the
// encoding is found and the text turned into UTF-8 (XmlSource, xml_utf8), then checked against
// the XML 1.0 well-formedness rules that pugixml does not enforce (check_xml), before any reader
// hands it to pugixml. Decisions for each rule, and why the depth limit is what it is:
// docs/ARCHITECTURE.md "XML input".
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tilmash::io {

// Elements may nest at most this deep, counted from the root element (depth 1). TMX needs 5
// levels plus a few of inline codes, TBX about 8, XLIFF about 10 plus groups and inline codes,
// DOCX about 30 with nested tables and text boxes; 256 leaves room for all of them, while every
// tree walk over the result stays far from the stack's limit.
inline constexpr std::size_t kMaxXmlDepth = 256;

// Reads a file (or a byte buffer) as UTF-8, following XML 1.0 Appendix F: a UTF-8 BOM is
// dropped; a UTF-16 or UTF-32 BOM, or "<?xml" written in UTF-16/UTF-32 without one, selects
// that encoding; otherwise the charset named by the XML declaration (ICU converts any it knows:
// windows-1251, KOI8-R, ISO-8859-5 …), else UTF-8. A declaration naming UTF-16/32 on bytes that
// are not, or naming an 8-bit charset on UTF-16/32 bytes, is an error. UTF-8 bytes are passed
// through unchecked (check_xml validates them).
class XmlSource {
 public:
  // Opens `path` ("-" = stdin). Throws IoError when it cannot be read, InputError (path:1:1)
  // for an encoding that is unknown or contradicts the bytes.
  explicit XmlSource(std::string path);
  // Reads from `bytes` (not copied: it must outlive the source); `path` names it in messages.
  XmlSource(std::string path, std::string_view bytes);
  ~XmlSource();
  XmlSource(const XmlSource&) = delete;
  XmlSource& operator=(const XmlSource&) = delete;

  // Appends up to about `want` bytes of UTF-8 to `out`. Returns false at the end of input.
  // Throws InputError for bytes invalid in the source charset, IoError for a failed read.
  bool read(std::string& out, std::size_t want);

  // The charset being converted from ("" when the bytes are UTF-8 already).
  const std::string& charset() const;

 private:
  friend std::string_view xml_utf8(std::string_view, const std::string&, std::string&);
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// `bytes` as UTF-8 text: a view into `bytes` when they are UTF-8 (BOM dropped), else the text
// converted into `storage`. Same rules and errors as XmlSource.
std::string_view xml_utf8(std::string_view bytes, const std::string& path, std::string& storage);

// What a piece of text given to check_xml is.
enum class XmlPart {
  kDocument,  // a whole document: prolog, exactly one root element, misc
  kProlog,    // the text before the root element: XML declaration, misc, DOCTYPE
  kContent,   // balanced content of an element: elements, text, references, CDATA, comments, PIs
  kMisc,      // between or after top-level markup: white space, comments, PIs
};

struct XmlCheckOptions {
  XmlPart part = XmlPart::kDocument;
  std::size_t base_depth = 0;           // elements open around the text (kContent)
  std::size_t max_depth = kMaxXmlDepth;
  bool entities_declared = false;       // the DOCTYPE declares entities (for the message only)
  // nullptr: every problem is fatal. Otherwise characters XML 1.0 forbids (raw or as character
  // references), invalid UTF-8, undefined entity references and a bare '&' are reported here
  // (offset into the text as given, message) and repaired: the character dropped, the '&'
  // escaped. Markup errors stay fatal.
  std::function<void(std::size_t, const std::string&)> on_bad_char;
};

struct XmlProblem {
  std::size_t offset = 0;  // byte offset into the text as given
  std::string message;     // lower case, one line
};

struct XmlCheckResult {
  std::optional<XmlProblem> problem;  // the first fatal problem; none: well-formed
  bool declares_entities = false;     // a DOCTYPE with <!ENTITY …> was seen (kProlog/kDocument)
  std::optional<std::string> repaired;  // the text with on_bad_char's repairs, when it had any
};

// Checks `text` (UTF-8 expected; anything else is reported) against XML 1.0 (Fifth Edition)
// well-formedness; with options.on_bad_char, also repairs it (result.repaired). Never recursive:
// open elements are a stack bounded by options.max_depth. Entities declared in a DOCTYPE are
// never expanded (no billion laughs, no XXE): a reference to one is reported as undefined.
XmlCheckResult check_xml(std::string_view text, const XmlCheckOptions& options);

// XML 1.0 §2.2 Char: the code points an XML document may hold.
bool is_xml_char(char32_t cp);

// For "<!DOCTYPE" at text[lt]: the index just past the '>' that closes it (quotes and an
// internal subset [ … ], comments included, may hold '>'), or npos when the text ends first.
// Sets *declares_entities when the subset holds <!ENTITY.
std::size_t doctype_end(std::string_view text, std::size_t lt, bool* declares_entities);

// A DOCTYPE longer than this is refused: tilmash never uses the internal subset, and a
// streaming reader must not buffer an unbounded one.
inline constexpr std::size_t kMaxDoctypeBytes = std::size_t{1} << 20;

}  // namespace tilmash::io
