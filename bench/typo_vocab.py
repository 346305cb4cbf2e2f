#!/usr/bin/env python3
"""A portal whose English vocabulary is as large as a real 100,000-recommendation portal's,
for measuring the bytes of typo queries (the typo files hold the vocabulary, so their size
depends on it, not on how many entries use it). Not a test.

    bench/typo_vocab.py SHARED_DATA PORTAL RECOMMENDATIONS [TARGET_RECOMMENDATIONS]

PORTAL is a portal made by `docket synth PORTAL --recommendations RECOMMENDATIONS --languages
en`; its `text_en` cells are replaced. The real words come from the UPR Info export and the
SDG targets in SHARED_DATA (English). Heaps' law (V = K n^b), fitted on that text, gives the
number of distinct words of a portal of TARGET_RECOMMENDATIONS (default 100,000) texts of the
same length; the words the real text lacks are made by a letter trigram model trained on its
words (so their lengths and letters are like English). Every word appears in some text.
Prints the fit and the vocabulary size.
"""

import csv
import math
import random
import re
import sys
from pathlib import Path

WORD = re.compile(r"[a-z]+")


def real_texts(shared):
    texts = []
    export = Path(shared) / "upr-info" / "paraguay-upr-info-export.csv"
    with open(export, encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f, delimiter=";"):
            if row and row[0] != "SuR":
                texts.append(row[3])
    targets = Path(shared) / "sdg" / "en" / "global_targets.yml"
    current = None
    for line in targets.read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and current is not None:
            texts[current] += " " + line.strip()
        elif ":" in line:
            texts.append(line.split(":", 1)[1].strip())
            current = len(texts) - 1
    return [WORD.findall(t.lower()) for t in texts]


def heaps_fit(texts):
    """K and b of V = K n^b, by least squares on log V against log n along the text."""
    seen, n, points = set(), 0, []
    for words in texts:
        for w in words:
            n += 1
            seen.add(w)
        points.append((math.log(n), math.log(len(seen))))
    xs, ys = zip(*points[len(points) // 10:])
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my - b * mx), b, n


def trigram_words(real, count, rng):
    """`count` new words from a letter trigram model of `real` (^^ starts, $ ends)."""
    model = {}
    for w in real:
        padded = "^^" + w + "$"
        for i in range(len(padded) - 2):
            model.setdefault(padded[i:i + 2], []).append(padded[i + 2])
    made, known = [], set(real)
    while len(made) < count:
        state, out = "^^", ""
        while len(out) < 24:
            c = rng.choice(model[state])
            if c == "$":
                break
            out += c
            state = state[1] + c
        if 3 <= len(out) <= 20 and out not in known:
            known.add(out)
            made.append(out)
    return made


def main():
    shared, portal, recs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    target = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    texts = real_texts(shared)
    k, b, n = heaps_fit(texts)
    per_text = n / len(texts)
    vocabulary = round(k * (target * per_text) ** b)
    real = sorted({w for t in texts for w in t})
    rng = random.Random(7)
    words = real + trigram_words(real, max(0, vocabulary - len(real)), rng)
    rng.shuffle(words)
    path = portal / "data" / "recommendations.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    column = rows[0].index("text_en")
    per_rec = math.ceil(len(words) / recs)
    for i, row in enumerate(rows[1:]):
        own = words[i * per_rec:(i + 1) * per_rec]
        # Some real text too, so that common words are common.
        row[column] = " ".join(own + texts[i % len(texts)][:12]).capitalize() + "."
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    print(f"real text: {len(texts)} texts, {n} words, {len(real)} distinct; "
          f"Heaps V = {k:.1f} n^{b:.3f}; {target} texts of {per_text:.1f} words: "
          f"{vocabulary} distinct words ({len(words)} written into {recs} recommendations)")


if __name__ == "__main__":
    main()
