"""The uwsgi mode: the same hello app (13 bytes) behind one nginx three ways, measured in interleaved rounds.

nginx -> uwsgi_pass -> the gateway's uwsgi listener, nginx -> proxy_pass (HTTP/1.1, kept alive) -> the same gateway's
Tomcat, and nginx -> uwsgi_pass -> uWSGI with CPython: the deployment a team moves from, and the two it can move to.
nginx, the JVM and uWSGI all run on the server cores, as a proxy and its application server share a host; wrk runs
on the others. Each candidate is one of nginx's ports, so that every request crosses the same nginx.
"""
import csv
import getpass
import os
import statistics

import candidates as known
import loadgen
import report
import servers
from modes import HELLO, check_answer, wrk_figures

GATEWAY_UWSGI, GATEWAY_HTTP, CPYTHON_UWSGI = (c.name for c in known.UWSGI)
# Ratios printed and reported: (candidate, baseline).
RATIOS = [(GATEWAY_UWSGI, GATEWAY_HTTP), (GATEWAY_UWSGI, CPYTHON_UWSGI), (GATEWAY_HTTP, CPYTHON_UWSGI)]

NGINX = """daemon off;
user %(user)s;
master_process on;
worker_processes %(workers)d;
pid %(prefix)s/nginx-uwsgi-%(stamp)d.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
    access_log off;
%(temp_paths)s
    upstream gateway_uwsgi { server 127.0.0.1:%(gateway_uwsgi)d; }
    upstream gateway_http { server 127.0.0.1:%(gateway_http)d; keepalive 64; }
    upstream cpython_uwsgi { server 127.0.0.1:%(cpython_uwsgi)d; }
    # As docs/deploy/nginx/uwsgi.conf and gateway.conf pass requests on.
    server {
        listen 127.0.0.1:%(port_gateway_uwsgi)d;
        location / { include /etc/nginx/uwsgi_params; uwsgi_pass gateway_uwsgi; }
    }
    server {
        listen 127.0.0.1:%(port_gateway_http)d;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        location / { proxy_pass http://gateway_http; }
    }
    server {
        listen 127.0.0.1:%(port_cpython_uwsgi)d;
        location / { include /etc/nginx/uwsgi_params; uwsgi_pass cpython_uwsgi; }
    }
}
"""


class Front:
    """One candidate: a port of the shared nginx, named as the harness names servers."""

    def __init__(self, name, port):
        self.name, self.port = name, port


def start(run):
    """Start the gateway (HTTP and uwsgi), uWSGI and nginx on the server cores; return (processes, candidates)."""
    setup, out = run.setup, run.out
    ports = {name: servers.free_port() for name in ("gateway_http", "gateway_uwsgi", "cpython_uwsgi",
                                                   "port_gateway_uwsgi", "port_gateway_http", "port_cpython_uwsgi")}
    java = [setup.java, "-Xms" + setup.heap, "-Xmx" + setup.heap] + setup.jvm_args + [
        "-jar", setup.jar, "--server.port=%d" % ports["gateway_http"], "--server.address=127.0.0.1",
        "--bench.file=" + setup.data_file, "--spring.profiles.active=mount", known.SERVLET,
        "--gateway.uwsgi.enabled=true", "--gateway.uwsgi.port=%d" % ports["gateway_uwsgi"],
        # nginx is on the loopback: its vars and its X-Forwarded-* headers are believed (SPEC §16, §17.3).
        "--gateway.proxy.trusted=127.0.0.1"]
    uwsgi = ["uwsgi", "--plugin", "python3", "--uwsgi-socket", "127.0.0.1:%d" % ports["cpython_uwsgi"],
             "--wsgi-file", os.path.join(setup.python_dir, "wsgi_bench.py"), "--master",
             "--processes", str(setup.workers), "--buffer-size", "16384", "--listen", "1024",
             "--disable-logging", "--die-on-term", "--need-app"]
    conf = os.path.join(setup.work_dir, "nginx-uwsgi-%d.conf" % ports["port_gateway_uwsgi"])
    with open(conf, "w") as target:
        target.write(NGINX % dict(ports, user=getpass.getuser(), workers=setup.workers, prefix=setup.work_dir,
                                  stamp=ports["port_gateway_uwsgi"],
                                  temp_paths=known.NGINX_TEMP_PATHS % {"prefix": setup.work_dir}))
    started = []
    try:
        for name, argv in (("gateway", java), ("uwsgi-cpython", uwsgi),
                           ("nginx", ["nginx", "-p", setup.work_dir, "-c", conf])):
            process = servers.Server(name, argv, {"BENCH_FILE": setup.data_file}, setup.cpus,
                                     os.path.join(out, "logs", "uwsgi-%s.log" % name))
            process.start()
            started.append(process)
        gateway, cpython = started[0], started[1]
        fronts = [(Front(GATEWAY_UWSGI, ports["port_gateway_uwsgi"]), gateway),
                  (Front(GATEWAY_HTTP, ports["port_gateway_http"]), gateway),
                  (Front(CPYTHON_UWSGI, ports["port_cpython_uwsgi"]), cpython)]
        fronts = [(f, behind) for f, behind in fronts if not run.args.candidates or f.name in run.args.candidates]
        for front, behind in fronts:
            # nginx answers 502 until the server behind the port listens: poll until it answers 200, failing at once
            # with that server's log should it exit.
            behind.wait_ready("http://127.0.0.1:%d/hello" % front.port, run.args.start_timeout)
            run.log("%s is up on nginx's port %d" % (front.name, front.port))
        fronts = [front for front, _ in fronts]
        return started, fronts
    except BaseException:
        for process in started:
            process.stop()
        raise


def run_uwsgi(run):
    args = run.args
    fields = ["round", "candidate", "connections", "rps", "p50_ms", "p99_ms", "requests", "errors", "non2xx"]
    connections = args.uwsgi_connections[-1:] if args.smoke else args.uwsgi_connections
    if args.candidates and not set(args.candidates) & {c.name for c in known.UWSGI}:
        run.log("no candidate of the uwsgi mode chosen: nothing to start")
        return
    processes, fronts = start(run)
    try:
        with open(os.path.join(run.out, "uwsgi.csv"), "w", newline="") as target:
            table = csv.DictWriter(target, fieldnames=fields)
            table.writeheader()
            for front in fronts:
                check_answer(front, "/hello", HELLO)
                run.log("warming %s up for %d s" % (front.name, args.warmup))
                loadgen.wrk("http://127.0.0.1:%d/hello" % front.port, 64, args.warmup, args.load_cpus)
            for round_number in range(1, args.rounds + 1):
                for front in fronts:
                    for count in connections:
                        figures = loadgen.wrk("http://127.0.0.1:%d/hello" % front.port, count, args.measure,
                                              args.load_cpus)
                        table.writerow(dict(wrk_figures(figures), round=round_number, candidate=front.name,
                                            connections=count))
                        target.flush()   # a run stopped half-way keeps the rows measured so far
                    run.log("round %d: %s measured" % (round_number, front.name))
    finally:
        for process in reversed(processes):
            process.stop()
    print("\n".join(uwsgi_report(report.read(os.path.join(run.out, "uwsgi.csv")))), flush=True)


def ratios(rows, candidate, baseline, connections, figure):
    """Return candidate / baseline of one figure, per round, each pair measured side by side."""
    def by_round(name):
        return {r["round"]: float(r[figure]) for r in rows
                if r["candidate"] == name and r["connections"] == str(connections)}
    mine, theirs = by_round(candidate), by_round(baseline)
    return [mine[k] / theirs[k] for k in sorted(mine) if k in theirs and theirs[k] > 0]


def uwsgi_report(rows):
    """Return uwsgi.md's lines: req/s and p99 per candidate, then the ratios between the three paths."""
    lines = ["# uwsgi: nginx in front of the gateway over uwsgi, over HTTP, and of uWSGI + CPython", "",
             "The hello app (13 bytes). Medians across rounds; spreads are the lowest and highest round. A ratio "
             "divides each round's figure by its baseline's in the same round.", "",
             "| Candidate | Conns | req/s | req/s spread | p50 ms | p99 ms | Errors |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for (candidate, conns), measured in report.group(rows, "candidate", "connections").items():
        rps = [float(r["rps"]) for r in measured]
        lines.append("| %s | %s | %s | %s | %s | %s | %d |" % (
            candidate, conns, report.fmt(statistics.median(rps)), report.spread(rps),
            report.fmt(statistics.median(float(r["p50_ms"]) for r in measured), 2),
            report.fmt(statistics.median(float(r["p99_ms"]) for r in measured), 2),
            sum(int(r["errors"]) + int(r["non2xx"]) for r in measured)))
    lines += ["", "| Ratio | Conns | req/s ratio | spread | p99 ratio | spread |", "|---|---:|---:|---:|---:|---:|"]
    for conns in dict.fromkeys(r["connections"] for r in rows):
        for candidate, baseline in RATIOS:
            rps, p99 = ratios(rows, candidate, baseline, conns, "rps"), ratios(rows, candidate, baseline, conns,
                                                                              "p99_ms")
            if rps:
                lines.append("| %s / %s | %s | %s | %s | %s | %s |" % (
                    candidate, baseline, conns, report.fmt(statistics.median(rps), 2), report.spread(rps, 2),
                    report.fmt(statistics.median(p99), 2), report.spread(p99, 2)))
    return lines + [""]
