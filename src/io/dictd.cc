#include "io/dictd.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <zlib.h>

#include "core/utf8.h"
#include "io/document.h"
#include "io/errors.h"

namespace tilmash::io {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && blank(s.back()))
    s.remove_suffix(1);
  return s;
}

// The value of a base-64 number of dictd's index, or -1 when it is empty, holds another
// character or has more digits than a file offset needs (10 digits: 2^60).
std::int64_t base64_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 10)
    return -1;
  std::int64_t n = 0;
  for (char c : digits) {
    const std::size_t d = kBase64.find(c);
    if (d == std::string_view::npos)
      return -1;
    n = n * 64 + static_cast<std::int64_t>(d);
  }
  return n;
}

// The length of a sense number ("12.") at the start of `line`, followed by a space or the end;
// 0 when the line does not begin with one.
std::size_t sense_number(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9')
    ++i;
  if (i == 0 || i >= line.size() || line[i] != '.')
    return 0;
  ++i;
  return i == line.size() || line[i] == ' ' || line[i] == '\t' ? i : 0;
}

// A translation line without its sense number and without the next sense's number at its end.
std::string_view translation_text(std::string_view line) {
  line = trim(line.substr(sense_number(line)));
  // "maison 2.": the number of the sense that follows.
  if (std::size_t sp = line.find_last_of(' '); sp != std::string_view::npos) {
    if (std::string_view last = line.substr(sp + 1); sense_number(last) == last.size()) {
      line = trim(line.substr(0, sp));
    }
  }
  return line;
}

// The items of a translation line: split on ',' and ';' outside parentheses, parenthesised
// remarks left out, each trimmed, empty and repeated ones dropped.
void add_items(std::string_view line, std::vector<std::string>& out) {
  std::string item;
  int depth = 0;
  auto flush = [&] {
    std::string_view t = trim(item);
    std::string collapsed;
    for (char c : t) {  // "a  b" (where a remark was) -> "a b"
      if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ')
        continue;
      collapsed += c;
    }
    if (!collapsed.empty() && std::find(out.begin(), out.end(), collapsed) == out.end()) {
      out.push_back(std::move(collapsed));
    }
    item.clear();
  };
  for (char c : line) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ',' || c == ';')) {
      flush();
    } else if (depth == 0) {
      item += c;
    }
  }
  flush();
}

DictdEntry parse_entry(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos)
      nl = text.size();
    if (std::string_view line = trim(text.substr(at, nl - at)); !line.empty())
      lines.push_back(line);
    at = nl + 1;
  }
  DictdEntry e;
  if (lines.empty())
    return e;
  std::string_view head = lines[0];
  for (std::string_view mark : {" /", " <"})
    head = head.substr(0, head.find(mark));
  e.headword = std::string(trim(head));
  if (lines.size() < 2)
    return e;
  if (sense_number(lines[1]) == 0) {
    add_items(translation_text(lines[1]), e.translations);
    return e;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (sense_number(lines[i]) != 0)
      add_items(translation_text(lines[i]), e.translations);
  }
  return e;
}

bool is_description(std::string_view headword) {
  return headword.starts_with("00database") || headword.starts_with("00-database");
}

}  // namespace

std::vector<DictdEntry> parse_dictd(std::string_view index, std::string_view data,
                                    const std::string& index_path) {
  std::vector<DictdEntry> out;
  std::size_t line_no = 0;
  for (std::size_t at = 0; at < index.size();) {
    std::size_t nl = index.find('\n', at);
    if (nl == std::string_view::npos)
      nl = index.size();
    std::string_view line = index.substr(at, nl - at);
    at = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (line.empty())
      continue;
    if (core::find_invalid_utf8(line)) {
      throw InputError(index_path, line_no, 0, "invalid UTF-8 byte sequence");
    }
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      throw InputError(index_path, line_no, 0,
                       "expected 'headword<TAB>offset<TAB>length' (a dictd index)");
    }
    const std::string_view word = line.substr(0, t1);
    const std::string_view off_text = line.substr(t1 + 1, t2 - t1 - 1);
    std::string_view len_text = line.substr(t2 + 1);
    len_text = len_text.substr(0, len_text.find('\t'));  // dictd allows more fields after it
    const std::int64_t off = base64_number(off_text);
    const std::int64_t len = base64_number(len_text);
    if (off < 0 || len < 0) {
      throw InputError(index_path, line_no, 0,
                       "offset or length is not a base-64 number: '" + std::string(off_text)
                           + "', '" + std::string(len_text) + "'");
    }
    const auto size = static_cast<std::int64_t>(data.size());
    if (off > size || len > size - off) {
      throw InputError(index_path, line_no, 0,
                       "entry '" + std::string(word) + "' lies outside the data ("
                           + std::to_string(off) + "+" + std::to_string(len) + " > "
                           + std::to_string(size) + " bytes)");
    }
    if (is_description(word))
      continue;
    const std::string_view text =
        data.substr(static_cast<std::size_t>(off), static_cast<std::size_t>(len));
    if (core::find_invalid_utf8(text)) {
      throw InputError(index_path, line_no, 0,
                       "entry '" + std::string(word) + "' is not valid UTF-8");
    }
    DictdEntry e = parse_entry(text);
    if (!e.headword.empty())
      out.push_back(std::move(e));
  }
  return out;
}

std::string gunzip(std::string_view bytes, const std::string& path, std::size_t limit) {
  if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f
      || static_cast<unsigned char>(bytes[1]) != 0x8b) {
    throw InputError(path, 0, 0, "not a gzip (dictzip) file");
  }
  if (bytes.size() > std::numeric_limits<uInt>::max()) {
    throw InputError(path, 0, 0, "too large for one gzip stream");
  }
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
    throw InputError(path, 0, 0, "zlib: cannot start");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  int rc = Z_OK;
  while (true) {
    if (out.size() >= limit) {
      inflateEnd(&z);
      throw InputError(path, 0, 0,
                       "inflates beyond " + std::to_string(limit >> 20) + " MB; not read");
    }
    const std::size_t used = out.size();
    const std::size_t chunk = std::min<std::size_t>(std::size_t{1} << 20, limit - used);
    out.resize(used + chunk);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    z.avail_out = static_cast<uInt>(chunk);
    rc = inflate(&z, Z_NO_FLUSH);
    out.resize(used + (chunk - z.avail_out));
    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0)
        break;
      // Another gzip member may follow (gzip(1) concatenates them); anything else is garbage.
      if (z.avail_in < 2 || z.next_in[0] != 0x1f || z.next_in[1] != 0x8b) {
        inflateEnd(&z);
        throw InputError(path, 0, 0, "bytes after the end of the gzip stream");
      }
      if (inflateReset(&z) != Z_OK)
        break;
      continue;
    }
    if (rc == Z_OK)
      continue;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      inflateEnd(&z);
      throw InputError(path, 0, 0, "gzip stream cut short");
    }
    const std::string why = z.msg != nullptr ? z.msg : "error " + std::to_string(rc);
    inflateEnd(&z);
    throw InputError(path, 0, 0, "corrupt gzip stream: " + why);
  }
  inflateEnd(&z);
  return out;
}

bool is_dictd_path(std::string_view path) {
  return path.ends_with(".index") || path.ends_with(".dict.dz") || path.ends_with(".dict");
}

std::vector<DictdEntry> read_dictd(const std::string& path) {
  std::string base = path;
  for (std::string_view ext : {".index", ".dict.dz", ".dict"}) {
    if (base.ends_with(ext)) {
      base.resize(base.size() - ext.size());
      break;
    }
  }
  const std::string index_path = base + ".index";
  const std::string index = read_file(index_path);
  const std::string dz = base + ".dict.dz";
  const std::string plain = base + ".dict";
  // The compressed data unless only the plain one is there (a missing file is named as .dz).
  const std::string data = std::filesystem::exists(dz) || !std::filesystem::exists(plain)
                               ? gunzip(read_file(dz), dz, kMaxDictdBytes)
                               : read_file(plain);
  return parse_dictd(index, data, index_path);
}

}  // namespace tilmash::io
