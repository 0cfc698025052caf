// Throughput of segment::Segmenter::split against a bare ICU sentence BreakIterator loop over
// the same paragraphs, measured in one run (run by scripts/bench/segment.sh):
//   segment_bench [--mb N] [--reps R] LANG:FILE...
// Each FILE (one paragraph per line, UTF-8) is repeated until its language has about N/L MB
// (N = 50 by default, L languages). The baseline ("bare") gives ICU each UTF-8 paragraph as a
// UText (utext_openUTF8) and reuses one iterator per language: no cloning, no rules, no
// offsets. Two more lines explain the design: what cloning an iterator per paragraph costs
// (Segmenter pools them instead), and a bare loop that converts to UTF-16 first (what
// Segmenter does, because ICU iterates UTF-16 much faster than a UTF-8 UText). Prints MB/s (best of
// R runs) and the ratio ours/bare; exits 1 when the ratio is below 0.5.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "segment/segmenter.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Corpus {
  std::string lang;
  std::vector<std::string> paragraphs;
  std::size_t bytes = 0;
};

icu::Locale icu_locale(std::string_view lang) {
  return lang == "en"   ? icu::Locale("en")
         : lang == "ru" ? icu::Locale("ru")
                        : icu::Locale::getRoot();
}

std::size_t bare_count(icu::BreakIterator& it, std::string_view p, bool clone) {
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, p.data(), static_cast<int64_t>(p.size()), &status);
  std::unique_ptr<icu::BreakIterator> owned;
  icu::BreakIterator* use = &it;
  if (clone) {
    owned.reset(it.clone());
    use = owned.get();
  }
  use->setText(&text, status);
  std::size_t n = 0;
  for (int32_t b = use->next(); b != icu::BreakIterator::DONE; b = use->next())
    ++n;
  utext_close(&text);
  return n;
}

// The alternative to a UTF-8 UText: convert each paragraph to UTF-16 and iterate over that
// (mapping offsets back to bytes would cost extra on top).
std::size_t utf16_count(icu::BreakIterator& it, std::string_view p) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(p.data(), static_cast<int32_t>(p.size())));
  it.setText(u);
  std::size_t n = 0;
  for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next())
    ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 50;
  int reps = 5;
  std::vector<Corpus> corpora;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) {
      target_mb = std::stod(argv[++i]);
    } else if (arg == "--reps" && i + 1 < argc) {
      reps = std::stoi(argv[++i]);
    } else if (auto colon = arg.find(':'); colon != std::string::npos) {
      std::string lang = arg.substr(0, colon);
      Corpus* c = nullptr;
      for (auto& existing : corpora) {
        if (existing.lang == lang)
          c = &existing;
      }
      if (!c)
        c = &corpora.emplace_back(Corpus{lang, {}, 0});
      std::ifstream in(arg.substr(colon + 1));
      if (!in) {
        std::fprintf(stderr, "segment_bench: cannot read %s\n", arg.c_str() + colon + 1);
        return 2;
      }
      for (std::string line; std::getline(in, line);) {
        if (!line.empty())
          c->paragraphs.push_back(line);
      }
    } else {
      std::fprintf(stderr, "usage: segment_bench [--mb N] [--reps R] LANG:FILE...\n");
      return 2;
    }
  }
  if (corpora.empty()) {
    std::fprintf(stderr, "usage: segment_bench [--mb N] [--reps R] LANG:FILE...\n");
    return 2;
  }
  // Repeat each language's paragraphs up to its share of the target size.
  auto share = static_cast<std::size_t>(target_mb * 1e6 / static_cast<double>(corpora.size()));
  std::size_t total_bytes = 0;
  for (auto& c : corpora) {
    if (c.paragraphs.empty()) {
      std::fprintf(stderr, "segment_bench: no text for %s\n", c.lang.c_str());
      return 2;
    }
    std::size_t base = c.paragraphs.size();
    for (std::size_t k = 0; k < base; ++k)
      c.bytes += c.paragraphs[k].size();
    for (std::size_t k = 0; c.bytes < share; ++k) {
      c.paragraphs.push_back(c.paragraphs[k % base]);
      c.bytes += c.paragraphs.back().size();
    }
    total_bytes += c.bytes;
  }

  std::vector<tilmash::segment::Segmenter> ours;
  std::vector<std::unique_ptr<icu::BreakIterator>> bare;
  for (const auto& c : corpora) {
    auto s = tilmash::segment::Segmenter::create(c.lang);
    UErrorCode status = U_ZERO_ERROR;
    bare.emplace_back(icu::BreakIterator::createSentenceInstance(icu_locale(c.lang), status));
    if (!s || U_FAILURE(status)) {
      std::fprintf(stderr, "segment_bench: cannot create a segmenter for %s\n", c.lang.c_str());
      return 2;
    }
    ours.push_back(std::move(s).value());
  }

  // The variants run interleaved, best of `reps` each, so warm-up and drift hit all alike.
  std::size_t bare_breaks = 0;
  std::size_t ours_sentences = 0;
  std::size_t clone_breaks = 0;
  std::size_t utf16_breaks = 0;
  auto run_bare = [&] {
    bare_breaks = 0;
    for (std::size_t l = 0; l < corpora.size(); ++l) {
      for (const auto& p : corpora[l].paragraphs)
        bare_breaks += bare_count(*bare[l], p, false);
    }
  };
  auto run_ours = [&] {
    ours_sentences = 0;
    for (std::size_t l = 0; l < corpora.size(); ++l) {
      for (const auto& p : corpora[l].paragraphs)
        ours_sentences += ours[l].split(p).size();
    }
  };
  auto run_clone = [&] {
    clone_breaks = 0;
    for (std::size_t l = 0; l < corpora.size(); ++l) {
      for (const auto& p : corpora[l].paragraphs)
        clone_breaks += bare_count(*bare[l], p, true);
    }
  };
  auto run_utf16 = [&] {
    utf16_breaks = 0;
    for (std::size_t l = 0; l < corpora.size(); ++l) {
      for (const auto& p : corpora[l].paragraphs)
        utf16_breaks += utf16_count(*bare[l], p);
    }
  };
  auto seconds = [](auto&& body) {
    auto t0 = Clock::now();
    body();
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  run_bare();  // warm-up: page in the text and ICU's data
  double t_bare = 1e300;
  double t_ours = 1e300;
  double t_clone = 1e300;
  double t_utf16 = 1e300;
  for (int r = 0; r < reps; ++r) {
    t_bare = std::min(t_bare, seconds(run_bare));
    t_ours = std::min(t_ours, seconds(run_ours));
    t_clone = std::min(t_clone, seconds(run_clone));
    t_utf16 = std::min(t_utf16, seconds(run_utf16));
  }

  double mb = static_cast<double>(total_bytes) / 1e6;
  std::size_t paragraphs = 0;
  for (const auto& c : corpora)
    paragraphs += c.paragraphs.size();
  std::printf("text: %.1f MB, %zu paragraphs, %zu languages, best of %d runs\n", mb, paragraphs,
              corpora.size(), reps);
  std::printf("%-34s %9.1f MB/s  (%zu breaks)\n", "bare ICU BreakIterator loop", mb / t_bare,
              bare_breaks);
  std::printf("%-34s %9.1f MB/s  (%zu sentences)\n", "Segmenter::split (ICU + rules)", mb / t_ours,
              ours_sentences);
  std::printf("%-34s %9.1f MB/s  (clone per paragraph)\n", "bare loop + clone() per paragraph",
              mb / t_clone);
  (void)clone_breaks;
  std::printf("%-34s %9.1f MB/s  (%zu breaks)\n", "bare loop, UTF-8 -> UTF-16 first", mb / t_utf16,
              utf16_breaks);
  double ratio = t_bare / t_ours;
  std::printf("ratio ours/bare: %.2f (must be >= 0.50); ours/bare-UTF-16: %.2f\n", ratio,
              t_utf16 / t_ours);
  return ratio >= 0.5 ? 0 : 1;
}
