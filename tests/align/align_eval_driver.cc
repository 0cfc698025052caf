// Development driver until `tilmash align` exists: aligns sentence-per-line files and writes
// beads (and confidences) per document. Not installed; scripts/eval.sh uses the real CLI.
// usage: align_eval_driver [--no-FEATURE]... [--set NAME=VALUE]... OUT_DIR SRC TGT [SRC TGT]...
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "core/bead.h"

namespace {

std::vector<tilmash::core::Segment> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<tilmash::core::Segment> out;
  std::string line;
  while (std::getline(in, line)) out.push_back({line, 0});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  tilmash::align::AlignOptions o;
  std::vector<std::string> rest;
  for (int k = 1; k < argc; ++k) {
    std::string a = argv[k];
    if (a == "--no-length") o.use_length = false;
    else if (a == "--no-anchors") o.use_anchors = false;
    else if (a == "--no-cognates") o.use_cognates = false;
    else if (a == "--no-lexical") o.use_lexical = false;
    else if (a == "--no-priors") o.use_priors = false;
    else if (a == "--no-anchor-misses") o.use_anchor_misses = false;
    else if (a == "--no-joint") o.joint_training = false;
    else if (a == "--no-retrain") o.retrain_lexicon = false;
    else if (a == "--max-side" && k + 1 < argc) o.max_side = std::atoi(argv[++k]);
    else if (a == "--langs" && k + 1 < argc) {
      std::string v = argv[++k];
      for (std::size_t at = 0; at <= v.size();) {
        std::size_t comma = std::min(v.find(',', at), v.size());
        o.langs.push_back(v.substr(at, comma - at));
        at = comma + 1;
      }
    }
    else if (a == "--set" && k + 1 < argc) {
      std::string kv = argv[++k];
      auto eq = kv.find('=');
      std::string name = kv.substr(0, eq);
      double v = std::atof(kv.c_str() + eq + 1);
      if (name == "length") o.length_weight = v;
      else if (name == "anchor") o.anchor_weight = v;
      else if (name == "punct") o.punct_weight = v;
      else if (name == "lpmi") o.length_pmi = v != 0;
      else if (name == "lout") o.length_outlier_share = v;
      else if (name == "lscale") o.length_outlier_scale = v;
      else if (name == "arprior") o.anchor_repeat_prior = v;
      else if (name == "arweight") o.anchor_repeat_weight = v;
      else if (name == "armax") o.anchor_repeat_max = v;
      else if (name == "cmiss") o.cognate_miss_weight = v;
      else if (name == "cognate") o.cognate_weight = v;
      else if (name == "lexical") o.lexical_weight = v;
      else if (name == "floor") o.lexical_floor = v;
      else if (name == "prior") o.prior_weight = v;
      else if (name == "self") o.lexical_self_weight = v;
      else if (name == "temp") o.temperature = v;
      else if (name == "train") o.train_confidence = v;
      else if (name.size() == 2 && name[0] == 'p') o.priors[static_cast<std::size_t>(name[1] - '0')] = v;
      else if (name == "prefix") o.lexical_prefix = static_cast<int>(v);
      else if (name == "band") o.band = static_cast<int>(v);
      else if (name == "lexband") o.lexical_band = static_cast<int>(v);
      else if (name == "support") o.second_pass_support = v;
      else if (name == "missfurther") o.anchor_miss_further = v;
      else {
        std::cerr << "unknown weight " << name << "\n";
        return 2;
      }
    } else {
      rest.push_back(a);
    }
  }
  if (rest.size() < 3 || rest.size() % 2 != 1) {
    std::cerr << "usage: align_eval_driver [options] OUT_DIR SRC TGT [SRC TGT]...\n";
    return 2;
  }
  std::vector<std::vector<tilmash::core::Segment>> texts;
  for (std::size_t k = 1; k < rest.size(); ++k) texts.push_back(read_lines(rest[k]));
  std::vector<tilmash::align::DocPair> docs;
  for (std::size_t k = 0; k + 1 < texts.size(); k += 2) docs.push_back({texts[k], texts[k + 1]});
  auto t0 = std::chrono::steady_clock::now();
  auto result = tilmash::align::align_batch(docs, o);
  auto t1 = std::chrono::steady_clock::now();
  std::cerr << "aligned in " << std::chrono::duration<double>(t1 - t0).count() << " s\n";
  for (std::size_t d = 0; d < result.size(); ++d) {
    std::ofstream out(rest[0] + "/" + std::to_string(d) + ".beads");
    std::ofstream conf(rest[0] + "/" + std::to_string(d) + ".conf");
    conf << std::setprecision(17);  // every bit: speed work compares two builds' confidences
    for (const auto& b : result[d].beads) {
      out << tilmash::core::format_bead(b) << "\n";
      conf << b.confidence << "\t" << tilmash::core::format_bead(b) << "\n";
    }
  }
  return 0;
}
