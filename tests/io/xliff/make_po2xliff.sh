#!/usr/bin/env bash
# Regenerates po2xliff.xlf with Translate Toolkit's po2xliff (Debian translate-toolkit) from the
# PO below: a translated, a fuzzy and an untranslated message, and one with a plural-free
# format string. Run from anywhere; the output is committed. po2xliff writes no target-language:
# `check`/`tm import` then need --target-lang.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/appeal.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: kk\n"

#: appeal.html:3
msgid "The camp held 200,000 people."
msgstr "Лагерде 200 мың адам ұсталды."

#: appeal.html:4
#, fuzzy
msgid "She was released on 5 May 2019."
msgstr "Ол 2019 жылы 6 мамырда босатылды."

#: appeal.html:5
msgid "Her brother is still missing."
msgstr ""

#: appeal.html:6
#, c-format
msgid "%d families wrote to the ministry."
msgstr "%d отбасы министрлікке хат жазды."
PO
cd "$tmp" && po2xliff --progress=none -i appeal.po -o "$here/po2xliff.xlf"
