#!/usr/bin/env bash
# Run the benchmarks of docs/PERFORMANCE.md in one command:
#   benchmarks/run.sh            the full run, about an hour, results in benchmarks/results/
#   benchmarks/run.sh --smoke    every mode briefly, then a check that the outputs exist and parse
#   benchmarks/run.sh uwsgi      one mode only: here nginx -> uwsgi -> gateway vs proxy_pass vs uWSGI + CPython
#   benchmarks/run.sh --help     every option (modes, candidates, cores, rounds, durations)
# It installs wrk, Gunicorn, uWSGI and nginx from Debian's packages when missing (install-tools.sh), builds the
# benchmark module when its jar is missing (or with BUILD=1), and runs on JDK 25 when the machine has it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -n "${JAVA_HOME:-}" ]; then export PATH="$JAVA_HOME/bin:$PATH"; fi

benchmarks/install-tools.sh
export PATH="$PATH:/usr/sbin"

if [ "${BUILD:-0}" = 1 ] || [ ! -f benchmarks/target/gateway-benchmarks.jar ] \
    || [ ! -f benchmarks/target/classpath.txt ]; then
  # Spring Boot's repackage leaves a jar it already repackaged alone, even when a module inside it changed.
  rm -f benchmarks/target/gateway-benchmarks.jar benchmarks/target/gateway-benchmarks.jar.original
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

# 1,000 connections in the blocking mode need as many file descriptors in wrk and in the server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec python3 benchmarks/harness/bench.py "$@"
