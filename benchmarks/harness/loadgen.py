"""Drive wrk and curl from the load generator's cores, and read back their figures."""
import json
import os
import subprocess
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "wrk_report.lua")


def wrk(url, connections, seconds, load_cpus, timeout_s=5):
    """Run wrk with keep-alive connections and return its figures: requests/s, p50/p99 in ms, and error counts."""
    threads = max(1, min(len(load_cpus.split(",")), connections))
    command = ["taskset", "-c", load_cpus, "wrk", "-t", str(threads), "-c", str(connections), "-d", "%ds" % seconds,
               "--timeout", "%ds" % timeout_s, "-s", LUA, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + timeout_s + 60)
    for line in done.stdout.splitlines():
        if line.startswith("WRK_RESULT "):
            raw = json.loads(line[len("WRK_RESULT "):])
            seconds_run = raw["duration_us"] / 1e6
            return {
                "requests": raw["requests"],
                "rps": raw["requests"] / seconds_run if seconds_run else 0.0,
                "p50_ms": raw["p50_us"] / 1000.0,
                "p99_ms": raw["p99_us"] / 1000.0,
                "errors": raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
                "connect_errors": raw["connect"],
                "timeouts": raw["timeout"],
                "non2xx": raw["status"],
            }
    raise RuntimeError("wrk printed no result for %s (exit %d): %s %s" % (url, done.returncode, done.stdout,
                                                                          done.stderr))


def curl_transfer(url, load_cpus, upload=None):
    """Download from url, or upload a file to it in one streamed POST; return (status, body, bytes, seconds)."""
    command = ["taskset", "-c", load_cpus, "curl", "-sS", "-H", "Expect:",
               "-w", "\nCURL_RESULT %{http_code} %{size_download} %{size_upload} %{time_total}"]
    if upload:
        command += ["-o", "-", "-X", "POST", "-H", "Content-Type: application/octet-stream", "-T", upload, url]
    else:
        command += ["-o", "/dev/null", url]
    done = subprocess.run(command, capture_output=True, timeout=3600)
    text = done.stdout.decode("latin-1")
    marker = text.rfind("CURL_RESULT ")
    if done.returncode != 0 or marker < 0:
        raise RuntimeError("curl failed on %s (exit %d): %s" % (url, done.returncode, done.stderr.decode()))
    status, down, up, total = text[marker + len("CURL_RESULT "):].split()
    body = text[:marker].rstrip("\n")
    moved = int(float(up)) if upload else int(float(down))
    return int(status), body, moved, float(total)


def get(url, timeout=5):
    """Return (status, content type, body) of one GET, for the pre-flight checks."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()
