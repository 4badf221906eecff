#!/usr/bin/env bash
# Install what benchmarks/run.sh drives, from Debian's packages, only when something is missing: wrk (the load
# generator), Gunicorn, uWSGI with its Python 3 plugin, nginx, curl and taskset. Used by run.sh and by .ci/run.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v gunicorn >/dev/null || missing+=(gunicorn)
command -v uwsgi >/dev/null || missing+=(uwsgi-core)
ls /usr/lib/uwsgi/plugins/python3*_plugin.so >/dev/null 2>&1 || missing+=(uwsgi-plugin-python3)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
command -v taskset >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages) for the benchmarks"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi
