"""Turn the harness's CSV files into Markdown tables, the targets of issue 16, and SVG charts.

Run on its own to redraw a run's report from its CSV files: python3 benchmarks/harness/report.py DIR
"""
import csv
import os
import statistics
import sys

import chart


def read(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as source:
        return list(csv.DictReader(source))


def spread(values, digits=0):
    """Return 'min–max' of values, the honest spread across rounds."""
    if not values:
        return "—"
    return "%s–%s" % (fmt(min(values), digits), fmt(max(values), digits))


def fmt(value, digits=0):
    if value is None:
        return "—"
    return ("{:,.%df}" % digits).format(value)


def group(rows, *keys):
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[key] for key in keys), []).append(row)
    return groups


def per_round_ratios(rows, candidate, baseline, app, connections, figure="rps"):
    """Return candidate / baseline of one figure, each round's pair measured side by side."""
    mine = {r["round"]: float(r[figure]) for r in rows
            if r["candidate"] == candidate and r["app"] == app and r["connections"] == str(connections)}
    theirs = {r["round"]: float(r[figure]) for r in rows
              if r["candidate"] == baseline and r["app"] == app and r["connections"] == str(connections)}
    return [mine[k] / theirs[k] for k in sorted(mine) if k in theirs and theirs[k] > 0]


def load_report(rows, out_dir):
    lines = ["# Load: hello (13 bytes) and echo (4 KiB query)", "",
             "Medians across rounds; spreads are the lowest and highest round. Ratios divide each round's figure by "
             "the baseline's figure of the same round, so a noisy moment hits both sides of a ratio.", ""]
    candidates = list(dict.fromkeys(r["candidate"] for r in rows))
    for app in dict.fromkeys(r["app"] for r in rows):
        lines += ["## %s" % app, "",
                  "| Candidate | Conns | req/s | req/s spread | p50 ms | p99 ms | Baseline | Ratio | Ratio spread "
                  "| Errors |", "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
        series = {}
        for (candidate, conns), measured in group([r for r in rows if r["app"] == app],
                                                  "candidate", "connections").items():
            rps = [float(r["rps"]) for r in measured]
            baseline = measured[0]["baseline"]
            ratios = per_round_ratios(rows, candidate, baseline, app, conns) if baseline else []
            errors = sum(int(r["errors"]) + int(r["non2xx"]) for r in measured)
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |" % (
                candidate, conns, fmt(statistics.median(rps)), spread(rps),
                fmt(statistics.median(float(r["p50_ms"]) for r in measured), 2),
                fmt(statistics.median(float(r["p99_ms"]) for r in measured), 2), baseline or "—",
                fmt(statistics.median(ratios), 2) if ratios else "—", spread(ratios, 2) if ratios else "—", errors))
            series.setdefault(candidate, {})[int(conns)] = (statistics.median(rps), min(rps), max(rps))
        lines.append("")
        svg = "load-%s.svg" % app
        chart.bars(os.path.join(out_dir, svg),
                   "%s: requests per second (bars: median of the rounds; whiskers: lowest to highest)" % app,
                   [c for c in candidates if c in series], series)
        lines += ["![%s](%s)" % (app, svg), ""]
    lines += targets(rows)
    return lines


def targets(rows):
    """State each load target of issue 16 as met or not, from ratios of the same rounds at 64 connections."""
    def median_ratio(candidate, baseline, figure="rps", app="hello"):
        ratios = per_round_ratios(rows, candidate, baseline, app, 64, figure)
        return (statistics.median(ratios), min(ratios), max(ratios)) if ratios else None

    def best_python(app="hello"):
        python = [c for c in ("gunicorn-sync", "gunicorn-gthread", "uwsgi")
                  if any(r["candidate"] == c and r["app"] == app for r in rows)]
        medians = {c: statistics.median(float(r["rps"]) for r in rows if r["candidate"] == c and r["app"] == app
                                        and r["connections"] == "64") for c in python}
        return max(medians, key=medians.get) if medians else None

    checks = [
        ("Spring MVC mount ≥ 0.95× @RestController req/s", "mvc-mount", "mvc-controller", "rps", ">=", 0.95),
        ("Spring MVC mount p99 ≤ 1.2× @RestController's", "mvc-mount", "mvc-controller", "p99_ms", "<=", 1.2),
        ("WebFlux mount ≥ 0.90× handler function req/s", "webflux-mount", "webflux-handler", "rps", ">=", 0.90),
        ("WebFlux mount p99 ≤ 1.2× handler function's", "webflux-mount", "webflux-handler", "p99_ms", "<=", 1.2),
        ("Flask on gateway-python ≥ 1× Flask on Gunicorn req/s", "flask-gateway", "flask-gunicorn", "rps", ">=",
         1.0),
    ]
    best = best_python()
    if best:
        checks += [
            ("Spring MVC mount ≥ 2× the best Python server (%s) req/s" % best, "mvc-mount", best, "rps", ">=", 2.0),
            ("Spring MVC mount p99 ≤ the best Python server's", "mvc-mount", best, "p99_ms", "<=", 1.0),
            ("WebFlux mount ≥ 2× the best Python server (%s) req/s" % best, "webflux-mount", best, "rps", ">=", 2.0),
            ("WebFlux mount p99 ≤ the best Python server's", "webflux-mount", best, "p99_ms", "<=", 1.0),
        ]
    lines = ["## Targets (hello, 64 connections)", "", "| Target | Ratio (median) | Spread | Met |",
             "|---|---:|---:|---|"]
    for title, candidate, baseline, figure, sense, bound in checks:
        found = median_ratio(candidate, baseline, figure)
        if found is None:
            lines.append("| %s | — | — | not measured |" % title)
            continue
        median, low, high = found
        met = median >= bound if sense == ">=" else median <= bound
        lines.append("| %s | %.2f | %.2f–%.2f | %s |" % (title, median, low, high, "yes" if met else "**no**"))
    return lines + [""]


def bodies_report(rows):
    lines = ["# Large bodies", "",
             "Throughput of one transfer at a time. Growth is the highest sample during the transfer less the one "
             "before it: heap, the survivors and old generation after each collection (the heap the transfer "
             "retained), over the collections counted, from a full collection before the transfer; RSS, the process "
             "and its workers.", "",
             "| Candidate | Transfer | MiB/s | MiB/s spread | Heap growth MiB | Collections | RSS growth MiB |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for (candidate, app), measured in group(rows, "candidate", "app").items():
        speed = [float(r["mib_s"]) for r in measured]

        def worst(name, digits=1):
            values = [float(r[name]) for r in measured if r[name] != ""]
            return fmt(max(values), digits) if values else "—"
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (candidate, app, fmt(statistics.median(speed)),
                                                               spread(speed), worst("heap_growth_mib"),
                                                               worst("collections", 0), worst("rss_growth_mib")))
    lines += ["", "## Targets", "", "| Target | Measured | Met |", "|---|---:|---|"]
    for candidate in ("mvc-mount", "webflux-mount"):
        mine = [r for r in rows if r["candidate"] == candidate and r["heap_growth_mib"] != ""]
        if mine:
            growth = max(float(r["heap_growth_mib"]) for r in mine)
            lines.append("| %s: heap growth < 64 MiB over every transfer | %.1f MiB | %s |"
                         % (candidate, growth, "yes" if growth < 64 else "**no**"))
        nginx = {r["round"]: float(r["mib_s"]) for r in rows if r["candidate"] == "nginx" and r["app"] == "file"}
        files = {r["round"]: float(r["mib_s"]) for r in rows if r["candidate"] == candidate and r["app"] == "file"}
        ratios = [files[k] / nginx[k] for k in files if k in nginx and nginx[k] > 0]
        if ratios:
            median = statistics.median(ratios)
            lines.append("| %s: wsgi.file_wrapper ≥ 0.8× nginx sendfile | %.2f (%.2f–%.2f) | %s |"
                         % (candidate, median, min(ratios), max(ratios), "yes" if median >= 0.8 else "**no**"))
    return lines + [""]


def blocking_report(rows):
    lines = ["# Blocking application (50 ms per request)", "",
             "Ideal throughput is connections / 50 ms. Refused counts wrk's connect errors and non-2xx answers (503 "
             "from a full executor); lost counts read, write and timeout errors.", "",
             "| Candidate | Conns | req/s | req/s spread | Ideal | Ratio to ideal | p50 ms | p99 ms | Refused | Lost |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (candidate, conns), measured in group(rows, "candidate", "connections").items():
        rps = [float(r["rps"]) for r in measured]
        ideal = float(measured[0]["ideal_rps"])
        refused = sum(int(r["connect_errors"]) + int(r["non2xx"]) for r in measured)
        lost = sum(int(r["errors"]) - int(r["connect_errors"]) for r in measured)
        lines.append("| %s | %s | %s | %s | %s | %.2f | %s | %s | %d | %d |" % (
            candidate, conns, fmt(statistics.median(rps)), spread(rps), fmt(ideal), statistics.median(rps) / ideal,
            fmt(statistics.median(float(r["p50_ms"]) for r in measured), 1),
            fmt(statistics.median(float(r["p99_ms"]) for r in measured), 1), refused, lost))
    virtual = [r for r in rows if r["candidate"] == "mvc-virtual"]
    if virtual:
        ratio = statistics.median(float(r["rps"]) for r in virtual) / float(virtual[0]["ideal_rps"])
        clean = all(int(r["errors"]) + int(r["non2xx"]) == 0 for r in virtual)
        lines += ["", "## Targets", "", "| Target | Measured | Met |", "|---|---:|---|",
                  "| Virtual threads within 10%% of the ideal, nothing lost | %.2f of ideal, %s | %s |"
                  % (ratio, "no errors" if clean else "errors", "yes" if ratio >= 0.9 and clean else "**no**")]
    return lines + [""]


def jmh_report(results):
    lines = ["# Engine microbenchmarks (JMH)", "",
             "Average time per request through the engine and bytes allocated per request (`-prof gc`, "
             "`gc.alloc.rate.norm`); the error is JMH's 99.9% confidence interval.", "",
             "| Benchmark | Parameters | ns/op | ± | B/op |", "|---|---|---:|---:|---:|"]
    for result in results:
        name = result["benchmark"].rsplit(".", 2)
        params = ", ".join("%s=%s" % item for item in sorted(result.get("params", {}).items()))
        primary = result["primaryMetric"]
        alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        error = primary.get("scoreError")
        lines.append("| %s.%s | %s | %s | %s | %s |" % (
            name[-2], name[-1], params, fmt(primary["score"], 1),
            fmt(error, 1) if isinstance(error, (int, float)) and error == error else "—",
            fmt(alloc, 0) if alloc is not None else "—"))
    return lines + [""]


def write(out_dir, header):
    """Write every report of the modes that have a CSV (or JSON) in out_dir; return the files written."""
    import json
    import uwsgi_mode   # here, since uwsgi_mode reads this module's helpers
    written = []
    parts = {
        "load.md": lambda: load_report(read(os.path.join(out_dir, "load.csv")), out_dir),
        "bodies.md": lambda: bodies_report(read(os.path.join(out_dir, "bodies.csv"))),
        "blocking.md": lambda: blocking_report(read(os.path.join(out_dir, "blocking.csv"))),
        "uwsgi.md": lambda: uwsgi_mode.uwsgi_report(read(os.path.join(out_dir, "uwsgi.csv"))),
    }
    sources = {"load.md": "load.csv", "bodies.md": "bodies.csv", "blocking.md": "blocking.csv",
               "uwsgi.md": "uwsgi.csv"}
    for name, build in parts.items():
        if os.path.exists(os.path.join(out_dir, sources[name])):
            with open(os.path.join(out_dir, name), "w") as out:
                out.write("\n".join(header + build()))
            written.append(name)
    jmh = os.path.join(out_dir, "jmh.json")
    if os.path.exists(jmh):
        with open(jmh) as source, open(os.path.join(out_dir, "jmh.md"), "w") as out:
            out.write("\n".join(header + jmh_report(json.load(source))))
        written.append("jmh.md")
    return written


def run_header(out_dir):
    path = os.path.join(out_dir, "run.md")
    if os.path.exists(path):
        with open(path) as source:
            return ["<!-- written by benchmarks/harness/report.py from the CSV files beside this file -->", "",
                    source.read().strip(), ""]
    return []


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "results")
    print("wrote", ", ".join(write(directory, run_header(directory))))
