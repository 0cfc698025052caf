// tilmash tm lookup: options in, app::TmLookup per query, matches out as text or JSON.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>

#include "app/tm_read.h"
#include "cli/cmd_tm.h"
#include "io/document.h"
#include "io/json.h"

namespace tilmash::cli {
namespace {

constexpr const char* kLookupHelp =
    "Fuzzy matches of TEXT in the TM, best first. Score (integer %): word-level edit\n"
    "similarity over ICU word tokens, floor(100 (L - D) / L) with L the longer word count and\n"
    "D the word edit distance (case folded, all numbers alike), minus small penalties for\n"
    "differences only in numbers (2), case (1), punctuation (1 each, 3 at most) and inline\n"
    "tags (1 each, 3 at most). Candidates come from the persisted index with a count-filter\n"
    "bound that loses no match at or above --min.\n\n"
    "examples:\n"
    "  tilmash tm lookup --db tm.db --src en --tgt kk \"Open the file\"\n"
    "  tilmash tm lookup --db tm.db --min 80 --max 3 --json \"Save changes?\"\n"
    "  tilmash tm lookup --db tm.db --queries q.txt --json   (one query per line, JSON lines)";

void print(std::ostream& os, const std::vector<app::TmMatch>& matches, bool json, bool batch) {
  if (json) os << "[";
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const app::TmMatch& m = matches[i];
    if (!json) {
      os << m.score << "%\t" << m.tuid << "\t" << m.source << "\t" << m.target << '\n';
      continue;
    }
    std::string targets;
    for (const auto& [lang, text] : m.targets) {
      targets += (targets.empty() ? "" : ", ") + io::json_string(lang) + ": " + io::json_string(text);
    }
    std::string differs;
    for (const std::string& d : m.differs) differs += (differs.empty() ? "" : ", ") + io::json_string(d);
    os << (i ? ", " : "") << (batch ? "" : "\n  ") << "{\"score\": " << m.score
       << ", \"tuid\": " << io::json_string(m.tuid) << ", \"source\": " << io::json_string(m.source)
       << ", \"target\": " << io::json_string(m.target) << ", \"targets\": {" << targets
       << "}, \"differs\": [" << differs << "]}";
  }
  if (json) os << (batch || matches.empty() ? "]\n" : "\n]\n");
}

}  // namespace

Exit run_tm_lookup(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("db", tm_db_value(), kTmDbHelp)
      ("src", po::value<std::string>()->default_value("en"), "language of TEXT")
      ("tgt", po::value<std::string>(), "target language (default: every other variant)")
      ("min", po::value<int>()->default_value(70), "lowest score shown, 1–100")
      ("max", po::value<int>()->default_value(10), "most matches shown (0 = all)")
      ("json", po::bool_switch(), "JSON: [{\"score\", \"tuid\", \"source\", \"target\", "
                                  "\"targets\", \"differs\"}]")
      ("queries", po::value<std::string>(), "file of queries, one per line (JSON lines out)")
      ("brute-force", po::bool_switch(), "score every segment (the reference; slow)")
      ("text", po::value<std::string>(), "the text to look up");
  po::positional_options_description positional;
  positional.add("text", 1);
  auto vm = parse_options(args, options, positional,
                          "tilmash tm lookup TEXT --db DB [--src en] [--tgt kk] [--min 70] "
                          "[--max 10] [--json]",
                          kLookupHelp);
  if (!vm) return Exit::kOk;
  app::TmLookupRequest r;
  r.db = (*vm)["db"].as<std::string>();
  r.min = (*vm)["min"].as<int>();
  const int max = (*vm)["max"].as<int>();
  if (r.min < 1 || r.min > 100) throw UsageError("--min must be 1–100");
  if (max < 0) throw UsageError("--max must be >= 0");
  r.max = static_cast<std::size_t>(max);
  r.src = lang_option(*vm, "src");
  r.tgt = vm->count("tgt") != 0u ? lang_option(*vm, "tgt") : "";
  r.brute_force = (*vm)["brute-force"].as<bool>();
  std::vector<std::string> queries;
  const bool batch = vm->count("queries") != 0u;
  if (batch) {
    std::istringstream in(io::read_file((*vm)["queries"].as<std::string>()));
    for (std::string line; std::getline(in, line);) queries.push_back(line);
  } else if (vm->count("text") != 0u) {
    queries.push_back((*vm)["text"].as<std::string>());
  } else {
    throw UsageError("give TEXT or --queries FILE");
  }
  const bool json = (*vm)["json"].as<bool>() || batch;
  return tm_guarded([&] {
    app::TmLookup lookup(r);
    const auto started = std::chrono::steady_clock::now();
    for (const std::string& q : queries) print(std::cout, lookup.lookup(q), json, batch);
    if (batch) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "tm lookup: " << queries.size() << " queries in " << secs << " s ("
                << static_cast<double>(queries.size()) / std::max(secs, 1e-9)
                << " queries/s)\n";
    }
    return Exit::kOk;
  });
}

}  // namespace tilmash::cli
