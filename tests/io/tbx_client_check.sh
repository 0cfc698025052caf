#!/usr/bin/env bash
# Client check for the glossary exports (issue 5): Translate Toolkit reads the martif export of
# glossaries/xinjiang.tbx with one unit per entry (same ids, source and target terms present), and
# the OmegaT TSV exports (en->kk, en->ru) follow the rules of shared/formats/GLOSSARY-NOTES.md §3:
# '#' header, source<TAB>target<TAB>comment, no CR, no empty source or target, and no deprecated or
# forbidden term in the target column. Translate Toolkit also reads the TSV (translate.storage.omegat).
# Exits 77 (CTest SKIP_RETURN_CODE) when Translate Toolkit is not installed for /usr/bin/python3
# (apt-get install translate-toolkit; CI installs it).
# usage: tbx_client_check.sh TILMASH [GLOSSARY]
set -euo pipefail
bin=$(realpath "$1")
glossary=$(realpath "${2:-$(dirname "$0")/../../glossaries/xinjiang.tbx}")
py=/usr/bin/python3
if ! "$py" -c 'import translate.storage.tbx, translate.storage.omegat' 2>/dev/null; then
  echo "skip: Translate Toolkit is not importable by $py (apt-get install translate-toolkit)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" glossary list --json -g "$glossary" >"$work/list.json"
"$bin" glossary export --format martif -g "$glossary" -o "$work/g.tbx"
for tgt in kk ru; do
  "$bin" glossary export --format tsv --tgt "$tgt" -g "$glossary" -o "$work/g.en-$tgt.utf8"
done
"$py" - "$work" <<'PY'
import json, sys
from translate.storage import omegat, tbx
work = sys.argv[1]
entries = json.load(open(f'{work}/list.json', encoding='utf-8'))
problems = []
units = tbx.tbxfile.parsefile(f'{work}/g.tbx').units
if [u.getid() for u in units] != [e['id'] for e in entries]:
    problems.append(f'martif: Translate Toolkit read {len(units)} units, ids differ from the {len(entries)} entries')
for u in units:
    if not u.source or not u.target:
        problems.append(f'martif: unit {u.getid()} has source {u.source!r}, target {u.target!r}')
for tgt in ('kk', 'ru'):
    name = f'{work}/g.en-{tgt}.utf8'
    raw = open(name, 'rb').read()
    text = raw.decode('utf-8')
    if '\r' in text:
        problems.append(f'{tgt} tsv: CR inside the file')
    lines = text.split('\n')
    if not lines[0].startswith('#'):
        problems.append(f'{tgt} tsv: no # header line')
    unusable = {t['text'] for e in entries for t in e['terms'].get(tgt, [])
                if t['status'] in ('deprecated', 'forbidden')}
    usable = {t['text'] for e in entries for t in e['terms'].get(tgt, [])
              if t['status'] in ('preferred', 'admitted')}
    rows = [l for l in lines if l and not l.startswith('#')]
    for l in rows:
        cols = l.split('\t')
        if len(cols) not in (2, 3) or not cols[0].strip() or not cols[1].strip():
            problems.append(f'{tgt} tsv: bad row {l[:80]!r}')
        elif cols[1] in unusable and cols[1] not in usable:
            problems.append(f'{tgt} tsv: deprecated/forbidden term in the target column: {cols[1]!r}')
    store = omegat.OmegaTFileTab.parsefile(name) if name.endswith('.tab') else omegat.OmegaTFile.parsefile(name)
    # Translate Toolkit (unlike OmegaT) reads the '#' header as a unit without target.
    read = [u for u in store.units if not u.source.startswith('#')]
    if [(u.source, u.target) for u in read] != [tuple(r.split('\t')[:2]) for r in rows]:
        problems.append(f'{tgt} tsv: Translate Toolkit read {len(read)} units that differ from the {len(rows)} rows')
for p in problems[:20]:
    print('FAIL', p)
if problems:
    sys.exit(1)
print(f'ok: martif {len(units)} units; TSV en-kk and en-ru follow the OmegaT rules')
PY
