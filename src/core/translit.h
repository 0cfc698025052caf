// Script conversion of text: Kazakh Cyrillic -> Kazakh Latin (the 2021 alphabet) with an ICU
// rule-based transliterator whose rules are data (src/core/translit/*.rules). Only letters of
// the Kazakh Cyrillic alphabet change; everything else passes through. Must not guess the
// language of the text: callers decide what is Kazakh.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tilmash::core {

class Transliterator {
 public:
  // A transliterator to `target`: "kk-Latn" (Kazakh Latin, 2021 alphabet; Russian-only letters
  // follow the project defaults marked in the rules file). Returns kUnsupported for any other
  // target, kIcu when ICU cannot compile the rules (message with ICU's line and offset).
  static Result<Transliterator> create(std::string_view target);

  // `text` (well-formed UTF-8) with Kazakh Cyrillic letters replaced, NFC. Thread-safe.
  std::string operator()(std::string_view text) const;

  // The rules text for `target` ("kk-Latn"), empty if unknown.
  static std::string_view rules(std::string_view target);

 private:
  struct Impl;
  explicit Transliterator(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace tilmash::core
