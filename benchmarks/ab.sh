#!/usr/bin/env bash
# Compare two builds of the benchmark server side by side, for a fix's before/after (docs/PERFORMANCE.md):
#   benchmarks/ab.sh before.jar after.jar /hello --spring.profiles.active=mount --spring.main.web-application-type=reactive
# Both jars run on core 0 (the idle one costs nothing), wrk on core 1; each is warmed up for WARM seconds (60),
# then they are measured in ROUNDS interleaved rounds (3) of MEASURE seconds (10) at CONNECTIONS connections (64),
# each round in the other order (A B, B A, A B, ...).
# Make the jars with: rm -f benchmarks/target/gateway-benchmarks.jar*; ./mvnw -B -q -pl benchmarks -am package
# -DskipTests; cp benchmarks/target/gateway-benchmarks.jar before.jar (then again, after the change).
# UWSGI=1 measures the uwsgi path instead: each jar also serves its mounts on a uwsgi listener, and wrk reaches it
# through an nginx (on core 0 with the jars) that passes requests on with uwsgi_pass and the stock uwsgi_params.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
before=$1 after=$2 path=$3
shift 3
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
pids=()
servers=""
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ports=()
for jar in "$before" "$after"; do
  port=$(free_port)
  uwsgi=()
  if [ -n "${UWSGI:-}" ]; then
    listener=$(free_port)
    uwsgi=(--gateway.uwsgi.enabled=true --gateway.uwsgi.port="$listener" --gateway.proxy.trusted=127.0.0.1)
  fi
  taskset -c 0 "$java" -Xms1g -Xmx1g -jar "$jar" --server.port="$port" "${uwsgi[@]}" "$@" \
    >"${TMPDIR:-/tmp}/ab-$port.log" 2>&1 &
  pids+=($!)
  if [ -n "${UWSGI:-}" ]; then
    front=$(free_port)
    servers+="server { listen 127.0.0.1:$front; location / { include /etc/nginx/uwsgi_params; uwsgi_pass 127.0.0.1:$listener; } }"
    ports+=("$front")
  else
    ports+=("$port")
  fi
done
if [ -n "${UWSGI:-}" ]; then
  work=$(mktemp -d)
  cat >"$work/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $work/nginx.pid; error_log stderr warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $work; uwsgi_temp_path $work; proxy_temp_path $work;
  fastcgi_temp_path $work; scgi_temp_path $work; $servers }
CONF
  taskset -c 0 nginx -p "$work" -c "$work/nginx.conf" >"$work/nginx.log" 2>&1 &
  pids+=($!)
fi
for port in "${ports[@]}"; do
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$port$path" >/dev/null; then break; fi
    sleep 0.5  # polling for the server to answer, bounded by the loop
  done
done
for port in "${ports[@]}"; do
  taskset -c 1 wrk -t1 -c"${CONNECTIONS:-64}" -d"${WARM:-60}"s "http://127.0.0.1:$port$path" >/dev/null
done
echo "round build req/s p99"
for round in $(seq 1 "${ROUNDS:-3}"); do
  # Odd rounds measure before first, even rounds after first: neither build always gets the machine fresh.
  order="0 1"
  if [ $((round % 2)) = 0 ]; then order="1 0"; fi
  for i in $order; do
    out=$(taskset -c 1 wrk -t1 -c"${CONNECTIONS:-64}" -d"${MEASURE:-10}"s --latency "http://127.0.0.1:${ports[$i]}$path")
    echo "$round $([ "$i" = 0 ] && echo before || echo after) $(echo "$out" | awk '/Requests\/sec/ {print $2}') \
$(echo "$out" | awk '$1 == "99%" {print $2}')"
  done
done
