"""Assert that a smoke run's outputs exist and parse — rows for every candidate, tables and charts written — never
its figures, which a shared CI machine cannot judge: a candidate still compiling may complete no request in a 2 s
measurement. That each candidate answers the right bytes is checked before any measurement (modes.check_answer)."""
import csv
import json
import os
import xml.etree.ElementTree as ElementTree

import candidates as known
import modes

JMH_BENCHMARKS = ["BodyBenchmark.manyChunks", "EnvironBenchmark.browserHeaders", "EnvironBenchmark.noHeaders",
                  "StartResponseBenchmark.eightHeaders", "StartResponseBenchmark.oneHeader"]


class Checks:

    def __init__(self):
        self.passed, self.failed = 0, 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED: " + message)


def rows(path):
    with open(path, newline="") as source:
        return list(csv.DictReader(source))


def verify(args):
    """Check each mode's outputs in args.out; return (passed, failed)."""
    check = Checks()
    chosen = {mode: [c.name for c in known.MODES.get(mode, []) if not args.candidates or c.name in args.candidates]
              for mode in args.modes}
    if "load" in args.modes:
        table = rows(os.path.join(args.out, "load.csv"))
        for name in chosen["load"]:
            for app in modes.PATHS:
                for connections in args.connections:
                    found = [r for r in table if r["candidate"] == name and r["app"] == app
                             and int(r["connections"]) == connections]
                    check.expect(len(found) == args.rounds and all(float(r["rps"]) >= 0 for r in found),
                                 "load.csv has %d rounds of %s %s at %d connections"
                                 % (args.rounds, name, app, connections))
        markdown = open(os.path.join(args.out, "load.md")).read()
        check.expect(all("| %s |" % name in markdown for name in chosen["load"]), "load.md names every candidate")
        check.expect("## Targets" in markdown, "load.md states the targets")
        for app in modes.PATHS:
            svg = ElementTree.parse(os.path.join(args.out, "load-%s.svg" % app)).getroot()
            bars = [e for e in svg.iter("{http://www.w3.org/2000/svg}rect") if e.find(
                "{http://www.w3.org/2000/svg}title") is not None]
            check.expect(len(bars) == len(chosen["load"]) * len(args.connections),
                         "load-%s.svg has a bar per candidate and connection count" % app)
    if "bodies" in args.modes:
        table = rows(os.path.join(args.out, "bodies.csv"))
        for name in chosen["bodies"]:
            found = [r for r in table if r["candidate"] == name]
            check.expect(found and all(int(r["bytes"]) == args.body_mib * 1048576 and float(r["mib_s"]) > 0
                                       for r in found), "bodies.csv has %s's transfers, every byte moved" % name)
            java = name.endswith("-mount")
            check.expect(all(r["rss_growth_mib"] != "" and (r["heap_growth_mib"] != "") == java for r in found),
                         "bodies.csv has %s's memory growth%s" % (name, ", heap included" if java else ""))
        check.expect("## Targets" in open(os.path.join(args.out, "bodies.md")).read(), "bodies.md is written")
    if "blocking" in args.modes:
        table = rows(os.path.join(args.out, "blocking.csv"))
        for name in chosen["blocking"]:
            check.expect(len([r for r in table if r["candidate"] == name and float(r["rps"]) >= 0]) == args.rounds,
                         "blocking.csv has %d rounds of %s" % (args.rounds, name))
        check.expect(os.path.exists(os.path.join(args.out, "blocking.md")), "blocking.md is written")
    if "uwsgi" in args.modes and chosen["uwsgi"]:
        table = rows(os.path.join(args.out, "uwsgi.csv"))
        for name in chosen["uwsgi"]:
            check.expect(len([r for r in table if r["candidate"] == name and float(r["rps"]) >= 0]) == args.rounds,
                         "uwsgi.csv has %d rounds of %s" % (args.rounds, name))
        markdown = open(os.path.join(args.out, "uwsgi.md")).read()
        check.expect(all("| %s |" % name in markdown for name in chosen["uwsgi"]), "uwsgi.md names every candidate")
        check.expect(len(chosen["uwsgi"]) < 3 or "nginx-uwsgi-gateway / nginx-uwsgi-cpython" in markdown,
                     "uwsgi.md gives the ratios")
    if "jmh" in args.modes:
        with open(os.path.join(args.out, "jmh.json")) as source:
            results = json.load(source)
        for benchmark in JMH_BENCHMARKS:
            found = [r for r in results if r["benchmark"].endswith("." + benchmark)]
            check.expect(found and all(r["primaryMetric"]["score"] > 0
                                       and "gc.alloc.rate.norm" in r.get("secondaryMetrics", {}) for r in found),
                         "jmh.json has %s with its time and bytes allocated per operation" % benchmark)
        check.expect(os.path.exists(os.path.join(args.out, "jmh.md")), "jmh.md is written")
    return check.passed, check.failed
