#!/usr/bin/env bash
# CI job: the static checks of STYLE.md ("Formatting by .clang-format, naming and bug-prone
# patterns by .clang-tidy, both run in CI"). Needs no build: configure-only directories.
#
#   1. format: clang-format --dry-run --Werror over git ls-files '*.hpp' '*.cpp'; fails listing
#      the files it would change (fix: clang-format -i FILE...);
#   2. tidy: clang-tidy with the repo's .clang-tidy over every translation unit of sim/, tests/
#      and bench/ in the compile_commands.json of build-lint (cmake configure only), in parallel
#      with run-clang-tidy; the headers of include/brainload, sim/, tests/ and bench/ are
#      checked through them (HeaderFilterRegex). fuzz/*_fuzz.cpp are only in a clang
#      -DBRAINLOAD_FUZZ=ON build, so they are checked on their own with the flags they need;
#   3. tidy-mpi: the MPI-only code (#ifdef BRAINLOAD_MPI in sim/cli/run.cpp,
#      sim/population/distributed.cpp, sim/io/hdf5_output.cpp) is not compiled in the default
#      configuration, so the files that mention BRAINLOAD_MPI are checked again from an MPI
#      configure (build-lint-mpi, -DBRAINLOAD_MPI=ON). Only where libopenmpi-dev and
#      libhdf5-openmpi-dev are installed (ci/mpi.sh installs them); otherwise it says skipped.
#
# Any clang-tidy warning in project code fails the job (headers outside the project are
# filtered by HeaderFilterRegex). The findings, deduplicated, and a count per check are printed;
# full logs in build-lint/clang-tidy.log and build-lint-mpi/clang-tidy.log. Installs
# clang-format and clang-tidy (Debian 12: version 14) if missing. About 6 minutes on 2 cores.
#   ci/lint.sh             # all steps
#   ci/lint.sh format      # a subset: format, tidy, tidy-mpi
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
jobs=$(nproc)
start=$(date +%s)

steps=("$@")
[[ ${#steps[@]} -eq 0 ]] && steps=(format tidy tidy-mpi)
for s in "${steps[@]}"; do
  case $s in
    format | tidy | tidy-mpi) ;;
    *) echo "ci/lint.sh: unknown step '$s' (format, tidy, tidy-mpi)" >&2; exit 2 ;;
  esac
done

if ! command -v clang-format >/dev/null || ! command -v clang-tidy >/dev/null ||
   ! command -v run-clang-tidy >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends clang-format clang-tidy
fi

summary=()
failed=0
wants() { [[ " ${steps[*]} " == *" $1 "* ]]; }

# --- format -----------------------------------------------------------------------------------
if wants format; then
  mapfile -t sources < <(git ls-files '*.hpp' '*.cpp')
  # --dry-run --Werror reports each file it would change as file:line:col: error: ...
  bad=$(clang-format --dry-run --Werror "${sources[@]}" 2>&1 |
        sed -nE 's/^([^:]+):[0-9]+:[0-9]+: error: .*/\1/p' | sort -u) || true
  if [[ -n $bad ]]; then
    echo "=== format: $(wc -l <<<"$bad") files would change (clang-format -i them):"
    sed 's/^/  /' <<<"$bad"
    summary+=("format: $(wc -l <<<"$bad") of ${#sources[@]} files would change")
    failed=1
  else
    summary+=("format: ${#sources[@]} files ok")
  fi
fi

# tidy NAME BUILD_DIR FILE_REGEX: run-clang-tidy over the database's files matching the regex;
# records the outcome; report prints the project findings.
tidy() {
  local name=$1 dir=$2 regex=$3 log=$2/clang-tidy.log status=0
  local units
  units=$(/usr/bin/python3 -c 'import json,re,sys
print(sum(1 for e in json.load(open(sys.argv[1])) if re.search(sys.argv[2], e["file"])))' \
    "$dir/compile_commands.json" "$regex")
  run-clang-tidy -p "$dir" -j"$jobs" -quiet "$regex" 2>&1 |
    sed -E 's/\x1b\[[0-9;]*m//g' >"$log" || status=$?
  report "$name" "$log" "$units translation units" "$status"
}

# report NAME LOG WHAT STATUS: the findings of a clang-tidy log, deduplicated (a header's
# warning appears once per translation unit that includes it).
report() {
  local name=$1 log=$2 what=$3 status=$4 findings
  findings=$(grep -E '^(/[^:]+:[0-9]+:[0-9]+: )?(warning|error): ' "$log" |
             sed "s#^$root/##" | sort -u) || true
  if [[ -n $findings ]]; then
    echo "=== $name: findings"
    echo "$findings"
    echo "=== $name: by check"
    grep -oE '\[[a-z][a-zA-Z0-9.,-]*\]$' <<<"$findings" | sort | uniq -c | sort -rn
    summary+=("$name: $what, $(wc -l <<<"$findings") findings (log ${log#"$root"/})")
    failed=1
  elif [[ $status -ne 0 ]]; then
    echo "=== $name: clang-tidy failed (exit $status) without a finding; the end of its log:"
    tail -30 "$log"
    summary+=("$name: $what, clang-tidy failed (log ${log#"$root"/})")
    failed=1
  else
    summary+=("$name: $what clean")
  fi
}

# --- tidy -------------------------------------------------------------------------------------
if wants tidy; then
  echo "=== tidy: configure build-lint"
  mkdir -p build-lint
  cmake -S . -B build-lint -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    >build-lint/configure.log 2>&1 || { cat build-lint/configure.log; exit 1; }
  echo "=== tidy: run-clang-tidy -j$jobs"
  tidy tidy build-lint "^$root/(sim|tests|bench|fuzz)/"
  # The fuzz target needs clang and libFuzzer to configure; its one file needs only include/.
  status=0
  clang-tidy -quiet fuzz/scenario_fuzz.cpp fuzz/checkpoint_fuzz.cpp -- -std=c++20 -Iinclude 2>&1 |
    sed -E 's/\x1b\[[0-9;]*m//g' >build-lint/clang-tidy-fuzz.log || status=$?
  report tidy-fuzz build-lint/clang-tidy-fuzz.log "fuzz/scenario_fuzz.cpp fuzz/checkpoint_fuzz.cpp" "$status"
fi

# --- tidy-mpi ---------------------------------------------------------------------------------
if wants tidy-mpi; then
  if [[ -e /usr/include/hdf5/openmpi/hdf5.h ]] && command -v mpicc >/dev/null; then
    echo "=== tidy-mpi: configure build-lint-mpi"
    mkdir -p build-lint-mpi
    cmake -S . -B build-lint-mpi -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DBRAINLOAD_MPI=ON -DBRAINLOAD_TESTS=OFF -DBRAINLOAD_BENCH=OFF \
      >build-lint-mpi/configure.log 2>&1 || { cat build-lint-mpi/configure.log; exit 1; }
    mapfile -t mpi_files < <(git grep -l 'BRAINLOAD_MPI' -- 'sim/*.cpp')
    echo "=== tidy-mpi: ${mpi_files[*]}"
    regex="^$root/($(IFS='|'; echo "${mpi_files[*]//./\\.}"))\$"
    tidy tidy-mpi build-lint-mpi "$regex"
  else
    summary+=("tidy-mpi: skipped (no libopenmpi-dev + libhdf5-openmpi-dev; ci/mpi.sh installs them)")
  fi
fi

# One line: outcome, time, then each step's counts.
outcome=$([[ $failed -eq 0 ]] && echo ok || echo FAILED)
echo "ci/lint.sh: $outcome in $(( $(date +%s) - start )) s: $(IFS=';'; echo "${summary[*]}" | sed 's/;/; /g')"
exit $failed
