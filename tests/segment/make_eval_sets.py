#!/usr/bin/env python3
"""Builds the segmentation evaluation sets that scripts/eval_segment.sh scores.

usage:
  make_eval_sets.py news DIR OUT
      DIR holds NN.LANG.gold files: one sentence per line, a blank line between paragraphs
      (tests/segment/data/news). Writes OUT/NN.LANG.txt (one paragraph per line, its sentences
      joined with one space) and OUT/NN.LANG.sent (the gold, one sentence per line).
  make_eval_sets.py news-lines DIR OUT
      The same, but a gold sentence without final punctuation (a heading, caption, credit,
      sign-off or table row: see unpunctuated) is a line of its own, and a bulleted item
      (bulleted) starts one, as they are in a document; the paragraph's other sentences are
      joined with one space.
  make_eval_sets.py perturb CORPUS OUT [--seeds 1,2,3,4,5]
      CORPUS holds NNN.LANG.txt and NNN.LANG.sent (../shared/corpus: each .txt line is its
      .sent lines joined with one space). For every seed and file, rewrites some sentences with
      a fixed random generator so that they begin with a number (a year, a date, a count, a
      percentage) followed by a lower-case word: "2019 жылы …", "25 января …", "14 people …",
      the case UAX #29 does not break before. Into other sentences it puts an abbreviation before
      a number that must not break ("(see p. 12)", "(ст. 5)", "2017 ж. 5 наурызда"). Writes
      OUT/sS-NNN.LANG.txt and .sent.

The templates are generic phrases written for this script; they are not tuned to any sentence.
"""
import os
import random
import sys

LANGS = ("en", "kk", "ru")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    # Kazakh locative ("in January") and Russian genitive ("of January") forms.
    "kk": ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде",
           "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
}

# Openings that make a sentence begin with a number followed by a lower-case word. {rest} is
# the original sentence with its first letter in lower case.
OPENINGS = {
    "en": [
        "{year} was the year when {rest}",
        "{n} people say that {rest}",
        "{day} {month} was when {rest}",
        "{pct}% of those asked said that {rest}",
        "{n} witnesses confirmed that {rest}",
    ],
    "kk": [
        "{year} жылы {rest}",
        "{day} {month} {rest}",
        "{n} адамның айтуынша, {rest}",
        "{pct} пайызы {rest}",
        "{year} жылдың басында {rest}",
    ],
    "ru": [
        "{day} {month} {rest}",
        "{year} год показал, что {rest}",
        "{n} человек заявили, что {rest}",
        "{pct}% опрошенных считают, что {rest}",
        "{year} году предшествовало то, что {rest}",
    ],
}

# Abbreviations before a number, inside a sentence: no break may follow them.
INSERTS = {
    "en": ["(see p. {n})", "(No. {n} on the list)", "(pp. {n}-{m} of the report)",
           "(Art. {n})", "at {h} a.m. on {day} {month}"],
    "kk": ["(б. {n})", "({year} ж. {day} {month})", "(№ {n} тізім)", "(т. {k}, б. {n})",
           "(ш. {n} адам)"],
    "ru": ["(ст. {n})", "(см. с. {n})", "(п. {k} доклада)", "(т. {k}, с. {n})",
           "(ок. {n} чел.)"],
}


def lower_first(sentence):
    if len(sentence) >= 2 and sentence[1].isupper():  # an acronym: "UN", "АҚШ"
        return sentence
    return sentence[:1].lower() + sentence[1:]


def values(rng, lang):
    return {
        "year": rng.randint(1990, 2026),
        "n": rng.randint(2, 400),
        "m": rng.randint(401, 900),
        "k": rng.randint(1, 9),
        "h": rng.randint(1, 11),
        "pct": rng.randint(2, 98),
        "day": rng.randint(1, 28),
        "month": rng.choice(MONTHS[lang]),
    }


def perturb_sentence(rng, lang, sentence, first_in_paragraph):
    """One sentence, possibly rewritten. Titles and bylines (no final punctuation) stay."""
    if not sentence or sentence[-1] not in ".!?»\"”":
        return sentence
    roll = rng.random()
    if roll < 0.35 and not first_in_paragraph:
        return rng.choice(OPENINGS[lang]).format(rest=lower_first(sentence), **values(rng, lang))
    if roll < 0.55:
        words = sentence.split(" ")
        if len(words) >= 4:
            at = rng.randint(1, len(words) - 2)
            insert = rng.choice(INSERTS[lang]).format(**values(rng, lang))
            return " ".join(words[:at] + [insert] + words[at:])
    return sentence


def paragraphs_of(txt_lines, sent_lines):
    """Groups the gold sentences by paragraph (each .txt line is its sentences joined)."""
    out, i = [], 0
    for line in txt_lines:
        para, joined = [], ""
        while i < len(sent_lines) and joined != line:
            para.append(sent_lines[i])
            joined = " ".join(para)
            i += 1
        if joined != line:
            raise SystemExit(f"make_eval_sets.py: .txt and .sent disagree near: {line[:60]}")
        out.append(para)
    return out


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


# Closing quotes and brackets that may follow a sentence's final punctuation.
CLOSERS = "\"'»”’)]"


def unpunctuated(sentence):
    """A line without final punctuation: a heading, caption, credit, sign-off or table row, which a
    document sets on a line of its own ("Step 1: Collect the facts", "Photo: A. Bekov",
    "Yours sincerely,", "Kazakhstan – 131 (61%)"): it ends with no full stop, question or
    exclamation mark, ellipsis, colon, semicolon or dash (an interrupted line of speech, "that
    he —", goes on in the same line)."""
    s = sentence.rstrip(CLOSERS)
    return bool(s) and s[-1] not in ".!?…:;—–-"


def bulleted(sentence):
    """A list item set with a bullet ("- Fluent English.", "— Свободный английский.", "• …") or a
    line an e-mail quotes ("> On Mon, … wrote:"), which a document starts on a line of its own."""
    return sentence[:2] in ("- ", "– ", "— ", "• ", "* ", "> ")


def write_set(out_dir, name, paragraphs, lines=False):
    with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
        for para in paragraphs:
            text = ""
            for k, sentence in enumerate(para):
                if k > 0:
                    own_line = unpunctuated(para[k - 1]) or unpunctuated(sentence) or bulleted(sentence)
                    text += "\n" if lines and own_line else " "
                text += sentence
            f.write(text + "\n")
    with open(os.path.join(out_dir, name + ".sent"), "w", encoding="utf-8") as f:
        for para in paragraphs:
            for sentence in para:
                f.write(sentence + "\n")


def news(src, out_dir, lines=False):
    for name in sorted(os.listdir(src)):
        if not name.endswith(".gold"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            blocks = f.read().split("\n\n")
        paragraphs = [[l for l in b.split("\n") if l.strip()] for b in blocks]
        write_set(out_dir, name[: -len(".gold")], [p for p in paragraphs if p], lines)


def perturb(corpus, out_dir, seeds):
    for seed in seeds:
        for name in sorted(os.listdir(corpus)):
            base, _, ext = name.rpartition(".")
            if ext != "txt" or base.rpartition(".")[2] not in LANGS:
                continue
            lang = base.rpartition(".")[2]
            rng = random.Random(f"{seed}:{base}")
            paragraphs = paragraphs_of(read_lines(os.path.join(corpus, name)),
                                       read_lines(os.path.join(corpus, base + ".sent")))
            changed = [[perturb_sentence(rng, lang, s, i == 0) for i, s in enumerate(p)]
                       for p in paragraphs]
            write_set(out_dir, f"s{seed}-{base}", changed)


def main(argv):
    if len(argv) >= 4 and argv[1] in ("news", "news-lines"):
        news(argv[2], argv[3], argv[1] == "news-lines")
    elif len(argv) >= 4 and argv[1] == "perturb":
        seeds = [1, 2, 3, 4, 5]
        if len(argv) == 6 and argv[4] == "--seeds":
            seeds = [int(s) for s in argv[5].split(",")]
        perturb(argv[2], argv[3], seeds)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
