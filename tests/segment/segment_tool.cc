// A stand-in for `tilmash segment --lang L FILE` (same arguments, same output: one sentence per
// line) so scripts/eval_segment.sh can run before the CLI exists and in segment-only builds:
//   TILMASH=build/seg/tests/segment/segment_tool scripts/eval_segment.sh
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/text.h"
#include "segment/segmenter.h"

int main(int argc, char** argv) {
  std::string lang;
  std::string path;
  std::string rules_path;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "segment")
      continue;
    if (arg == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (arg == "--rules" && i + 1 < argc) {
      rules_path = argv[++i];
    } else {
      path = arg;
    }
  }
  if (lang.empty() || path.empty()) {
    std::cerr << "usage: segment_tool segment --lang L [--rules FILE] FILE\n";
    return 2;
  }
  auto slurp = [](const std::string& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return static_cast<bool>(in);
  };
  std::string raw;
  std::string rules;
  if (!slurp(path, raw) || (!rules_path.empty() && !slurp(rules_path, rules))) {
    std::cerr << "cannot read input\n";
    return 4;
  }
  auto clean = tilmash::core::clean_text(raw);
  if (!clean) {
    std::cerr << path << ": " << clean.error().message << "\n";
    return 3;
  }
  auto segmenter = tilmash::segment::Segmenter::create(lang, rules);
  if (!segmenter) {
    std::cerr << rules_path << ": byte " << segmenter.error().byte_offset << ": "
              << segmenter.error().message << "\n";
    return 3;
  }
  tilmash::core::Document doc{tilmash::core::split_paragraphs(clean->text)};
  for (const auto& seg : tilmash::segment::segment_document(*segmenter, doc)) {
    std::cout << seg.text << '\n';
  }
  return 0;
}
