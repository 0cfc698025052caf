// tilmash segment: parse the options, call app::segment_file (io::read_document ->
// segment::Segmenter), write one sentence per line or JSON.
#include "app/text.h"
#include "cli/command.h"
#include "io/atomic_file.h"

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

  app::SegmentRequest r;
  r.lang = lang_option(*vm, "lang");
  if (vm->count("rules") != 0u) r.rules = (*vm)["rules"].as<std::string>();
  r.path = (*vm)["file"].as<std::string>();
  r.format = parse_format((*vm)["input-format"].as<std::string>());
  r.headers = (*vm)["headers"].as<bool>();
  const app::SegmentResult result = app::segment_file(r);
  io::AtomicFile out((*vm)["output"].as<std::string>());
  out.out() << ((*vm)["json"].as<bool>() ? app::sentences_json(result)
                                         : app::sentences_text(result, (*vm)["paragraphs"].as<bool>()));
  out.commit();
  return Exit::kOk;
}

}  // namespace tilmash::cli
