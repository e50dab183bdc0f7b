#!/usr/bin/env python3
"""Turns tests/corpus/notes2.txt (compact markup) into redaction.jsonl lines on stdout.

{KIND|text} marks an identifier, [[text]] a negative; "names: A; B |" starts a line with
the worker's private list. The first 102 lines of redaction.jsonl were written as JSON by
hand; everything after them is generated, so after editing notes2.txt:

    head -n 102 redaction.jsonl > /tmp/r && python3 corpus.py notes2.txt >> /tmp/r \
      && mv /tmp/r redaction.jsonl

(the generated lines are committed, so the Rust test needs no Python)."""
import json, re, sys

MARK = re.compile(r"\{([A-Z_]+)\|([^}]*)\}|\[\[([^\]]*)\]\]")
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    names = []
    if line.startswith("names:"):
        head, _, line = line.partition("|")
        names = [n.strip() for n in head[len("names:"):].split(";") if n.strip()]
        line = line.strip()
    ids, negs = [], []
    def sub(m):
        if m.group(1):
            ids.append([m.group(1), m.group(2)])
            return m.group(2)
        negs.append(m.group(3))
        return m.group(3)
    text = MARK.sub(sub, line)
    print(json.dumps({"text": text, "names": names, "identifiers": ids, "negatives": negs},
                     ensure_ascii=False))
