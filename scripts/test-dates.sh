#!/usr/bin/env bash
# `npm run test:dates`: the vitest suite with the process clock moved to dates that catch tests (and
# rules) that read the wall clock or lean on what the demo calendar happens to offer today:
#   a Sunday (12:00 in Shanghai), 29 February 2028, and 31 December 23:30 in Shanghai (15:30 UTC).
# Other dates: `npm run test:dates -- "2030-06-30 16:00:00"` (UTC, "YYYY-MM-DD hh:mm:ss").
# libfaketime (Debian's `faketime`): the clock starts at that instant and runs on; FAKETIME_DONT_RESET
# keeps child processes (vitest's forks, the servers tests start) on the same clock instead of each
# starting again at that instant; DONT_FAKE_MONOTONIC leaves timers alone. TZ=UTC: the dates are UTC.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null 2>&1; then
  echo "test:dates needs faketime (Debian: apt-get install -y faketime)" >&2
  exit 1
fi

# Meilisearch crashes with libfaketime preloaded: the contract suite starts it through a wrapper that
# drops the preload (the engine keeps the real clock; what the suite checks does not depend on dates).
if [ -z "${MEILI_URL:-}" ]; then
  meili="${MEILI_BIN:-$(command -v meilisearch || true)}"
  if [ -n "$meili" ]; then
    wrapdir="$(mktemp -d)"
    trap 'rm -rf "$wrapdir"' EXIT
    wrapper="$wrapdir/meilisearch"
    printf '#!/bin/sh\nunset LD_PRELOAD\nexec "%s" "$@"\n' "$meili" >"$wrapper"
    chmod +x "$wrapper"
    export MEILI_BIN="$wrapper"
  fi
fi

if [ $# -gt 0 ]; then dates=("$@"); else dates=("2027-01-03 04:00:00" "2028-02-29 08:00:00" "2027-12-31 15:30:00"); fi

failed=()
for d in "${dates[@]}"; do
  echo "== vitest with the clock at $d UTC"
  if ! TZ=UTC FAKETIME_DONT_RESET=1 DONT_FAKE_MONOTONIC=1 NODE_ENV=test faketime -f "@$d" node_modules/.bin/vitest run; then
    failed+=("$d")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "test:dates: vitest failed with the clock at: ${failed[*]} (UTC)" >&2
  exit 1
fi
echo "test:dates: vitest passed at ${#dates[@]} dates"
