// tilmash translit: parse the options, call app::transliterate_file (io::read_file ->
// core::Transliterator), write the same text in another script.
#include "app/text.h"
#include "cli/command.h"
#include "io/atomic_file.h"

namespace tilmash::cli {
namespace {

constexpr const char* kHelp =
    "Transliterates Kazakh Cyrillic text to the Kazakh Latin alphabet of 2021 (31 letters:\n"
    "Ä Ğ I/ı İ/i Ñ Ö Ş Ū Ü …). Letters of Russian loans (Ц Ч Щ Ё Ю Я Ъ Ь Э) follow project\n"
    "defaults, not an official rule (../shared/terminology/KAZAKH-LATIN-2021.md). Everything\n"
    "else, line breaks included, passes through unchanged.\n\n"
    "examples:\n"
    "  tilmash translit --to kk-Latn article.kk.txt\n"
    "  echo 'Қазақстан' | tilmash translit --to kk-Latn";

}  // namespace

Exit run_translit(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("to", po::value<std::string>()->required(), "target script: kk-Latn")
      ("output,o", po::value<std::string>()->default_value("-"), "output file (- = stdout)")
      ("file", po::value<std::string>()->default_value("-"), "input file (- = stdin)");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto vm = parse_options(args, options, positional,
                          "tilmash translit --to kk-Latn [FILE|-] [-o OUT]", kHelp);
  if (!vm) return Exit::kOk;
  const std::string latin =
      app::transliterate_file((*vm)["file"].as<std::string>(), (*vm)["to"].as<std::string>());
  io::AtomicFile out((*vm)["output"].as<std::string>());
  out.out() << latin;
  out.commit();
  return Exit::kOk;
}

}  // namespace tilmash::cli
