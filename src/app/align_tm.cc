#include "app/align_tm.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <queue>
#include <unordered_set>

#include "align/features.h"
#include "app/shipped.h"
#include "core/utf8.h"
#include "io/tmx_reader.h"
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

using Pairs = std::vector<std::pair<std::string, std::string>>;
// One heap per target language; its top is the weakest unit kept, the one a better unit replaces.
using Heap = std::priority_queue<Candidate, std::vector<Candidate>, decltype(&ranks_before)>;

struct TrainingPairPicker::State {
  std::string src_lang;
  std::vector<std::string> tgt_langs;
  std::size_t max_units = 0;
  std::unordered_set<std::string> document_words;
  std::vector<Heap> kept;
  std::uint64_t order = 0;
  std::vector<std::string> shared;                // scratch
  std::vector<const core::Variant*> tgt;          // scratch
};

TrainingPairPicker::TrainingPairPicker(std::string_view src_lang,
                                       std::span<const std::string_view> tgt_langs,
                                       std::span<const std::string_view> source_sentences,
                                       std::size_t max_units)
    : s_(std::make_unique<State>()) {
  s_->src_lang = src_lang;
  s_->tgt_langs.assign(tgt_langs.begin(), tgt_langs.end());
  s_->max_units = max_units;
  for (const std::string_view sentence : source_sentences) {
    for (std::string& w : align::detail::word_tokens(sentence)) {
      if (long_enough(w)) s_->document_words.insert(std::move(w));
    }
  }
  s_->kept.assign(tgt_langs.size(), Heap(ranks_before));
  s_->tgt.resize(tgt_langs.size());
}

TrainingPairPicker::~TrainingPairPicker() = default;

bool TrainingPairPicker::wants_units() const {
  return s_->max_units != 0 && !s_->document_words.empty();
}

void TrainingPairPicker::offer(const core::TranslationUnit& unit) {
  State& s = *s_;
  const std::uint64_t at = s.order++;
  if (!wants_units()) return;
  const core::Variant* src = nullptr;
  std::fill(s.tgt.begin(), s.tgt.end(), nullptr);
  for (const core::Variant& v : unit.variants) {
    if (src == nullptr && io::lang_matches(s.src_lang, v.lang)) {
      src = &v;
      continue;
    }
    for (std::size_t k = 0; k < s.tgt_langs.size(); ++k) {
      if (s.tgt[k] == nullptr && io::lang_matches(s.tgt_langs[k], v.lang)) s.tgt[k] = &v;
    }
  }
  if (src == nullptr || std::all_of(s.tgt.begin(), s.tgt.end(), [](auto* v) { return !v; })) {
    return;
  }
  s.shared.clear();
  for (std::string& w : align::detail::word_tokens(src->text)) {
    if (s.document_words.contains(w)) s.shared.push_back(std::move(w));
  }
  std::sort(s.shared.begin(), s.shared.end());
  const auto n =
      static_cast<std::size_t>(std::unique(s.shared.begin(), s.shared.end()) - s.shared.begin());
  if (n == 0) return;
  for (std::size_t k = 0; k < s.tgt_langs.size(); ++k) {
    if (s.tgt[k] == nullptr) continue;
    if (s.kept[k].size() == s.max_units) {
      if (n <= s.kept[k].top().shared) continue;  // a tie keeps the earlier unit
      s.kept[k].pop();
    }
    s.kept[k].push({n, at, src->text, s.tgt[k]->text});
  }
}

std::vector<Pairs> TrainingPairPicker::take() {
  std::vector<Pairs> out(s_->kept.size());
  for (std::size_t k = 0; k < s_->kept.size(); ++k) {
    std::vector<Candidate> best;
    best.reserve(s_->kept[k].size());
    while (!s_->kept[k].empty()) {
      best.push_back(s_->kept[k].top());
      s_->kept[k].pop();
    }
    std::sort(best.begin(), best.end(), ranks_before);
    for (Candidate& c : best) out[k].emplace_back(std::move(c.source), std::move(c.target));
  }
  return out;
}

std::vector<Pairs> tm_training_pairs(const store::TmBackend& tm, std::string_view src_lang,
                                     std::span<const std::string_view> tgt_langs,
                                     std::span<const std::string_view> source_sentences,
                                     std::size_t max_units) {
  TrainingPairPicker picker(src_lang, tgt_langs, source_sentences, max_units);
  if (!picker.wants_units()) return picker.take();
  const auto snapshot = tm.read_snapshot();
  tm.for_each_unit([&](const store::StoredUnit& u) {
    picker.offer(u.unit);
    return true;
  });
  return picker.take();
}

std::vector<std::string> lexicon_paths(std::vector<std::string> given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("TILMASH_LEXICON"); env != nullptr && *env != '\0') {
    return {env};
  }
  return shipped_files("lexicon", ".tmx");
}

std::vector<Pairs> lexicon_training_pairs(std::span<const std::string> paths,
                                          std::string_view src_lang,
                                          std::span<const std::string_view> tgt_langs,
                                          std::span<const std::string_view> source_sentences,
                                          std::size_t max_units) {
  TrainingPairPicker picker(src_lang, tgt_langs, source_sentences, max_units);
  for (const std::string& path : paths) {
    if (!picker.wants_units()) break;
    io::TmxReader reader(path);
    while (auto unit = reader.next()) picker.offer(*unit);
  }
  return picker.take();
}

std::vector<std::pair<std::string, std::string>> tm_training_pairs(
    const store::TmBackend& tm, std::string_view src_lang, std::string_view tgt_lang,
    std::span<const std::string_view> source_sentences, std::size_t max_units) {
  const std::string_view tgt[] = {tgt_lang};
  return std::move(tm_training_pairs(tm, src_lang, tgt, source_sentences, max_units).front());
}

}  // namespace tilmash::app
