#include "app/align_tm.h"

#include <algorithm>
#include <cstdint>
#include <queue>
#include <unordered_set>

#include "align/features.h"
#include "core/utf8.h"
#include "io/tmx_writer.h"

namespace tilmash::app {
namespace {

// word_tokens gives letters and digits with at least one letter: the letters are the code
// points that are not digits.
bool long_enough(std::string_view word) {
  std::size_t letters = core::count_code_points(word);
  for (const char ch : word) {
    if (ch >= '0' && ch <= '9') --letters;
  }
  return letters >= kTmMinLetters;
}

struct Candidate {
  std::size_t shared = 0;   // distinct document words in the source text
  std::uint64_t order = 0;  // position in the TM's unit order
  std::string source, target;
};

// Ranks first: more shared words, then earlier in the TM.
bool ranks_before(const Candidate& a, const Candidate& b) {
  return a.shared != b.shared ? a.shared > b.shared : a.order < b.order;
}

}  // namespace

std::vector<std::vector<std::pair<std::string, std::string>>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang,
    std::span<const std::string_view> tgt_langs,
    std::span<const std::string_view> source_sentences, std::size_t max_units) {
  std::unordered_set<std::string> document_words;
  for (const std::string_view s : source_sentences) {
    for (std::string& w : align::detail::word_tokens(s)) {
      if (long_enough(w)) document_words.insert(std::move(w));
    }
  }
  std::vector<std::vector<std::pair<std::string, std::string>>> out(tgt_langs.size());
  if (max_units == 0 || document_words.empty()) return out;
  // One heap per target language; its top is the weakest unit kept, the one a better unit
  // replaces.
  using Heap = std::priority_queue<Candidate, std::vector<Candidate>, decltype(&ranks_before)>;
  std::vector<Heap> kept(tgt_langs.size(), Heap(ranks_before));
  std::uint64_t order = 0;
  std::vector<std::string> shared;
  std::vector<const core::Variant*> tgt(tgt_langs.size());
  const auto snapshot = tm.read_snapshot();
  tm.for_each_unit([&](const store::StoredUnit& u) {
    const core::Variant* src = nullptr;
    std::fill(tgt.begin(), tgt.end(), nullptr);
    for (const core::Variant& v : u.unit.variants) {
      if (src == nullptr && io::lang_matches(src_lang, v.lang)) {
        src = &v;
        continue;
      }
      for (std::size_t k = 0; k < tgt_langs.size(); ++k) {
        if (tgt[k] == nullptr && io::lang_matches(tgt_langs[k], v.lang)) tgt[k] = &v;
      }
    }
    const std::uint64_t at = order++;
    if (src == nullptr || std::all_of(tgt.begin(), tgt.end(), [](auto* v) { return !v; })) {
      return true;
    }
    shared.clear();
    for (std::string& w : align::detail::word_tokens(src->text)) {
      if (document_words.contains(w)) shared.push_back(std::move(w));
    }
    std::sort(shared.begin(), shared.end());
    const auto n =
        static_cast<std::size_t>(std::unique(shared.begin(), shared.end()) - shared.begin());
    if (n == 0) return true;
    for (std::size_t k = 0; k < tgt_langs.size(); ++k) {
      if (tgt[k] == nullptr) continue;
      if (kept[k].size() == max_units) {
        if (n <= kept[k].top().shared) continue;  // a tie keeps the earlier unit
        kept[k].pop();
      }
      kept[k].push({n, at, src->text, tgt[k]->text});
    }
    return true;
  });
  for (std::size_t k = 0; k < tgt_langs.size(); ++k) {
    std::vector<Candidate> best;
    best.reserve(kept[k].size());
    while (!kept[k].empty()) {
      best.push_back(kept[k].top());
      kept[k].pop();
    }
    std::sort(best.begin(), best.end(), ranks_before);
    for (Candidate& c : best) out[k].emplace_back(std::move(c.source), std::move(c.target));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang, std::string_view tgt_lang,
    std::span<const std::string_view> source_sentences, std::size_t max_units) {
  const std::string_view tgt[] = {tgt_lang};
  return std::move(tm_training_pairs(tm, src_lang, tgt, source_sentences, max_units).front());
}

}  // namespace tilmash::app
