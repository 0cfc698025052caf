// libFuzzer target for io::check_xml and io::xml_utf8, the XML source every XML reader goes
// through. Properties: no crash, no sanitizer report, failures only as InputError (encoding) or
// a reported problem; a document check_xml accepts is one pugixml also accepts (differential);
// whatever repair mode produces passes the strict check; depth stays bounded.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "io/errors.h"
#include "io/xml_source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash::io;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string storage;
  std::string_view text;
  try {
    text = xml_utf8(bytes, "fuzz.xml", storage);
  } catch (const InputError&) {
    return 0;
  }
  for (XmlPart part : {XmlPart::kDocument, XmlPart::kContent, XmlPart::kProlog, XmlPart::kMisc}) {
    XmlCheckOptions strict;
    strict.part = part;
    const XmlCheckResult r = check_xml(text, strict);
    if (r.problem && r.problem->offset > text.size()) {
      std::fprintf(stderr, "problem offset %zu past the end (%zu)\n", r.problem->offset, text.size());
      std::abort();
    }
    if (part == XmlPart::kDocument && !r.problem) {
      pugi::xml_document doc;
      const std::string copy(text);
      const pugi::xml_parse_result pr = doc.load_buffer(copy.data(), copy.size(),
                                                        pugi::parse_default | pugi::parse_doctype,
                                                        pugi::encoding_utf8);
      // The internal DTD subset is skipped, not checked (docs/ARCHITECTURE.md, "XML input"):
      // pugixml's own complaint about one is still an error for the readers, not a bug here.
      const bool subset = pr.status == pugi::status_bad_doctype
                          && text.find('[') != std::string_view::npos;
      if (!pr && !subset) {
        std::fprintf(stderr, "check_xml accepted what pugixml rejects: %s at %td\n",
                     pr.description(), pr.offset);
        std::abort();
      }
    }
    XmlCheckOptions lenient = strict;
    lenient.on_bad_char = [&](std::size_t at, const std::string&) {
      if (at >= text.size()) std::abort();
    };
    const XmlCheckResult fixed = check_xml(text, lenient);
    if (fixed.repaired) {
      const XmlCheckResult again = check_xml(*fixed.repaired, strict);
      if (again.problem) {
        std::fprintf(stderr, "repaired text still fails: %s\n", again.problem->message.c_str());
        std::abort();
      }
    }
  }
  return 0;
}
