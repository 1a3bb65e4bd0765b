#!/usr/bin/env bash
# CI job: the MPI build (README "Running on a cluster"), after .ci/run's main build.
#
#   1. installs OpenMPI and parallel HDF5 if missing (libopenmpi-dev openmpi-bin
#      libhdf5-openmpi-dev; Debian's serial libhdf5-dev stays, the two coexist);
#   2. builds the default build's brainload (build/, normally already there from .ci/run),
#      which the MPI tests compare with;
#   3. configures build-mpi with -DBRAINLOAD_MPI=ON and builds brainload;
#   4. runs the MPI tests (ctest -R '^mpi\.', tests/mpi/test_mpi.py): the summary JSON and the
#      HDF5 contents of mpirun -np 1, 2 and 3 against the default build, an interrupted
#      2-rank run, and the exit codes of failures.
#
# Runs as root on Debian 12 (the tests add mpirun's --allow-run-as-root) on a 2-core machine
# (--oversubscribe for 3 ranks). MPI_BUILD and DEFAULT_BUILD name other build directories.
#   ci/mpi.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
mpi_build=${MPI_BUILD:-build-mpi}
default_build=${DEFAULT_BUILD:-build}
jobs=$(nproc)
start=$(date +%s)

if ! command -v mpirun >/dev/null || [[ ! -e /usr/include/hdf5/openmpi/hdf5.h ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends libopenmpi-dev openmpi-bin libhdf5-openmpi-dev
fi

if [[ ! -f $default_build/CMakeCache.txt ]]; then
  cmake -S . -B "$default_build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$default_build" -j"$jobs" --target brainload

# A unity build (as in ci/sanitizers.sh): the same code, compiled in batches, faster on 2 cores.
cmake -S . -B "$mpi_build" -DCMAKE_BUILD_TYPE=Release -DBRAINLOAD_MPI=ON -DBRAINLOAD_BENCH=OFF \
  -DCMAKE_UNITY_BUILD=ON -DBRAINLOAD_DEFAULT_EXE="$root/$default_build/brainload"
cmake --build "$mpi_build" -j"$jobs" --target brainload brainload_fault_inject

ctest --test-dir "$mpi_build" --output-on-failure --no-tests=error -R '^mpi\.'
echo "ci/mpi.sh: ok in $(( $(date +%s) - start )) s"
