// tilmash segment: io::read_document -> segment::Segmenter -> one sentence per line.
#include <iostream>

#include "cli/command.h"
#include "io/atomic_file.h"
#include "io/document.h"
#include "io/json.h"
#include "io/location.h"
#include "segment/segmenter.h"

namespace tilmash::cli {
namespace {

constexpr const char* kHelp =
    "Splits a document into sentences: ICU's sentence rules (UAX #29) plus tilmash's exception\n"
    "rules per language (abbreviations, initials, quotations, numbered items, lower-case\n"
    "continuations). Input is UTF-8 text with one paragraph per line (blank lines also separate\n"
    "paragraphs), HTML (.html/.htm: paragraphs from block elements), or a DOCX or ODT document\n"
    "(recognised by content; body, tables, text boxes, then footnotes and endnotes; --headers\n"
    "adds page headers and footers). Output: one sentence per line, UTF-8 NFC.\n\n"
    "examples:\n"
    "  tilmash segment --lang en article.en.txt\n"
    "  tilmash segment --lang kk --paragraphs udhr/kaz.html -o kaz.sent\n"
    "  tilmash segment --lang ru --json < article.ru.txt";

io::DocFormat parse_format(const std::string& name) {
  if (name == "auto") return io::DocFormat::kAuto;
  if (name == "text") return io::DocFormat::kText;
  if (name == "html") return io::DocFormat::kHtml;
  if (name == "docx") return io::DocFormat::kDocx;
  if (name == "odt") return io::DocFormat::kOdt;
  throw UsageError("--input-format must be auto, text, html, docx or odt, not '" + name + "'");
}

}  // namespace

Exit run_segment(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("lang,l", po::value<std::string>()->required(),
       "language of the document (BCP 47: en, kk, ru, kk-Cyrl …)")
      ("paragraphs,p", po::bool_switch(), "print an empty line between paragraphs")
      ("json", po::bool_switch(), "print a JSON array of {\"paragraph\", \"text\"} (DOCX/ODT notes and page furniture add \"part\")")
      ("rules", po::value<std::string>(), "extra exception rules file (format: see src/segment/rules/)")
      ("input-format", po::value<std::string>()->default_value("auto"), "auto | text | html | docx | odt")
      ("headers", po::bool_switch(), "DOCX/ODT: also page headers and footers")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)")
      ("file", po::value<std::string>()->default_value("-"), "input file (- = stdin)");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto vm = parse_options(args, options, positional,
                          "tilmash segment --lang LANG [--paragraphs|--json] [FILE|-] [-o OUT]",
                          kHelp);
  if (!vm) return Exit::kOk;

  const std::string lang = lang_option(*vm, "lang");
  std::string rules_path;
  std::string rules_text;
  if (vm->count("rules") != 0u) {
    rules_path = (*vm)["rules"].as<std::string>();
    rules_text = io::read_file(rules_path);
  }
  auto segmenter = segment::Segmenter::create(lang, rules_text);
  if (!segmenter) {
    if (!rules_path.empty()) throw io::input_error(rules_path, rules_text, segmenter.error());
    throw UsageError("--lang " + lang + ": " + segmenter.error().message);
  }

  const std::string input = (*vm)["file"].as<std::string>();
  const core::Document doc = io::read_document(
      input, {parse_format((*vm)["input-format"].as<std::string>()), (*vm)["headers"].as<bool>()});
  const std::vector<core::Segment> sentences = segment::segment_document(*segmenter, doc);

  io::AtomicFile out((*vm)["output"].as<std::string>());
  std::ostream& os = out.out();
  if ((*vm)["json"].as<bool>()) {
    os << "[";
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const auto para = static_cast<std::size_t>(sentences[i].paragraph);
      os << (i == 0 ? "\n" : ",\n") << "  {\"paragraph\": " << sentences[i].paragraph;
      if (para < doc.parts.size() && !doc.parts[para].empty()) {
        os << ", \"part\": " << io::json_string(doc.parts[para]);
      }
      os << ", \"text\": " << io::json_string(sentences[i].text) << "}";
    }
    os << (sentences.empty() ? "]\n" : "\n]\n");
  } else {
    const bool paragraphs = (*vm)["paragraphs"].as<bool>();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (paragraphs && i > 0 && sentences[i].paragraph != sentences[i - 1].paragraph) os << '\n';
      os << sentences[i].text << '\n';
    }
  }
  out.commit();
  return Exit::kOk;
}

}  // namespace tilmash::cli
