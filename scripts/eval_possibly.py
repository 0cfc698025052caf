#!/usr/bin/env python3
"""How well `check` reports the sentences the aligner may have glued into merged beads.

For each document pair: `tilmash align --format json` (each document alone, as a user with one
document runs it; without the shipped lexicon, which holds the news texts' own gold units), then
`tilmash check --json` on that file. Every `possibly-omitted-sentence`
or `possibly-added-sentence` finding names one sentence of a merged bead (its place in the
bead's side); it is right when the gold has that sentence in a 1-0 or 0-1 bead. Prints, per
set, the findings, how many are right, and how many gold one-sided sentences the aligner put
into merged beads (what the findings are there to catch).

usage:
  scripts/eval_possibly.py [--tilmash build/tilmash] [--shared ../shared] [--show]
                           [news [NN ...]] [textberg]
    news      the news texts (tests/segment/data/news, gold in tests/align/data/news), en-kk
              and en-ru; NN picks documents (default: all)
    textberg  the 7 Text+Berg test documents, de-fr
    --show    print each finding, RIGHT or FALSE
Default: news and textberg.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def side(text):
    text = text.strip().strip("[]").strip()
    return [int(x) for x in re.split(r"[,\s]+", text) if x] if text else []


def gold_beads(path):
    with open(path, encoding="utf-8") as f:
        return [(side(l.split(":", 1)[0]), side(l.split(":", 1)[1])) for l in f if ":" in l]


def news_jobs(work, docs):
    subprocess.run([sys.executable, os.path.join(REPO, "tests/segment/make_eval_sets.py"), "news",
                    os.path.join(REPO, "tests/segment/data/news"), work],
                   check=True, capture_output=True)
    gold_dir = os.path.join(REPO, "tests/align/data/news")
    if not docs:
        docs = sorted(os.path.basename(g).split(".")[0]
                      for g in glob.glob(os.path.join(gold_dir, "*.en-kk.gold")))
    for k in docs:
        for lang in ("kk", "ru"):
            yield (f"{k}.{lang}", "en", lang, f"{work}/{k}.en.sent", f"{work}/{k}.{lang}.sent",
                   f"{gold_dir}/{k}.en-{lang}.gold")


def textberg_jobs(shared):
    tb = os.path.join(shared, "bench/textberg")
    for k in range(7):
        yield (f"test{k}", "de", "fr", f"{tb}/test{k}.de", f"{tb}/test{k}.fr", f"{tb}/test{k}.defr")


def run(tilmash, jobs, work, show):
    found = right = hidden = 0
    for name, src, tgt, src_file, tgt_file, gold_file in jobs:
        out = os.path.join(work, name + ".json")
        subprocess.run([tilmash, "align", "--segmented", "--langs", f"{src},{tgt}", src_file,
                        tgt_file, "--format", "json", "-o", out, "--no-lexicon"], check=True,
                       capture_output=True)
        checked = subprocess.run([tilmash, "check", out, "--json"], capture_output=True, text=True)
        if checked.returncode not in (0, 1):
            sys.exit(f"eval_possibly.py: check failed on {out}: {checked.stderr}")
        findings = json.loads(checked.stdout) if checked.stdout.strip() else []
        with open(out, encoding="utf-8") as f:
            beads = json.load(f)
        gold = gold_beads(gold_file)
        alone = ({(0, x) for s, t in gold if not t for x in s}
                 | {(1, x) for s, t in gold if not s for x in t})
        for b in beads:
            s, t = b["indices"][src], b["indices"][tgt]
            if s and t:
                hidden += sum((0, x) in alone for x in s if len(s) >= 2)
                hidden += sum((1, x) in alone for x in t if len(t) >= 2)
        for f in findings:
            if not f["kind"].startswith("possibly-"):
                continue
            found += 1
            bead = beads[int(re.sub(r"\D", "", str(f["tuid"]))) - 1]
            place = int(re.search(r"side's (\d+)", f["message"]).group(1)) - 1
            k = 0 if f["kind"] == "possibly-omitted-sentence" else 1
            ok = (k, bead["indices"][src if k == 0 else tgt][place]) in alone
            right += ok
            if show:
                print(("RIGHT " if ok else "FALSE ") + name + " " + f["message"][:160])
    return found, right, hidden


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tilmash", default=os.path.join(REPO, "build/tilmash"))
    ap.add_argument("--shared", default=os.path.join(REPO, "../shared"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("sets", nargs="*")
    args = ap.parse_args()
    sets, docs, current = [], [], None
    for a in args.sets:
        if a in ("news", "textberg"):
            sets.append(a)
            current = a
        elif current == "news" and re.fullmatch(r"\d+", a):
            docs.append(a)
        else:
            ap.error(f"unknown set or document '{a}'")
    sets = sets or ["news", "textberg"]
    print(f"{'set':<24}{'findings':>10}{'right':>8}{'one-sided in merged beads':>28}")
    with tempfile.TemporaryDirectory() as work:
        for s in sets:
            jobs = news_jobs(work, docs) if s == "news" else textberg_jobs(args.shared)
            found, right, hidden = run(args.tilmash, list(jobs), work, args.show)
            label = s + (" " + ",".join(docs) if s == "news" and docs else "")
            print(f"{label:<24}{found:>10}{right:>8}{hidden:>28}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
