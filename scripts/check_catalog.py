#!/usr/bin/env python3
"""Development check for a festival catalog (docs/CATALOG-FORMAT.md, schemaVersion 1).

Usage: scripts/check_catalog.py [CATALOG] [--schema SCHEMA] [--seed SEED] [--reference REF]
                                [--facts FACTS] [--self-test]

Defaults: Resources/aiff2025.json, Resources/catalog.schema.json, the AIFF 2025 seed text
(../shared/seed/000_c30dd48bb157daf5.txt beside the repository, or $FESTIVAL_SEED; used by default only for the catalog
with id "aiff-2025"; pass --seed to check another catalog against a seed), the committed reference data
scripts/reference/aiff2025-verified.json (applies to the catalog whose id it names) and
scripts/reference/zh-hant-style.json. Checks:
  * the JSON Schema, when the `jsonschema` package is importable (skipped with a warning otherwise);
  * ids are unique within each list (films, people, quotes, topics, sources, events, prize tiers);
  * every referenced id exists (speaker, directors, jury, topics, film, sources, award tier, person link);
  * every source is referenced by something;
  * prize tiers are ordered by rank;
  with the seed (skipped, saying so, when it is not found):
  * every zh-Hant quote text, split on " … ", is a verbatim substring of the seed, its parts in the
    seed's order and adjacent (only the narration of an interrupted quote between them);
  with the reference data (always, for its catalog; the data is in the repository):
  * English quote texts are the verified originals (parts in order), or absent with a textNote that
    says the English original was not found; a quote's first source is where its words came from;
  * every award tier and place, every figure (counts, runtimes, ranks) and every prize tier's
    places and amounts has a source in the reference data;
  * every URL in the catalog is in the reference data (the fact sheet or an audited addition);
  * synopses do not repeat press wording (six words in a row outside quotation marks);
  * people whose title comes from the translation only say so in their note, and wording the
    sources do not support (e.g. JAILBIRD's "hen") stays out of the named records;
  for every catalog:
  * descriptive text (every localized text except quote texts, which are verbatim) has no
    Simplified-only characters, Simplified leftovers or mainland terms (zh-hant-style.json), except
    where the reference data exempts one field from one term with a reason;
  * Chinese descriptive text has no half-width , ; : ? ! between CJK characters;
  with the fact sheet (../shared/data/aiff2025-facts.md beside the repository, or $FESTIVAL_FACTS; skipped otherwise):
  * the reference data's English originals and fact-sheet URLs are still verbatim in the fact sheet.
--self-test runs the checks on deliberately broken in-memory variants of the catalog and verifies that
each is caught. Exits 0 when everything passes, 1 otherwise. This is a dev aid; the Swift tests do
their own checks.
"""
import argparse
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CATALOG = os.path.join(ROOT, "Resources", "aiff2025.json")
DEFAULT_SCHEMA = os.path.join(ROOT, "Resources", "catalog.schema.json")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")  # the project's shared material, beside the repository
DEFAULT_SEED = os.environ.get("FESTIVAL_SEED", os.path.join(SHARED, "seed", "000_c30dd48bb157daf5.txt"))
DEFAULT_FACTS = os.environ.get("FESTIVAL_FACTS", os.path.join(SHARED, "data", "aiff2025-facts.md"))
DEFAULT_REFERENCE = os.path.join(HERE, "reference", "aiff2025-verified.json")
DEFAULT_ZH_STYLE = os.path.join(HERE, "reference", "zh-hant-style.json")
SEED_CATALOG_ID = "aiff-2025"  # the default seed only applies to this catalog
SEP = " \u2026 "  # space, HORIZONTAL ELLIPSIS, space
MAX_GAP = 80  # characters of narration allowed between two parts of an interrupted quote
PRESS_RUN = 6  # words in a row that count as repeating press wording
NOT_FOUND_EN = "English original not found"
NOT_FOUND_ZH = "未能找到英文原文"
CJK = "[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
HALF_WIDTH = re.compile(f"(?<={CJK})\\s?[,;:?!]\\s?(?={CJK})")
URL_RE = re.compile(r'https?://[^\s<>"«»“”「」（）()，。；、]+')
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|«[^»]*»")


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
    ra = as_dict(ref.get("awards"))
    for i, f in enumerate(as_list(catalog.get("films"))):
        if not isinstance(f, dict):
            continue
        award, fid, path = f.get("award"), f.get("id"), f"$.films[{i}].award"
        if not isinstance(award, dict):
            continue
        r = ra.get(fid)
        if r is None:
            ck.error(path, f"{fid}: award given, but the reference data has no sourced award for this film")
            continue
        tier, place = award.get("tier"), award.get("place")
        if tier is None and place is None:
            ck.error(path, f"{fid}: tier and place both unknown; write \"award\": null")
        if tier is not None and tier != r.get("tier"):
            sourced = f"\"{r['tier']}\"" if r.get("tier") else "none"
            ck.error(path + ".tier", f"{fid}: tier \"{tier}\" has no source in the reference data "
                                     f"(sourced tier: {sourced}; {r.get('factSheet')})")
        if place is not None and place != r.get("place"):
            sourced = r.get("place") if r.get("place") is not None else "none"
            ck.error(path + ".place", f"{fid}: place {place} has no source in the reference data "
                                      f"(sourced place: {sourced}; {r.get('factSheet')})")
        wanted = as_list(r.get("sources"))
        if wanted and not set(wanted) & set(as_list(f.get("sources"))):
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


def check_press_wording(catalog, ck, ref):
    runs = {}
    for p in as_list(ref.get("pressWording")):
        w = words(p.get("text", ""))
        for k in range(len(w) - PRESS_RUN + 1):
            runs.setdefault(tuple(w[k:k + PRESS_RUN]), p.get("where"))
    for i, f in enumerate(as_list(catalog.get("films"))):
        en = as_dict(as_dict(f).get("synopsis")).get("en")
        if not isinstance(en, str):
            continue
        w = words(QUOTED.sub(" | ", en))
        for k in range(len(w) - PRESS_RUN + 1):
            where = runs.get(tuple(w[k:k + PRESS_RUN]))
            if where:
                ck.error(f"$.films[{i}].synopsis.en", f"{f.get('id')}: repeats press wording "
                                                      f"\"{' '.join(w[k:k + PRESS_RUN])}\" ({where}); write it "
                                                      "in our own words or quote it as the source's")
                break


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


def check_reference(catalog, ck, ref):
    check_quotes_against_reference(catalog, ck, ref)
    check_awards(catalog, ck, ref)
    check_figures(catalog, ck, ref)
    check_prize_tiers(catalog, ck, ref)
    check_source_urls(catalog, ck, ref)
    check_press_wording(catalog, ck, ref)
    check_labels(catalog, ck, ref)


def check_facts(ref, facts_text, ck):
    """The committed reference data still says what the fact sheet says."""
    nf = norm_en(facts_text)
    for qid, r in as_dict(ref.get("quotes")).items():
        for seg in as_list(r.get("en")):
            if norm_en(seg) not in nf:
                ck.error(f"reference quotes.{qid}.en", f"{seg[:40]!r}… is not verbatim in the fact sheet")
    for u, why in as_dict(ref.get("urls")).items():
        if str(why).startswith("fact sheet,") or str(why).startswith("fact sheet §"):
            if u not in facts_text:
                ck.error(f"reference urls[{u}]", "labelled as from the fact sheet but not in it")


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


# ---------------------------------------------------------------- running

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run_checks(catalog, schema_path, seed_text, ref, style, facts_text=None):
    ck = Checker()
    if schema_path:
        check_schema(catalog, schema_path, ck)
    check_refs(catalog, ck)
    if seed_text is not None:
        check_seed(catalog, ck, seed_text)
    if ref is not None:
        check_reference(catalog, ck, ref)
        if facts_text is not None:
            check_facts(ref, facts_text, ck)
    check_zh_style(catalog, ck, style, (ref or {}).get("zhStyleExemptions"))
    return ck.errors


def synthetic_seed(catalog):
    """A seed in which every zh quote of the (correct) catalog appears once, interrupted as printed."""
    out = ["前言。\n"]
    for q in as_list(catalog.get("quotes")):
        zh = as_dict(as_dict(q).get("text")).get("zh-Hant")
        if isinstance(zh, str):
            out.append("“" + ",”他說。“".join(zh.split(SEP)) + "”\n\n")
    return "".join(out)


def self_test(args):
    catalog = load_json(args.catalog)
    ref = load_json(args.reference)
    style = load_json(DEFAULT_ZH_STYLE)
    seed = synthetic_seed(catalog)

    def idx(kind, id_):
        return next(i for i, x in enumerate(catalog[kind]) if x.get("id") == id_)

    def quote(c, id_):
        return c["quotes"][idx("quotes", id_)]

    def film(c, id_):
        return c["films"][idx("films", id_)]

    def reverse_q01(c):
        q = quote(c, "q01")
        q["text"]["zh-Hant"] = SEP.join(reversed(q["text"]["zh-Hant"].split(SEP)))

    def splice_q10_q11(c):  # two unrelated passages, in seed order, joined as if one quote
        q = quote(c, "q10")
        q["text"]["zh-Hant"] += SEP + quote(c, "q11")["text"]["zh-Hant"].split(SEP)[0]

    variants = [
        ("a hen-style wrong English quote (q11 'buzzsaw' -> 'chainsaw')",
         lambda c: quote(c, "q11")["text"].update(en=quote(c, "q11")["text"]["en"].replace("buzzsaw", "chainsaw")),
         f"$.quotes[{idx('quotes', 'q11')}].text.en", "not in the verified original"),
        ("a back-translation given as English (q01)",
         lambda c: quote(c, "q01")["text"].update(en="All of us, including me, are fascinated by technology."),
         f"$.quotes[{idx('quotes', 'q01')}].text.en", "no verified original"),
        ("reversed fragments (q01)", reverse_q01,
         f"$.quotes[{idx('quotes', 'q01')}].text.zh-Hant", "out of order"),
        ("two passages spliced with ' … ' (q10 + q11)", splice_q10_q11,
         f"$.quotes[{idx('quotes', 'q10')}].text.zh-Hant", "not one interrupted quote"),
        ("a Simplified term in a synopsis (视频)",
         lambda c: film(c, "jailbird")["synopsis"].update({"zh-Hant": film(c, "jailbird")["synopsis"]["zh-Hant"] + "这部视频"}),
         f"$.films[{idx('films', 'jailbird')}].synopsis.zh-Hant", "Simplified character"),
        ("a seed leftover in a synopsis (制作)",
         lambda c: film(c, "one")["synopsis"].update({"zh-Hant": "電影制作：" + film(c, "one")["synopsis"]["zh-Hant"]}),
         f"$.films[{idx('films', 'one')}].synopsis.zh-Hant", "Simplified leftover \"制作\""),
        ("a mainland term in an affiliation (英偉達)",
         lambda c: c["people"][idx("people", "richard-kerris")]["affiliation"].update({"zh-Hant": "英偉達"}),
         f"$.people[{idx('people', 'richard-kerris')}].affiliation.zh-Hant", "mainland term"),
        ("a half-width comma in Chinese text",
         lambda c: film(c, "one")["note"].update({"zh-Hant": "亦寫作 One。資料中沒有中文片名, 是否可公開觀看未能確認。"}),
         f"$.films[{idx('films', 'one')}].note.zh-Hant", "half-width"),
        ("a hen again in JAILBIRD's synopsis",
         lambda c: film(c, "jailbird")["synopsis"].update(en=film(c, "jailbird")["synopsis"]["en"].replace("a chicken", "a hen")),
         f"$.films[{idx('films', 'jailbird')}].synopsis.en", "is not supported"),
        ("q12's venue named as the PDC page again",
         lambda c: quote(c, "q12")["context"]["where"].update(en="Production Designers Collective conversation “Conversations about Artificial Intelligence in Filmmaking”"),
         f"$.quotes[{idx('quotes', 'q12')}].context.where.en", "is not supported"),
        ("DiTomasso's back-translated title without its label",
         lambda c: c["people"][idx("people", "luke-ditomasso")].update(note={"en": "Spelled DiTomasso as in the article.", "zh-Hant": "拼法依文章作 DiTomasso。"}),
         f"$.people[{idx('people', 'luke-ditomasso')}].note", "translation only"),
        ("an unsourced tier (Fragments of Nowhere: merit)",
         lambda c: film(c, "fragments-of-nowhere")["award"].update(tier="merit"),
         f"$.films[{idx('films', 'fragments-of-nowhere')}].award.tier", "no source"),
        ("an unsourced award (Editorial: honoree, 4th)",
         lambda c: film(c, "editorial").update(award={"tier": "honoree", "place": 4}),
         f"$.films[{idx('films', 'editorial')}].award.tier", "no source"),
        ("an unsourced runtime (Fragments of Nowhere: 484 s from the unreliable repository)",
         lambda c: film(c, "fragments-of-nowhere").update(runtimeSeconds=484),
         f"$.films[{idx('films', 'fragments-of-nowhere')}].runtimeSeconds", "no source"),
        ("a changed submissions count",
         lambda c: c["festival"]["submissions"].update(count=60000),
         "$.festival.submissions.count", "differs from the sourced"),
        ("a Chinese-only quote without its textNote (q13)",
         lambda c: quote(c, "q13").pop("textNote"),
         f"$.quotes[{idx('quotes', 'q13')}].textNote", NOT_FOUND_EN),
        ("a Chinese-only quote citing Ars first (q06)",
         lambda c: quote(c, "q06").update(sources=["ars-curated-realities", "zh-translation"]),
         f"$.quotes[{idx('quotes', 'q06')}].sources[0]", "must be the first source"),
        ("a reformatted URL (Total Pixel Space's watch link)",
         lambda c: film(c, "total-pixel-space")["links"][0].update(url="https://www.youtube.com/watch?v=zpAeygE4d1A"),
         f"$.films[{idx('films', 'total-pixel-space')}].links[0].url", "not in the reference data"),
        ("press wording in a synopsis (ONE's old synopsis)",
         lambda c: film(c, "one")["synopsis"].update(en="Futuristic science fiction: after Earth collapses, a crew of transhumans travels to a distant planet and finds it inhabited by lost souls who want their human bodies back."),
         f"$.films[{idx('films', 'one')}].synopsis.en", "press wording"),
    ]

    failures = 0
    base = run_checks(catalog, None, seed, ref, style)
    if base:
        failures += 1
        print("self-test FAIL: the unmodified catalog does not pass:")
        for e in base:
            print("  error:", e)
    else:
        print("self-test: the unmodified catalog passes (synthetic seed)")
    for name, mutate, path, fragment in variants:
        broken = copy.deepcopy(catalog)
        mutate(broken)
        errors = run_checks(broken, None, seed, ref, style)
        hits = [e for e in errors if e.startswith(path + ":") and fragment in e]
        if hits:
            print(f"self-test: caught {name}\n    {hits[0]}")
        else:
            failures += 1
            print(f"self-test FAIL: {name} not caught at {path} (wanted {fragment!r}); got:")
            for e in errors or ["(no errors)"]:
                print("    ", e)
    print("FAIL" if failures else "OK", f"(self-test: {len(variants)} broken variants, {failures} failures)")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    ap.add_argument("--schema", default=DEFAULT_SCHEMA)
    ap.add_argument("--seed", default=None)
    ap.add_argument("--reference", default=DEFAULT_REFERENCE)
    ap.add_argument("--facts", default=None)
    ap.add_argument("--self-test", action="store_true",
                    help="check that deliberately broken variants of the catalog are caught")
    args = ap.parse_args()
    if args.self_test:
        return self_test(args)

    with open(args.catalog, encoding="utf-8") as f:
        catalog = json.load(f)
    if not isinstance(catalog, dict):
        print("error: catalog is not a JSON object")
        return 1
    is_seed_catalog = catalog.get("id") == SEED_CATALOG_ID
    seed_path = args.seed if args.seed is not None else (DEFAULT_SEED if is_seed_catalog else None)
    seed_text = None
    if seed_path is None:
        print("note: no seed for this catalog; quote verbatim and fragment-order checks skipped", file=sys.stderr)
    elif os.path.exists(seed_path):
        with open(seed_path, encoding="utf-8") as f:
            seed_text = f.read()
    else:
        print(f"skipped: seed not found ({seed_path}; set $FESTIVAL_SEED or pass --seed): "
              "zh quote verbatim and fragment-order checks")

    ref = load_json(args.reference) if os.path.exists(args.reference) else None
    if ref is None:
        print(f"error: reference data {args.reference} not found")
        return 1
    if ref.get("catalogId") != catalog.get("id"):
        print(f"note: the reference data is for catalog \"{ref.get('catalogId')}\"; "
              "checks against it skipped", file=sys.stderr)
        ref = None
    facts_text = None
    if ref is not None:
        facts_path = args.facts or DEFAULT_FACTS
        if os.path.exists(facts_path):
            with open(facts_path, encoding="utf-8") as f:
                facts_text = f.read()
        else:
            print(f"skipped: fact sheet not found ({facts_path}; set $FESTIVAL_FACTS or pass --facts): "
                  "reference data vs fact sheet check (the checks against the committed reference data run)")

    errors = run_checks(catalog, args.schema, seed_text, ref, load_json(DEFAULT_ZH_STYLE), facts_text)
    for e in errors:
        print("error:", e)
    quotes = as_list(catalog.get("quotes"))
    count = lambda lang: sum(1 for q in quotes if isinstance(q, dict) and lang in (q.get("text") or {}))
    print(f"{args.catalog}: {len(as_list(catalog.get('films')))} films, {len(as_list(catalog.get('people')))} people, "
          f"{len(quotes)} quotes ({count('zh-Hant')} zh-Hant, {count('en')} en), "
          f"{len(as_list(catalog.get('sources')))} sources, {len(as_list(catalog.get('topics')))} topics")
    print("FAIL" if errors else "OK", f"({len(errors)} problems)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
