#!/usr/bin/env bash
# CI job: the classroom page (docs/teaching.md, issue 17), after .ci/run's main build.
#
#   1. npm ci: uplot and esbuild (bundled into the page) and puppeteer-core (drives Debian's
#      chromium; it downloads no browser) at the versions of package-lock.json;
#   2. configures build/ again so the `web` target appears (it exists only where em++ and node
#      are found) and builds it and brainload: build/web/brainload.html;
#   3. the browser test (web/test/browser.test.mjs): opens the page from disk with the network
#      off, compares the Wingate peaks with `brainload trace` (0.5 %), drags a control, checks
#      the plot and peaks change and times each update, predict-then-reveal, the teacher view.
#      Screenshots and result.json in build/web-test/.
#
# Needs the Debian packages of .ci/run (emscripten chromium nodejs npm); installs nothing else.
# WEB_BUILD names another build directory.
#   ci/web.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${WEB_BUILD:-build}
jobs=$(nproc)
start=$(date +%s)

for tool in em++ node npm chromium; do
  if ! command -v "$tool" >/dev/null; then
    echo "ci/web.sh: '$tool' is missing (Debian: apt-get install emscripten nodejs npm chromium)" >&2
    exit 1
  fi
done

npm ci --no-audit --no-fund
if [[ -f $build/CMakeCache.txt ]]; then
  cmake -S . -B "$build"
else
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j"$jobs" --target brainload web
built=$(date +%s)

node web/test/browser.test.mjs --page "$build/web/brainload.html" --cli "$build/brainload" \
  --out "$build/web-test"
echo "ci/web.sh: ok in $(( $(date +%s) - start )) s (npm ci and build $(( built - start )) s)"
