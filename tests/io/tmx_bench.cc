// tmx_bench: the figures scripts/bench/tmx.sh reports (never run by CTest; no thresholds).
//   tmx_bench reader FILE    io::TmxReader over every unit (what a TM import does)
//   tmx_bench pugixml FILE   a bare pugixml DOM parse of the same file (the baseline)
// Prints one line: "<mode> units=N seconds=S mb_per_s=R".
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <pugixml.hpp>

#include "io/tmx_reader.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: tmx_bench reader|pugixml FILE\n");
    return 2;
  }
  const std::string mode = argv[1];
  const std::string path = argv[2];
  const auto start = std::chrono::steady_clock::now();
  std::size_t units = 0;
  std::size_t bytes = 0;  // text bytes seen, so the work cannot be optimized away
  if (mode == "reader") {
    tilmash::io::TmxReader reader(path);
    while (auto tu = reader.next()) {
      ++units;
      for (const auto& v : tu->variants)
        bytes += v.text.size();
    }
  } else if (mode == "pugixml") {
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_file(path.c_str());
    if (!r) {
      std::fprintf(stderr, "pugixml: %s at %td\n", r.description(), r.offset);
      return 3;
    }
    for (pugi::xml_node tu = doc.child("tmx").child("body").child("tu"); tu;
         tu = tu.next_sibling("tu")) {
      ++units;
    }
  } else {
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::printf("%s units=%zu seconds=%.3f mb_per_s=%.1f text_bytes=%zu\n", mode.c_str(), units, s,
              mb / s, bytes);
  return 0;
}
