// Google Benchmark at three levels (STYLE.md): one right-hand-side evaluation, one individual
// over one simulated year (the runner's session-window strategy beside the straightforward
// continuous dopri5 baseline and continuous CVODE BDF), and a population across thread counts.
//
//   ./build/bench/brainload_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/runner.hpp"

namespace brainload {
namespace {

const Scenario& lisa() {
  static const Scenario kLisa = [] {
    Scenario x =
        load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/lisa_trial.toml");
    x.days = 365;
    x.assess_days = {0, 365};
    return x;
  }();
  return kLisa;
}

void BM_RhsEvaluation(benchmark::State& state) {
  AcuteModel model(AcuteParams{}, Subject{}, 420.0);
  Drive d;
  d.work_vo2max_frac = 0.85;
  d.muscle_intensity_frac = 1.2;
  d.effort = 0.9;
  d.muscle_mass_frac = 0.5;
  d.compound = 0.8;
  model.set_drive(d);
  AcuteState x = model.resting_state();
  AcuteState dxdt{};
  double t = 0.0;
  for (auto _ : state) {
    model(x, dxdt, t);
    benchmark::DoNotOptimize(dxdt);
    t += 1e-3;
  }
}
BENCHMARK(BM_RhsEvaluation);

// One heavy-resistance agent (arm 1 of LISA) over one simulated year.
void individual_year(benchmark::State& state, AcuteStrategy strategy, SolverMethod method) {
  SolverConfig config;
  config.strategy = strategy;
  config.solver.method = method;
  const RestCycle rest = compute_rest_cycle(ModelParams{}, config);
  RunOptions o;
  const RunPlan plan = make_run_plan(lisa(), o);
  const AgentTraits traits = sample_agent(lisa(), ModelParams{}, 1, 1, 1);
  for (auto _ : state) {
    AgentResult r = simulate_agent(lisa(), traits, ModelParams{}, config, rest, 1, plan);
    benchmark::DoNotOptimize(r);
  }
  state.counters["agent_years_per_s"] =
      benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
}
void BM_IndividualYear_SessionWindows(benchmark::State& s) {
  individual_year(s, AcuteStrategy::session_windows, SolverMethod::dopri5);
}
void BM_IndividualYear_ContinuousDopri5(benchmark::State& s) {
  individual_year(s, AcuteStrategy::continuous, SolverMethod::dopri5);
}
void BM_IndividualYear_ContinuousCvode(benchmark::State& s) {
  individual_year(s, AcuteStrategy::continuous, SolverMethod::cvode_bdf);
}
BENCHMARK(BM_IndividualYear_SessionWindows)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndividualYear_ContinuousDopri5)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_IndividualYear_ContinuousCvode)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_Population(benchmark::State& state) {
  RunOptions o;
  o.agents = 48;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::int64_t n = 0;
    run_population_streaming(lisa(), o, [&](std::int64_t, std::vector<AgentResult>& b) {
      n += static_cast<std::int64_t>(b.size());
    });
    benchmark::DoNotOptimize(n);
  }
  state.counters["agent_years_per_s"] =
      benchmark::Counter(48.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Population)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace brainload
