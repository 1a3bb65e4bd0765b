#!/usr/bin/env bash
# Builds a fuzzer (clang + libFuzzer, ASan + UBSan) in build-fuzz/ and runs it for SECONDS
# (docs/reliability.md "Fuzzing"): the scenario reader (scenario_fuzz, the default) or, with
# BRAINLOAD_FUZZ_TARGET=checkpoint_fuzz, the checkpoint reader of `run --resume`.
#
#   fuzz/run_fuzz.sh SECONDS [extra libFuzzer flags...]
#   BRAINLOAD_FUZZ_TARGET=checkpoint_fuzz fuzz/run_fuzz.sh SECONDS
#
# Seeds of scenario_fuzz: every scenarios/**/*.toml and tests/data/{bad,malformed,edge}/*.toml,
# copied into build-fuzz/corpus/ at each run (the corpus grows there from run to run), and the
# kept corpus fuzz/corpus/scenario/ (read, never written); checkpoint_fuzz: the kept corpus
# fuzz/corpus/checkpoint/, growing in build-fuzz/corpus-checkpoint/. The kept corpora are the
# minimised result of the fuzzing of docs/reliability.md; refresh one with
#   build-fuzz/fuzz/scenario_fuzz -merge=1 fuzz/corpus/scenario build-fuzz/corpus A crash, hang, leak or sanitizer report leaves its input under
# build-fuzz/crashes/ and makes this script exit non-zero. Reproduce one with
# `build-fuzz/fuzz/<target> build-fuzz/crashes/FILE`.
# Needs: apt-get install clang libclang-rt-14-dev (Debian 12; libFuzzer ships in the latter).
set -euo pipefail

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
seconds=$1
shift
target=${BRAINLOAD_FUZZ_TARGET:-scenario_fuzz}
case $target in
  scenario_fuzz | checkpoint_fuzz) ;;
  *) echo "run_fuzz.sh: unknown BRAINLOAD_FUZZ_TARGET '$target' (scenario_fuzz, checkpoint_fuzz)" >&2
     exit 2 ;;
esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BRAINLOAD_FUZZ_BUILD:-$root/build-fuzz}
cd "$root"

if ! command -v clang++ >/dev/null; then
  echo "run_fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

# Only the fuzz target is built: it needs brainload_model and fmt, not HDF5 or TBB code.
# BRAINLOAD_SANITIZE instruments brainload_model too.
mkdir -p "$build"
build_log=$build/build.log
if ! { [[ -f "$build/CMakeCache.txt" ]] ||
       CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DBRAINLOAD_FUZZ=ON -DBRAINLOAD_SANITIZE=address,undefined \
         -DBRAINLOAD_TESTS=OFF -DBRAINLOAD_BENCH=OFF; } >"$build_log" 2>&1 ||
   ! cmake --build "$build" --target "$target" -j"$(nproc)" >>"$build_log" 2>&1; then
  tail -30 "$build_log" >&2
  echo "run_fuzz.sh: building the fuzzer failed (log: $build_log)" >&2
  exit 2
fi
fuzzer=$build/fuzz/$target

crashes=$build/crashes
flags=()
if [[ $target == scenario_fuzz ]]; then
  corpus=$build/corpus
  mkdir -p "$corpus"
  shopt -s nullglob globstar
  for seed in scenarios/**/*.toml tests/data/{bad,malformed,edge}/*.toml; do
    cp "$seed" "$corpus/seed_$(echo "$seed" | tr '/' '_')"
  done
  shopt -u globstar
  flags+=(-dict=fuzz/toml.dict)
  kept=fuzz/corpus/scenario
else
  corpus=$build/corpus-checkpoint
  mkdir -p "$corpus"
  kept=fuzz/corpus/checkpoint
fi
mkdir -p "$crashes"

# halt_on_error: an undefined-behaviour report is a crash, not a line in a log. The
# known third-party reports are left uninstrumented at compile time (fuzz/ubsan_ignorelist.txt).
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

log=$build/$target-$(date +%Y%m%d-%H%M%S).log
corpus_before=$(find "$corpus" -type f | wc -l)
start=$(date +%s)
set +e
"$fuzzer" "$corpus" "$kept" "${flags[@]}" -max_total_time="$seconds" -timeout=5 \
  -rss_limit_mb=2048 -max_len="${BRAINLOAD_FUZZ_MAX_LEN:-16384}" -print_final_stats=1 \
  -artifact_prefix="$crashes/" "$@" >"$log" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - start ))
corpus_after=$(find "$corpus" -type f | wc -l)

stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
last_status=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
execs=$(stat number_of_executed_units)
rate=$(stat average_exec_per_sec)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last_status")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last_status")
artifacts=$(grep -E '^(artifact_prefix|Test unit written to)' "$log" | sed -n 's/.*Test unit written to //p' || true)

echo "$target: ${elapsed} s, ${execs:-?} executions, ${rate:-?} exec/s," \
     "coverage ${cov:-?} edges (${ft:-?} features), corpus ${corpus_before} -> ${corpus_after}" \
     "files, peak RSS $(stat peak_rss_mb) MB"
echo "log: $log"
if [[ $status -ne 0 ]]; then
  echo "$target: FAILED (exit $status); input(s): ${artifacts:-see log}" >&2
  grep -m3 -E 'ERROR: |runtime error:|==[0-9]+==|deadly signal|timeout|out-of-memory' "$log" >&2 || true
  exit 1
fi
echo "$target: no crash, hang, leak or sanitizer report"
