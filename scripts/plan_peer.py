#!/usr/bin/env python3
"""The screening planner's problem solved exactly by OR-Tools, to check festival-bench --plan.

The model is a mixed-integer program given to OR-Tools' linear_solver: SCIP by default;
--solver CP_SAT, HIGHS or CBC pick another backend (CP-SAT on this model proves little: after
30 s on the 900-screening instance its bound was still twice the optimum, where SCIP and
HiGHS prove the optimum in about 25 s).

Reads one instance as JSON on stdin:
  {"screenings": [{"film": 0, "start": 600, "end": 700, "venue": 3,
                   "ticketed": false, "late": false, "day": 0}, ...],
   "weights": [16, 8, ...],                      # per film
   "travel": {"sameVenue": 10, "betweenVenues": 20, "pairs": [[from, to, minutes], ...]},
   "maxPerDay": null or an int}
Prints one JSON line: {"weight", "travel", "late", "seconds", "status", "solver", "chosen"}, or
{"status": "INFEASIBLE"} when the held tickets cannot all be kept.

The problem is the planner's: at most one screening a film (every ticket kept, a ticketed
film gets no other), films of weight 0 only when ticketed, each chosen screening reachable
from the one before it in time order, at most maxPerDay a day; most weight, then least
travel, then fewest late screenings, in three phases (each fixes the one before).

Model: the plan is one path through a DAG from a source to a sink. Arcs join each pair of
screenings that can follow one another within a block of time; blocks are split where
everything before can reach everything after, and crossing a split goes through one hub per
venue (the venue last left), so the trip's minutes are exact without an arc per pair.
Usage: python3 scripts/plan_peer.py [--solver SCIP] [--workers N] [--limit SECONDS] [--verbose] < instance.json
"""
import argparse
import json
import sys
import time

from ortools.linear_solver import pywraplp

VERBOSE = False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--solver", default="SCIP", help="an OR-Tools linear_solver backend: SCIP, CP_SAT, HIGHS, CBC")
    parser.add_argument("--workers", type=int, default=2, help="threads, for CP_SAT")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per phase")
    parser.add_argument("--verbose", action="store_true", help="each phase's status and time on stderr")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    data = json.load(sys.stdin)
    started = time.perf_counter()
    result = solve(data, args.solver, args.workers, args.limit)
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result))


def solve(data, backend, workers, limit):
    screenings, weights = data["screenings"], data["weights"]
    travel = data.get("travel", {})
    same, between = travel.get("sameVenue", 10), travel.get("betweenVenues", 20)
    pairs = {(a, b): m for a, b, m in travel.get("pairs", [])}

    def trip(u, v):
        return pairs.get((u, v), same if u == v else between)

    ticket_films = {s["film"] for s in screenings if s["ticketed"]}
    keep = [i for i, s in enumerate(screenings)
            if s["ticketed"] or (weights[s["film"]] > 0 and s["film"] not in ticket_films)]
    keep.sort(key=lambda i: (screenings[i]["start"], screenings[i]["end"], i))
    s = [screenings[i] for i in keep]
    n = len(s)
    venues = sorted({x["venue"] for x in s})
    longest_trip = max([trip(u, v) for u in venues for v in venues] or [0])

    # Blocks: split before k when everything earlier, with any trip, ends by s[k]'s start.
    block = [0] * n
    latest = None
    for k in range(n):
        if k > 0:
            block[k] = block[k - 1] + (1 if latest + longest_trip <= s[k]["start"] else 0)
        latest = s[k]["end"] if latest is None else max(latest, s[k]["end"])
    blocks = (block[-1] + 1) if n else 0

    solver = pywraplp.Solver.CreateSolver(backend)
    if solver is None:
        return {"status": f"no {backend} in this OR-Tools"}
    if backend == "CP_SAT":
        solver.SetNumThreads(workers)
    x = [solver.BoolVar(f"x{k}") for k in range(n)]
    inflow = [[] for _ in range(n)]
    outflow = [[] for _ in range(n)]
    cost = []  # (arc, minutes)
    source_out, sink_in = [], []

    def arc(name):
        return solver.BoolVar(name)

    for k in range(n):
        a = arc(f"s{k}")
        source_out.append(a)
        inflow[k].append(a)
        a = arc(f"t{k}")
        sink_in.append(a)
        outflow[k].append(a)
    empty = arc("empty")
    source_out.append(empty)
    sink_in.append(empty)
    for i in range(n):
        for j in range(i + 1, n):
            if block[j] != block[i]:
                break
            m = trip(s[i]["venue"], s[j]["venue"])
            if s[i]["end"] + m <= s[j]["start"]:
                a = arc(f"a{i}_{j}")
                outflow[i].append(a)
                inflow[j].append(a)
                if m:
                    cost.append((a, m))
    # Hubs between block b and b + 1, one per venue.
    members = [[] for _ in range(blocks)]
    for k in range(n):
        members[block[k]].append(k)
    hub_in = {}
    hub_out = {}
    for b in range(blocks - 1):
        for u in venues:
            hub_in[b, u], hub_out[b, u] = [], []
    for b in range(blocks - 1):
        for k in members[b]:
            a = arc(f"h{k}")
            outflow[k].append(a)
            hub_in[b, s[k]["venue"]].append(a)
        for u in venues:
            for k in members[b + 1]:
                a = arc(f"g{b}_{u}_{k}")
                hub_out[b, u].append(a)
                inflow[k].append(a)
                m = trip(u, s[k]["venue"])
                if m:
                    cost.append((a, m))
            if b + 1 < blocks - 1:
                a = arc(f"c{b}_{u}")
                hub_out[b, u].append(a)
                hub_in[b + 1, u].append(a)
            a = arc(f"e{b}_{u}")
            hub_out[b, u].append(a)
            sink_in.append(a)
    for k in range(n):
        solver.Add(sum(inflow[k]) == x[k])
        solver.Add(sum(outflow[k]) == x[k])
    for key in hub_in:
        solver.Add(sum(hub_in[key]) == sum(hub_out[key]))
    solver.Add(sum(source_out) == 1)
    solver.Add(sum(sink_in) == 1)

    by_film = {}
    for k in range(n):
        by_film.setdefault(s[k]["film"], []).append(k)
    weight_terms = []
    fixed_weight = 0
    for film, ks in by_film.items():
        if film in ticket_films:
            fixed_weight += weights[film]
            for k in ks:
                solver.Add(x[k] == 1)
        else:
            solver.Add(sum(x[k] for k in ks) <= 1)
            weight_terms += [(x[k], weights[film]) for k in ks]
    limit_per_day = data.get("maxPerDay")
    if limit_per_day is not None:
        by_day = {}
        for k in range(n):
            by_day.setdefault(s[k]["day"], []).append(k)
        for ks in by_day.values():
            solver.Add(sum(x[k] for k in ks) <= limit_per_day)

    weight = sum(v * w for v, w in weight_terms) + fixed_weight
    minutes = sum(a * m for a, m in cost)
    late = sum(x[k] for k in range(n) if s[k]["late"])
    solver.SetTimeLimit(int(limit * 1000))
    statuses = []
    chosen = []

    def phase(objective, maximize):
        (solver.Maximize if maximize else solver.Minimize)(objective)
        started = time.perf_counter()
        status = solver.Solve()
        statuses.append(status)
        if VERBOSE:
            print(f"phase {len(statuses)}: status {status} {solver.Objective().Value()} "
                  f"bound {solver.Objective().BestBound()} {time.perf_counter() - started:.2f} s", file=sys.stderr)
        if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
            return None
        value = int(round(solver.Objective().Value()))
        chosen[:] = sorted(keep[k] for k in range(n) if x[k].solution_value() > 0.5)
        solver.Add(objective == value)
        return value

    best_weight = phase(weight, True)
    if best_weight is None:
        return {"status": "INFEASIBLE" if statuses[-1] == pywraplp.Solver.INFEASIBLE else "FAILED"}
    best_travel = phase(minutes, False)
    best_late = phase(late, False)
    optimal = all(st == pywraplp.Solver.OPTIMAL for st in statuses)
    return {"weight": best_weight, "travel": best_travel, "late": best_late,
            "status": "OPTIMAL" if optimal else "FEASIBLE", "solver": backend, "chosen": chosen}


if __name__ == "__main__":
    main()
