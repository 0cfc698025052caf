// Bilingual dictionaries in the dictd format, as the FreeDict project publishes them and Debian
// installs them (dict-freedict-deu-fra, dict-freedict-eng-rus, …: /usr/share/dictd/
// freedict-SRC-TGT.index and .dict.dz). The aligner's lexical model learns word pairs from them
// (app/align_dictionary.h).
//
// The format (dictd(8), dictfmt(1)): NAME.index holds one line per headword, "headword TAB
// offset TAB length", offset and length in base 64 (A-Z a-z 0-9 + /, most significant digit
// first), pointing into NAME.dict, the entries' text, which NAME.dict.dz holds compressed with
// dictzip (a gzip file). Headwords beginning with "00database" / "00-database" are the
// dictionary's own description and are skipped.
//
// FreeDict renders each TEI entry as text: the headword line ("Haus /haʊ̯s/ <n, neut>": the
// headword, its pronunciation between slashes, its part of speech in angle brackets), then the
// senses. With one sense the next line holds its translations ("maison, demeure"), and any line
// after it a definition or an example. With several, each sense begins with its number ("1.
// maison", "2. foyer"), the translations after the number; a sense without translations is its
// number alone, and the lines between numbers are definitions. Only translations are read:
// the items of a translation line separated by ',' or ';', with parenthesised remarks
// ("(coll.)") and the next sense's number at the end of a line ("maison 2.") left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tilmash::io {

struct DictdEntry {
  std::string headword;                   // as the entry writes it (not the index's folded form)
  std::vector<std::string> translations;  // in the entry's order, each once; may be empty
};

// Parses a dictionary: `index` the text of NAME.index, `data` the uncompressed NAME.dict.
// Entries come in the index's order. Throws InputError naming `index_path` and the index line
// for a line without three tab-separated fields, a base-64 number that is not one or does not
// fit, an entry outside `data`, or an entry that is not valid UTF-8.
std::vector<DictdEntry> parse_dictd(std::string_view index, std::string_view data,
                                    const std::string& index_path);

// The uncompressed bytes of a gzip (or dictzip) file. Throws InputError naming `path` when the
// bytes are not gzip, are cut short or corrupt, or would inflate beyond `limit` bytes.
std::string gunzip(std::string_view bytes, const std::string& path, std::size_t limit);

// Largest uncompressed NAME.dict read_dictd accepts (FreeDict's largest, eng-fra, is ~30 MB).
inline constexpr std::size_t kMaxDictdBytes = std::size_t{512} << 20;

// Reads the dictionary NAME given as NAME.index, NAME.dict.dz or NAME.dict: the index and the
// data beside it (NAME.dict.dz, else NAME.dict). IoError when a file is missing or unreadable;
// InputError as parse_dictd and gunzip say.
std::vector<DictdEntry> read_dictd(const std::string& path);

// True when `path` names a dictd dictionary (ends in .index, .dict.dz or .dict).
bool is_dictd_path(std::string_view path);

}  // namespace tilmash::io
