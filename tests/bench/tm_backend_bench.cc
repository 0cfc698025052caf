// Fuzzy lookup latency and throughput of one TM backend, for scripts/bench/tm.sh (issue 18):
//   tm_backend_bench --db LOCATION --queries FILE [--clients N] [--min 70] [--max 10] [--src en]
// LOCATION is a SQLite file or a postgresql:// URI (store::open_tm). N clients run at once, each
// a thread with its own connection (its own backend object) and tokenizer, taking every N-th
// query; each query is what `tm lookup` does: a read snapshot, the query's token ids, tm::search
// over the persisted index, tm::rank with the candidates' texts fetched from the TM. Prints one
// line: queries, clients, wall seconds, queries/s, latency p50 and p95 (ms), matches found.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "store/tm_backend.h"
#include "tm/fuzzy_match.h"
#include "tm/match_percent.h"
#include "tm/ngram_index.h"

namespace {

using namespace tilmash;
using Clock = std::chrono::steady_clock;

// The index adapter as `tm lookup` has it (cli/cmd_tm.cc StoreIndex, to become the application
// layer's): token ids and frequencies of the query's keys looked up together (entries(): one
// round trip on a server) and remembered across queries until another client commits
// (data_version()), posting lists and tokens read from the backend each time.
class Source : public tm::IndexSource {
 public:
  Source(const store::TmBackend& db, const store::FuzzyIndex& index) : db_(db), index_(index) {}
  void sync() {
    const std::int64_t v = db_.data_version();
    if (v != version_) {
      known_.clear();
      freq_.clear();
      version_ = v;
    }
  }
  std::vector<std::uint32_t> ids(const std::vector<std::string>& keys) {
    std::vector<std::string> missing;
    for (const std::string& k : keys) {
      if (known_.count(k) == 0u) missing.push_back(k);
    }
    if (!missing.empty()) {
      const auto found = index_.entries(missing);
      for (std::size_t i = 0; i < missing.size(); ++i) {
        if (found[i]) {
          known_[missing[i]] = found[i]->token;
          freq_[found[i]->token] = found[i]->frequency;
        }
      }
    }
    std::vector<std::uint32_t> out;
    for (const std::string& k : keys) {
      const auto it = known_.find(k);
      out.push_back(it != known_.end() ? it->second : tm::kUnknownToken);
    }
    return out;
  }
  std::uint64_t frequency(std::uint32_t t) const override {
    const auto it = freq_.find(t);
    return it != freq_.end() ? it->second : index_.frequency(t);
  }
  void postings_range(std::uint32_t t, std::size_t lo, std::size_t hi,
                      std::vector<core::Posting>& out) const override {
    index_.postings_range(t, lo, hi, out);
  }
  std::vector<std::uint32_t> tokens(std::uint64_t id) const override { return index_.tokens(id); }

 private:
  const store::TmBackend& db_;
  const store::FuzzyIndex& index_;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, std::uint32_t> known_;
  std::unordered_map<std::uint32_t, std::uint64_t> freq_;
};

struct Result {
  std::vector<double> ms;
  std::size_t matches = 0;
  std::string error;
};

void client(const std::string& db, const std::vector<std::string>& queries, std::size_t first,
            std::size_t step, int min, std::size_t max, const std::string& src, Result& out) {
  try {
    auto made = tm::Tokenizer::create();
    if (!made) throw std::runtime_error(made.error().message);
    const tm::Tokenizer tok = std::move(*made);
    auto backend = store::open_tm(db, store::OpenMode::kReadOnly);
    const auto index = backend->fuzzy_index(src);
    Source source(*backend, *index);
    const tm::FetchSegment fetch = [&](std::uint64_t id) -> std::optional<tm::TokenizedText> {
      const auto u = backend->unit_of_variant(static_cast<std::int64_t>(id));
      if (!u) return std::nullopt;
      for (std::size_t k = 0; k < u->variant_ids.size(); ++k) {
        if (u->variant_ids[k] == static_cast<std::int64_t>(id)) {
          return tok.analyze(u->unit.variants[k].text, u->unit.variants[k].inline_xml);
        }
      }
      return std::nullopt;
    };
    for (std::size_t i = first; i < queries.size(); i += step) {
      const auto t0 = Clock::now();
      const auto snapshot = backend->read_snapshot();
      const tm::TokenizedText q = tok.analyze(queries[i]);
      source.sync();
      const std::vector<std::uint32_t> ids = source.ids(q.word_keys());
      const auto cands = tm::search(source, ids, min);
      out.matches += tm::rank(q, cands, fetch, min, max).size();
      out.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  } catch (const std::exception& e) {
    out.error = e.what();
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::string qfile;
  std::string src = "en";
  std::size_t clients = 1;
  int min = 70;
  std::size_t max = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const std::string v = argv[i + 1];
    if (a == "--db") db = v;
    else if (a == "--queries") qfile = v;
    else if (a == "--clients") clients = std::max<std::size_t>(1, std::stoul(v));
    else if (a == "--min") min = std::stoi(v);
    else if (a == "--max") max = std::stoul(v);
    else if (a == "--src") src = v;
  }
  if (db.empty() || qfile.empty()) {
    std::fprintf(stderr, "usage: tm_backend_bench --db LOCATION --queries FILE [--clients N] "
                         "[--min 70] [--max 10] [--src en]\n");
    return 2;
  }
  std::vector<std::string> queries;
  std::ifstream in(qfile);
  for (std::string line; std::getline(in, line);) queries.push_back(line);
  std::vector<Result> results(clients);
  std::vector<std::thread> threads;
  const auto t0 = Clock::now();
  for (std::size_t c = 0; c < clients; ++c) {
    threads.emplace_back(client, std::cref(db), std::cref(queries), c, clients, min, max,
                         std::cref(src), std::ref(results[c]));
  }
  for (auto& t : threads) t.join();
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<double> all;
  std::size_t matches = 0;
  for (const Result& r : results) {
    if (!r.error.empty()) {
      std::fprintf(stderr, "tm_backend_bench: %s\n", r.error.c_str());
      return 4;
    }
    all.insert(all.end(), r.ms.begin(), r.ms.end());
    matches += r.matches;
  }
  std::sort(all.begin(), all.end());
  const auto pct = [&](double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p * static_cast<double>(all.size())))];
  };
  std::printf("queries %zu clients %zu seconds %.3f qps %.1f p50_ms %.3f p95_ms %.3f matches %zu\n",
              all.size(), clients, secs, static_cast<double>(all.size()) / std::max(secs, 1e-9),
              pct(0.50), pct(0.95), matches);
  return 0;
}
