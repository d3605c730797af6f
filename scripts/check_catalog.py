#!/usr/bin/env python3
"""Development check for a festival catalog (docs/CATALOG-FORMAT.md, schemaVersion 1).

Usage: scripts/check_catalog.py [CATALOG] [--schema SCHEMA] [--seed SEED]

Defaults: Resources/aiff2025.json, Resources/catalog.schema.json and the AIFF 2025 seed text
(/work/shared/seed/000_c30dd48bb157daf5.txt, or $FESTIVAL_SEED; used by default only for the catalog
with id "aiff-2025"; pass --seed to check another catalog against a seed). Checks:
  * the JSON Schema, when the `jsonschema` package is importable (skipped with a warning otherwise);
  * ids are unique within each list (films, people, quotes, topics, sources, events, prize tiers);
  * every referenced id exists (speaker, directors, jury, topics, film, sources, award tier, person link);
  * every zh-Hant quote text, split on " … ", is a verbatim substring of the seed;
  * every source is referenced by something;
  * prize tiers are ordered by rank.
Exits 0 when everything passes, 1 otherwise. This is a dev aid; the Swift tests do their own checks.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CATALOG = os.path.join(ROOT, "Resources", "aiff2025.json")
DEFAULT_SCHEMA = os.path.join(ROOT, "Resources", "catalog.schema.json")
DEFAULT_SEED = os.environ.get("FESTIVAL_SEED", "/work/shared/seed/000_c30dd48bb157daf5.txt")
SEED_CATALOG_ID = "aiff-2025"  # the default seed only applies to this catalog
SEP = " \u2026 "  # space, HORIZONTAL ELLIPSIS, space


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, path, message):
        self.errors.append(f"{path}: {message}")


def check_schema(catalog, schema_path, ck):
    try:
        import jsonschema
    except ImportError:
        print("warning: jsonschema not importable; schema validation skipped", file=sys.stderr)
        return
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    for e in sorted(validator_cls(schema).iter_errors(catalog), key=lambda e: list(e.absolute_path)):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        ck.error(path, "schema: " + e.message)


def as_list(v):
    return v if isinstance(v, list) else []


def ids_of(items, path, ck):
    seen = {}
    for i, item in enumerate(as_list(items)):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in seen:
            ck.error(f"{path}[{i}].id", f"duplicate id \"{item['id']}\" (first at {path}[{seen[item['id']]}])")
        else:
            seen[item["id"]] = i
    return set(seen)


def check_refs(catalog, ck, seed_text):
    fest = catalog.get("festival") if isinstance(catalog.get("festival"), dict) else {}
    topics = ids_of(catalog.get("topics"), "$.topics", ck)
    people = ids_of(catalog.get("people"), "$.people", ck)
    films = ids_of(catalog.get("films"), "$.films", ck)
    ids_of(catalog.get("quotes"), "$.quotes", ck)
    sources = ids_of(catalog.get("sources"), "$.sources", ck)
    ids_of(fest.get("events"), "$.festival.events", ck)
    tiers = ids_of(fest.get("prizeTiers"), "$.festival.prizeTiers", ck)

    used_sources = set()

    def ref(value, known, kind, path):
        if value is None:
            return
        if value not in known:
            ck.error(path, f"unknown {kind} id \"{value}\"")

    def src_list(value, path):
        for i, s in enumerate(as_list(value)):
            ref(s, sources, "source", f"{path}[{i}]")
            used_sources.add(s)

    # festival
    src_list(fest.get("sources"), "$.festival.sources")
    for i, p in enumerate(as_list(fest.get("jury"))):
        ref(p, people, "person", f"$.festival.jury[{i}]")
    for i, e in enumerate(as_list(fest.get("events"))):
        if isinstance(e, dict):
            src_list(e.get("sources"), f"$.festival.events[{i}].sources")
    ranks = [t.get("rank") for t in as_list(fest.get("prizeTiers")) if isinstance(t, dict)]
    if ranks != sorted(r for r in ranks if isinstance(r, int)):
        ck.error("$.festival.prizeTiers", "not ordered by rank")

    # people
    for i, p in enumerate(as_list(catalog.get("people"))):
        if isinstance(p, dict):
            src_list(p.get("sources"), f"$.people[{i}].sources")

    # films
    for i, f in enumerate(as_list(catalog.get("films"))):
        if not isinstance(f, dict):
            continue
        for j, d in enumerate(as_list(f.get("directors"))):
            ref(d, people, "person", f"$.films[{i}].directors[{j}]")
        award = f.get("award")
        if isinstance(award, dict):
            ref(award.get("tier"), tiers, "prize tier", f"$.films[{i}].award.tier")
        src_list(f.get("sources"), f"$.films[{i}].sources")

    # quotes
    for i, q in enumerate(as_list(catalog.get("quotes"))):
        if not isinstance(q, dict):
            continue
        path = f"$.quotes[{i}]"
        ref(q.get("speaker"), people, "person", path + ".speaker")
        ref(q.get("film"), films, "film", path + ".film")
        for j, t in enumerate(as_list(q.get("topics"))):
            ref(t, topics, "topic", f"{path}.topics[{j}]")
        src_list(q.get("sources"), path + ".sources")
        text = q.get("text") if isinstance(q.get("text"), dict) else {}
        zh = text.get("zh-Hant")
        if isinstance(zh, str) and seed_text is not None:
            for k, part in enumerate(zh.split(SEP)):
                if not part:
                    ck.error(path + ".text.zh-Hant", f"empty part {k} around \" … \"")
                elif part not in seed_text:
                    ck.error(path + ".text.zh-Hant", f"part {k} is not a verbatim substring of the seed: {part[:40]!r}…")

    # sources: person links, and every source referenced
    for i, s in enumerate(as_list(catalog.get("sources"))):
        if not isinstance(s, dict):
            continue
        if "person" in s:
            ref(s.get("person"), people, "person", f"$.sources[{i}].person")
        if s.get("id") not in used_sources:
            ck.error(f"$.sources[{i}]", f"source \"{s.get('id')}\" is not referenced by anything")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    ap.add_argument("--schema", default=DEFAULT_SCHEMA)
    ap.add_argument("--seed", default=None)
    args = ap.parse_args()

    with open(args.catalog, encoding="utf-8") as f:
        catalog = json.load(f)
    seed_path = args.seed
    if seed_path is None and isinstance(catalog, dict) and catalog.get("id") == SEED_CATALOG_ID:
        seed_path = DEFAULT_SEED
    seed_text = None
    if seed_path is None:
        print("note: no seed for this catalog; quote substring check skipped", file=sys.stderr)
    elif os.path.exists(seed_path):
        with open(seed_path, encoding="utf-8") as f:
            seed_text = f.read()
    else:
        print(f"warning: seed {seed_path} not found; quote substring check skipped", file=sys.stderr)

    ck = Checker()
    if not isinstance(catalog, dict):
        print("error: catalog is not a JSON object")
        return 1
    check_schema(catalog, args.schema, ck)
    check_refs(catalog, ck, seed_text)

    for e in ck.errors:
        print("error:", e)
    quotes = as_list(catalog.get("quotes"))
    count = lambda lang: sum(1 for q in quotes if isinstance(q, dict) and lang in (q.get("text") or {}))
    print(f"{args.catalog}: {len(as_list(catalog.get('films')))} films, {len(as_list(catalog.get('people')))} people, "
          f"{len(quotes)} quotes ({count('zh-Hant')} zh-Hant, {count('en')} en), "
          f"{len(as_list(catalog.get('sources')))} sources, {len(as_list(catalog.get('topics')))} topics")
    print("FAIL" if ck.errors else "OK", f"({len(ck.errors)} problems)")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
