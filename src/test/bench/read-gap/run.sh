#!/bin/bash
# What one read of a grown history file costs when reads come GAP ms apart, compiled first: handfeed's (FileTail's
# system calls, in Java) or node-ws's (stat, open, read, close). Usage: run.sh java|node [GAP_MS=100] [COUNT=100]
# [WARM=20000]. See docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
case ${1:-} in
  java) java "$here/ReadGap.java" "${3:-100}" "${2:-100}" "${4:-20000}" ;;
  node) node "$here/read-gap.js" "${3:-100}" "${2:-100}" "${4:-20000}" ;;
  *) echo "usage: run.sh java|node [GAP_MS] [COUNT] [WARM]" >&2; exit 2 ;;
esac
