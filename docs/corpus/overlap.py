"""Print every run of N or more consecutive words (default 7) that an article shares with a source text.

usage: python3 docs/corpus/overlap.py seeds/DOC.txt SOURCE.txt [N]
Words are compared lower-cased, letters and digits only; each shared run is printed once, longest first.
"""

import re
import sys
from pathlib import Path


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


art, src = (Path(a).read_text(encoding="utf-8") for a in sys.argv[1:3])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 7
a, b = words(art), words(src)
grams = {tuple(b[i : i + n]) for i in range(len(b) - n + 1)}
runs, i = [], 0
while i <= len(a) - n:
    if tuple(a[i : i + n]) in grams:
        j = i + n
        while j < len(a) and tuple(a[j - n + 1 : j + 1]) in grams:
            j += 1
        runs.append(" ".join(a[i:j]))
        i = j
    else:
        i += 1
for r in sorted(set(runs), key=len, reverse=True):
    print(f"{len(r.split()):>3} words: {r}")
print(f"{len(set(runs))} shared run(s) of {n}+ words")
