#!/bin/bash
# The floor under a hand's first millisecond: another process appends a line every GAP ms; the watcher (the JDK's
# WatchService as the watcher package uses it, or node's fs.watch as node-ws does) times write -> event -> bytes
# read. Usage: run.sh java|node [COUNT=200] [GAP_MS=100]. See docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${2:-200}; gap=${3:-100}
dir=$(mktemp -d); : > "$dir/h.txt"; trap 'rm -rf "$dir"' EXIT
case $1 in
  java) java "$here/WatchFloor.java" "$dir" "$n" & ;;
  node) node "$here/watch.js" "$dir" "$n" & ;;
  *) echo "usage: run.sh java|node [COUNT] [GAP_MS]" >&2; exit 2 ;;
esac
watcher=$!
node "$here/writer.js" "$dir" "$n" "$gap"
wait $watcher
