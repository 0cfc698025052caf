// libFuzzer target for the DOCX/ODT readers (io::parse_document on office documents: libzip
// under io/zip_archive.h's limits, the XML entry point, the WordprocessingML and ODF walkers).
// The input is either a zip archive (it starts with "PK") or, since mutated deflate data
// rarely passes its CRC, the text of an XML part that this harness packs into a stored zip:
// as word/document.xml, word/footnotes.xml and word/header1.xml of a DOCX, or, when it
// mentions "office:", as content.xml and styles.xml of an ODT. Properties: no crash, no
// sanitizer report; failures only as InputError naming the file; paragraphs keep the readers'
// promises (fuzz_check.h).
// Build: -DTILMASH_FUZZ=ON with clang++; seeds: corpus/fuzz_docx/ and tests/io/office/.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "io/document.h"
#include "io/errors.h"

namespace {

std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFFu);
  out += static_cast<char>((v >> 8) & 0xFFu);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFFu);
  put16(out, v >> 16);
}

// A zip archive of stored entries (APPNOTE.TXT 4.3: local headers, central directory, end).
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto name_len = static_cast<std::uint32_t>(name.size());
    put32(out, 0x04034b50u);
    put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0x21);
    put32(out, crc); put32(out, size); put32(out, size);
    put16(out, name_len); put16(out, 0);
    out += name;
    out += data;
    put32(central, 0x02014b50u);
    put16(central, 20); put16(central, 20); put16(central, 0); put16(central, 0);
    put16(central, 0); put16(central, 0x21);
    put32(central, crc); put32(central, size); put32(central, size);
    put16(central, name_len); put16(central, 0); put16(central, 0); put16(central, 0);
    put16(central, 0); put32(central, 0); put32(central, offset);
    central += name;
  }
  const auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50u);
  put16(out, 0); put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string archive;
  if (bytes.substr(0, 2) == "PK") {
    archive.assign(bytes);
  } else if (bytes.find("office:") != std::string_view::npos) {
    archive = stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                          {"content.xml", bytes},
                          {"styles.xml", bytes}});
  } else {
    archive = stored_zip({{"word/document.xml", bytes},
                          {"word/footnotes.xml", bytes},
                          {"word/header1.xml", bytes}});
  }
  for (const bool headers : {false, true}) {
    try {
      const tilmash::core::Document doc = tilmash::io::parse_document(
          archive, "fuzz", tilmash::io::ReadOptions{tilmash::io::DocFormat::kAuto, headers});
      tilmash::fuzz::check_paragraphs(doc.paragraphs, /*no_controls=*/true);
    } catch (const tilmash::io::InputError& e) {
      FUZZ_CHECK(e.path().rfind("fuzz", 0) == 0);
      FUZZ_CHECK(std::string(e.what()).rfind("fuzz", 0) == 0);
    }
  }
  return 0;
}
