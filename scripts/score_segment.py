#!/usr/bin/env python3
"""Exact-sentence precision/recall/F1 of a sentence segmentation against gold.

usage: score_segment.py [--show N] LANG:PRED:GOLD [LANG:PRED:GOLD ...]

PRED and GOLD are files with one sentence per line, covering the same document in order.
A predicted sentence is correct when a gold sentence has the same start and end offsets in the
document. Offsets are counted in non-white-space characters, so they do not depend on how the
white space between sentences was written; a PRED whose characters differ from GOLD is reported
(the segmenter must not change text). Prints one row per language (totals over its files) and
then, per file, the gold sentences that were missed and the predicted ones that are wrong.
Exit status: 0, or 1 if the text of some PRED differs from its GOLD.
"""
import sys
from collections import defaultdict


def spans(lines):
    """(start, end) of each non-empty line in the stream of non-white-space characters."""
    out, pos = [], 0
    for line in lines:
        n = sum(1 for ch in line if not ch.isspace())
        if n:
            out.append((pos, pos + n))
            pos += n
    return out, pos


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def main(argv):
    show = 50
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--show":
        show, args = int(args[1]), args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    totals = defaultdict(lambda: [0, 0, 0])  # lang -> correct, predicted, gold
    report, status = [], 0
    for arg in args:
        lang, pred_path, gold_path = arg.split(":", 2)
        pred, gold = read_lines(pred_path), read_lines(gold_path)
        pred_spans, pred_len = spans(pred)
        gold_spans, gold_len = spans(gold)
        if "".join("".join(pred).split()) != "".join("".join(gold).split()):
            report.append(f"{pred_path}: text differs from {gold_path} "
                          f"({pred_len} vs {gold_len} non-space characters)")
            status = 1
        gold_set, pred_set = set(gold_spans), set(pred_spans)
        t = totals[lang]
        t[0] += len(gold_set & pred_set)
        t[1] += len(pred_spans)
        t[2] += len(gold_spans)
        missed = [g for g, s in zip(gold, gold_spans) if s not in pred_set]
        wrong = [p for p, s in zip(pred, pred_spans) if s not in gold_set]
        if missed or wrong:
            report.append(f"== {pred_path} vs {gold_path}")
            report += [f"  gold-only: {g}" for g in missed[:show]]
            report += [f"  pred-only: {p}" for p in wrong[:show]]
    print(f"{'lang':<6}{'gold':>6}{'pred':>6}{'ok':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for lang in sorted(totals):
        ok, npred, ngold = totals[lang]
        p = ok / npred if npred else 0.0
        r = ok / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang:<6}{ngold:>6}{npred:>6}{ok:>6}{p:>8.4f}{r:>8.4f}{f:>8.4f}")
    if report:
        print("\nmismatches:")
        print("\n".join(report))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
