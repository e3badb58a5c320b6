#!/usr/bin/env bash
# Debian packages the tests and the sandbox need, installed only when missing:
# chromium (UI tests), bubblewrap (execution sandbox), toolchains for the 8 languages, pyflakes (Python static
# analysis), libsecret + gnome-keyring + dbus (OS keychain tests), redis-server and PostgreSQL (the scale-out
# tests start private, throwaway instances of both; see test/support/postgres-cluster.ts).
set -euo pipefail
missing=()
postgres_missing=0
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || missing+=("$1"); }
# Debian keeps PostgreSQL's server binaries off PATH, under /usr/lib/postgresql/<version>/bin.
need_initdb() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || postgres_missing=1; }

need_cmd chromium chromium
need_cmd bwrap bubblewrap
need_cmd go golang-go
need_cmd gcc gcc
need_cmd g++ g++
need_cmd javac default-jdk-headless
need_cmd rustc rustc
need_cmd python3 python3
need_pkg python3-pyflakes
need_cmd prlimit util-linux
need_cmd dbus-run-session dbus
need_cmd gnome-keyring-daemon gnome-keyring
need_pkg libsecret-1-dev
need_cmd redis-server redis-server
need_initdb

if [ "${#missing[@]}" -eq 0 ] && [ "$postgres_missing" -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  wanted=("${missing[@]}")
  [ "$postgres_missing" -eq 0 ] || wanted+=(postgresql)
  echo "Missing Debian packages: ${wanted[*]} — install them with: sudo apt-get install -y ${wanted[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "$postgres_missing" -eq 1 ]; then
  # Only the binaries are wanted: the tests run their own clusters. postgresql-common first, told not to create
  # (and so never start) the packaged "main" cluster that installing the server would otherwise set up.
  echo "installing Debian packages: postgresql (without its default cluster)"
  apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
  sed -ri 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
