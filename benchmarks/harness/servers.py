"""Start, watch and stop the servers under test, each pinned to the server's cores with taskset."""
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error

from loadgen import get


def free_port():
    """Return a port the kernel just handed out, so that runs beside other servers never collide."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One candidate's server process (with its workers), started in a process group of its own."""

    def __init__(self, name, argv, env, cpus, log_path, cwd=None):
        self.name, self.argv, self.env, self.cpus, self.log_path, self.cwd = name, argv, env, cpus, log_path, cwd
        self.process = None
        self.port = None

    def start(self):
        log = open(self.log_path, "wb")
        environment = dict(os.environ, **self.env)
        self.process = subprocess.Popen(["taskset", "-c", self.cpus] + self.argv, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, env=environment, cwd=self.cwd,
                                        start_new_session=True)
        log.close()

    def wait_ready(self, url, deadline_s):
        """Poll url until it answers, failing with the log's tail if the process exits or the deadline passes."""
        deadline = time.monotonic() + deadline_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("%s exited with %d before it answered:\n%s" % (self.name, self.process.returncode,
                                                                                  self.log_tail()))
            try:
                get(url, timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)  # polling for a state, bounded by the deadline above
        raise RuntimeError("%s did not answer %s within %d s:\n%s" % (self.name, url, deadline_s, self.log_tail()))

    def log_tail(self, lines=40):
        with open(self.log_path, "rb") as log:
            return b"\n".join(log.read().splitlines()[-lines:]).decode("utf-8", "replace")

    def pids(self):
        """Return the server's process and its descendants (Gunicorn's, uWSGI's and nginx's workers)."""
        children = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as stat:
                        parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                    children.setdefault(parent, []).append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue  # the process ended while we looked: it has no memory left to count
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def rss_kib(self):
        """Return the resident memory of the server and its workers, in KiB."""
        total = 0
        for pid in self.pids():
            try:
                with open("/proc/%d/status" % pid) as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
            except OSError:
                continue  # a worker that just ended holds no memory
        return total

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


class MemorySampler:
    """Sample a server's RSS, and a JVM's retained heap through jstat, every 100 ms while a transfer runs.

    jstat reads the JVM's performance counters, which HotSpot updates at each collection: eden's use stays at its last
    value between collections, while the survivor spaces and the old generation just after each collection are what
    the heap retains. Their sum is the heap figure, and the count of young collections tells how many it rests on.
    """

    def __init__(self, server, jstat, load_cpus):
        self.server, self.jstat, self.load_cpus = server, jstat, load_cpus
        self.rss = []
        self.retained = []
        self.collections = []
        self._stop = threading.Event()
        self._first_heap = threading.Event()
        self._thread = threading.Thread(target=self._sample_rss, daemon=True)
        self._jstat = None

    def __enter__(self):
        if self.jstat:
            self._jstat = subprocess.Popen(["taskset", "-c", self.load_cpus, self.jstat, "-gc",
                                            str(self.server.process.pid), "100"], stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, text=True)
            threading.Thread(target=self._read_jstat, daemon=True).start()
            # jstat is a JVM too and takes a while to attach: a transfer begun before would go unsampled.
            if not self._first_heap.wait(60):
                raise RuntimeError("jstat printed nothing within 60 s for %s" % self.server.name)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        if self._jstat:
            self._jstat.terminate()
            self._jstat.wait(timeout=10)
            # One more reading after the transfer, so that a transfer shorter than jstat's interval counts too.
            retained, collections = jvm_heap_kib(self.jstat, self.server.process.pid)
            self.retained.append(retained)
            self.collections.append(collections)
        self.rss.append(self.server.rss_kib())
        return False

    def _sample_rss(self):
        while not self._stop.wait(0.1):
            self.rss.append(self.server.rss_kib())

    def _read_jstat(self):
        columns = None
        for line in self._jstat.stdout:
            fields = line.split()
            if fields and fields[0] == "S0C":
                columns = fields
            elif columns and len(fields) == len(columns):
                row = dict(zip(columns, fields))
                try:
                    self.retained.append(sum(float(row[name]) for name in ("S0U", "S1U", "OU")))
                    self.collections.append(int(row["YGC"]) + int(row["FGC"]))
                    self._first_heap.set()
                except (KeyError, ValueError):
                    continue  # a header or a line jstat could not fill: the next one will do


def jvm_heap_kib(jstat, pid):
    """Return (retained heap in KiB: survivors and old generation, collections so far), read once by jstat."""
    done = subprocess.run([jstat, "-gc", str(pid)], capture_output=True, text=True, timeout=60)
    lines = done.stdout.split("\n")
    row = dict(zip(lines[0].split(), lines[1].split()))
    return sum(float(row[name]) for name in ("S0U", "S1U", "OU")), int(row["YGC"]) + int(row["FGC"])
