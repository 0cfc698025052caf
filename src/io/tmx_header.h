// The <header> of a TMX document, shared by tmx_reader (what a file says) and tmx_writer (what
// tilmash writes). Plain values only.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"

namespace tilmash::io {

struct TmxHeader {
  std::string srclang = "en";     // source language tag, or "*all*"; writers map it like tuvs
  std::string adminlang = "en";   // language of notes and props
  std::string creationdate;       // "YYYYMMDDThhmmssZ"; writers: empty = now/SOURCE_DATE_EPOCH
  std::vector<core::Prop> props;  // header props, e.g. x-document
  std::vector<std::string> notes;
  // As read from a file; the writer always writes tilmash's own values for these.
  std::string version;            // <tmx version>: "1.4", "1.1" …
  std::string creationtool;
  std::string creationtoolversion;
  std::string segtype;            // block | paragraph | sentence | phrase
  std::string o_tmf;
  std::string datatype;
};

}  // namespace tilmash::io
