#!/usr/bin/env bash
# The speed of the trial-design commands (issue 18), on this machine, as wall-clock seconds of
# the two runs the issue names, and the trial throughput they reach (agent-years or samples per
# core-second), for comparison with the trial benchmark (bench/README.md):
#   1. sensitivity: 20 parameters, N = 512 Sobol base samples (512 × 22 = 11264 samples, each
#      the reference individual living two arms of back_to_back_hiit, one day);
#   2. power: 200 replicate LISA trials of up to n = 100 per arm (hrt vs control, brain age at
#      day 365: 200 × 200 = 40000 agent-years).
# Usage: bench/trial_design.sh [BRAINLOAD_EXE] [OUT_DIR]  (defaults build/brainload, output/design)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exe=${1:-build/brainload}
out=${2:-output/design}
mkdir -p "$out"
cores=$(nproc)

# The 20 acute parameters that rank highest in a Morris screening of all acute parameters.
"$exe" sensitivity scenarios/back_to_back_hiit.toml --arm double --vs rest \
  --outcome cognitive_test_d0_1400 --parameters acute --spread 0.2 --method morris --samples 20 \
  --quiet --json "$out/b2b_morris_acute.json"
top20=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
print(",".join(p["name"] for p in d["parameters"][:20]))' "$out/b2b_morris_acute.json")

start=$(date +%s.%N)
"$exe" sensitivity scenarios/back_to_back_hiit.toml --arm double --vs rest \
  --outcome cognitive_test_d0_1400 --parameters "$top20" --spread 0.2 --samples 512 \
  --quiet --json "$out/b2b_sobol_top20.json" --plot "$out/b2b_sobol_top20.png"
end=$(date +%s.%N)
sens=$(/usr/bin/python3 -c "print($end - $start)")

start=$(date +%s.%N)
"$exe" power scenarios/lisa_trial.toml --arm hrt --vs control --outcome brain_age_gap_years \
  --day 365 --n 10,15,20,30,40,60,100 --replicates 200 --quiet \
  --json "$out/lisa_power_supervised.json" --plot "$out/lisa_power_supervised.png"
end=$(date +%s.%N)
power=$(/usr/bin/python3 -c "print($end - $start)")

printf 'cores: %s\n' "$cores"
printf 'sensitivity, 20 parameters, N = 512 (11264 samples x 2 one-day lives): %.1f s, %.0f samples per core-second\n' \
  "$sens" "$(/usr/bin/python3 -c "print(11264 / ($sens * $cores))")"
printf 'power, 200 replicates at n = 100 per arm on LISA (40000 agent-years): %.1f s, %.1f agent-years per core-second\n' \
  "$power" "$(/usr/bin/python3 -c "print(40000 / ($power * $cores))")"
