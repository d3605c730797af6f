#!/usr/bin/env python3
"""Writes a festival catalog's schedule as the feeds festivals publish, for the import
benchmark (README, "Importing a festival's feed"):

    python3 scripts/make_feeds.py CATALOG.json OUTDIR

OUTDIR gets schedule.xml and schedule.json (frab) and page.html (schema.org JSON-LD in a
web page). Every screening becomes one event, in its venue's zone, with its films' titles,
directors and synopses. The CATALOG is one of `festival generate --venues …`.
"""
import datetime
import html
import json
import os
import sys
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo


def text(t):
    return (t or {}).get("en") or (t or {}).get("zh-Hant") or ""


def main(path, out):
    c = json.load(open(path, encoding="utf-8"))
    films = {f["id"]: f for f in c["films"]}
    people = {p["id"]: text(p["name"]) for p in c["people"]}
    venues = {v["id"]: v for v in c["venues"]}
    zone = next(v["timeZone"] for v in c["venues"] if v.get("timeZone"))
    events, days = [], {}
    for s in c["screenings"]:
        if "T" not in (s.get("start") or "") or not s.get("venue"):
            continue
        v = venues[s["venue"]]
        start = datetime.datetime.fromisoformat(s["start"]).replace(tzinfo=ZoneInfo(v["timeZone"]))
        fs = [films[f] for f in s["films"]]
        e = {"id": s["id"], "start": start, "minutes": s.get("duration") or 90, "room": text(v["name"]),
             "title": " / ".join(text(f["title"]) for f in fs), "films": fs,
             "persons": [people[d] for f in fs for d in f["directors"]],
             "abstract": text(fs[0].get("synopsis")), "cancelled": s.get("status") == "cancelled"}
        events.append(e)
        days.setdefault(start.date().isoformat(), {}).setdefault(e["room"], []).append(e)
    os.makedirs(out, exist_ok=True)
    name = text(c["festival"]["name"])

    def hm(minutes):
        return "%02d:%02d" % divmod(minutes, 60)

    with open(os.path.join(out, "schedule.xml"), "w", encoding="utf-8") as x:
        x.write('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n<version>1</version>\n<conference>\n')
        x.write("<acronym>bench</acronym>\n<title>%s</title>\n<time_zone_name>%s</time_zone_name>\n</conference>\n" % (escape(name), zone))
        for i, (day, rooms) in enumerate(sorted(days.items()), 1):
            x.write('<day index="%d" date="%s">\n' % (i, day))
            for room, evs in rooms.items():
                x.write("<room name=%s>\n" % quoteattr(room))
                for e in evs:
                    x.write('<event guid="%s" id="%d">\n<date>%s</date>\n<start>%s</start>\n<duration>%s</duration>\n'
                            % (e["id"], len(e["id"]), e["start"].isoformat(), e["start"].strftime("%H:%M"), hm(e["minutes"])))
                    x.write("<room>%s</room>\n<title>%s</title>\n<track>Features</track>\n<type>screening</type>\n<abstract>%s</abstract>\n<persons>"
                            % (escape(room), escape(e["title"]), escape(e["abstract"])))
                    x.write("".join("<person>%s</person>" % escape(p) for p in e["persons"]))
                    x.write("</persons>\n<links/>\n</event>\n")
                x.write("</room>\n")
            x.write("</day>\n")
        x.write("</schedule>\n")

    frab = {"schedule": {"version": "1", "conference": {"acronym": "bench", "title": name, "time_zone_name": zone, "days": [
        {"index": i, "date": day, "rooms": {room: [
            {"guid": e["id"], "date": e["start"].isoformat(), "start": e["start"].strftime("%H:%M"), "duration": hm(e["minutes"]),
             "room": room, "title": e["title"], "track": "Features", "type": "screening", "abstract": e["abstract"],
             "persons": [{"public_name": p} for p in e["persons"]], "links": []} for e in evs] for room, evs in rooms.items()}}
        for i, (day, rooms) in enumerate(sorted(days.items()), 1)]}}}
    json.dump(frab, open(os.path.join(out, "schedule.json"), "w", encoding="utf-8"), ensure_ascii=False)

    ld = {"@context": "https://schema.org", "@type": "Festival", "name": name, "subEvent": [
        {"@type": "ScreeningEvent", "@id": e["id"], "name": e["title"], "startDate": e["start"].isoformat(),
         "endDate": (e["start"] + datetime.timedelta(minutes=e["minutes"])).isoformat(),
         "eventStatus": "https://schema.org/EventCancelled" if e["cancelled"] else "https://schema.org/EventScheduled",
         "location": {"@type": "Place", "name": e["room"]},
         "workPresented": [{"@type": "Movie", "name": text(f["title"]), "director": [{"@type": "Person", "name": people[d]} for d in f["directors"]],
                            "description": text(f.get("synopsis"))} for f in e["films"]]} for e in events]}
    with open(os.path.join(out, "page.html"), "w", encoding="utf-8") as h:
        h.write("<!DOCTYPE html>\n<html><head><title>%s</title>\n<script type=\"application/ld+json\">\n" % html.escape(name))
        h.write(json.dumps(ld, ensure_ascii=False).replace("</", "<\\/"))
        h.write("\n</script></head><body></body></html>\n")
    print("%d events" % len(events))


if __name__ == "__main__":
    main(*sys.argv[1:3])
