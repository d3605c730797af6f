#!/usr/bin/env python3
"""Development check for a festival catalog (docs/CATALOG-FORMAT.md, schemaVersion 1).

Usage: scripts/check_catalog.py [CATALOG] [--schema SCHEMA] [--seed SEED] [--facts FACTS]
                                [--reference REF] [--records RECORDS] [--self-test]

Defaults: Resources/aiff2025.json, Resources/catalog.schema.json, and the project's shared material
beside the repository (the repository root's parent holds shared/, found from this script's own
location; $FESTIVAL_SHARED names another shared folder, $FESTIVAL_SEED and $FESTIVAL_FACTS single
files): the AIFF 2025 seed text shared/seed/000_c30dd48bb157daf5.txt (used by default only for the
catalog with id "aiff-2025") and the fact sheet shared/data/aiff2025-facts.md. The committed reference
data is scripts/reference/aiff2025-verified.json, scripts/reference/aiff2025-records.json (both apply
to the catalog whose id they name) and scripts/reference/zh-hant-style.json.

When the seed or the fact sheet is missing, the checks that need it are skipped and the run ends with
"SKIPPED", not "OK"; with CI=true in the environment a missing seed, fact sheet or jsonschema package
is an error (the CI machine has them: .ci/run installs jsonschema and checks out shared/ beside the
repository).

Checks:
  * the JSON Schema (the `jsonschema` package);
  * ids are unique within each list; every referenced id exists; every source is referenced;
    prize tiers are ordered by rank;
  with the reference records (scripts/reference/aiff2025-records.json; each value cites the fact
  sheet's section or the seed):
  * every quote's speaker and date; its Chinese text is exactly the seed's quotation between the
    opening and the closing quotation mark the reference gives as offsets (interrupting narration
    written " … ", the comma before a closing mark dropped; needs the seed), and its English exactly
    the verified English covering the same words;
  * every quote's context.where; every film's title, directors, country (an inferred country needs its
    note to say so), styles and running time; the jury and the prize tiers' names; every person's name,
    title and affiliation in both languages; every event's name, venue, city, date and whether the day
    is certain; every venue's name, city and time zone; every source's title, author, publisher and
    date, where metadata the fact sheet lacks was read, and that a bracketed stand-in title is used only
    where the reference records the title as not captured (the note saying so);
  * screenings: an event's date is as precise as is known (YYYY-MM when the day is uncertain), but the
    format gives a screening's start as a day or a time, never a month alone; so an uncertain day is
    given only as an inference the reference records ("inferred", the day its event's reference
    infers) and the note names ("inferred" / 「推算」), otherwise the start is null;
  * synopses, notes and every other free descriptive text, field by field: each number (digits, number
    words, ordinals, Chinese numerals, magnitudes such as million / 萬 / 百萬 / 億), amount of money,
    named festival or event (any name ending in Festival / festival / 影展 / 電影節 …, and a list of
    known ones), award word (prize, won, honour, tier, Silver, 獎 …) and venue name (… Hall, … Center,
    …中心, …劇院 …) must lie inside one of the phrases the reference records for that very field
    ("description.en": {"about 6,000 submissions": what it states and the fact sheet's section}); so a
    figure is checked in its context, and a figure or award allowed in one field does not pass in
    another (fields compared whole with the reference, such as names, styles, venues and cities, are
    left to that comparison); words in quotation marks whose source the record does not cite are flagged;
  * Chinese synopses do not take over the seed's sentences (8 characters in a row, or a sentence of 20
    or more characters with 40% of its character pairs from one paragraph of the seed; needs the seed);
  with the seed (skipped, saying so, when it is not found):
  * every zh-Hant quote part is a verbatim substring of the seed, in order, joined only across the
    narration of an interrupted quote; the reference's offsets point at quotation marks of this seed;
  with the verified data (scripts/reference/aiff2025-verified.json):
  * English quote texts are the verified originals (parts in order), or absent with a textNote that
    says the English original was not found; a quote's first source is where its words came from;
  * every award tier and place is the sourced one, and the film cites the sources they rest on;
    every figure (counts, runtimes, ranks) and every prize tier's places and amounts has a source;
  * every URL in the catalog is in the reference data (the fact sheet or an audited addition);
  * English synopses do not repeat press or article wording or the films' narration (six words in a row
    outside quotation marks), nor the fact sheet's renderings and summaries in its finalists table, rows
    1–7 (five words in a row);
  * people whose title comes from the translation only say so in their note, and wording the
    sources do not support (e.g. JAILBIRD's "hen") stays out of the named records;
  for every catalog:
  * descriptive text has no Simplified-only characters, Simplified leftovers or mainland terms
    (zh-hant-style.json), except where the reference data exempts one field from one term with a reason;
  * Chinese descriptive text has no half-width , ; : ? ! between CJK characters;
  with the fact sheet (skipped, saying so, when it is not found):
  * the reference data's English originals, fact-sheet URLs, titles and names are still in the fact sheet.
Every problem is printed with its place: the catalog file's line and the record's JSON path.
--self-test runs the checks, with the real seed and fact sheet, on deliberately broken in-memory variants
of the catalog (the audits' mutations and more) and verifies that each is caught with a located message,
and that the unmodified catalog passes; it prints a summary. Exits 0 when everything passes (or, outside
CI, when only the skipped checks could not run: the last line then says SKIPPED), 1 otherwise. This is a
dev aid; the Swift tests do their own checks.
"""
import argparse
import bisect
import copy
import hashlib
import json
import os
import re
import sys
from json.decoder import scanstring
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CATALOG = os.path.join(ROOT, "Resources", "aiff2025.json")
DEFAULT_SCHEMA = os.path.join(ROOT, "Resources", "catalog.schema.json")
# The project's shared material lives beside the repository (the repository root's parent), in CI too.
SHARED = os.environ.get("FESTIVAL_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
SEED_NAME = "000_c30dd48bb157daf5.txt"
DEFAULT_SEED = os.environ.get("FESTIVAL_SEED") or os.path.join(SHARED, "seed", SEED_NAME)
DEFAULT_FACTS = os.environ.get("FESTIVAL_FACTS") or os.path.join(SHARED, "data", "aiff2025-facts.md")
DEFAULT_REFERENCE = os.path.join(HERE, "reference", "aiff2025-verified.json")
DEFAULT_RECORDS = os.path.join(HERE, "reference", "aiff2025-records.json")
DEFAULT_ZH_STYLE = os.path.join(HERE, "reference", "zh-hant-style.json")
SEED_CATALOG_ID = "aiff-2025"  # the default seed only applies to this catalog
IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
SEP = " \u2026 "  # space, HORIZONTAL ELLIPSIS, space
MAX_GAP = 80  # characters of narration allowed between two parts of an interrupted quote
PRESS_RUN = 6  # words in a row that count as repeating press wording (quotes' English, press snippets)
FACT_SHEET_RUN = 5  # ... the fact sheet's renderings of the article and press in its finalists table
SEED_RUN = 8  # Han characters in a row that count as taking over the seed's wording
SEED_PAIRS = 0.4  # share of a sentence's character pairs found in one seed paragraph
SEED_PAIRS_MIN = 20  # ... for sentences of at least this many Han characters
NOT_FOUND_EN = "English original not found"
NOT_FOUND_ZH = "未能找到英文原文"
CJK = "[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
HALF_WIDTH = re.compile(f"(?<={CJK})\\s?[,;:?!]\\s?(?={CJK})")
URL_RE = re.compile(r'https?://[^\s<>"«»“”「」（）()，。；、]+')
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|«[^»]*»")
OPEN_MARKS = "“\"「"
CLOSE_MARKS = "”\"」"


class Checker:
    """Collects (path, message) problems; printed with the catalog line of the path when known."""

    def __init__(self, lines=None, file_label=None):
        self.errors = []
        self.skipped = []  # checks that could not run (outside CI)
        self.lines = lines or {}
        self.file_label = file_label

    def error(self, path, message):
        self.errors.append((path, message))

    def line_of(self, path):
        p = path
        while p:
            if p in self.lines:
                return self.lines[p]
            cut = max(p.rfind("."), p.rfind("["))
            if cut <= 0:
                break
            p = p[:cut]
        return None

    def format(self, path, message):
        line = self.line_of(path) if path.startswith("$") else None
        where = f"{self.file_label}:{line}: " if line and self.file_label else ""
        return f"{where}{path}: {message}"

    def formatted(self):
        return [self.format(p, m) for p, m in self.errors]


# ---------------------------------------------------------------- locating paths in the file

NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
LITERAL = re.compile(r"true|false|null")


def json_lines(text):
    """Maps every JSON path ($.a.b[0]) of a JSON document to the line its value starts on."""
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    lines = {}

    def line(pos):
        return bisect.bisect_left(newlines, pos) + 1

    def skip(i):
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    def value(i, path):
        i = skip(i)
        lines[path] = line(i)
        c = text[i]
        if c == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                i = skip(i)
                key, i = scanstring(text, i + 1)
                i = skip(i)
                i = value(i + 1, f"{path}.{key}")  # past ':'
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1  # '}'
        if c == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            k = 0
            while True:
                i = value(i, f"{path}[{k}]")
                k += 1
                i = skip(i)
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1  # ']'
        if c == '"':
            return scanstring(text, i + 1)[1]
        m = NUMBER.match(text, i) or LITERAL.match(text, i)
        return m.end()

    try:
        value(0, "$")
    except (IndexError, ValueError, AttributeError):
        return {}
    return lines


def check_schema(catalog, schema_path, ck):
    try:
        import jsonschema
    except ImportError:
        if IN_CI:
            ck.error("$", "schema: the jsonschema package is not importable, and CI=true: the schema step "
                          "must run in CI (.ci/run installs it with pip)")
        else:
            ck.skipped.append("the schema (the jsonschema package is not importable: python3 -m pip install jsonschema)")
        return False
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    for e in sorted(validator_cls(schema).iter_errors(catalog), key=lambda e: list(e.absolute_path)):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        ck.error(path, "schema: " + e.message)
    return True


def as_list(v):
    return v if isinstance(v, list) else []


def as_dict(v):
    return v if isinstance(v, dict) else {}


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


def check_refs(catalog, ck):
    fest = as_dict(catalog.get("festival"))
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

    # sources: person links, and every source referenced
    for i, s in enumerate(as_list(catalog.get("sources"))):
        if not isinstance(s, dict):
            continue
        if "person" in s:
            ref(s.get("person"), people, "person", f"$.sources[{i}].person")
        if s.get("id") not in used_sources:
            ck.error(f"$.sources[{i}]", f"source \"{s.get('id')}\" is not referenced by anything")


# ---------------------------------------------------------------- walking the catalog

def walk(value, path="$", idpath="$"):
    """Yields (path, idpath, value) for every scalar; idpath names list items by their id."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}", f"{idpath}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            key = v["id"] if isinstance(v, dict) and isinstance(v.get("id"), str) else i
            yield from walk(v, f"{path}[{i}]", f"{idpath}[{key}]")
    else:
        yield path, idpath, value


QUOTE_TEXT = re.compile(r"^\$\.quotes\[[^\]]+\]\.text\.")
LANG_KEY = re.compile(r"\.(zh-Hant|en)$")


def descriptive_texts(catalog):
    """(path, idpath, lang, text) for every localized text except quote texts (verbatim)."""
    for path, idpath, v in walk(catalog):
        m = LANG_KEY.search(path)
        if m and isinstance(v, str) and not QUOTE_TEXT.match(path):
            yield path, idpath, m.group(1), v


def norm_en(s):
    return (s.replace("\u2019", "'").replace("\u2018", "'")
             .replace("\u201c", '"').replace("\u201d", '"'))


def sources_by_id(catalog):
    return {s.get("id"): s for s in as_list(catalog.get("sources")) if isinstance(s, dict)}


# ---------------------------------------------------------------- seed

def check_seed(catalog, ck, seed_text):
    for i, q in enumerate(as_list(catalog.get("quotes"))):
        if not isinstance(q, dict):
            continue
        zh = as_dict(q.get("text")).get("zh-Hant")
        if not isinstance(zh, str):
            continue
        path = f"$.quotes[{i}].text.zh-Hant"
        qid = q.get("id")
        parts = zh.split(SEP)
        prev_end = None
        for k, part in enumerate(parts):
            if not part:
                ck.error(path, f"{qid}: empty part {k} around \" … \"")
                continue
            start = seed_text.find(part, prev_end or 0)
            if start < 0:
                anywhere = seed_text.find(part)
                if anywhere < 0:
                    ck.error(path, f"{qid}: part {k} is not a verbatim substring of the seed: {part[:40]!r}…")
                else:
                    ck.error(path, f"{qid}: fragments out of order: part {k} ({part[:20]!r}…) comes before "
                                   f"part {k - 1} in the seed, not after it")
                    prev_end = anywhere + len(part)
                continue
            if prev_end is not None and k > 0:
                gap = seed_text[prev_end:start]
                narration = (len(gap) <= MAX_GAP and "\n" not in gap
                             and any(c in gap for c in "”\"」") and any(c in gap for c in "“\"「"))
                if not narration:
                    ck.error(path, f"{qid}: parts {k - 1} and {k} are not one interrupted quote in the seed "
                                   f"({len(gap)} characters between them: {gap[:30]!r}…); ' … ' joins only a "
                                   "quote the source interrupts with narration")
            prev_end = start + len(part)


# ---------------------------------------------------------------- reference data

def match_parts(parts, segments):
    """Each part must be a substring of a segment, in order. Returns None or a problem."""
    segs = [norm_en(s) for s in segments]
    si, pos = 0, 0
    for k, part in enumerate(parts):
        p = norm_en(part)
        if not p:
            return f"empty part {k} around \" … \""
        found = None
        for j in range(si, len(segs)):
            at = segs[j].find(p, pos if j == si else 0)
            if at >= 0:
                found = (j, at)
                break
        if found is None:
            if any(p in s for s in segs):
                return f"part {k} ({part[:30]!r}…) is out of order against the verified original"
            return f"part {k} ({part[:40]!r}…) is not in the verified original"
        si, pos = found[0], found[1] + len(p)
    return None


def check_quotes_against_reference(catalog, ck, ref):
    rq = as_dict(ref.get("quotes"))
    not_found = as_dict(ref.get("englishNotFound"))
    translation = ref.get("translationSource")
    for i, q in enumerate(as_list(catalog.get("quotes"))):
        if not isinstance(q, dict):
            continue
        qid = q.get("id")
        path = f"$.quotes[{i}]"
        text = as_dict(q.get("text"))
        en, zh = text.get("en"), text.get("zh-Hant")
        srcs = as_list(q.get("sources"))
        r = rq.get(qid)
        if isinstance(en, str):
            if r is None:
                why = f" ({not_found[qid]})" if qid in not_found else ""
                ck.error(path + ".text.en", f"{qid}: English text has no verified original in the reference "
                                            f"data{why}; remove it and keep the textNote saying "
                                            f"\"{NOT_FOUND_EN}\"")
            else:
                problem = match_parts(en.split(SEP), as_list(r.get("en")))
                if problem:
                    ck.error(path + ".text.en", f"{qid}: English is not the verified original "
                                                f"({r.get('factSheet')}): {problem}")
                if srcs and srcs[0] != r.get("source"):
                    ck.error(path + ".sources[0]", f"{qid}: first source is \"{srcs[0]}\", but the English "
                                                   f"was taken from \"{r.get('source')}\"")
                if r.get("readVia") and r["readVia"] not in srcs:
                    ck.error(path + ".sources", f"{qid}: the English was read in \"{r['readVia']}\", "
                                                "which is not among its sources")
        elif isinstance(zh, str):
            note = as_dict(q.get("textNote"))
            if NOT_FOUND_EN not in note.get("en", "") or NOT_FOUND_ZH not in note.get("zh-Hant", ""):
                ck.error(path + ".textNote", f"{qid}: a quote without English needs a textNote saying "
                                             f"\"{NOT_FOUND_EN}\" / 「{NOT_FOUND_ZH}」 in both languages")
            if translation and srcs and srcs[0] != translation:
                ck.error(path + ".sources[0]", f"{qid}: the Chinese-only text was taken from "
                                               f"\"{translation}\", which must be the first source "
                                               f"(is \"{srcs[0]}\")")
        if isinstance(zh, str) and translation and translation not in srcs:
            ck.error(path + ".sources", f"{qid}: Chinese text without the translation \"{translation}\" "
                                        "among its sources")


def check_awards(catalog, ck, ref):
    """Tier and place equal the reference's (null included), and the film cites what each rests on."""
    ra = as_dict(ref.get("awards"))
    for i, f in enumerate(as_list(catalog.get("films"))):
        if not isinstance(f, dict):
            continue
        award, fid, path = f.get("award"), f.get("id"), f"$.films[{i}].award"
        r = ra.get(fid)
        if not isinstance(award, dict):
            if r is not None and (r.get("tier") is not None or r.get("place") is not None):
                ck.error(path, f"{fid}: no award given, but the sourced award is tier {r.get('tier')!r}, "
                               f"place {r.get('place')!r} ({r.get('factSheet')})")
            continue
        if r is None:
            ck.error(path, f"{fid}: award given, but the reference data has no sourced award for this film")
            continue
        tier, place = award.get("tier"), award.get("place")
        if tier is None and place is None:
            ck.error(path, f"{fid}: tier and place both unknown; write \"award\": null")
        if tier != r.get("tier"):
            sourced = f"\"{r['tier']}\"" if r.get("tier") else "none"
            what = f"tier \"{tier}\" has no source in the reference data" if tier is not None else "tier missing"
            ck.error(path + ".tier", f"{fid}: {what} (sourced tier: {sourced}; {r.get('tierBasis') or r.get('factSheet')})")
        if place != r.get("place"):
            sourced = r.get("place") if r.get("place") is not None else "none"
            what = f"place {place} has no source in the reference data" if place is not None else "place missing"
            ck.error(path + ".place", f"{fid}: {what} (sourced place: {sourced}; {r.get('factSheet')})")
        cited = set(as_list(f.get("sources")))
        for key, what in (("placeSources", "the place"), ("tierSources", "the tier")):
            wanted = as_list(r.get(key))
            if wanted and not set(wanted) & cited:
                ck.error(f"$.films[{i}].sources", f"{fid}: cites none of the sources {what} rests on {wanted}")
        wanted = as_list(r.get("sources"))
        if wanted and not set(wanted) & cited:
            ck.error(f"$.films[{i}].sources", f"{fid}: cites none of the award's sources {wanted}")


def check_figures(catalog, ck, ref):
    rf = as_dict(ref.get("figures"))
    rt = as_dict(ref.get("prizeTiers"))
    records = {}
    for i, f in enumerate(as_list(catalog.get("films"))):
        if isinstance(f, dict):
            records[f"$.films[{f.get('id')}]"] = as_list(f.get("sources"))
    for s in as_list(catalog.get("screenings")):
        if isinstance(s, dict):
            records[f"$.screenings[{s.get('id')}]"] = as_list(s.get("sources"))
    records["$.festival"] = as_list(as_dict(catalog.get("festival")).get("sources"))
    for path, idpath, v in walk(catalog):
        if isinstance(v, bool) or not isinstance(v, int):
            continue
        if path == "$.schemaVersion" or re.match(r"^\$\.films\[[^\]]+\]\.award\.place$", path):
            continue  # the format's version; award places are checked with the awards
        m = re.match(r"^\$\.festival\.prizeTiers\[([^\]]+)\]\.rank$", idpath)
        if m:
            r = as_dict(rt.get(m.group(1)))
            if r.get("rank") != v:
                ck.error(path, f"rank {v} of prize tier \"{m.group(1)}\" has no source in the reference data")
            continue
        r = rf.get(idpath)
        if r is None:
            ck.error(path, f"figure {v} ({idpath}) has no source in the reference data")
            continue
        if r.get("value") != v:
            ck.error(path, f"figure {v} differs from the sourced value {r.get('value')} ({r.get('factSheet')})")
        owner = next((k for k in records if idpath.startswith(k + ".")), None)
        wanted = as_list(r.get("sources"))
        if owner and wanted and not set(wanted) & set(records[owner]):
            ck.error(path, f"figure {v}: the record cites none of its sources {wanted}")
    subs = as_dict(as_dict(catalog.get("festival")).get("submissions"))
    r = as_dict(rf.get("$.festival.submissions.count"))
    if "approximate" in subs and "approximate" in r and subs["approximate"] != r["approximate"]:
        ck.error("$.festival.submissions.approximate", f"the sourced count is approximate={r['approximate']}")


def numbers(s):
    return [n.replace(",", "") for n in re.findall(r"\d[\d,]*\d|\d", s or "")]


def check_prize_tiers(catalog, ck, ref):
    rt = as_dict(ref.get("prizeTiers"))
    for i, t in enumerate(as_list(as_dict(catalog.get("festival")).get("prizeTiers"))):
        if not isinstance(t, dict):
            continue
        tid, path = t.get("id"), f"$.festival.prizeTiers[{i}]"
        r = rt.get(tid)
        if r is None:
            ck.error(path, f"prize tier \"{tid}\" has no source in the reference data")
            continue
        for key in ("places", "prize"):
            text = t.get(key)
            if not isinstance(text, dict):
                continue
            if "en" in text and text["en"] != r.get(key):
                ck.error(f"{path}.{key}.en", f"{tid}: \"{text['en']}\" is not the sourced \"{r.get(key)}\" "
                                             f"({r.get('factSheet')})")
            if "zh-Hant" in text and numbers(text["zh-Hant"]) != numbers(r.get(key)):
                ck.error(f"{path}.{key}.zh-Hant", f"{tid}: the numbers {numbers(text['zh-Hant'])} are not the "
                                                  f"sourced {numbers(r.get(key))}")


def check_source_urls(catalog, ck, ref):
    known = as_dict(ref.get("urls"))
    for path, _, v in walk(catalog):
        if not isinstance(v, str):
            continue
        for u in URL_RE.findall(v):
            u = u.rstrip(".,;:")
            if u not in known:
                ck.error(path, f"URL {u} is not in the reference data (the fact sheet's, or an audited addition)")
    rs = as_dict(ref.get("sources"))
    for i, s in enumerate(as_list(catalog.get("sources"))):
        r = rs.get(as_dict(s).get("id"))
        if r and s.get("url") not in as_list(r.get("urls")):
            ck.error(f"$.sources[{i}].url", f"{s.get('id')}: {s.get('url')} is not the address the reference "
                                            f"data gives for this source ({r.get('factSheet')})")


def words(s):
    return re.findall(r"[a-z0-9']+", norm_en(s).lower())


def check_press_wording(catalog, ck, ref, extra=()):
    """extra: (text, where) or (text, where, run) read at run time (the fact sheet's renderings of the article
    and the press, FACT_SHEET_RUN words; the quotes' English, PRESS_RUN words)."""
    runs = {}  # run length -> {words: where}
    entries = [(p.get("text", ""), p.get("where"), PRESS_RUN) for p in as_list(ref.get("pressWording"))]
    entries += [tuple(e) if len(e) == 3 else (e[0], e[1], PRESS_RUN) for e in extra]
    for text, where, n in entries:
        w = words(text)
        table = runs.setdefault(n, {})
        for k in range(len(w) - n + 1):
            table.setdefault(tuple(w[k:k + n]), where)
    for i, f in enumerate(as_list(catalog.get("films"))):
        en = as_dict(as_dict(f).get("synopsis")).get("en")
        if not isinstance(en, str):
            continue
        w = words(QUOTED.sub(" | ", en))
        hit = None
        for n in sorted(runs):
            for k in range(len(w) - n + 1):
                where = runs[n].get(tuple(w[k:k + n]))
                if where:
                    hit = (" ".join(w[k:k + n]), where, n)
                    break
            if hit:
                break
        if hit:
            ck.error(f"$.films[{i}].synopsis.en", f"{f.get('id')}: repeats press wording \"{hit[0]}\" ({hit[2]} words in a "
                                                  f"row; {hit[1]}); write it in our own words or quote it as the source's")


def check_labels(catalog, ck, ref):
    """Titles rendered from the translation say so; wording the sources do not support stays out."""
    for pid, why in as_dict(ref.get("translationOnlyTitles")).items():
        for i, p in enumerate(as_list(catalog.get("people"))):
            if as_dict(p).get("id") != pid or not isinstance(p.get("title"), dict):
                continue
            note = as_dict(p.get("note"))
            if "translation" not in note.get("en", "") or not re.search("譯文|譯回", note.get("zh-Hant", "")):
                ck.error(f"$.people[{i}].note", f"{pid}: the title comes from the translation only ({why}); "
                                                "the note must say so in both languages (\"translation\" / 「譯文」or「譯回」)")
    for rule in as_list(ref.get("unsupportedWording")):
        rx = re.compile(rule.get("pattern", "(?!)"), re.I)
        for path, idpath, v in walk(catalog):
            if isinstance(v, str) and (idpath + ".").startswith(rule.get("path", "") + ".") and rx.search(v):
                ck.error(path, f"\"{rx.search(v).group(0)}\" is not supported: {rule.get('why')}")


def check_reference(catalog, ck, ref, press_extra=()):
    check_quotes_against_reference(catalog, ck, ref)
    check_awards(catalog, ck, ref)
    check_figures(catalog, ck, ref)
    check_prize_tiers(catalog, ck, ref)
    check_source_urls(catalog, ck, ref)
    check_press_wording(catalog, ck, ref, press_extra)
    check_labels(catalog, ck, ref)


def check_facts(ref, rec, facts_text, ck):
    """The committed reference data still says what the fact sheet says."""
    nf = norm_en(facts_text)
    for qid, r in as_dict(ref.get("quotes")).items():
        for seg in as_list(r.get("en")):
            if norm_en(seg) not in nf:
                ck.error(f"reference quotes.{qid}.en", f"{seg[:40]!r}… is not verbatim in the fact sheet")
    for u, why in as_dict(ref.get("urls")).items():
        if str(why).startswith("fact sheet,") or str(why).startswith("fact sheet §"):
            if u not in facts_text and unquote(u) not in facts_text:
                ck.error(f"reference urls[{u}]", "labelled as from the fact sheet but not in it")
    rec = rec or {}
    for sid, r in as_dict(rec.get("sources")).items():
        basis = as_dict(r.get("basis"))
        for key in ("title", "author"):
            if str(basis.get(key, "")).startswith("fact sheet") and r.get(key) and norm_en(r[key]) not in nf:
                ck.error(f"records sources.{sid}.{key}", f"{r[key]!r} is said to come from the fact sheet but is not in it")
    for pid, r in as_dict(rec.get("people")).items():
        en = as_dict(r.get("name")).get("en")
        if r.get("enNameInFactSheet", True) and en and norm_en(en) not in nf:
            ck.error(f"records people.{pid}.name", f"{en!r} is not in the fact sheet")
    for fid, r in as_dict(rec.get("films")).items():
        for lang, v in as_dict(r.get("title")).items():
            if not r.get("titleInFactSheet", {}).get(lang, True):
                continue
            if norm_en(v).lower() not in nf.lower():
                ck.error(f"records films.{fid}.title.{lang}", f"{v!r} is not in the fact sheet")
    for term, why in as_dict(rec.get("factSheetTerms")).items():
        if term not in facts_text:
            ck.error(f"records factSheetTerms[{term}]", f"not in the fact sheet ({why})")


# ---------------------------------------------------------------- Chinese style

def check_zh_style(catalog, ck, style, exemptions):
    simplified = set(style.get("simplifiedOnly", ""))
    leftovers = [(e["term"], e.get("traditional")) for e in as_list(style.get("leftovers"))]
    mainland = []
    for e in as_list(style.get("mainland")):
        pattern = e.get("pattern") or re.escape(e["term"])
        mainland.append((re.compile(pattern), e.get("taiwan")))
    exempt = {}
    for e in as_list(exemptions):
        exempt.setdefault(e.get("path"), set()).update(as_list(e.get("terms")))
    for path, idpath, lang, text in descriptive_texts(catalog):
        allowed = exempt.get(idpath, set())
        chars = sorted({c for c in text if c in simplified and c not in allowed})
        if chars:
            ck.error(path, f"Simplified character(s) {''.join(chars)} in descriptive text (quotes are exempt, "
                           "other text is Taiwan-style Traditional Chinese)")
        for term, trad in leftovers:
            if term in text and term not in allowed:
                ck.error(path, f"Simplified leftover \"{term}\" in descriptive text (Traditional: {trad})")
        for rx, taiwan in mainland:
            for m in rx.finditer(text):
                if m.group(0) not in allowed and not any(a in m.group(0) for a in allowed):
                    ck.error(path, f"mainland term \"{m.group(0)}\" in descriptive text (Taiwan usage: {taiwan})")
        if lang == "zh-Hant":
            for m in HALF_WIDTH.finditer(text):
                s = max(0, m.start() - 6)
                ck.error(path, f"half-width \"{m.group(0).strip()}\" between CJK characters "
                               f"({text[s:m.end() + 6]!r}); use full-width punctuation (，；：？！)")


# ---------------------------------------------------------------- reference records: the primary facts

def seed_line(seed, pos):
    return seed.count("\n", 0, pos) + 1


def seed_quote(seed, zh_ref):
    """The catalog's Chinese text for a reference span of the seed, or (None, problem).

    {"marks": [[open, close], ...]}: offsets (0-based code points) of each opening and closing
    quotation mark of one quotation, interrupted by narration between the pairs; the text is the
    words between the marks, parts joined with " … ", a comma before a closing mark dropped.
    {"block": [start, end]}: a whole paragraph quoted without marks (a block quote)."""
    if "block" in zh_ref:
        s, e = zh_ref["block"]
        if not (0 <= s < e <= len(seed)):
            return None, f"block [{s}, {e}] is outside the seed ({len(seed)} characters)"
        if (s > 0 and seed[s - 1] != "\n") or (e < len(seed) and seed[e] != "\n") or "\n" in seed[s:e]:
            return None, f"block [{s}, {e}] is not one whole paragraph of the seed (line {seed_line(seed, s)})"
        return seed[s:e], None
    parts, prev_close = [], None
    for o, c in as_list(zh_ref.get("marks")):
        if not (0 <= o < c < len(seed)):
            return None, f"marks [{o}, {c}] are outside the seed ({len(seed)} characters)"
        if seed[o] not in OPEN_MARKS:
            return None, f"offset {o} (line {seed_line(seed, o)}) is {seed[o]!r}, not an opening quotation mark"
        if seed[c] not in CLOSE_MARKS:
            return None, f"offset {c} (line {seed_line(seed, c)}) is {seed[c]!r}, not a closing quotation mark"
        inner = seed[o + 1:c]
        if any(m in inner for m in "“”「」\"\n"):
            return None, f"marks [{o}, {c}] do not enclose one quotation (another mark or a line break between them)"
        if prev_close is not None:
            gap = seed[prev_close + 1:o]
            if "\n" in gap or len(gap) > MAX_GAP:
                return None, (f"the narration between marks {prev_close} and {o} is not one interruption "
                              f"({len(gap)} characters{', across paragraphs' if chr(10) in gap else ''})")
        parts.append(inner[:-1] if inner.endswith((",", "，")) else inner)
        prev_close = c
    if not parts:
        return None, "no marks"
    return SEP.join(parts), None


def describe_difference(got, want):
    if got == want:
        return "identical"
    if want.startswith(got):
        return f"it stops early: {len(got)} of {len(want)} characters, ending “…{got[-12:]}” before “{want[len(got):len(got) + 12]}…”"
    if got in want:
        return f"it is only part of the quotation ({len(got)} of {len(want)} characters)"
    if got.startswith(want) or want in got:
        return f"it runs past the closing quotation mark (“…{got[len(want):len(want) + 16]}…” is extra)"
    k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    return (f"it differs at character {k}: “{got[max(0, k - 8):k + 8]}” where the source has "
            f"“{want[max(0, k - 8):k + 8]}”")


def records(items, ref, ck, section, what, needs, pronoun="it"):
    """Each record of `items` (at JSON path `section`) with its reference: (id, path, record, reference).
    A record with no reference, and a reference with no record, are errors; `needs` says what a reference
    for one holds."""
    seen = set()
    for i, item in enumerate(as_list(items)):
        if not isinstance(item, dict):
            continue
        rid, path = item.get("id"), f"{section}[{i}]"
        seen.add(rid)
        r = ref.get(rid)
        if r is None:
            ck.error(path, f"{rid}: no reference record for this {what} ({needs})")
            continue
        yield rid, path, item, r
    for rid in ref:
        if rid not in seen:
            ck.error(section, f"{rid}: the reference records this {what}, the catalog lacks {pronoun}")


def check_record_quotes(catalog, ck, rec, seed):
    """Speaker, date and the exact text of every quote against the reference records."""
    rq = as_dict(rec.get("quotes"))
    for qid, path, q, r in records(catalog.get("quotes"), rq, ck, "$.quotes", "quote",
                                   "speaker, date, the span of the source it covers; add one to "
                                   "scripts/reference/aiff2025-records.json with its fact-sheet section"):
        basis = r.get("basis", "")
        if q.get("speaker") != r.get("speaker"):
            ck.error(path + ".speaker", f"{qid}: speaker is \"{q.get('speaker')}\", but the source gives these words "
                                        f"to \"{r.get('speaker')}\" ({basis})")
        context = as_dict(q.get("context"))
        if context.get("date") != r.get("date"):
            ck.error(path + ".context.date", f"{qid}: date {context.get('date')!r} is not the sourced "
                                             f"{r.get('date')!r} ({r.get('dateBasis') or basis})")
        if "where" in r and context.get("where") != r["where"]:
            ck.error(path + ".context.where", f"{qid}: where {context.get('where')} is not the sourced {r['where']} ({basis})")
        if "kind" in r and context.get("kind") != r["kind"]:
            ck.error(path + ".context.kind", f"{qid}: kind {context.get('kind')!r} is not the sourced {r['kind']!r} ({basis})")
        if "film" in r and q.get("film") != r["film"]:
            ck.error(path + ".film", f"{qid}: film {q.get('film')!r} is not {r['film']!r} ({basis})")
        text = as_dict(q.get("text"))
        zh, en = text.get("zh-Hant"), text.get("en")
        zr, er = r.get("zh"), r.get("en")
        if zr is None and zh is not None:
            ck.error(path + ".text.zh-Hant", f"{qid}: the reference has no Chinese source text for this quote ({basis})")
        if zr is not None and zh is None:
            ck.error(path + ".text", f"{qid}: the Chinese text is missing (the seed has it: {basis})")
        if zr is not None and isinstance(zh, str) and seed is not None:
            want, problem = seed_quote(seed, zr)
            if problem:
                ck.error(path + ".text.zh-Hant", f"{qid}: the reference span is wrong for this seed: {problem}")
            elif zh != want:
                at = zr["block"][0] if "block" in zr else zr["marks"][0][0]
                kind = "paragraph" if "block" in zr else "quotation"
                ck.error(path + ".text.zh-Hant", f"{qid}: not the seed's whole {kind} (seed line {seed_line(seed, at)}, "
                                                 f"{basis}): {describe_difference(zh, want)}")
        if er is None and en is not None:
            ck.error(path + ".text.en", f"{qid}: the reference has no verified English for this quote ({basis})")
        if er is not None and en is None:
            ck.error(path + ".text", f"{qid}: the verified English is missing ({basis})")
        if er is not None and isinstance(en, str) and en != er.get("text"):
            ck.error(path + ".text.en", f"{qid}: not the verified English ({er.get('basis') or basis}): "
                                        f"{describe_difference(en, er.get('text', ''))}")
        if isinstance(zh, str) and isinstance(en, str) and er is not None and not er.get("cutsDiffer"):
            nz, ne = len(zh.split(SEP)), len(en.split(SEP))
            if nz != ne:
                ck.error(path + ".text", f"{qid}: the Chinese has {nz} part(s) and the English {ne}: the two languages "
                                         "must cover the same words, cut at the same interruptions")


def check_record_films(catalog, ck, rec):
    rf = as_dict(rec.get("films"))
    for fid, path, f, r in records(catalog.get("films"), rf, ck, "$.films", "film", "title, directors, country, running time"):
        basis = r.get("basis", "")
        if f.get("title") != r.get("title"):
            ck.error(path + ".title", f"{fid}: title {f.get('title')} is not the sourced {r.get('title')} ({basis})")
        if f.get("directors") != r.get("directors"):
            ck.error(path + ".directors", f"{fid}: directors {f.get('directors')} are not the sourced "
                                          f"{r.get('directors')} ({basis})")
        rc = as_dict(r.get("country"))
        if f.get("country") != rc.get("value"):
            ck.error(path + ".country", f"{fid}: country {f.get('country')} is not the sourced {rc.get('value')} "
                                        f"({rc.get('basis')})")
        elif rc.get("inferred"):
            note = as_dict(f.get("note"))
            for lang, words in as_dict(rc.get("noteMustSay")).items():
                if words not in note.get(lang, ""):
                    ck.error(f"{path}.note.{lang}" if lang in note else path + ".note",
                             f"{fid}: the country is an inference ({rc.get('basis')}); the note must say so "
                             f"(\"{words}\")")
        rs = r.get("styles")
        if rs is not None and f.get("styles") != as_dict(rs).get("value"):
            ck.error(path + ".styles", f"{fid}: styles {f.get('styles')} are not the sourced {as_dict(rs).get('value')} "
                                       f"({as_dict(rs).get('basis')})")
        if f.get("runtimeSeconds") != as_dict(r.get("runtime")).get("value"):
            ck.error(path + ".runtimeSeconds", f"{fid}: running time {f.get('runtimeSeconds')} is not the sourced "
                                               f"{as_dict(r.get('runtime')).get('value')} "
                                               f"({as_dict(r.get('runtime')).get('basis')})")


def check_record_people(catalog, ck, rec, seed):
    rp = as_dict(rec.get("people"))
    for pid, path, p, r in records(catalog.get("people"), rp, ck, "$.people", "person",
                                   "name and title in both languages", pronoun="them"):
        basis = r.get("basis", "")
        for key in ("name", "title", "affiliation", "kind"):
            if key in r and p.get(key) != r[key]:
                ck.error(f"{path}.{key}", f"{pid}: {key} {p.get(key)} is not the sourced {r[key]} ({basis})")
        zh_name = as_dict(p.get("name")).get("zh-Hant")
        if r.get("zhNameInSeed") and seed is not None and isinstance(zh_name, str) and zh_name not in seed:
            ck.error(path + ".name.zh-Hant", f"{pid}: the Chinese name {zh_name} is not the seed's spelling ({basis})")


def check_record_festival(catalog, ck, rec):
    fest = as_dict(catalog.get("festival"))
    rj = as_dict(rec.get("jury"))
    if "members" in rj and fest.get("jury") != rj["members"]:
        got, want = as_list(fest.get("jury")), as_list(rj["members"])
        missing = [j for j in want if j not in got]
        extra = [j for j in got if j not in want]
        detail = (f"missing {missing}" if missing else "") + ("; " if missing and extra else "") + \
                 (f"not in the source {extra}" if extra else "") or "order differs from the source"
        ck.error("$.festival.jury", f"the jury is not the sourced list: {detail} ({rj.get('basis')})")
    if rj.get("complete") is False and not fest.get("juryNote"):
        ck.error("$.festival.jury", "the sourced jury list is incomplete (“and others”); juryNote must say so")
    for key in ("edition", "name", "organizer", "shortName", "website", "finalistCount"):
        rv = as_dict(rec.get("festival")).get(key)
        if rv is not None and fest.get(key) != rv.get("value"):
            ck.error(f"$.festival.{key}", f"{key} {fest.get(key)!r} is not the sourced {rv.get('value')!r} ({rv.get('basis')})")
    names = as_dict(as_dict(rec.get("festival")).get("prizeTierNames"))
    for i, t in enumerate(as_list(fest.get("prizeTiers"))):
        want = as_dict(names.get("value")).get(as_dict(t).get("id"))
        if want is not None and t.get("name") != want:
            ck.error(f"$.festival.prizeTiers[{i}].name", f"{t.get('id')}: name {t.get('name')} is not the sourced {want} "
                                                         f"({names.get('basis')})")

    def dated(items, kind, rmap, field, path_prefix):
        seen = set()
        for i, e in enumerate(as_list(items)):
            if not isinstance(e, dict):
                continue
            eid, path = e.get("id"), f"{path_prefix}[{i}]"
            r = None
            for key, val in rmap.items():
                if glob_match(key, eid):
                    r = val
                    seen.add(key)
                    break
            if r is None:
                ck.error(path, f"{eid}: no reference record for this {kind} (its date and whether it is certain)")
                continue
            got, want = e.get(field), r.get(field)
            if got != want:
                extra = ""
                if kind == "event" and r.get("certain") is False and isinstance(got, str) and len(got) == 10:
                    extra = ("; the day is not certain, so it must not be given as a plain date (an event's date is as "
                             "precise as is known: YYYY-MM here)")
                ck.error(f"{path}.{field}", f"{eid}: {field} {got!r} is not the sourced {want!r}{extra} ({r.get('basis')})")
            elif kind == "screening" and isinstance(got, str) and r.get("certain") is False and not r.get("inferred"):
                # a screening's start is a day or a time (the format has no month-only start): an uncertain day
                # stands only as an inference the reference records and the note names
                ck.error(f"{path}.{field}", f"{eid}: start {got!r} gives a day no source states; a screening's uncertain "
                                            "day must be null, or an inference recorded in the reference and named in "
                                            f"the note ({r.get('basis')})")
            if kind == "screening" and r.get("inferred"):
                ev = as_dict(as_dict(rec.get("events")).get(r.get("inferredFrom") or e.get("event")))
                if ev.get("inferredDay") and got != ev["inferredDay"]:
                    ck.error(f"{path}.{field}", f"{eid}: the inferred start {got!r} is not the day its event's reference "
                                                f"infers, {ev['inferredDay']!r} ({ev.get('basis')})")
                if e.get("event") != r.get("inferredFrom"):
                    ck.error(f"{path}.event", f"{eid}: an inferred start must belong to the event it is inferred for "
                                              f"({r.get('inferredFrom')!r})")
            if kind == "event":
                pb = as_dict(r.get("placeBasis"))
                for key in ("name", "venue", "city"):
                    if key in r and e.get(key) != r[key]:
                        ck.error(f"{path}.{key}", f"{eid}: {key} {e.get(key)} is not the sourced {r[key]} ({pb.get(key)})")
            note_key = "dateNote" if kind == "event" else "note"
            note = as_dict(e.get(note_key))
            for lang, words in as_dict(r.get("noteMustSay")).items():
                if words not in note.get(lang, ""):
                    ck.error(f"{path}.{note_key}.{lang}" if lang in note else f"{path}.{note_key}",
                             f"{eid}: the {note_key} must say \"{words}\" ({r.get('basis')})")
        for key in rmap:
            if key not in seen:
                ck.error(path_prefix, f"{key}: the reference records this {kind}, the catalog lacks it")

    # Events carry dates as precise as is known (YYYY-MM when the day is uncertain). A screening's start is a
    # day or a time of day, never a month alone; so an uncertain day is given only as an inference (reference:
    # "inferred", the day its event's reference infers; note: says "inferred" / 「推算」), otherwise null.
    dated(fest.get("events"), "event", as_dict(rec.get("events")), "date", "$.festival.events")
    dated(catalog.get("screenings"), "screening", as_dict(rec.get("screenings")), "start", "$.screenings")
    rv = as_dict(rec.get("venues"))
    for vid, path, v, r in records(catalog.get("venues"), rv, ck, "$.venues", "venue", "name, city, time zone"):
        for key in ("name", "city", "timeZone"):
            if key in r and v.get(key) != r[key]:
                ck.error(f"{path}.{key}", f"{vid}: {key} {v.get(key)} is not the sourced {r[key]} ({r.get('basis')})")


def check_record_sources(catalog, ck, rec):
    rs = as_dict(rec.get("sources"))
    for sid, path, s, r in records(catalog.get("sources"), rs, ck, "$.sources", "source",
                                   "title, author, date and where each was read"):
        for key in ("title", "author", "publisher", "date", "language"):
            if key in r and s.get(key) != r[key]:
                ck.error(f"{path}.{key}", f"{sid}: {key} {s.get(key)!r} is not the recorded {r[key]!r} "
                                          f"({as_dict(r.get('basis')).get(key) or as_dict(r.get('basis')).get('all')})")
        note = as_dict(s.get("note"))
        title = s.get("title")
        placeholder = isinstance(title, str) and title.startswith("[") and title.endswith("]")
        if placeholder and r.get("titleCaptured") is not False:
            ck.error(f"{path}.title", f"{sid}: a bracketed description stands for the title, but the reference records "
                                      "the title as captured; give the title as published")
        if r.get("titleCaptured") is False:
            if not placeholder:
                ck.error(f"{path}.title", f"{sid}: the title was not captured (reference), so a published title cannot "
                                          "be given; the format requires a string, so a bracketed description stands in")
            for lang, words in (("en", "not captured"), ("zh-Hant", "未被保存")):
                if words not in note.get(lang, ""):
                    ck.error(f"{path}.note.{lang}" if lang in note else path + ".note",
                             f"{sid}: the title was not captured; the note must say so (\"{words}\")")
        for lang, words in as_dict(r.get("noteMustSay")).items():
            if words not in note.get(lang, ""):
                ck.error(f"{path}.note.{lang}" if lang in note else path + ".note",
                         f"{sid}: metadata the fact sheet does not give was read elsewhere "
                         f"({as_dict(r.get('basis')).get('title') or as_dict(r.get('basis')).get('all')}); the note "
                         f"must say where (\"{words}\")")


# ---------------------------------------------------------------- claims in descriptive text

def glob_match(pattern, value):
    """'*' matches any run of characters except ']' (record keys such as $.screenings[imax-*])."""
    rx = "^" + re.escape(pattern).replace("\\*", "[^\\]]*") + "$"
    return re.match(rx, value) is not None


def record_of(idpath):
    m = re.match(r"^(\$\.festival\.(?:events|prizeTiers)\[[^\]]+\])", idpath)
    if m:
        return m.group(1)
    m = re.match(r"^(\$\.[A-Za-z]+\[[^\]]+\])", idpath)
    if m:
        return m.group(1)
    return "$.festival" if idpath.startswith("$.festival") else "$"


def cited_sources(catalog):
    """Record key -> the sources the record cites (a source record cites itself)."""
    fest = as_dict(catalog.get("festival"))
    out = {"$.festival": as_list(fest.get("sources"))}
    for t in as_list(fest.get("prizeTiers")):
        out[f"$.festival.prizeTiers[{as_dict(t).get('id')}]"] = as_list(fest.get("sources"))
    for e in as_list(fest.get("events")):
        out[f"$.festival.events[{as_dict(e).get('id')}]"] = as_list(as_dict(e).get("sources"))
    for kind in ("people", "films", "venues", "screenings", "quotes", "topics"):
        for x in as_list(catalog.get(kind)):
            out[f"$.{kind}[{as_dict(x).get('id')}]"] = as_list(as_dict(x).get("sources"))
    for s in as_list(catalog.get("sources")):
        out[f"$.sources[{as_dict(s).get('id')}]"] = [as_dict(s).get("id")]
    return out


# What descriptive text may state. A claim is a number (digits, number words, ordinals, Chinese numerals,
# magnitude words such as million / 萬 / 億 / 百萬), an amount of money, a named festival or award body, an
# award word (prize, won, honour, tier, 獎 …) or a venue's name. Each claim must sit inside one of the
# phrases the reference records for that very field ("description.en": {"about 6,000 submissions": …}), so
# a number is checked in its context: the same figure elsewhere in the record, or a changed figure next to
# the recorded words, does not pass.
EN_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
EN_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
                        "eighty": "80", "ninety": "90", "dozen": "12", "dozens": "12", "half": "0.5"})
EN_MAGNITUDES = {"hundred": "100", "hundreds": "100", "thousand": "1000", "thousands": "1000",
                 "million": "1000000", "millions": "1000000", "billion": "1000000000", "billions": "1000000000",
                 "trillion": "1000000000000", "trillions": "1000000000000"}
EN_ORDINALS = {w: str(n) for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split())}
for w in ("zero", "one", "half"):  # too common as plain words ("one report", "one of four") to count
    EN_NUMBER_WORDS.pop(w)
EN_ORDINALS.pop("zeroth")
EN_ORDINALS.pop("first")
EN_NUMBER_RE = re.compile(r"\b(" + "|".join(sorted(list(EN_NUMBER_WORDS) + list(EN_ORDINALS) + list(EN_MAGNITUDES),
                                                   key=len, reverse=True)) + r")\b(?!-party)", re.I)
# any run of digits not glued to a preceding letter or digit: "2025", "6,000", "3rd", "Gen-3", "$2m", "10x"
DIGITS_RE = re.compile(r"(?<![A-Za-z0-9_.,])\d(?:[\d,]*\d)?(?:\.\d+)?")
MONEY_EN = re.compile(r"US\$|[$€£¥]|\b(?:dollars?|euros?|pounds sterling|cents|USD|EUR|GBP|bucks)\b", re.I)
MONEY_ZH = re.compile("美元|美金|歐元|英鎊|日圓|日元|人民幣|新臺幣|新台幣|臺幣|台幣|港幣|港元|(?<=[0-9０-９零〇一二兩三四五六七八九十百千萬億])元")
ZH_DIGITS = set("零〇一二兩三四五六七八九")
ZH_UNITS = set("十百千萬億")
ZH_NUMERAL_RUN = re.compile("(第)?([零〇一二兩三四五六七八九十百千萬億]+)(?!方)")  # not 第三方 (a third party)
ZH_CLASSIFIER = re.compile("(?:部|位|名|場|屆|件|年|月|日|個|家|座|種|段|篇|則|天|週|周|小時|分鐘|秒|次|人|城|項|支|格|幀|句|張|組|國|地|倍|成|隻|條|份|集|季|輪|票|元|美元|歐元|英鎊)")
ZH_AMOUNT_CONTEXT = re.compile("[數幾上近逾約達超過多]$")
FESTIVALS_EN = re.compile(
    r"\b(?:[A-Z][\w’'.&-]*\s+){1,5}(?:[Ff]ilm\s+|[Ss]hort\s+|[Aa]nimation\s+)?(?:[Ff]est(?:ival)?|Biennale|Awards?|Prize|"
    r"Conference|Expo|Summit)\b|"
    r"\b(?:Cannes|Berlinale|Venice|Sundance|Tribeca|Toronto|TIFF|SXSW|South by Southwest|Telluride|Annecy|Locarno|"
    r"Rotterdam|IFFR|Clermont-Ferrand|Sitges|Busan|Karlovy Vary|Hot Docs|IDFA|Raindance|Slamdance|Fantasia|"
    r"SIGGRAPH|Ars Electronica|Prix Ars|Comic-Con|CES|NAB|Webbys?|Cannes Lions|Oscars?|Academy Awards?|Emmys?|"
    r"BAFTAs?|Golden Globes?|Palme d['’]Or|Golden (?:Lion|Bear|Horse)|Burano)\b")
OUR_FESTIVAL = re.compile(r"(?:Runway(?:'s|’s)?\s+)?(?:(?:third|3rd)\s+(?:annual\s+)?)?AI\s+Film\s+Festival")
FESTIVAL_ZH_SUFFIX = re.compile("國際影展|國際電影節|國際短片節|影展|電影節|影視節|短片節|動畫節|電影獎|金馬獎|金像獎|金雞獎")
FESTIVALS_ZH = re.compile(
    "坎城|康城|戛納|柏林影展|柏林電影節|威尼斯|日舞|聖丹斯|翠貝卡|多倫多影展|奧斯卡|金球獎|艾美獎|金馬獎|金像獎|釜山|鹿特丹|安錫|盧卡諾|布拉諾")
OUR_FESTIVAL_ZH = re.compile(r"(?:Runway\s?)?AI")
# what may stand before 影展 and still mean this festival ("本屆影展", "這個影展", "AI 影展")
ZH_NAME_STOP = re.compile("^.*[的之在於和與及或、是為從到屆本該此這那其各個一了把被將對向給讓由曾選獲參赴]")
AWARDS_EN = re.compile(
    r"\b(?:won|wins|winning|winners?|prizes?|prized|awards?|awarded|honou?rs?|honou?red|trophy|trophies|medals?|"
    r"accolades?|laurels?|nominat\w*|nominees?|laureates?|runners?-up|champions?|tiers?|shortlist(?:ed)?|"
    r"top (?:prize|spot|honou?r)|jury prize|best (?:film|short|picture|director)|"
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[ -]place|placed)\b|"
    r"\b(?:Grand Prix|Gold|Silver|Bronze|Honoree|Merit)\b", re.I)
AWARDS_EN_CASED = re.compile(r"\b(?:Gold|Silver|Bronze|Honoree|Merit)\b")
AWARDS_ZH = re.compile("(?:大|金|銀|銅|首|特別|榮譽|優異|評審團|最佳[^\\s，。；、「」]{1,6})獎|獎[項金]|獲獎|得獎|頒獎|獎|冠軍|亞軍|"
                       "季軍|名次|第\\s?\\d+\\s?名|第[一二三四五六七八九十]+名|提名|榮獲|奪得|奪冠|殊榮|桂冠|得主|勝出|等級")
VENUES_EN = re.compile(
    r"\b(?:[A-Z][\w’'.&-]*\s+){0,4}(?:Hall|Center|Centre|Theatre|Theater|Stage|Cinemas?|Auditorium|Arena|"
    r"Studios?|Museum|Gallery|Palace|Playhouse|Opera House|Pavilion|Amphitheat(?:re|er)|Metrograph|Orpheum)\b")
VENUE_ZH_SUFFIX = re.compile("音樂廳|劇院|戲院|影院|影城|劇場|中心|會館|博物館|美術館|體育館|[^\\s，。；、：「」（）·]廳")
CLAIM_KINDS = {"number": "a number", "money": "an amount of money", "festival": "a festival or award body",
               "award": "an award or prize", "venue": "a venue"}


def zh_numeral_counts(text, m):
    """Whether a run of Chinese numerals states a number (not 一些, 萬一, 十分 …)."""
    ordinal, run = m.group(1), m.group(2)
    after = text[m.end():]
    before = text[:m.start()]
    classifier = ZH_CLASSIFIER.match(after) is not None
    if ordinal:
        return True
    if run[0] in "百千萬億":  # 百萬 / 萬 / 億 as a magnitude: "數百萬美元", "上萬人", "約億元"
        return classifier or ZH_AMOUNT_CONTEXT.search(before) is not None or MONEY_ZH.match(after) is not None
    has_unit = any(c in ZH_UNITS for c in run)
    if len(run) >= 2 and has_unit:
        return True  # 十二, 兩百萬, 一百萬, 三十
    if len(run) >= 2 and set(run) != {"一"}:
        return True  # 二〇二五
    if run == "一":
        return False  # 一部, 一位, 之一: too common as "a", "one of"
    return classifier  # 三部, 十部, 七位


def name_before(text, end, latin_ok=True):
    """The name written just before position end: a run of Han characters (function words stripped) or of
    Latin words; '' when only function words or nothing precede."""
    k = end
    while k > 0 and text[k - 1] == " ":
        k -= 1
    j = k
    while j > 0 and re.match("[\u3400-\u9fff·]", text[j - 1]) and k - j < 10:
        j -= 1
    if j < k:
        name = ZH_NAME_STOP.sub("", text[j:k])
        return name, k - len(name)
    if latin_ok:
        m = re.search(r"(?:[A-Za-z][\w.&'’-]*\s?)+$", text[:k])
        if m:
            return m.group(0).strip(), m.start()
    return "", end


def claims_in(text):
    """(kind, start, end, shown) for every claim in a text (URLs excluded)."""
    masked = URL_RE.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    for m in DIGITS_RE.finditer(masked):
        out.append(("number", m.start(), m.end()))
    for m in EN_NUMBER_RE.finditer(masked):
        out.append(("number", m.start(), m.end()))
    for m in ZH_NUMERAL_RUN.finditer(masked):
        if zh_numeral_counts(masked, m):
            out.append(("number", m.start(), m.end()))
    for rx in (MONEY_EN, MONEY_ZH):
        for m in rx.finditer(masked):
            out.append(("money", m.start(), m.end()))
    for m in FESTIVALS_EN.finditer(masked):
        name = m.group(0).strip()
        if not OUR_FESTIVAL.fullmatch(name):
            out.append(("festival", m.start(), m.start() + len(name)))
    for m in FESTIVALS_ZH.finditer(masked):
        out.append(("festival", m.start(), m.end()))
    for m in FESTIVAL_ZH_SUFFIX.finditer(masked):
        name, start = name_before(masked, m.start())
        if name and not OUR_FESTIVAL_ZH.fullmatch(name):
            out.append(("festival", start, m.end()))
    for m in AWARDS_EN.finditer(masked):
        w = m.group(0)
        if w.lower() in ("gold", "silver", "bronze", "honoree", "merit") and not AWARDS_EN_CASED.fullmatch(w):
            continue
        out.append(("award", m.start(), m.end()))
    for m in AWARDS_ZH.finditer(masked):
        out.append(("award", m.start(), m.end()))
    for m in VENUES_EN.finditer(masked):
        out.append(("venue", m.start(), m.end()))
    for m in VENUE_ZH_SUFFIX.finditer(masked):
        name, start = name_before(masked, m.start() + (1 if m.group(0).endswith("廳") and len(m.group(0)) == 2 else 0))
        if name:
            out.append(("venue", start, m.end()))
    return [(k, s, e, text[s:e]) for k, s, e in sorted(set(out), key=lambda x: (x[1], x[2]))]


# Fields whose whole value is compared with the reference elsewhere (names, titles, styles, places, where a
# quote was said …): their claims are the recorded facts themselves.
EXACT_FIELDS = re.compile(
    r"^\$\.(?:people\[[^\]]+\]\.(?:name|title|affiliation)|films\[[^\]]+\]\.(?:title|country|styles\[\d+\]|links\[\d+\]\.label)|"
    r"festival\.(?:name|organizer|edition)|festival\.events\[[^\]]+\]\.(?:name|venue|city)|"
    r"festival\.prizeTiers\[[^\]]+\]\.(?:name|places|prize)|venues\[[^\]]+\]\.(?:name|city)|"
    r"quotes\[[^\]]+\]\.context\.where)\.(?:zh-Hant|en)$")


def field_of(idpath, record_key):
    """'description.en' for $.festival.description.en in the record $.festival."""
    return idpath[len(record_key) + 1:] if idpath.startswith(record_key + ".") else idpath


def allowed_phrases(rec, record_key, field):
    """The phrases the reference records for one field of one record (record keys may use '*')."""
    out = {}
    for key, val in as_dict(rec.get("claims")).items():
        if glob_match(key, record_key):
            out.update(as_dict(as_dict(val).get(field)))
    return out


def check_claims(catalog, ck, rec):
    """Every claim in descriptive text must lie inside a phrase the reference records for that field."""
    for path, idpath, lang, text in descriptive_texts(catalog):
        if EXACT_FIELDS.match(idpath):
            continue
        rk = record_of(idpath)
        field = field_of(idpath, rk)
        rid = rk[rk.find("[") + 1:-1] if "[" in rk else rk.lstrip("$.") or "catalog"
        phrases = allowed_phrases(rec, rk, field)
        spans = []
        for p in phrases:
            at = text.find(p)
            if at < 0:
                ck.error(path, f"{rid}: the reference records the phrase “{p}” for this field ({field}), but the text no "
                               "longer holds it; update the claims in scripts/reference/aiff2025-records.json")
            while at >= 0:
                spans.append((at, at + len(p)))
                at = text.find(p, at + 1)
        for kind, s, e, shown in claims_in(text):
            if any(ps <= s and e <= pe for ps, pe in spans):
                continue
            k = max(0, s - 24)
            around = ("…" if k else "") + text[k:e + 24] + ("…" if e + 24 < len(text) else "")
            ck.error(path, f"{rid}: states {CLAIM_KINDS[kind]} (“{shown}”) that the reference does not record for "
                           f"this field ({field}): in “{around}”; check it against a source and record the phrase "
                           "under claims in scripts/reference/aiff2025-records.json with the fact sheet's section, "
                           "or take it out")


def check_quoted_words(catalog, ck, rec):
    """Words in quotation marks in descriptive text: attributed in the reference, and their source cited."""
    words = as_dict(rec.get("quotedWords"))
    cited = cited_sources(catalog)
    for path, idpath, lang, text in descriptive_texts(catalog):
        rk = record_of(idpath)
        rid = rk[rk.find("[") + 1:-1] if "[" in rk else rk.lstrip("$.") or "catalog"
        for m in QUOTED.finditer(text):
            phrase = m.group(0)[1:-1]
            r = words.get(phrase)
            if r is None:
                ck.error(path, f"{rid}: “{phrase}” is in quotation marks, but the reference does not say whose words "
                               "they are; add it to quotedWords with its source, or reword")
                continue
            srcs = [s for s in as_list(as_dict(r).get("sources")) if not s.startswith("#")]
            if srcs and not set(srcs) & set(cited.get(rk, [])):
                ck.error(path, f"{rid}: quotes “{phrase}” from {srcs}, which this record does not cite "
                               f"({as_dict(r).get('basis')})")


# ---------------------------------------------------------------- own words: Chinese synopses against the seed

HAN = re.compile("[\u3400-\u9fff]")
ZH_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|«[^»]*»|《[^》]*》|〈[^〉]*〉")


def han_only(s):
    return "".join(HAN.findall(s))


def normalise_seed(seed, style):
    for e in as_list(style.get("leftovers")):
        trad = str(e.get("traditional", "")).split(" / ")[0].strip()
        if trad:
            seed = seed.replace(e["term"], trad)
    return seed


def longest_shared_run(a, b):
    best = ""
    for i in range(len(a)):
        j = i + len(best) + 1
        while j <= len(a) and a[i:j] in b:
            best = a[i:j]
            j += 1
    return best


def pairs(s):
    return {s[i:i + 2] for i in range(len(s) - 1)}


def check_zh_own_words(catalog, ck, seed, style):
    norm = normalise_seed(seed, style)
    seed_han = han_only(norm)
    paragraphs = [(han_only(p), p) for p in norm.split("\n") if han_only(p)]
    for i, f in enumerate(as_list(catalog.get("films"))):
        zh = as_dict(as_dict(f).get("synopsis")).get("zh-Hant")
        if not isinstance(zh, str):
            continue
        path = f"$.films[{i}].synopsis.zh-Hant"
        for sentence in re.split("[。；！？]", ZH_QUOTED.sub("|", zh)):
            for piece in sentence.split("|"):
                h = han_only(piece)
                run = longest_shared_run(h, seed_han) if len(h) >= SEED_RUN else ""
                if len(run) >= SEED_RUN:
                    ck.error(path, f"{f.get('id')}: repeats the seed's wording “{run}” ({len(run)} characters in a row) "
                                   "outside quotation marks; write it in our own words or quote it as the article's")
            h = han_only(sentence)
            if len(h) < SEED_PAIRS_MIN:
                continue
            mine = pairs(h)
            share, para = max(((len(mine & pairs(ph)) / len(mine), p) for ph, p in paragraphs), key=lambda x: x[0])
            if share >= SEED_PAIRS:
                ck.error(path, f"{f.get('id')}: the sentence “{sentence.strip()[:24]}…” follows the seed's paragraph "
                               f"line {seed_line(norm, norm.find(para))} ({share:.0%} of its character pairs come from it); "
                               "write it in our own words")


# ---------------------------------------------------------------- own words: press wording from the fact sheet

def fact_sheet_rows(facts_text, section, rows, column):
    """Cells of one column of a numbered table in a section (## 1 … ### 1b) of the fact sheet."""
    m = re.search(rf"^#{{2,3}} {re.escape(section)}.*$", facts_text, re.M)
    if not m:
        return []
    body = facts_text[m.end():]
    nxt = re.search(r"^#{2,3} ", body, re.M)
    body = body[:nxt.start()] if nxt else body
    lines = [l for l in body.splitlines() if l.startswith("|")]
    if not lines:
        return []
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    if column not in header:
        return []
    col = header.index(column)
    out = []
    for l in lines[2:]:
        cells = [c.strip() for c in l.strip("|").split("|")]
        if cells and cells[0] in {str(r) for r in rows} and col < len(cells):
            out.append((cells[0], cells[col]))
    return out


# ---------------------------------------------------------------- running

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def press_from_facts(rec, facts_text):
    """The fact sheet's renderings of the article's and the press's sentences that synopses must not repeat."""
    out = []
    spec = as_dict(as_dict(rec).get("pressWordingFromFactSheet"))
    if facts_text and spec:
        for row, cell in fact_sheet_rows(facts_text, spec.get("section", ""), as_list(spec.get("rows")),
                                         spec.get("column", "")):
            out.append((cell, f"fact sheet §{str(spec.get('section')).rstrip('.')} row {row}, {spec.get('column')}",
                        FACT_SHEET_RUN))
    return out


def press_from_quotes(ref):
    """The verified English of every quote (a film's narration, a speaker's words) counts as their wording."""
    out = []
    for qid, r in as_dict(ref.get("quotes")).items():
        for seg in as_list(r.get("en")):
            out.append((seg, f"the English of quote {qid} ({r.get('factSheet')})"))
    return out


def run_checks(catalog, schema_path, seed_text, ref, style, facts_text=None, rec=None, lines=None, label=None):
    """Runs every check that its inputs allow; returns the Checker (errors as (path, message))."""
    ck = Checker(lines, label)
    if schema_path:
        check_schema(catalog, schema_path, ck)
    check_refs(catalog, ck)
    if seed_text is not None:
        check_seed(catalog, ck, seed_text)
        if rec is not None:
            want = as_dict(rec.get("seed")).get("sha256")
            got = hashlib.sha256(seed_text.encode("utf-8")).hexdigest()
            if want and got != want:
                ck.error("$.quotes", f"the seed (sha256 {got[:12]}…) is not the one the reference's quote offsets were "
                                     f"taken from ({want[:12]}…): quote spans cannot be checked")
                seed_text_for_spans = None
            else:
                seed_text_for_spans = seed_text
        else:
            seed_text_for_spans = None
    else:
        seed_text_for_spans = None
    if ref is not None:
        extra = press_from_quotes(ref) + press_from_facts(rec, facts_text)
        check_reference(catalog, ck, ref, extra)
        if facts_text is not None:
            check_facts(ref, rec, facts_text, ck)
    if rec is not None:
        check_record_quotes(catalog, ck, rec, seed_text_for_spans)
        check_record_films(catalog, ck, rec)
        check_record_people(catalog, ck, rec, seed_text)
        check_record_festival(catalog, ck, rec)
        check_record_sources(catalog, ck, rec)
        check_claims(catalog, ck, rec)
        check_quoted_words(catalog, ck, rec)
        if seed_text is not None:
            check_zh_own_words(catalog, ck, seed_text, style)
    check_zh_style(catalog, ck, style, (ref or {}).get("zhStyleExemptions"))
    return ck


def find_inputs(seed_arg, facts_arg, is_seed_catalog):
    """(seed_text, facts_text, skipped, missing): skipped are human-readable lines for what could not run."""
    skipped, missing = [], []
    seed_path = seed_arg if seed_arg is not None else (DEFAULT_SEED if is_seed_catalog else None)
    seed_text = facts_text = None
    if seed_path is None:
        print("note: no seed for this catalog; quote verbatim and span checks skipped", file=sys.stderr)
    elif os.path.exists(seed_path):
        seed_text = read_text(seed_path)
    else:
        missing.append(f"the seed ({shown(seed_path)})")
        skipped.append(f"seed not found ({shown(seed_path)}; shared/ belongs beside the repository, "
                       "or set $FESTIVAL_SHARED / $FESTIVAL_SEED, or pass --seed): quote texts against the seed, "
                       "the seed's quotation marks, Chinese synopses against the seed")
    if is_seed_catalog or facts_arg is not None:
        facts_path = facts_arg or DEFAULT_FACTS
        if os.path.exists(facts_path):
            facts_text = read_text(facts_path)
        else:
            missing.append(f"the fact sheet ({shown(facts_path)})")
            skipped.append(f"fact sheet not found ({shown(facts_path)}; set $FESTIVAL_SHARED / "
                           "$FESTIVAL_FACTS or pass --facts): reference data against the fact sheet, the fact "
                           "sheet's renderings as press wording")
    return seed_text, facts_text, skipped, missing


def shown(path):
    """A path as the messages show it: relative to the repository root when it is beside it."""
    path = os.path.abspath(path)
    return os.path.relpath(path, ROOT) if path.startswith(os.path.dirname(ROOT) + os.sep) else path


def report_missing(missing, what):
    print(f"error: {' and '.join(missing)} not found, and CI=true: in CI the shared material is checked out beside "
          f"the repository (../shared/ from the repository root); {what} cannot run without it")


# ---------------------------------------------------------------- self-test

def mutations(catalog):
    """(name, mutate, path, fragment): each mutation must give an error at path whose message has fragment."""

    def idx(kind, id_, c=catalog):
        items = c["festival"][kind] if kind in ("events", "prizeTiers") else c[kind]
        return next(i for i, x in enumerate(items) if x.get("id") == id_)

    def quote(c, id_):
        return c["quotes"][idx("quotes", id_)]

    def film(c, id_):
        return c["films"][idx("films", id_)]

    def person(c, id_):
        return c["people"][idx("people", id_)]

    def source(c, id_):
        return c["sources"][idx("sources", id_)]

    def event(c, id_):
        return c["festival"]["events"][idx("events", id_)]

    def qp(id_, tail):
        return f"$.quotes[{idx('quotes', id_)}]{tail}"

    def fp(id_, tail):
        return f"$.films[{idx('films', id_)}]{tail}"

    def pp(id_, tail):
        return f"$.people[{idx('people', id_)}]{tail}"

    def sp(id_, tail):
        return f"$.sources[{idx('sources', id_)}]{tail}"

    def ep(id_, tail):
        return f"$.festival.events[{idx('events', id_)}]{tail}"

    def set_text(obj, key, lang, value):
        obj.setdefault(key, {})[lang] = value

    def screening(c, id_):
        return c["screenings"][idx("screenings", id_)]

    def scp(id_, tail):
        return f"$.screenings[{idx('screenings', id_)}]{tail}"

    def swap(obj, lang, before, after):
        assert before in obj[lang], (before, obj[lang])
        obj[lang] = obj[lang].replace(before, after)

    def append(obj, lang, extra):
        obj[lang] = obj[lang] + extra

    def fest_text(c, key, lang, before, after):
        swap(c["festival"][key], lang, before, after)

    def reverse_q01(c):
        q = quote(c, "q01")
        q["text"]["zh-Hant"] = SEP.join(reversed(q["text"]["zh-Hant"].split(SEP)))

    def splice_q10_q11(c):  # two unrelated passages, in seed order, joined as if one quote
        q = quote(c, "q10")
        q["text"]["zh-Hant"] += SEP + quote(c, "q11")["text"]["zh-Hant"].split(SEP)[0]

    def drop_korine(c):
        c["festival"]["jury"].remove("harmony-korine")

    def imax_days(c):
        e = event(c, "imax-screenings")
        e["dateNote"]["en"] = e["dateNote"]["en"].replace("17–20 August", "18–21 August")

    q13 = quote(catalog, "q13")["text"]["zh-Hant"]
    old = {  # the texts the audit of 2026-12-07 found, before this change
        "mtth": "A sensory collage of childhood memories of growing up in Madagascar, in a rotoscoped animation style; "
                "other reports describe its imagery as painterly and the childhood it recalls as a hard one.",
        "fragments-zh": "以影像探索多個維度彼此滲透：汽車變形成房屋的牆面，據說是跨維度旅人的人形身影以違反解剖常理的方式移動。"
                        "Ars Technica 的作者認為它與 TikTok 上的「夢境核」及恐怖 AI 影片創作者的作品相去不遠。",
        "fragments-en": "Dimensions overlap and leak into each other on screen: cars turn into the sides of houses, and "
                        "human-shaped figures, said to cross between dimensions, bend in ways no body could. The Ars "
                        "Technica writer found it close to TikTok “dreamcore” and horror AI-video creators.",
        "editorial-en": "It opens as a breezy “day in the life” fashion editorial and turns dark and surreal, probing "
                        "extremes of femininity. Rapid, dense cutting mixes Victoria Valcheva's self-shot phone and camera "
                        "footage, polished high-end footage and AI-generated imagery.",
        "distance-en": "Generated with AI apart from a few hand-drawn frames; its DTF Magazine presentation calls it a "
                       "“poetic reflection on memory, loss, and the search for home”, set against Ukrainian life in "
                       "wartime. It adapts film critic Nataliia Serebriakova's short story “Banana”, drawn from her own "
                       "life as a tribute to a sister.",
        "tps": "An essay film whose narrator asks how many images could possibly exist, then reasons that every possible "
               "digital image, and every frame of every possible film, already exists as numeric coordinates, so making "
               "images becomes a kind of discovery.",
    }
    return [
        # ---- the previous audit's defect classes (catalog-audit-2026-12)
        ("a hen-style wrong English quote (q11 'buzzsaw' -> 'chainsaw')",
         lambda c: quote(c, "q11")["text"].update(en=quote(c, "q11")["text"]["en"].replace("buzzsaw", "chainsaw")),
         qp("q11", ".text.en"), "not in the verified original"),
        ("a back-translation given as English (q01)",
         lambda c: quote(c, "q01")["text"].update(en="All of us, including me, are fascinated by technology."),
         qp("q01", ".text.en"), "no verified original"),
        ("reversed fragments (q01)", reverse_q01, qp("q01", ".text.zh-Hant"), "out of order"),
        ("two passages spliced with ' … ' (q10 + q11)", splice_q10_q11, qp("q10", ".text.zh-Hant"),
         "not one interrupted quote"),
        ("a Simplified term in a synopsis (视频)",
         lambda c: film(c, "jailbird")["synopsis"].update({"zh-Hant": film(c, "jailbird")["synopsis"]["zh-Hant"] + "这部视频"}),
         fp("jailbird", ".synopsis.zh-Hant"), "Simplified character"),
        ("a seed leftover in a synopsis (制作)",
         lambda c: film(c, "one")["synopsis"].update({"zh-Hant": "電影制作：" + film(c, "one")["synopsis"]["zh-Hant"]}),
         fp("one", ".synopsis.zh-Hant"), "Simplified leftover \"制作\""),
        ("a mainland term in an affiliation (英偉達)",
         lambda c: person(c, "richard-kerris")["affiliation"].update({"zh-Hant": "英偉達"}),
         pp("richard-kerris", ".affiliation.zh-Hant"), "mainland term"),
        ("a half-width comma in Chinese text",
         lambda c: film(c, "one")["note"].update({"zh-Hant": film(c, "one")["note"]["zh-Hant"].replace("資料中沒有中文片名。", "資料中沒有中文片名, ")}),
         fp("one", ".note.zh-Hant"), "half-width"),
        ("a hen again in JAILBIRD's synopsis",
         lambda c: film(c, "jailbird")["synopsis"].update(en=film(c, "jailbird")["synopsis"]["en"].replace("a chicken", "a hen")),
         fp("jailbird", ".synopsis.en"), "is not supported"),
        ("q12's venue named as the PDC page again",
         lambda c: quote(c, "q12")["context"]["where"].update(en="Production Designers Collective conversation “Conversations about Artificial Intelligence in Filmmaking”"),
         qp("q12", ".context.where.en"), "is not supported"),
        ("DiTomasso's back-translated title without its label",
         lambda c: person(c, "luke-ditomasso").update(note={"en": "Spelled DiTomasso as in the article.", "zh-Hant": "拼法依文章作 DiTomasso。"}),
         pp("luke-ditomasso", ".note"), "translation only"),
        ("an unsourced tier (Fragments of Nowhere: merit)",
         lambda c: film(c, "fragments-of-nowhere")["award"].update(tier="merit"),
         fp("fragments-of-nowhere", ".award.tier"), "no source"),
        ("an unsourced award (Editorial: honoree, 4th)",
         lambda c: film(c, "editorial").update(award={"tier": "honoree", "place": 4}),
         fp("editorial", ".award.tier"), "no source"),
        ("an unsourced runtime (Fragments of Nowhere: 484 s from the unreliable repository)",
         lambda c: film(c, "fragments-of-nowhere").update(runtimeSeconds=484),
         fp("fragments-of-nowhere", ".runtimeSeconds"), "no source"),
        ("a changed submissions count",
         lambda c: c["festival"]["submissions"].update(count=60000),
         "$.festival.submissions.count", "differs from the sourced"),
        ("a Chinese-only quote without its textNote (q13)",
         lambda c: quote(c, "q13").pop("textNote"),
         qp("q13", ".textNote"), NOT_FOUND_EN),
        ("a Chinese-only quote citing Ars first (q06)",
         lambda c: quote(c, "q06").update(sources=["ars-curated-realities", "zh-translation"]),
         qp("q06", ".sources[0]"), "must be the first source"),
        ("a reformatted URL (Total Pixel Space's watch link)",
         lambda c: film(c, "total-pixel-space")["links"][0].update(url="https://www.youtube.com/watch?v=zpAeygE4d1A"),
         fp("total-pixel-space", ".links[0].url"), "not in the reference data"),
        ("press wording in a synopsis (ONE's press synopsis)",
         lambda c: film(c, "one")["synopsis"].update(en="Futuristic science fiction: after Earth collapses, a crew of transhumans travels to a distant planet and finds it inhabited by lost souls who want their human bodies back."),
         fp("one", ".synopsis.en"), "press wording"),
        # ---- the 15 mutations of catalog-audit-2026-12b §3, which the checker let through
        ("audit 1: q10 given to Valenzuela",
         lambda c: quote(c, "q10").update(speaker="cristobal-valenzuela"),
         qp("q10", ".speaker"), "the source gives these words to \"bruce-markoe\""),
        ("audit 2: q11 given to Markoe",
         lambda c: quote(c, "q11").update(speaker="bruce-markoe"),
         qp("q11", ".speaker"), "the source gives these words to \"mike-rianda\""),
        ("audit 3: q17 given to Jacob Adler",
         lambda c: quote(c, "q17").update(speaker="jacob-adler"),
         qp("q17", ".speaker"), "the source gives these words to \"total-pixel-space-narrator\""),
        ("audit 4: JAILBIRD's director changed to Jacob Adler",
         lambda c: film(c, "jailbird").update(directors=["jacob-adler"]),
         fp("jailbird", ".directors"), "are not the sourced ['andrew-salter']"),
        ("audit 5: Harmony Korine removed from the jury", drop_korine,
         "$.festival.jury", "missing ['harmony-korine']"),
        ("audit 6: Markoe's title changed to CEO / 執行長",
         lambda c: person(c, "bruce-markoe").update(title={"zh-Hant": "執行長", "en": "CEO"}),
         pp("bruce-markoe", ".title"), "is not the sourced"),
        ("audit 7: Fragments of Nowhere's country changed to France",
         lambda c: film(c, "fragments-of-nowhere").update(country={"zh-Hant": "法國", "en": "France"}),
         fp("fragments-of-nowhere", ".country"), "is not the sourced"),
        ("audit 8: n01's date changed to 2025-06-12",
         lambda c: quote(c, "n01")["context"].update(date="2025-06-12"),
         qp("n01", ".context.date"), "is not the sourced '2025-06-05'"),
        ("audit 9: the Los Angeles event dated 2025-06-12 as if certain",
         lambda c: event(c, "los-angeles-screening").update(date="2025-06-12"),
         ep("los-angeles-screening", ".date"), "the day is not certain"),
        ("audit 10: the IMAX dates changed to 18–21 August in a note", imax_days,
         ep("imax-screenings", ".dateNote.en"), "states a number (“18”)"),
        ("audit 11: q13 cut to its first sentence",
         lambda c: quote(c, "q13")["text"].update({"zh-Hant": q13[:q13.index("。") + 1]}),
         qp("q13", ".text.zh-Hant"), "it stops early"),
        ("audit 12: q13 cut mid-sentence (「…它熱愛它讀到」)",
         lambda c: quote(c, "q13")["text"].update({"zh-Hant": q13[:q13.index("它熱愛它讀到") + len("它熱愛它讀到")]}),
         qp("q13", ".text.zh-Hant"), "it stops early"),
        ("audit 13: q08's second English sentence dropped",
         lambda c: quote(c, "q08")["text"].update(en=quote(c, "q08")["text"]["en"].split(SEP)[0]),
         qp("q08", ".text.en"), "not the verified English"),
        ("audit 14: “It won a prize at Cannes.” appended to a synopsis",
         lambda c: film(c, "jailbird")["synopsis"].update(en=film(c, "jailbird")["synopsis"]["en"] + " It won a prize at Cannes."),
         fp("jailbird", ".synopsis.en"), "(“Cannes”)"),
        ("audit 15: Mike Rianda's Chinese name changed",
         lambda c: person(c, "mike-rianda")["name"].update({"zh-Hant": "麥可·里安達"}),
         pp("mike-rianda", ".name"), "is not the sourced"),
        # ---- this change's corrections, undone, and more
        ("ONE's tier named Silver again (only the FAQ table, maybe 2024's, names it)",
         lambda c: film(c, "one")["award"].update(tier="silver"),
         fp("one", ".award.tier"), "tier \"silver\" has no source"),
        ("ONE's third place dropped",
         lambda c: film(c, "one").update(award=None),
         fp("one", ".award"), "no award given, but the sourced award"),
        ("Rianda's film named by its mainland title again",
         lambda c: person(c, "mike-rianda")["title"].update({"zh-Hant": "《智能大反攻》導演"}),
         pp("mike-rianda", ".title"), "is not the sourced"),
        ("More Tears Than Harm's synopsis in the fact sheet's rendering of the article again",
         lambda c: film(c, "more-tears-than-harm")["synopsis"].update(en=old["mtth"]),
         fp("more-tears-than-harm", ".synopsis.en"), "press wording"),
        ("Fragments of Nowhere's Chinese synopsis following the seed's sentence again",
         lambda c: film(c, "fragments-of-nowhere")["synopsis"].update({"zh-Hant": old["fragments-zh"]}),
         fp("fragments-of-nowhere", ".synopsis.zh-Hant"), "follows the seed's paragraph"),
        ("Total Pixel Space's synopsis carrying the film's narration again",
         lambda c: film(c, "total-pixel-space")["synopsis"].update(en=old["tps"]),
         fp("total-pixel-space", ".synopsis.en"), "press wording"),
        ("the seed's wording in a Chinese synopsis (the narrator's question, unquoted)",
         lambda c: film(c, "total-pixel-space")["synopsis"].update({"zh-Hant": "旁白問世界上可能存在多少種圖像。" + film(c, "total-pixel-space")["synopsis"]["zh-Hant"]}),
         fp("total-pixel-space", ".synopsis.zh-Hant"), "repeats the seed's wording"),
        ("ONE called far-future again",
         lambda c: film(c, "one")["synopsis"].update(en=film(c, "one")["synopsis"]["en"].replace("A futuristic science-fiction story", "Far-future science fiction")),
         fp("one", ".synopsis.en"), "is not supported"),
        ("“nearly 6,000” quoted again without its source",
         lambda c: c["festival"]["submissions"]["note"].update(en=c["festival"]["submissions"]["note"]["en"].replace("(AP)", "(AP; “nearly 6,000” elsewhere)")),
         "$.festival.submissions.note.en", "does not say whose words"),
        ("the festival no longer cites the critiqs.ai rewrite it quotes",
         lambda c: c["festival"]["sources"].remove("critiqs-rewrite"),
         "$.festival.description.en", "which this record does not cite"),
        ("Fragments of Nowhere's country no longer marked as inferred",
         lambda c: film(c, "fragments-of-nowhere")["note"].update(en=film(c, "fragments-of-nowhere")["note"]["en"].replace(
             "The country is inferred from the directing duo being based in Montreal; no source states the film's country. ", "")),
         fp("fragments-of-nowhere", ".note.en"), "the country is an inference"),
        ("a source's title changed (Gigazine)",
         lambda c: source(c, "gigazine-aiff-2025").update(title="Runway's AI Film Festival AIFF 2025 winners announced"),
         sp("gigazine-aiff-2025", ".title"), "is not the recorded"),
        ("a source's date misread as MM-DD (Forbes 07-06-2025 as 6 July)",
         lambda c: source(c, "forbes-multiverse-engine").update(date="2025-07-06"),
         sp("forbes-multiverse-engine", ".date"), "is not the recorded '2025-06-07'"),
        ("where the Runway page's title, author and date were read, dropped from its note",
         lambda c: source(c, "runway-news-vallee-duhamel")["note"].update(en="Confirms Vallée Duhamel as the Montreal directing duo of Julien Vallée and Eve Duhamel."),
         sp("runway-news-vallee-duhamel", ".note.en"), "must say where"),
        ("the Paris screening given a date no source has",
         lambda c: event(c, "paris-screening").update(date="2025-06-12"),
         ep("paris-screening", ".date"), "is not the sourced None"),
        ("the Los Angeles screening's start no longer said to be inferred",
         lambda c: c["screenings"][idx("screenings", "los-angeles-screening")]["note"].update(en="The start time and running length were not found."),
         f"$.screenings[{idx('screenings', 'los-angeles-screening')}].note.en", "must say \"inferred\""),
        ("q07 runs past its closing quotation mark",
         lambda c: quote(c, "q07")["text"].update({"zh-Hant": quote(c, "q07")["text"]["zh-Hant"] + ",瓦倫蘇埃拉以這些例子向我指出"}),
         qp("q07", ".text.zh-Hant"), "runs past the closing quotation mark"),
        ("q06 given the words of another quotation (q07)",
         lambda c: quote(c, "q06")["text"].update({"zh-Hant": quote(c, "q07")["text"]["zh-Hant"]}),
         qp("q06", ".text.zh-Hant"), "not the seed's whole quotation"),
        ("q11's English without its first part",
         lambda c: quote(c, "q11")["text"].update(en=quote(c, "q11")["text"]["en"].split(SEP)[1]),
         qp("q11", ".text"), "must cover the same words"),
        ("a number in a Chinese synopsis (片長十二分鐘)",
         lambda c: film(c, "jailbird")["synopsis"].update({"zh-Hant": film(c, "jailbird")["synopsis"]["zh-Hant"] + "片長十二分鐘。"}),
         fp("jailbird", ".synopsis.zh-Hant"), "states a number (“十二”)"),
        ("an award and a festival in a note that no reference records (Burano)",
         lambda c: film(c, "editorial")["note"].update(en=film(c, "editorial")["note"]["en"] + " It won the School Award at the Burano AI Film Festival."),
         fp("editorial", ".note.en"), "states an award or prize (“won”)"),
        ("a juror the sources do not name",
         lambda c: c["festival"]["jury"].append("mike-rianda"),
         "$.festival.jury", "not in the source ['mike-rianda']"),
        ("Total Pixel Space's running time changed to 9 minutes",
         lambda c: film(c, "total-pixel-space").update(runtimeSeconds=540),
         fp("total-pixel-space", ".runtimeSeconds"), "is not the sourced 568"),
        ("a person's Chinese title changed (Domont: 高級副總裁)",
         lambda c: person(c, "brianna-domont")["title"].update({"zh-Hant": "視覺特效高級副總裁"}),
         pp("brianna-domont", ".title"), "is not the sourced"),
        ("a Chinese name given to a person the sources name only in English",
         lambda c: person(c, "illya-dutsyk")["name"].update({"zh-Hant": "伊利亞·杜西克"}),
         pp("illya-dutsyk", ".name"), "is not the sourced"),
        # ---- review of the first pass: D1, numbers allowed per record, not in their field and context
        ("D1: the description's “about 6,000” submissions changed to “about 3,000”",
         lambda c: fest_text(c, "description", "en", "about 6,000", "about 3,000"),
         "$.festival.description.en", "states a number (“3,000”)"),
        ("D1: “chose 10 finalists” changed to “chose 8 finalists”",
         lambda c: fest_text(c, "description", "en", "chose 10 finalists", "chose 8 finalists"),
         "$.festival.description.en", "states a number (“8”)"),
        ("D1: “on 5 June 2025” changed to “on 6 June 2025”",
         lambda c: fest_text(c, "description", "en", "on 5 June 2025", "on 6 June 2025"),
         "$.festival.description.en", "states a number (“6”)"),
        ("D1: 「6 月 5 日」 changed to 「6 月 7 日」 in the Chinese description",
         lambda c: fest_text(c, "description", "zh-Hant", "6 月 5 日", "6 月 7 日"),
         "$.festival.description.zh-Hant", "states a number (“7”)"),
        ("D1: the Los Angeles dateNote's “12 June 2025” changed to “7 June 2025”",
         lambda c: swap(event(c, "los-angeles-screening")["dateNote"], "en", "12 June 2025", "7 June 2025"),
         ep("los-angeles-screening", ".dateNote.en"), "states a number (“7”)"),
        ("D1: the IMAX dateNote's “four screenings” changed to “ten screenings”",
         lambda c: swap(event(c, "imax-screenings")["dateNote"], "en", "four screenings", "ten screenings"),
         ep("imax-screenings", ".dateNote.en"), "states a number (“ten”)"),
        ("D1: the New York screening's “about an hour and a half” changed to “about two hours”",
         lambda c: swap(screening(c, "new-york-gala")["note"], "en", "about an hour and a half", "about two hours"),
         scp("new-york-gala", ".note.en"), "states a number (“two”)"),
        ("D1: Total Pixel Space's “9 min 28 s” changed to “9 min 9 s”",
         lambda c: swap(film(c, "total-pixel-space")["note"], "en", "9 min 28 s", "9 min 9 s"),
         fp("total-pixel-space", ".note.en"), "states a number (“9”)"),
        ("D1: “It runs 28 minutes.” added to Total Pixel Space's synopsis",
         lambda c: append(film(c, "total-pixel-space")["synopsis"], "en", " It runs 28 minutes."),
         fp("total-pixel-space", ".synopsis.en"), "states a number (“28”)"),
        # ---- D2: award words allowed only in the field and the caveat that the reference records
        ("D2: “It took Silver.” added to ONE's synopsis",
         lambda c: append(film(c, "one")["synopsis"], "en", " It took Silver."),
         fp("one", ".synopsis.en"), "states an award or prize (“Silver”)"),
        ("D2: 「此片獲得銀獎。」 added to ONE's Chinese synopsis",
         lambda c: append(film(c, "one")["synopsis"], "zh-Hant", "此片獲得銀獎。"),
         fp("one", ".synopsis.zh-Hant"), "states an award or prize (“銀獎”)"),
        ("D2: “It placed in the Merit tier.” added to Fragments of Nowhere's synopsis",
         lambda c: append(film(c, "fragments-of-nowhere")["synopsis"], "en", " It placed in the Merit tier."),
         fp("fragments-of-nowhere", ".synopsis.en"), "states an award or prize (“Merit”)"),
        ("D2: ONE's note calling Silver its tier outside the caveat",
         lambda c: append(film(c, "one")["note"], "en", " It took Silver."),
         fp("one", ".note.en"), "states an award or prize (“Silver”)"),
        # ---- D3: money, magnitudes, festival names in Chinese, lower-case festivals, events, award words, venues
        ("D3: “It cost $2m.” (a digit followed by a letter, an amount of money)",
         lambda c: append(film(c, "jailbird")["synopsis"], "en", " It cost $2m."),
         fp("jailbird", ".synopsis.en"), "states an amount of money (“$”)"),
        ("D3: “It cost millions of dollars.” (a magnitude word)",
         lambda c: append(film(c, "jailbird")["synopsis"], "en", " It cost millions of dollars."),
         fp("jailbird", ".synopsis.en"), "states a number (“millions”)"),
        ("D3: 「製作成本兩百萬美元。」 (a Chinese magnitude and currency)",
         lambda c: append(film(c, "jailbird")["synopsis"], "zh-Hant", "製作成本兩百萬美元。"),
         fp("jailbird", ".synopsis.zh-Hant"), "states a number (“兩百萬”)"),
        ("D3: 「預算一百萬美元。」 (a Chinese number starting with 一)",
         lambda c: append(film(c, "jailbird")["synopsis"], "zh-Hant", "預算一百萬美元。"),
         fp("jailbird", ".synopsis.zh-Hant"), "states a number (“一百萬”)"),
        ("D3: 「曾入選柏林國際影展。」 (a Chinese festival name ending in 國際影展)",
         lambda c: append(film(c, "editorial")["synopsis"], "zh-Hant", "曾入選柏林國際影展。"),
         fp("editorial", ".synopsis.zh-Hant"), "states a festival or award body (“柏林國際影展”)"),
        ("D3: 「也在東京國際影展放映。」",
         lambda c: append(film(c, "editorial")["synopsis"], "zh-Hant", "也在東京國際影展放映。"),
         fp("editorial", ".synopsis.zh-Hant"), "states a festival or award body (“東京國際影展”)"),
        ("D3: “the Hot Docs festival” (a festival in lower case)",
         lambda c: append(film(c, "jailbird")["synopsis"], "en", " It also screened at the Hot Docs festival."),
         fp("jailbird", ".synopsis.en"), "states a festival or award body (“Hot Docs festival”)"),
        ("D3: “SIGGRAPH” (an event named without the word festival)",
         lambda c: append(film(c, "total-pixel-space")["synopsis"], "en", " It was shown at SIGGRAPH."),
         fp("total-pixel-space", ".synopsis.en"), "states a festival or award body (“SIGGRAPH”)"),
        ("D3: “It took the top honour.”",
         lambda c: append(film(c, "jailbird")["synopsis"], "en", " It took the top honour."),
         fp("jailbird", ".synopsis.en"), "states an award or prize (“top honour”)"),
        ("D3: the description's “at Lincoln Center” changed to “at Carnegie Hall”",
         lambda c: fest_text(c, "description", "en", "at Lincoln Center", "at Carnegie Hall"),
         "$.festival.description.en", "states a venue (“Carnegie Hall”)"),
        ("D3: 「紐約林肯中心」 changed to 「紐約卡內基音樂廳」 in the Chinese description",
         lambda c: fest_text(c, "description", "zh-Hant", "紐約林肯中心", "紐約卡內基音樂廳"),
         "$.festival.description.zh-Hant", "states a venue (“紐約卡內基音樂廳”)"),
        # ---- D4: event places, venues, styles and where quotes were said, against the reference
        ("D4: the New York event's venue changed to David Geffen Hall",
         lambda c: event(c, "new-york-gala").update(venue={"zh-Hant": "林肯中心大衛·格芬廳", "en": "David Geffen Hall, Lincoln Center"}),
         ep("new-york-gala", ".venue"), "is not the sourced"),
        ("D4: the Los Angeles event's city changed to Pasadena",
         lambda c: event(c, "los-angeles-screening").update(city={"zh-Hant": "帕薩迪納（洛杉磯）", "en": "Pasadena (Los Angeles)"}),
         ep("los-angeles-screening", ".city"), "is not the sourced"),
        ("D4: Editorial styled a fashion film again",
         lambda c: film(c, "editorial")["styles"][1].update({"zh-Hant": "時尚影片", "en": "fashion film"}),
         fp("editorial", ".styles"), "are not the sourced"),
        ("D4: q08 said at a press conference instead of the press mixer",
         lambda c: quote(c, "q08")["context"]["where"].update(en="At a press conference after the festival"),
         qp("q08", ".context.where"), "is not the sourced"),
        ("D4: the New York venue record renamed Carnegie Hall",
         lambda c: c["venues"][idx("venues", "alice-tully-hall")]["name"].update(en="Carnegie Hall"),
         f"$.venues[{idx('venues', 'alice-tully-hall')}].name", "is not the sourced"),
        ("D4: the Silver tier renamed Bronze",
         lambda c: c["festival"]["prizeTiers"][idx("prizeTiers", "silver")]["name"].update(en="Bronze"),
         f"$.festival.prizeTiers[{idx('prizeTiers', 'silver')}].name", "is not the sourced"),
        # ---- the audit's remaining rows, undone
        ("Fragments of Nowhere's English synopsis with the fact sheet's “and horror AI-video creators” again",
         lambda c: film(c, "fragments-of-nowhere")["synopsis"].update(en=old["fragments-en"]),
         fp("fragments-of-nowhere", ".synopsis.en"), "repeats press wording \"and horror ai video creators\""),
        ("Editorial's synopsis with the fact sheet's “high-end footage and AI-generated imagery” again",
         lambda c: film(c, "editorial")["synopsis"].update(en=old["editorial-en"]),
         fp("editorial", ".synopsis.en"), "fact sheet §1b row 6"),
        ("Distance's synopsis with the fact sheet's “set against Ukrainian life in wartime” again",
         lambda c: swap(film(c, "distance-between-two-points-of-me")["synopsis"], "en",
                        "drawn from how Ukrainians live through the war", "set against Ukrainian life in wartime"),
         fp("distance-between-two-points-of-me", ".synopsis.en"), "\"set against ukrainian life in\" (5 words in a row; fact sheet §1b row 7"),
        ("Distance's synopsis as the first pass wrote it (“a few hand-drawn frames”, “a tribute to a sister”)",
         lambda c: film(c, "distance-between-two-points-of-me")["synopsis"].update(en=old["distance-en"]),
         fp("distance-between-two-points-of-me", ".synopsis.en"), "fact sheet §1b row 7"),
        ("S2: Gigazine's note no longer naming the copy its title was read on",
         lambda c: source(c, "gigazine-aiff-2025")["note"].update(en="Machine-translated English edition of the Japanese original. Title as shown on a stored copy of the page."),
         sp("gigazine-aiff-2025", ".note.en"), "must say where"),
        ("S-j: the Wikipedia article's title replaced by a placeholder again",
         lambda c: source(c, "zh-wikipedia-mitchells").update(title="[Chinese Wikipedia article on The Mitchells vs. the Machines; title not captured]"),
         sp("zh-wikipedia-mitchells", ".title"), "records the title as captured"),
        ("S-j: a placeholder title whose note no longer says the title was not captured (the FAQ)",
         lambda c: swap(source(c, "aiff-faq")["note"], "en", " Its page title was not captured.", ""),
         sp("aiff-faq", ".note.en"), "the note must say so"),
        ("S-i: the Los Angeles venue in English only again",
         lambda c: event(c, "los-angeles-screening")["venue"].pop("zh-Hant"),
         ep("los-angeles-screening", ".venue"), "is not the sourced"),
        ("S-i: the ten IMAX cities in the venue with no city again",
         lambda c: event(c, "imax-screenings").update(city=None),
         ep("imax-screenings", ".city"), "is not the sourced"),
        ("the Los Angeles screening's inferred start moved to another day",
         lambda c: screening(c, "los-angeles-screening").update(start="2025-06-13"),
         scp("los-angeles-screening", ".start"), "is not the sourced '2025-06-12'"),
        ("the Paris screening given a plain day no source states",
         lambda c: screening(c, "paris-screening").update(start="2025-06-12"),
         scp("paris-screening", ".start"), "is not the sourced None"),
    ]


def self_test(args):
    catalog_text = read_text(args.catalog)
    catalog = json.loads(catalog_text)
    ref = load_json(args.reference)
    rec = load_json(args.records)
    style = load_json(DEFAULT_ZH_STYLE)
    seed, facts, skipped, missing = find_inputs(args.seed, args.facts, True)
    if missing:
        if IN_CI:
            report_missing(missing, "the self-test")
            print("FAIL (self-test not run)")
            return 1
        for s in skipped:
            print("skipped:", s)
        print(f"SKIPPED (self-test not run: it needs {' and '.join(missing)}, and runs only on the real ones)")
        return 0
    lines = json_lines(catalog_text)
    label = os.path.relpath(args.catalog)
    failures = 0
    base = run_checks(catalog, args.schema, seed, ref, style, facts, rec, lines, label)
    for s in base.skipped:
        print("skipped:", s)
    if base.errors:
        failures += 1
        print("self-test FAIL: the unmodified catalog does not pass (real seed and fact sheet):")
        for e in base.formatted():
            print("  error:", e)
    else:
        print("self-test: the unmodified catalog passes (the real seed, the fact sheet, the schema)")
    variants = mutations(catalog)
    caught = 0
    for name, mutate, path, fragment in variants:
        broken = copy.deepcopy(catalog)
        mutate(broken)
        ck = run_checks(broken, None, seed, ref, style, facts, rec, lines, label)
        hits = [(p, m) for p, m in ck.errors if p == path and fragment in m]
        if hits:
            caught += 1
            print(f"caught: {name}\n    {ck.format(*hits[0])}")
        else:
            failures += 1
            print(f"self-test FAIL: {name} not caught at {path} (wanted {fragment!r}); got:")
            for e in ck.formatted() or ["(no errors)"]:
                print("    ", e)
    print(f"self-test: {len(variants)} mutations, {caught} caught with a located message, {len(variants) - caught} missed; "
          f"unmodified catalog {'fails' if base.errors else 'passes'}")
    print("FAIL" if failures else "OK", f"(self-test: {len(variants)} broken variants, {failures} failures)")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    ap.add_argument("--schema", default=DEFAULT_SCHEMA)
    ap.add_argument("--seed", default=None)
    ap.add_argument("--reference", default=DEFAULT_REFERENCE)
    ap.add_argument("--records", default=DEFAULT_RECORDS)
    ap.add_argument("--facts", default=None)
    ap.add_argument("--self-test", action="store_true",
                    help="check that deliberately broken variants of the catalog are caught")
    args = ap.parse_args()
    if args.self_test:
        return self_test(args)

    catalog_text = read_text(args.catalog)
    catalog = json.loads(catalog_text)
    if not isinstance(catalog, dict):
        print("error: catalog is not a JSON object")
        return 1
    is_seed_catalog = catalog.get("id") == SEED_CATALOG_ID
    seed_text, facts_text, skipped, missing = find_inputs(args.seed, args.facts, is_seed_catalog)

    if not os.path.exists(args.reference) or not os.path.exists(args.records):
        print(f"error: reference data {shown(args.reference)} or {shown(args.records)} not found")
        return 1
    ref, rec = load_json(args.reference), load_json(args.records)
    if ref.get("catalogId") != catalog.get("id"):
        print(f"note: the reference data is for catalog \"{ref.get('catalogId')}\"; checks against it skipped",
              file=sys.stderr)
        ref = None
    if rec.get("catalogId") != catalog.get("id"):
        rec = None

    for s in skipped:
        print("skipped:", s)
    ck = run_checks(catalog, args.schema, seed_text, ref, load_json(DEFAULT_ZH_STYLE), facts_text, rec,
                    json_lines(catalog_text), os.path.relpath(args.catalog))
    for s in ck.skipped:
        print("skipped:", s)
    for e in ck.formatted():
        print("error:", e)
    quotes = as_list(catalog.get("quotes"))
    count = lambda lang: sum(1 for q in quotes if isinstance(q, dict) and lang in (q.get("text") or {}))
    print(f"{os.path.relpath(args.catalog)}: {len(as_list(catalog.get('films')))} films, "
          f"{len(as_list(catalog.get('people')))} people, {len(quotes)} quotes ({count('zh-Hant')} zh-Hant, "
          f"{count('en')} en), {len(as_list(catalog.get('sources')))} sources, {len(as_list(catalog.get('topics')))} topics")
    if missing and IN_CI:
        report_missing(missing, "the checks against the seed and the fact sheet")
        print("FAIL", f"({len(ck.errors)} problems; {' and '.join(missing)} missing in CI)")
        return 1
    if ck.errors:
        print("FAIL", f"({len(ck.errors)} problem{'' if len(ck.errors) == 1 else 's'})")
        return 1
    if skipped or ck.skipped:
        what = [f"those needing {' and '.join(missing)}"] if missing else []
        what += [s.split(" (")[0] for s in ck.skipped]
        print(f"SKIPPED (0 problems in the checks that ran; not run: {'; '.join(what)})")
        return 0
    print("OK (0 problems)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
