// check: aligned translations (TMX, XLIFF or align JSON) checked against the glossary
// (terms), for numbers and dates, omitted and added sentences, and optionally spelling.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "qa/omission_check.h"
#include "qa/term_check.h"

namespace tilmash::app {

struct CheckRequest {
  std::string path = "-";                // the units ("-" = stdin TMX)
  std::string from = "auto";             // tmx | xliff | json | auto (.json; root <xliff>; else tmx)
  std::string target_lang;               // XLIFF: the target language when the file names none
  std::vector<std::string> glossaries;   // resolved paths (app::glossary_paths)
  qa::CheckOptions options;              // numbers, terms, min_severity, date ("" = find one)
  // Spelling: nullopt = off; "" = the default target languages; "kk,ru" = exactly these.
  std::optional<std::string> spelling;
  std::string spelling_dict;             // a folder searched first ("" = none)
  std::string html;                      // also write the review page here ("" = no page)
  // Told a one-line notice for the user ("spelling of kk is off by default …"), when set.
  std::function<void(const std::string&)> notice;
};

struct CheckResult {
  std::vector<core::TranslationUnit> units;
  std::vector<qa::Finding> findings;            // unit order; per unit terms, spelling, one-sided
  std::map<std::size_t, qa::OneSided> context;  // finding index -> neighbours (omitted/added)
  std::string date_note;                        // " (text dated … by unit …)" or ""
  std::size_t count(qa::Severity severity) const;
};

// Reads the units, checks them, writes the review page when asked. OptionError for a bad
// --from, --spelling or --spelling-dict; core::Failure for unreadable or invalid input.
CheckResult check_units(const CheckRequest& request);

// The findings as check --json prints them (a JSON array, one finding a line).
std::string findings_json(const CheckResult& result);

// The findings as check prints them: one section per severity, errors first, findings by
// unit; weak alignment links called out; ANSI colours when `colour`.
std::string findings_text(const CheckResult& result, bool colour);

// The closing line: "N errors, N warnings, N notices in N units" + date note.
std::string check_summary(const CheckResult& result);

}  // namespace tilmash::app
