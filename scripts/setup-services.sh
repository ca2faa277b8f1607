#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond npm packages, when it is missing:
# Debian's chromium (browser tests) and a PostgreSQL server (store contract on PostgreSQL).
# Safe to run twice; never downloads a browser of its own.
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || echo "setup: could not install ${need[*]}; the tests that need them will be skipped with a reason"
  else
    echo "setup: not root, cannot install ${need[*]}; the tests that need them will be skipped with a reason"
  fi
fi
exit 0
