#include "app/text.h"

#include "app/option_error.h"
#include "core/translit.h"
#include "core/utf8.h"
#include "io/json.h"
#include "io/location.h"
#include "segment/segmenter.h"

namespace tilmash::app {

SegmentResult segment_file(const SegmentRequest& r) {
  std::string rules_text;
  if (!r.rules.empty()) rules_text = io::read_file(r.rules);
  auto segmenter = segment::Segmenter::create(r.lang, rules_text);
  if (!segmenter) {
    if (!r.rules.empty()) throw io::input_error(r.rules, rules_text, segmenter.error());
    throw OptionError("--lang " + r.lang + ": " + segmenter.error().message);
  }
  SegmentResult out;
  out.document = io::read_document(r.path, {r.format, r.headers});
  out.sentences = segment::segment_document(*segmenter, out.document);
  return out;
}

std::string sentences_text(const SegmentResult& result, bool paragraphs) {
  const std::vector<core::Segment>& s = result.sentences;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (paragraphs && i > 0 && s[i].paragraph != s[i - 1].paragraph) out += '\n';
    out.append(s[i].text).append("\n");
  }
  return out;
}

std::string sentences_json(const SegmentResult& result) {
  const std::vector<core::Segment>& s = result.sentences;
  const auto& parts = result.document.parts;
  std::string out = "[";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto para = static_cast<std::size_t>(s[i].paragraph);
    out.append(i == 0 ? "\n" : ",\n").append("  {\"paragraph\": ").append(std::to_string(s[i].paragraph));
    if (para < parts.size() && !parts[para].empty()) {
      out.append(", \"part\": ").append(io::json_string(parts[para]));
    }
    out.append(", \"text\": ").append(io::json_string(s[i].text)).append("}");
  }
  out.append(s.empty() ? "]\n" : "\n]\n");
  return out;
}

std::string transliterate_file(const std::string& path, const std::string& to) {
  auto translit = core::Transliterator::create(to);
  if (!translit) throw OptionError("--to: " + translit.error().message);
  std::string text = io::read_file(path);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (const auto bad = core::find_invalid_utf8(text)) {
    throw io::input_error(path, text,
                          {core::ErrorCode::kInvalidUtf8, "invalid UTF-8 (the input must be UTF-8)",
                           *bad});
  }
  return (*translit)(text);
}

}  // namespace tilmash::app
