"""The benchmark harness of docs/PERFORMANCE.md; benchmarks/run.sh installs what it needs and starts it.

Each mode starts its candidates on the server cores, warms each up, then measures them in interleaved rounds
(A B C ... A B C ...) from the load generator's cores, writes a CSV, and report.py turns the CSV into Markdown and SVG.
"""
import argparse
import os
import platform
import resource
import subprocess
import sys
import time
import zipfile

import candidates as known
import checks
import modes
import report
import uwsgi_mode

BENCHMARKS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNERS = dict(modes.RUNNERS, uwsgi=uwsgi_mode.run_uwsgi)


def parse(argv):
    parser = argparse.ArgumentParser(prog="benchmarks/run.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true",
                        help="check that everything runs: 1 round, 2 s warm-up, 2 s per measurement, 16 MiB bodies, "
                             "JMH with one short iteration; then assert the outputs exist and parse")
    parser.add_argument("mode", nargs="?", help="one mode to run, the same as --modes MODE")
    parser.add_argument("--modes", default="load,bodies,blocking,uwsgi,jmh", help="modes to run (default: all)")
    parser.add_argument("--candidates", default="", help="only these candidates, comma-separated (default: all)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 3)")
    parser.add_argument("--warmup", type=int, help="warm-up seconds per candidate, and per application in the load mode (default 30)")
    parser.add_argument("--measure", type=int, help="seconds per measurement (default 10)")
    parser.add_argument("--connections", default="1,64,256", help="wrk connections of the load mode")
    parser.add_argument("--uwsgi-connections", default="1,64",
                        help="wrk connections of the uwsgi mode (--smoke: the last only)")
    parser.add_argument("--blocking-connections", type=int, default=1000, help="connections of the blocking mode")
    parser.add_argument("--body-mib", type=int, help="size of the large bodies in MiB (default 1024)")
    parser.add_argument("--server-cpus", help="cores the servers run on (default: 0)")
    parser.add_argument("--load-cpus", help="cores wrk and curl run on (default: the others)")
    parser.add_argument("--heap", default="1g", help="-Xms and -Xmx of every Java candidate")
    parser.add_argument("--jvm-args", default="", help="more JVM options for every Java candidate, such as the Graal "
                        "compiler's for GraalPy's JIT (docs/PYTHON.md)")
    parser.add_argument("--start-timeout", type=int, default=600,
                        help="seconds a server may take to answer (GraalPy's first import of Flask on a busy core "
                             "takes minutes)")
    parser.add_argument("--out", help="where to write (default benchmarks/results, or target/smoke with --smoke)")
    parser.add_argument("--jmh-args", default="", help="extra JMH arguments, such as a benchmark name pattern")
    args = parser.parse_args(argv)
    defaults = (1, 2, 2, 16) if args.smoke else (3, 30, 10, 1024)
    for name, value in zip(("rounds", "warmup", "measure", "body_mib"), defaults):
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.modes = [m for m in (args.mode or args.modes).split(",") if m]
    unknown = [m for m in args.modes if m not in RUNNERS]
    if unknown:
        parser.error("unknown mode(s) %s; the modes are %s" % (", ".join(unknown), ", ".join(RUNNERS)))
    args.candidates = [c for c in args.candidates.split(",") if c]
    every = {c.name for mode in known.MODES.values() for c in mode}
    if set(args.candidates) - every:
        parser.error("unknown candidate(s) %s; the candidates are %s"
                     % (", ".join(sorted(set(args.candidates) - every)), ", ".join(sorted(every))))
    args.connections = [int(c) for c in args.connections.split(",")]
    args.uwsgi_connections = [int(c) for c in args.uwsgi_connections.split(",")]
    args.jmh_args = args.jmh_args.split()
    args.jvm_args = args.jvm_args.split()
    cpus = sorted(os.sched_getaffinity(0))
    args.server_cpus = args.server_cpus or str(cpus[0])
    others = [str(c) for c in cpus if str(c) not in args.server_cpus.split(",")]
    args.load_cpus = args.load_cpus or (",".join(others) if others else args.server_cpus)
    args.out = os.path.abspath(args.out or os.path.join(BENCHMARKS, "target", "smoke") if args.smoke
                               else args.out or os.path.join(BENCHMARKS, "results"))
    return args


def java_home():
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else "java"
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    major = int(version.split('"')[1].split(".")[0])
    if major < 21:
        sys.exit("The Java candidates need JDK 21 or newer (virtual threads); %s is %s. Set JAVA_HOME."
                 % (java, version))
    tools = os.path.join(home, "bin") if home else ""
    # GraalPy's Truffle uses sun.misc.Unsafe and native access, which JDK 23+ reports on every start (docs/PYTHON.md).
    quiet = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"] if major >= 23 else []
    return java, os.path.join(tools, "jstat"), os.path.join(tools, "jcmd"), version, quiet


def first_line(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (done.stdout + done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def jar_versions(jar):
    """Return the versions of Spring Boot, Tomcat, Reactor Netty and GraalPy inside the benchmark server's jar."""
    found = {}
    with zipfile.ZipFile(jar) as archive:
        for name in archive.namelist():
            base = name.rsplit("/", 1)[-1]
            for label, prefix in (("Spring Boot", "spring-boot-4"), ("Spring Framework", "spring-webmvc-"),
                                  ("Tomcat", "tomcat-embed-core-"), ("Reactor Netty", "reactor-netty-core-"),
                                  ("GraalPy", "python-language-")):
                if base.startswith(prefix) and base.endswith(".jar"):
                    start = len("spring-boot-") if label == "Spring Boot" else len(prefix)
                    found[label] = base[start:-len(".jar")]
    return found


def describe(args, java_version, setup):
    """Write run.md: the machine, the versions, the settings and the command, for docs/PERFORMANCE.md."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) // 1024 // 1024
    flask = [d for d in os.listdir(setup.packages_dir) if d.startswith("flask-")] if os.path.isdir(
        setup.packages_dir) else []
    commit = first_line(["git", "-C", BENCHMARKS, "rev-parse", "--short", "HEAD"])
    lines = ["## Run", "",
             "| | |", "|---|---|",
             "| Date | %s |" % time.strftime("%Y-%m-%d %H:%M %Z"),
             "| Commit | %s |" % commit,
             "| Machine | %s, %d cores, %d GiB, %s %s |" % (cpu, os.cpu_count(), memory, platform.system(),
                                                         platform.release()),
             "| Load average at start | %s |" % " ".join("%.2f" % v for v in os.getloadavg()),
             "| Server cores / load generator cores | %s / %s (taskset) |" % (args.server_cpus, args.load_cpus),
             "| JDK | %s |" % java_version,
             "| Java server | %s; -Xms%s -Xmx%s %s |" % (
                 ", ".join("%s %s" % kv for kv in jar_versions(setup.jar).items()), args.heap, args.heap,
                 " ".join(setup.jvm_args)),
             "| CPython | %s |" % first_line(["/usr/bin/python3", "--version"]),
             "| Gunicorn | %s |" % first_line(["gunicorn", "--version"]),
             "| uWSGI | %s |" % first_line(["uwsgi", "--version"]),
             "| nginx | %s |" % first_line(["nginx", "-v"]),
             "| wrk | %s |" % first_line(["wrk", "--version"]).split("Copyright")[0].strip(),
             "| Flask | %s |" % (flask[0].replace(".dist-info", "") if flask else "not installed"),
             "| Settings | %s rounds, %d s warm-up per candidate, %d s per measurement, connections %s, "
             "blocking %d connections, bodies %d MiB |" % (args.rounds, args.warmup, args.measure,
                                                           "/".join(map(str, args.connections)),
                                                           args.blocking_connections, args.body_mib),
             "| Command | `benchmarks/run.sh %s` |" % " ".join(sys.argv[1:]), ""]
    with open(os.path.join(args.out, "run.md"), "w") as out:
        out.write("\n".join(lines))


def main(argv):
    args = parse(argv)
    os.makedirs(os.path.join(args.out, "logs"), exist_ok=True)
    work = os.path.join(BENCHMARKS, "target", "bench-work")
    os.makedirs(work, exist_ok=True)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))   # 1,000 connections need as many descriptors
    java, jstat, jcmd, java_version, quiet = java_home()
    setup = known.Setup(java=java, jar=os.path.join(BENCHMARKS, "target", "gateway-benchmarks.jar"),
                        python_dir=os.path.join(BENCHMARKS, "python"),
                        packages_dir=os.path.join(BENCHMARKS, "target", "python-packages"),
                        cpus=args.server_cpus, heap=args.heap, data_file=os.path.join(work, "body.bin"),
                        work_dir=work, jvm_args=quiet + args.jvm_args)
    setup.jstat, setup.jcmd = jstat, jcmd
    setup.jmh_classes = os.path.join(BENCHMARKS, "target", "classes")
    setup.jmh_classpath = os.path.join(BENCHMARKS, "target", "classpath.txt")
    describe(args, java_version, setup)
    run = modes.Run(args, setup)
    started = time.monotonic()
    for mode in args.modes:
        run.log("mode %s" % mode)
        for stale in (mode + ".csv", mode + ".json"):
            if os.path.exists(os.path.join(args.out, stale)):
                os.remove(os.path.join(args.out, stale))
        RUNNERS[mode](run)
    with open(os.path.join(args.out, "run.md"), "a") as out:
        # The load at the end too: a run whose machine got busy half-way shows it here as well as in its spreads.
        out.write("| Load average at end, duration | %s, %d min |\n"
                  % (" ".join("%.2f" % v for v in os.getloadavg()), (time.monotonic() - started) // 60))
    written = report.write(args.out, report.run_header(args.out))
    run.log("done in %d s; wrote %s in %s" % (time.monotonic() - started, ", ".join(written), args.out))
    if args.smoke:
        passed, failed = checks.verify(args)
        print("benchmarks smoke: %d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
