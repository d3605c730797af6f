#!/usr/bin/env python3
"""Regenerates the "simplifiedOnly" characters in scripts/reference/zh-hant-style.json.

They are the targets of Sources/FestivalSearch/FoldTable.swift's Traditional -> Simplified
folding (ICU "Hant-Hans", see scripts/gen-fold-table.swift) that are not Big5 characters:
Simplified forms that Traditional text never uses. Targets that are also Big5 characters
(于, 后, 制, 系, 里, 台, ...) are real Traditional characters too; the file's hand-kept
"leftovers" list catches the ones that are mechanical-conversion leftovers in context.

Usage: python3 scripts/reference/gen_zh_hant_style.py   (rewrites only that one key)
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TABLE = os.path.join(ROOT, "Sources", "FestivalSearch", "FoldTable.swift")
OUT = os.path.join(HERE, "zh-hant-style.json")


def han(c):
    return 0x3400 <= ord(c) <= 0x9FFF


def simplified_only():
    body = open(TABLE, encoding="utf-8").read().split('"""')[1]
    fold = {}
    for entry in body.replace("\n", "").split(";"):
        if not entry:
            continue
        source, _, target = entry.partition(":")
        scalars = [chr(int(t, 16)) for t in target.split(",") if t]
        s = chr(int(source, 16))
        if len(scalars) == 1 and han(s) and han(scalars[0]):
            fold[s] = scalars[0]
    out = []
    for t in set(fold.values()):
        if t in fold:
            continue  # itself folds further, so it is not a final Simplified form
        try:
            t.encode("big5")
        except UnicodeEncodeError:
            out.append(t)
    return "".join(sorted(out))


if __name__ == "__main__":
    with open(OUT, encoding="utf-8") as f:
        data = json.load(f)
    data["simplifiedOnly"] = simplified_only()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    print(f"{OUT}: {len(data['simplifiedOnly'])} simplified-only characters")
