// Kazakh nominal morphology after the suffix tables of a standard grammar (e.g. Krippes,
// "Kazakh Grammar with Affix List", 1993; Muhamedowa, "Kazakh: A Comprehensive Grammar", 2016):
// stem + [PL] + [POSS] + [CASE] + [-ДАҒЫ]. The allomorph of each suffix is picked by vowel
// harmony (the last back or front vowel) and by the final sound of what precedes it.
#include "term/stem_kk.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/utf8.h"

namespace tilmash::term {
namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  core::decode_utf8(s, out);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) core::append_utf8(out, c);
  return out;
}

constexpr std::u32string_view kBack = U"аоұыя";
constexpr std::u32string_view kFront = U"әөүіеэю";

bool is_vowel(char32_t c) {
  return kBack.find(c) != std::u32string_view::npos || kFront.find(c) != std::u32string_view::npos;
}

// True for back harmony. и and у are glides: skipped unless nothing else decides.
bool is_back(std::u32string_view w) {
  for (auto it = w.rbegin(); it != w.rend(); ++it) {
    if (kBack.find(*it) != std::u32string_view::npos) return true;
    if (kFront.find(*it) != std::u32string_view::npos) return false;
  }
  return w.find(U'и') == std::u32string_view::npos;
}

enum class Final { kVowel, kGlide, kL, kZ, kNasal, kVoiceless };

Final final_class(std::u32string_view w) {
  const char32_t c = w.back();
  if (is_vowel(c)) return Final::kVowel;
  if (std::u32string_view(U"рйуи").find(c) != std::u32string_view::npos) return Final::kGlide;
  if (c == U'л') return Final::kL;
  if (c == U'ж' || c == U'з') return Final::kZ;
  if (c == U'м' || c == U'н' || c == U'ң') return Final::kNasal;
  return Final::kVoiceless;
}

using U32 = std::u32string;

struct Generator {
  bool back;
  std::vector<KazakhForm>* sink;
  std::unordered_set<U32> seen;
  bool third_person_only = false;  // leave out 1st/2nd person possessives (kind 1, 0)

  U32 h(std::u32string_view b, std::u32string_view f) const { return U32(back ? b : f); }

  void emit(const U32& form, const std::string& label) {
    if (seen.insert(form).second) sink->push_back({encode(form), label});
  }

  U32 plural(const U32& w) const {
    switch (final_class(w)) {
      case Final::kVowel:
      case Final::kGlide: return w + h(U"лар", U"лер");
      case Final::kL:
      case Final::kZ:
      case Final::kNasal: return w + h(U"дар", U"дер");
      case Final::kVoiceless: return w + h(U"тар", U"тер");
    }
    return w;
  }

  // (form, kind): kind 3 = 3rd person (pronominal n-cases follow), 1 = 1st/2nd singular
  // (dative -а/-е), 0 = other persons.
  std::vector<std::pair<U32, int>> possessives(const U32& w) const {
    std::vector<std::pair<U32, int>> out;
    if (final_class(w) == Final::kVowel) {
      out.push_back({w + h(U"сы", U"сі"), 3});
      out.push_back({w + U"м", 1});
      out.push_back({w + U"ң", 1});
      out.push_back({w + h(U"мыз", U"міз"), 0});
      out.push_back({w + h(U"ңыз", U"ңіз"), 0});
      return out;
    }
    std::vector<U32> stems{w};
    const char32_t last = w.back();
    if (last == U'қ') stems.push_back(w.substr(0, w.size() - 1) + U"ғ");
    if (last == U'к') stems.push_back(w.substr(0, w.size() - 1) + U"г");
    if (last == U'п') stems.push_back(w.substr(0, w.size() - 1) + U"б");
    for (const U32& s : stems) {
      out.push_back({s + h(U"ы", U"і"), 3});
      out.push_back({s + h(U"ым", U"ім"), 1});
      out.push_back({s + h(U"ың", U"ің"), 1});
      out.push_back({s + h(U"ымыз", U"іміз"), 0});
      out.push_back({s + h(U"ыңыз", U"іңіз"), 0});
    }
    return out;
  }

  // Case forms; `kind` as in possessives(), -1 for a bare (non-possessive) stem.
  std::vector<U32> cases(const U32& w, int kind) const {
    if (kind == 3) {
      return {w + h(U"ның", U"нің"), w + U"н",           w + h(U"на", U"не"),
              w + h(U"нда", U"нде"), w + h(U"нан", U"нен"), w + U"мен"};
    }
    const Final c = final_class(w);
    const bool t = c == Final::kVoiceless;
    const bool n_gen = c == Final::kVowel || c == Final::kNasal;
    U32 gen = U32(n_gen ? U"н" : t ? U"т" : U"д") + h(U"ың", U"ің");
    U32 acc = U32(c == Final::kVowel ? U"н" : t ? U"т" : U"д") + h(U"ы", U"і");
    U32 dat = kind == 1 ? h(U"а", U"е") : U32(t ? h(U"қ", U"к") : h(U"ғ", U"г")) + h(U"а", U"е");
    U32 loc = U32(t ? U"т" : U"д") + h(U"а", U"е");
    U32 abl = U32(c == Final::kNasal ? U"н" : t ? U"т" : U"д") + h(U"ан", U"ен");
    std::vector<U32> out{w + gen, w + acc, w + dat, w + loc, w + abl};
    if (t) {
      out.push_back(w + U"пен");
    } else if (c == Final::kZ) {
      out.push_back(w + U"бен");
    } else {
      out.push_back(w + U"мен");
      if (c == Final::kNasal) out.push_back(w + U"бен");
    }
    return out;
  }

  // -дағы/-дегі on locative forms (Шыңжаңдағы, лагерлерінде -> лагерлеріндегі).
  void attributive(const std::vector<U32>& forms, const std::string& label) {
    for (const U32& f : forms) {
      if (f.size() < 2) continue;
      const U32 end = f.substr(f.size() - 2);
      if (end == U"да" || end == U"та") emit(f + U"ғы", label + "LOC+ATTR");
      if (end == U"де" || end == U"те") emit(f + U"гі", label + "LOC+ATTR");
    }
  }

  void run(const U32& lemma) {
    emit(lemma, "NOM");
    std::vector<std::pair<U32, std::string>> bases{{lemma, ""}, {plural(lemma), "PL+"}};
    emit(bases[1].first, "PL");
    for (const auto& [base, lab] : bases) {
      const std::vector<U32> cs = cases(base, -1);
      for (const U32& f : cs) emit(f, lab + "CASE");
      attributive(cs, lab);
      for (const auto& [pf, kind] : possessives(base)) {
        if (third_person_only && kind != 3) continue;
        emit(pf, lab + "POSS");
        const std::vector<U32> pcs = cases(pf, kind);
        for (const U32& f : pcs) emit(f, lab + "POSS+CASE");
        attributive(pcs, lab + "POSS+");
      }
    }
  }
};

}  // namespace

std::vector<KazakhForm> kazakh_forms(std::string_view lemma) {
  std::vector<KazakhForm> out;
  const U32 w = decode(lemma);
  if (w.empty()) return out;
  Generator g{is_back(w), &out, {}, false};
  g.run(w);
  return out;
}

std::vector<std::string> kazakh_izafet_heads(std::string_view word) {
  const U32 w = decode(word);
  std::vector<std::string> out;
  // Longest possessive endings first: -лары/-лері … (plural + 3rd person), then -сы/-сі, -ы/-і.
  static const std::u32string_view kEndings[] = {U"лары", U"лері", U"дары", U"дері", U"тары",
                                                 U"тері", U"сы",   U"сі",   U"ы",    U"і"};
  for (std::u32string_view e : kEndings) {
    if (w.size() < e.size() + 2 || w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
    U32 stem = w.substr(0, w.size() - e.size());
    out.push_back(encode(stem));
    const char32_t last = stem.back();
    if (last == U'ғ' || last == U'г' || last == U'б') {
      stem.back() = last == U'ғ' ? U'қ' : last == U'г' ? U'к' : U'п';
      out.push_back(encode(stem));
    }
  }
  // A plural term (татарлар, мұсылмандар): number is inflection, so the singular's forms
  // (этникалық татар, мұсылманның) are forms of the same term.
  static const std::u32string_view kPlurals[] = {U"лар", U"лер", U"дар", U"дер", U"тар", U"тер"};
  for (std::u32string_view e : kPlurals) {
    if (w.size() < e.size() + 3 || w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
    out.push_back(encode(w.substr(0, w.size() - e.size())));
  }
  return out;
}

std::vector<std::string> kazakh_lemma_candidates(std::string_view word) {
  const U32 w = decode(word);
  std::vector<std::string> out;
  for (std::size_t n = w.size(); n >= 2; --n) {
    U32 p = w.substr(0, n);
    out.push_back(encode(p));
    const char32_t last = p.back();
    if (n < w.size() && (last == U'ғ' || last == U'г' || last == U'б')) {
      p.back() = last == U'ғ' ? U'қ' : last == U'г' ? U'к' : U'п';
      out.push_back(encode(p));
    }
  }
  return out;
}

std::string kazakh_adjective_alternate(std::string_view word) {
  U32 w = decode(word);
  auto suffix_at = [&](std::size_t from) {  // л/д/т + ы/і at w[from], w[from + 1]
    return std::u32string_view(U"лдт").find(w[from]) != std::u32string_view::npos &&
           (w[from + 1] == U'ы' || w[from + 1] == U'і');
  };
  constexpr std::size_t kMinBase = 3;
  if (w.size() >= kMinBase + 3 && (w.back() == U'қ' || w.back() == U'к') &&
      suffix_at(w.size() - 3) && (w.back() == U'қ') == (w[w.size() - 2] == U'ы')) {
    w.pop_back();  // -лық -> -лы, -лік -> -лі
    return encode(w);
  }
  if (w.size() >= kMinBase + 2 && suffix_at(w.size() - 2)) {
    w.push_back(w.back() == U'ы' ? U'қ' : U'к');  // -лы -> -лық, -лі -> -лік
    return encode(w);
  }
  return "";
}

std::vector<std::string> kazakh_search_prefixes(std::string_view word) {
  constexpr std::size_t kMinLemma = 3;  // shorter lemmas (ел, үй) would prefix unrelated words
  const U32 w = decode(word);
  U32 lemma = w;
  // Longest first, so the last candidate that generates the word is the shortest lemma.
  for (const std::string& c : kazakh_lemma_candidates(word)) {
    const U32 l = decode(c);
    if (l.size() < kMinLemma || l == w) continue;
    std::vector<KazakhForm> forms;
    Generator g{is_back(l), &forms, {}, true};
    g.run(l);
    for (const KazakhForm& f : forms) {
      if (f.form == word) {
        lemma = l;
        break;
      }
    }
  }
  std::vector<std::string> out{encode(lemma)};
  const char32_t last = lemma.empty() ? U'\0' : lemma.back();
  if (lemma.size() >= kMinLemma && (last == U'қ' || last == U'к' || last == U'п')) {
    lemma.back() = last == U'қ' ? U'ғ' : last == U'к' ? U'г' : U'б';
    out.push_back(encode(lemma));
  }
  return out;
}

}  // namespace tilmash::term
