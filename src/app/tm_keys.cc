#include "app/tm_keys.h"

#include <stdexcept>
#include <utility>

#include "core/lang.h"
#include "term/normalize.h"
#include "term/stem_kk.h"

namespace tilmash::app {

tm::Tokenizer make_tokenizer() {
  auto t = tm::Tokenizer::create();
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(*t);
}

store::VariantKeys fuzzy_keys(const tm::Tokenizer& tokenizer, std::string_view text) {
  store::VariantKeys k;
  // At most one key per two bytes (a letter and a space), of about the text's bytes: one
  // allocation each, where growing by doubling would copy a 20 MB segment's keys again.
  k.words.reserve(text.size() / 2 + 1, text.size());
  tokenizer.for_each_word_key(text, [&k](std::string_view key) { k.words.push_back(key); });
  return k;
}

SearchKeys::SearchKeys() : en_("en"), ru_("ru") {}

std::string SearchKeys::key(std::string_view lang, std::string_view word_key) const {
  const std::string_view p = core::primary_language(lang);
  if (p == "en") return en_.stem(word_key);
  if (p == "ru") return ru_.stem(word_key);
  if (p == "kk") return term::kazakh_key(word_key);
  return std::string(word_key);
}

std::string SearchKeys::text(std::string_view lang, std::string_view text) const {
  std::string out;
  for (const term::Token& t : term::tokenize(text)) {
    if (!out.empty()) out += ' ';
    out += key(lang, t.key);
  }
  return out;
}

std::vector<std::vector<store::ConcordanceTerm>> concordance_phrases(const SearchKeys& keys,
                                                                     std::string_view lang,
                                                                     std::string_view words) {
  const bool kazakh = core::primary_language(lang) == "kk";
  std::vector<std::vector<store::ConcordanceTerm>> phrases(1);
  for (const term::Token& t : term::tokenize(words)) {
    const std::string k = keys.key(lang, t.key);
    if (!kazakh) {
      for (auto& p : phrases) p.push_back({k, false});
      continue;
    }
    const std::vector<std::string> prefixes = term::kazakh_search_prefixes(k);
    const std::size_t n = phrases.size();
    const bool widen = n * prefixes.size() <= kMaxConcordancePhrases;
    for (std::size_t a = widen ? 1 : prefixes.size(); a < prefixes.size(); ++a) {
      for (std::size_t i = 0; i < n; ++i) {
        phrases.push_back(phrases[i]);
        phrases.back().push_back({prefixes[a], true});
      }
    }
    for (std::size_t i = 0; i < n; ++i) phrases[i].push_back({prefixes.front(), true});
  }
  if (phrases.front().empty()) return {};
  return phrases;
}

}  // namespace tilmash::app
