#!/usr/bin/env bash
# Scaling of the MPI build from 1 to 2 ranks (issue 8), printed as ratios measured in one run.
#
# Runs `brainload run scenarios/lisa_trial.toml` (730 days) with AGENTS agents under
#   mpirun -np 1 --threads 1     one rank, one thread: the reference
#   mpirun -np 2 --threads 1     two ranks of one thread each: the ranks' scaling
#   mpirun -np 1 --threads 2     one rank of two threads: the same cores used by TBB alone
# each REPS times, interleaved so that a change of load hits all three alike, then prints the
# median wall time of each and the speedups against the reference. With --trajectories the
# ranks write per-agent trajectories collectively into the one file.
#
#   bench/mpi_scaling.sh [MPI_BRAINLOAD] [AGENTS] [REPS] [--trajectories]
#   bench/mpi_scaling.sh build-mpi/brainload 600 3
#
# Needs the MPI build (README "Running on a cluster") and a machine with at least 2 cores; on a
# shared machine run it when the other cores are idle, or the ratios measure the other jobs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

exe=${1:-build-mpi/brainload}
agents=${2:-600}
reps=${3:-3}
extra=()
[[ ${4:-} == --trajectories ]] && extra=(--trajectories)

if [[ ! -x $exe ]]; then
  echo "mpi_scaling.sh: $exe not found; build it with -DBRAINLOAD_MPI=ON (README)" >&2
  exit 2
fi
mpirun=(mpirun --bind-to none --oversubscribe)
[[ $(id -u) -eq 0 ]] && mpirun+=(--allow-run-as-root)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

declare -A times
configs=("1 1" "2 1" "1 2")  # ranks threads
for ((rep = 0; rep < reps; ++rep)); do
  for c in "${configs[@]}"; do
    read -r np threads <<<"$c"
    start=$(date +%s.%N)
    "${mpirun[@]}" -np "$np" "$exe" run scenarios/lisa_trial.toml --agents "$agents" --seed 7 \
      --threads "$threads" --quiet --force --out "$out/run.h5" "${extra[@]}" >/dev/null
    end=$(date +%s.%N)
    times[$c]+="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ref=$(median "${times["1 1"]}")
echo "brainload MPI scaling: lisa_trial, 730 days, $agents agents${extra:+, trajectories}, median of $reps runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${configs[@]}"; do
  read -r np threads <<<"$c"
  m=$(median "${times[$c]}")
  awk -v np="$np" -v t="$threads" -v m="$m" -v r="$ref" -v runs="${times[$c]% }" \
    'BEGIN {printf "  mpirun -np %s --threads %s: %6.2f s  speedup %.2fx   (runs: %s s)\n", np, t, m, r / m, runs}'
done
