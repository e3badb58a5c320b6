#!/usr/bin/env bash
# Debian packages the tests and the sandbox need, installed only when missing:
# chromium (UI tests), bubblewrap (execution sandbox), toolchains for the 8 languages, pyflakes (Python static
# analysis), libsecret + gnome-keyring + dbus (OS keychain tests).
set -euo pipefail
missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || missing+=("$1"); }

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

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]} — install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
