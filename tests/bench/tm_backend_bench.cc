// Fuzzy lookup latency and throughput of one TM backend, for scripts/bench/tm.sh (issue 18):
//   tm_backend_bench --db LOCATION --queries FILE [--clients N] [--passes P] [--min 70]
//                    [--max 10] [--src en]
// LOCATION is a SQLite file or a postgresql:// URI (store::open_tm). N clients run at once, each
// a thread with its own app::TmLookup (its own connection, backend object and tokenizer),
// taking every N-th query; each query is what `tm lookup` does (app::TmLookup::lookup: a read
// snapshot, the query's token ids, tm::search over the persisted index, tm::rank with the
// candidates' units fetched from the TM, the matches with their targets). With --passes P each
// client runs its queries P times on its one connection and only the last pass is timed: a
// long-lived connection (a document pretranslated, a CAT tool's session) after warm-up, where a
// PostgreSQL backend has touched the shared buffers it needs. Prints one line:
// queries, clients, wall seconds, queries/s, latency p50 and p95 (ms), matches found (the
// latencies and matches of the last pass, the seconds and queries/s of all of them).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/tm_read.h"

namespace {

using namespace tilmash;
using Clock = std::chrono::steady_clock;

struct Result {
  std::vector<double> ms;
  std::size_t matches = 0;
  std::string error;
};

void client(const std::string& db, const std::vector<std::string>& queries, std::size_t first,
            std::size_t step, std::size_t passes, int min, std::size_t max, const std::string& src,
            Result& out) {
  try {
    app::TmLookupRequest request;
    request.db = db;
    request.src = src;
    request.min = min;
    request.max = max;
    app::TmLookup lookup(request);  // what `tm lookup` runs, with its own connection
    for (std::size_t pass = 1; pass <= passes; ++pass) {
      out.ms.clear();
      out.matches = 0;
      for (std::size_t i = first; i < queries.size(); i += step) {
        const auto t0 = Clock::now();
        out.matches += lookup.lookup(queries[i]).size();
        out.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
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
  std::size_t passes = 1;
  int min = 70;
  std::size_t max = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const std::string v = argv[i + 1];
    if (a == "--db") db = v;
    else if (a == "--queries") qfile = v;
    else if (a == "--clients") clients = std::max<std::size_t>(1, std::stoul(v));
    else if (a == "--passes") passes = std::max<std::size_t>(1, std::stoul(v));
    else if (a == "--min") min = std::stoi(v);
    else if (a == "--max") max = std::stoul(v);
    else if (a == "--src") src = v;
  }
  if (db.empty() || qfile.empty()) {
    std::fprintf(stderr, "usage: tm_backend_bench --db LOCATION --queries FILE [--clients N] "
                         "[--passes P] [--min 70] [--max 10] [--src en]\n");
    return 2;
  }
  std::vector<std::string> queries;
  std::ifstream in(qfile);
  for (std::string line; std::getline(in, line);) queries.push_back(line);
  std::vector<Result> results(clients);
  std::vector<std::thread> threads;
  const auto t0 = Clock::now();
  for (std::size_t c = 0; c < clients; ++c) {
    threads.emplace_back(client, std::cref(db), std::cref(queries), c, clients, passes, min, max,
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
              all.size(), clients, secs,
              static_cast<double>(all.size() * passes) / std::max(secs, 1e-9),
              pct(0.50), pct(0.95), matches);
  return 0;
}
