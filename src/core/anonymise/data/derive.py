#!/usr/bin/env python3
"""Derive the anonymiser's embedded word lists (see README.md beside this file).

Inputs (all from package registries, none fetched at run time):
  * Faker 40.54.0 (PyPI, MIT licence): person-name lists of several locales.
      pip download --no-deps faker==40.54.0 && unzip faker-40.54.0-py3-none-any.whl -d faker
  * names 0.3.0 (PyPI, MIT licence; its census files are public domain, 1990 US Census).
      pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
  * Debian `wbritish` 2020.12.07 (SCOWL word list, permissive licence): /usr/share/dict/british-english
  * supplement.txt beside this script: hand-written, common UK names the sources lack.

Usage: python3 derive.py FAKER_DIR NAMES_DIR   (writes forenames.txt, surnames.txt,
ambiguous.txt and common_words.txt next to this script).
"""
import importlib, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
faker_dir, names_dir = sys.argv[1], sys.argv[2]
sys.path.insert(0, faker_dir)

def fold(word):
    # Same folding as gazetteer.rs: strip diacritics, lowercase, ASCII letters plus ' and -.
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c))
    w = w.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("’", "'")
    w = w.lower()
    if not w or any(not (c.isascii() and (c.isalpha() or c in "'-")) for c in w):
        return None
    if len(w) < 2:
        return None
    return w

def faker_list(locale, attr):
    mod = importlib.import_module("faker.providers.person." + locale).Provider
    return list(getattr(mod, attr, []) or [])

def census(path, top):
    out = []
    with open(path) as f:
        for i, line in enumerate(f):
            if i >= top:
                break
            out.append(line.split()[0])
    return out

FORENAME_LOCALES = ["en_GB", "en_IE", "en_IN", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "pl_PL",
                    "lt_LT", "pt_PT"]
SURNAME_LOCALES = ["en_GB", "en_IN", "en_PK", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "lt_LT",
                   "ro_RO", "pt_PT"]

fore, sur = set(), set()
for loc in FORENAME_LOCALES:
    for n in faker_list(loc, "first_names"):
        if (f := fold(n)): fore.add(f)
for loc in SURNAME_LOCALES:
    for n in faker_list(loc, "last_names"):
        if (f := fold(n)): sur.add(f)
# Irish surnames: every sixth of Faker's en_IE list (alphabetical, so a spread).
for n in faker_list("en_IE", "last_names")[::6]:
    if (f := fold(n)): sur.add(f)
for n in census(os.path.join(names_dir, "dist.male.first"), 450):
    if (f := fold(n)): fore.add(f)
for n in census(os.path.join(names_dir, "dist.female.first"), 600):
    if (f := fold(n)): fore.add(f)
for n in census(os.path.join(names_dir, "dist.all.last"), 1500):
    if (f := fold(n)): sur.add(f)
with open(os.path.join(HERE, "supplement.txt")) as f:
    for line in f:
        line = line.split("#")[0].strip()
        if not line: continue
        kind, _, rest = line.partition(":")
        for n in rest.split():
            if (f2 := fold(n)):
                (fore if kind.strip() == "F" else sur).add(f2)

# Words that are never treated as names even if a source lists them (the sources include a
# few oddities, e.g. "Doe"); anything the worker must hide still goes on their own list.
NEVER = {"doe", "the", "and", "for", "not", "you", "see", "man", "son", "day", "gp", "nhs",
         "chi", "age", "ons", "mind", "help", "care", "home", "unit", "room", "good", "best"}
fore -= NEVER
sur -= NEVER

words = set()
with open("/usr/share/dict/british-english") as f:
    for line in f:
        w = line.strip()
        if w and w == w.lower() and "'" not in w:
            words.add(w)
ambiguous = sorted((fore | sur) & words)

from faker.providers.lorem.en_US import Provider as Lorem
common = {w for w in Lorem.word_list if fold(w)}

def write(name, items):
    with open(os.path.join(HERE, name), "w") as f:
        for w in sorted(set(items), key=lambda s: s.encode()):
            f.write(w + "\n")

# One list: telling forenames from surnames buys the scanner nothing and costs bytes.
write("names.txt", fore | sur)
write("ambiguous.txt", ambiguous)
write("common_words.txt", common)
print(len(fore), "forenames,", len(sur), "surnames,", len(ambiguous), "ambiguous,",
      len(common), "common words")
