#!/usr/bin/env python3
"""Builds the finder's compact Japanese -> English word list from EDRDG's EDICT/JMdict files.

Input: the Debian package `edict` (apt-get download edict; dpkg-deb -x edict_*.deb x), i.e. the files
x/usr/share/edict/edict (general dictionary) and x/usr/share/edict/compdic (computing and telecommunications terms),
both EUC-JP, EDICT format: `KANJI [KANA] /(pos) gloss/gloss/(P)/`.
Output: src/main/resources/glossary/ja-en-words.tsv.gz, one line per Japanese writing:
`writing<TAB>word word word`, the writing in kanji/katakana (what longest-match segmentation of a Japanese text can
meet), the words lower-cased English content words of the first senses' glosses (at most MAX_WORDS).

Kept: nouns and noun-like entries (n, n-suf, n-pref, vs, adj-no, n-adv) that are common ((P)) or are compounds of
two characters or more; every compdic term. Run: python3 tools/bilingual/build.py x/usr/share/edict OUT.tsv.gz
Licence of the output: the EDRDG licence (Creative Commons Attribution-ShareAlike), see the README beside the output.
"""
import gzip
import io
import re
import sys

MAX_WORDS = 6
MAX_SENSES = 2
NOUNS = {"n", "n-suf", "n-pref", "vs", "adj-no", "n-adv", "n-t"}
WRITING = re.compile(r"^[\u4E00-\u9FFF\u3005\u30A1-\u30FA\u30FC]+$")
STOP = set("""a an the of to in on for and or by with from as at be is are was were it its this that these those
such one's someone something oneself etc e.g. i.e. esp. usu. n vs not no into out up down over under about
between per via also other another some any all each very more most less least own same than then""".split())
WORD = re.compile(r"[a-z][a-z0-9\-]*[a-z0-9]|[a-z]")


def glosses(body):
    """Glosses of the first senses, without the bracketed notes."""
    parts = [p for p in body.split("/") if p]
    senses = []
    current = []
    for p in parts:
        p = p.strip()
        if p in ("(P)",) or p.startswith("EntL"):
            continue
        m = re.match(r"^((?:\([^)]*\)\s*)*)(.*)$", p)
        tags = m.group(1)
        if re.search(r"\(\d+\)", tags) and current:
            senses.append(current)
            current = []
        current.append(m.group(2))
    if current:
        senses.append(current)
    return senses[:MAX_SENSES]


def pos_of(body):
    first = body.split("/")[1] if body.startswith("/") else body.split("/")[0]
    m = re.match(r"^\(([^)]*)\)", first.strip())
    return set(m.group(1).split(",")) if m else set()


def words(senses):
    out = []
    for sense in senses:
        for g in sense:
            g = re.sub(r"\([^)]*\)|\{[^}]*\}", " ", g).lower()
            for w in WORD.findall(g):
                w = w.strip("-")
                if len(w) < 2 or w in STOP or w in out:
                    continue
                out.append(w)
    return out[:MAX_WORDS]


def read(path, technical):
    with open(path, "rb") as f:
        text = f.read().decode("euc_jp", errors="replace")
    for line in text.splitlines()[1:]:
        m = re.match(r"^(\S+)\s+(?:\[([^\]]*)\]\s+)?(/.*)$", line)
        if not m:
            continue
        writing, body = m.group(1), m.group(3)
        writing = writing.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not WRITING.match(writing):
            continue
        common = "/(P)/" in body
        pos = pos_of(body)
        if not technical and not (pos & NOUNS):
            continue
        if not technical and not common and len(writing) < 2:
            continue
        ws = words(glosses(body))
        if ws:
            yield writing, ws, common or technical


def main():
    src, out = sys.argv[1], sys.argv[2]
    table = {}
    for technical, name in ((False, "edict"), (True, "compdic")):
        for writing, ws, strong in read(src + "/" + name, technical):
            known = table.get(writing)
            if known is None or (strong and not known[1]):
                table[writing] = (ws, strong)
            elif strong == known[1]:
                merged = known[0] + [w for w in ws if w not in known[0]]
                table[writing] = (merged[:MAX_WORDS], strong)
    # mtime 0 and no file name in the header: the same input gives the same bytes
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="\n") as f:
        f.write("# Japanese writing -> English gloss words, derived from EDRDG's JMdict/EDICT (CC BY-SA); "
                "see README-ja-en-words.md\n")
        for writing in sorted(table):
            f.write(writing + "\t" + " ".join(table[writing][0]) + "\n")
    print(len(table), "writings")


if __name__ == "__main__":
    main()
