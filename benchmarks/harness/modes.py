"""The harness's modes: load (req/s and latency), bodies (1 GiB up and down), blocking (50 ms per request), jmh."""
import contextlib
import csv
import os
import subprocess
import time

import candidates as known
import loadgen
import servers

HELLO = b"Hello, World!"
QUERY = "q=" + ("0123456789abcdefghijklmnopqrstuvwxyz" * 114)[:4094]   # 4 KiB, nothing to percent-encode
PATHS = {"hello": "/hello", "echo": "/echo?" + QUERY}
SLEEP_MILLIS = 50


class Run:
    """Settings of one run of the harness, and where it writes."""

    def __init__(self, args, setup):
        self.args, self.setup = args, setup
        self.out = args.out

    def log(self, message):
        print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)

    def start(self, mode, wanted):
        """Start every candidate of the mode at once, pinned to the server cores; return them once all answer."""
        chosen = [c for c in known.MODES[mode] if not wanted or c.name in wanted]
        started = []
        try:
            for candidate in chosen:
                port = servers.free_port()
                argv, env = known.command(candidate, port, self.setup)
                server = servers.Server(candidate.name, argv, env, self.setup.cpus,
                                        os.path.join(self.out, "logs", "%s-%s.log" % (mode, candidate.name)))
                server.candidate, server.port = candidate, port
                server.start()
                started.append(server)
            for server in started:
                probe = "/file" if server.candidate.kind == "nginx" else ready_path(mode)
                server.wait_ready("http://127.0.0.1:%d%s" % (server.port, probe), self.args.start_timeout)
                self.log("%s is up on port %d" % (server.name, server.port))
        except BaseException:
            for server in started:
                server.stop()
            raise
        return started

    @contextlib.contextmanager
    def session(self, mode, fields):
        """Start the mode's candidates and open its CSV; yield (servers, record a row); stop them whatever happens."""
        live = self.start(mode, self.args.candidates)
        try:
            with open(os.path.join(self.out, mode + ".csv"), "w", newline="") as target:
                table = csv.DictWriter(target, fieldnames=fields)
                table.writeheader()

                def record(row):
                    table.writerow(row)
                    target.flush()   # a run stopped half-way keeps the rows measured so far
                yield live, record
        finally:
            for server in live:
                server.stop()


def ready_path(mode):
    return {"load": "/hello", "bodies": "/download?size=1", "blocking": "/sleep"}[mode]


def url(server, path):
    return "http://127.0.0.1:%d%s" % (server.port, path)


def wrk_figures(figures):
    """Return the CSV columns every wrk measurement has."""
    return {"rps": "%.1f" % figures["rps"], "p50_ms": "%.3f" % figures["p50_ms"],
            "p99_ms": "%.3f" % figures["p99_ms"], "requests": figures["requests"], "errors": figures["errors"],
            "non2xx": figures["non2xx"]}


def check_answer(server, path, expected):
    """Refuse to measure a candidate that does not answer exactly what the others answer."""
    try:
        status, content_type, body = loadgen.get(url(server, path))
    except OSError as failure:
        raise RuntimeError("%s failed to answer %s...: %s" % (server.name, path[:20], failure)) from failure
    if status != 200 or body != expected or not content_type.startswith("text/plain"):
        raise RuntimeError("%s answered %s %d (%s) with %r... instead of %r..." % (
            server.name, path[:20], status, content_type, body[:40], expected[:40]))


def run_load(run):
    args = run.args
    fields = ["round", "candidate", "baseline", "app", "connections", "rps", "p50_ms", "p99_ms", "requests",
              "errors", "non2xx"]
    with run.session("load", fields) as (live, record):
        for server in live:
            check_answer(server, PATHS["hello"], HELLO)
            check_answer(server, PATHS["echo"], QUERY.encode("ascii"))
        for server in live:
            run.log("warming %s up for %d s per application" % (server.name, args.warmup))
            for path in PATHS.values():
                loadgen.wrk(url(server, path), 64, args.warmup, args.load_cpus)
        for round_number in range(1, args.rounds + 1):
            for server in live:
                for app, path in PATHS.items():
                    for connections in args.connections:
                        figures = loadgen.wrk(url(server, path), connections, args.measure, args.load_cpus)
                        record(dict(wrk_figures(figures), round=round_number, candidate=server.name,
                                    baseline=server.candidate.baseline or "", app=app, connections=connections))
                run.log("round %d: %s measured" % (round_number, server.name))


def data_file(path, size):
    """Create the transfer file once (1 MiB of varied bytes repeated), reusing it while its size is right."""
    if os.path.exists(path) and os.path.getsize(path) == size:
        return
    block = bytes((i * 131 + 7) % 256 for i in range(1024 * 1024))
    with open(path, "wb") as out:
        left = size
        while left > 0:
            out.write(block[:min(left, len(block))])
            left -= len(block)


def transfer(run, server, app, size):
    """Move size bytes once, checking every byte arrived; return (bytes, seconds)."""
    load = run.args.load_cpus
    if app == "upload":
        status, body, moved, seconds = loadgen.curl_transfer(url(server, "/upload"), load, run.setup.data_file)
        if status != 200 or body.strip() != str(size):
            raise RuntimeError("%s read %r of an upload of %d bytes (status %d)" % (server.name, body, size, status))
    else:
        path = "/file" if app == "file" else "/download?size=%d" % size
        status, _, moved, seconds = loadgen.curl_transfer(url(server, path), load)
        if status != 200 or moved != size:
            raise RuntimeError("%s sent %d of %d bytes of %s (status %d)" % (server.name, moved, size, app, status))
    return moved, seconds


def run_bodies(run):
    args, setup = run.args, run.setup
    size = args.body_mib * 1024 * 1024
    data_file(setup.data_file, size)
    fields = ["round", "candidate", "app", "bytes", "seconds", "mib_s", "heap_growth_mib", "collections",
              "rss_growth_mib"]
    with run.session("bodies", fields) as (live, record):
        apps = {server.name: (["file"] if server.candidate.kind == "nginx" else ["upload", "download", "file"])
                for server in live}
        for server in live:
            run.log("warming %s up for %d s" % (server.name, args.warmup))
            deadline = time.monotonic() + args.warmup
            while time.monotonic() < deadline:
                for app in apps[server.name]:
                    transfer(run, server, app, size)
        for round_number in range(1, args.rounds + 1):
            for server in live:
                java = server.candidate.kind == "java"
                for app in apps[server.name]:
                    retained_before = collections_before = None
                    if java:
                        # A full collection first, so that the heap figure starts from what is live.
                        subprocess.run([setup.jcmd, str(server.process.pid), "GC.run"], capture_output=True,
                                       timeout=60)
                        retained_before, collections_before = servers.jvm_heap_kib(setup.jstat, server.process.pid)
                    rss_before = server.rss_kib()
                    with servers.MemorySampler(server, setup.jstat if java else None, args.load_cpus) as sampler:
                        moved, seconds = transfer(run, server, app, size)
                    row = {"round": round_number, "candidate": server.name, "app": app, "bytes": moved,
                           "seconds": "%.3f" % seconds, "mib_s": "%.1f" % (moved / 1048576 / seconds),
                           "rss_growth_mib": "%.1f" % ((max(sampler.rss) - rss_before) / 1024),
                           "heap_growth_mib": "", "collections": ""}
                    if java:
                        row["heap_growth_mib"] = "%.1f" % (max(max(sampler.retained) - retained_before, 0) / 1024)
                        row["collections"] = max(sampler.collections) - collections_before
                    record(row)
                run.log("round %d: %s measured" % (round_number, server.name))


def run_blocking(run):
    args = run.args
    fields = ["round", "candidate", "connections", "rps", "ideal_rps", "p50_ms", "p99_ms", "requests", "errors",
              "connect_errors", "timeouts", "non2xx"]
    connections = args.blocking_connections
    with run.session("blocking", fields) as (live, record):
        for server in live:
            check_answer(server, "/sleep", HELLO)
            run.log("warming %s up for %d s" % (server.name, args.warmup))
            loadgen.wrk(url(server, "/sleep"), connections, args.warmup, args.load_cpus, timeout_s=10)
        for round_number in range(1, args.rounds + 1):
            for server in live:
                figures = loadgen.wrk(url(server, "/sleep"), connections, args.measure, args.load_cpus, timeout_s=10)
                record(dict(wrk_figures(figures), round=round_number, candidate=server.name, connections=connections,
                            ideal_rps="%.1f" % (connections * 1000 / SLEEP_MILLIS),
                            connect_errors=figures["connect_errors"], timeouts=figures["timeouts"]))
                run.log("round %d: %s measured" % (round_number, server.name))


def run_jmh(run):
    """Run every JMH benchmark with -prof gc, pinned to the server cores; JMH writes jmh.json."""
    setup, args = run.setup, run.args
    with open(setup.jmh_classpath) as source:
        classpath = setup.jmh_classes + ":" + source.read().strip()
    command = ["taskset", "-c", setup.cpus, setup.java, "-cp", classpath, "org.openjdk.jmh.Main", "-prof", "gc",
               "-rf", "json", "-rff", os.path.join(run.out, "jmh.json")]
    if args.smoke:
        # Each benchmark method once, in its own fork, with the parameters that run the most code.
        command += ["-f", "1", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "validator=on", "-p", "chunks=16"]
    command += args.jmh_args
    with open(os.path.join(run.out, "logs", "jmh.log"), "w") as log:
        done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError("JMH failed (exit %d): see %s" % (done.returncode, os.path.join(run.out, "logs", "jmh.log")))


RUNNERS = {"load": run_load, "bodies": run_bodies, "blocking": run_blocking, "jmh": run_jmh}
