// Reading XLIFF 1.2 (and 1.0/1.1) and XLIFF 2.x work files into core::TranslationUnit values,
// the type `check` and `tm import` take from TMX, with each unit's workflow state beside it.
// SDLXLIFF (Trados) and MQXLIFF (memoQ) are XLIFF 1.2 plus namespaced extras: their segment
// states are read (sdl:seg conf, mq:status), everything else of theirs is skipped.
//
// Units. XLIFF 1.2: one per <trans-unit>, tuid = its id; when <seg-source> splits the source
// into <mrk mtype="seg" mid="…"> segments (OmegaT, Trados, Okapi), one per segment, tuid =
// "<id>/<mid>", the target segment found by the same mid (no such segment: no target). A
// target without <mrk> segments beside a split source pairs with the whole source (tuid = id).
// XLIFF 2.x: one per <segment>, tuid = "<unit id>/<segment id>" ("<unit id>/<k>" for the k-th
// segment when it has no id; just "<unit id>" when the unit has one segment without an id).
// <ignorable> is skipped. Ids are per <file>: a file with several <file>s may repeat them,
// except in tilmash's own three-language alignments (the tilmash namespace declared): there
// the units of one id, one per <file>, are joined into one multilingual unit, as TMX has it.
//
// Inline codes become TMX 1.4b inline markup (core::Variant::inline_xml), the model the TMX
// reader keeps, so nothing is lost and the TMX writer writes them back:
//   1.2 <g>…</g>            -> <bpt i>&lt;g …&gt;</bpt>…<ept i>&lt;/g&gt;</ept>
//   1.2 <x/>, 2.x <ph/>     -> <ph>&lt;x …/&gt;</ph> (the XLIFF tag as native code)
//   1.2 <bx/>, <ex/>        -> <it pos="begin|end">&lt;bx …/&gt;</it>
//   1.2 <bpt>, <ept>, <ph>, <it> -> the same TMX element with its native code (and <sub>s)
//   2.x <pc>…</pc>          -> <bpt>&lt;pc …&gt;</bpt>…<ept>&lt;/pc&gt;</ept>
//   2.x <sc/> … <ec/>       -> <bpt>/<ept> when both stand in the segment, else <it>
//   1.2 <mrk>, 2.x <mrk>    -> <hi type="mtype|type">…</hi> (the text stays text)
//   2.x <sm/>, <em/>, <cp/> -> <ph> with the tag as native code
// Elements of other namespaces inside a segment give their text. The plain text
// (core::Variant::text) is then what the TMX reader would give for that markup.
//
// Memory: the whole file (XLIFF work files are documents, not TMs of millions of units).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

// One unit of an XLIFF file: a source variant, and a target variant when the file has a
// non-empty <target> for it.
struct XliffUnit {
  core::TranslationUnit unit;  // variants: source, then target (if any); props from tilmash's
                               // own attributes (xliff_writer.h); notes from <note>s
  bool has_target = false;
  // The target's state as XLIFF 1.2 or 2.x names it ("translated", "final", "reviewed" …;
  // "x-…" values as written). SDLXLIFF conf and memoQ status are mapped (docs/CLI.md, tm).
  // Empty when the file gives none (1.2); 2.x without a state is "initial", its default.
  std::string state;
  bool approved = false;  // XLIFF 1.2 approved="yes" on the <trans-unit>
};

struct XliffDocument {
  std::string version;      // "1.2", "2.0" … as written
  std::string source_lang;  // of the first <file> (1.2) or the root (2.x), normalized
  std::vector<XliffUnit> units;
};

struct XliffReadOptions {
  // The target language of a <file> that names none (1.2 target-language, 2.x trgLang):
  // Translate Toolkit's po2xliff writes none. Empty: such a file with a target is an error.
  std::string target_lang;
};

// Parses XLIFF `bytes` (any encoding io::xml_utf8 reads); `path` names them in messages.
// Throws InputError ("path:line:col: error: …") for input that is not well-formed XML
// (io::check_xml: depth limit, strict rules), not XLIFF, an unsupported version, a missing
// source language, a <trans-unit>/<unit> without an id or a <source>, or a file where no unit
// has a target ("nothing to check or import").
// Units of Translate Toolkit's gettext header (restype="x-gettext-domain-header") are skipped.
XliffDocument parse_xliff(std::string_view bytes, const std::string& path,
                          const XliffReadOptions& options = {});

// read_file + parse_xliff. Throws IoError when the file cannot be read.
XliffDocument read_xliff(const std::string& path, const XliffReadOptions& options = {});

// True when `path` holds an XML document whose root element is <xliff> (any prefix), judged
// from its first 64 KiB. "-" (stdin) is never sniffed: false. Throws IoError when the file
// cannot be read; bytes that are not readable XML give false (the TMX reader then reports
// them).
bool is_xliff_file(const std::string& path);

// The states `tm import` takes by default: XLIFF 1.2 translated, signed-off, final; 2.x
// translated, reviewed, final; and "none" (a 1.2 target with no state: nothing says it is
// unfinished). approved="yes" always counts.
std::set<std::string> default_import_states();

// "translated,final" -> its states; throws std::invalid_argument naming an unknown one. Known:
// the 1.2 and 2.x values, "none", and "x-…" extension values.
std::set<std::string> parse_states(std::string_view list);

// The units `tm import` takes (a target, and approved or a state in `states`), and how many
// were left out per reason ("no target" or "state S").
struct XliffSelection {
  std::vector<core::TranslationUnit> units;
  std::map<std::string, std::size_t> skipped;
};
XliffSelection select_for_import(XliffDocument doc, const std::set<std::string>& states);

}  // namespace tilmash::io
