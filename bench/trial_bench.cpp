// The whole-run benchmark of issue 5 on scenarios/lisa_trial.toml, printing in one run:
//   agent-years per core-second of the runner (session windows, dopri5);
//   its ratio to the straightforward baseline (the same model integrated continuously by one
//   runge_kutta_dopri5 over the whole state) and to CVODE BDF on the same right-hand side;
//   the largest deviation of the runner from a 1e-9 continuous reference (accuracy contract);
//   the speedup from 1 to all threads; peak resident memory of `brainload run` with 10^6 agents.
//
//   ./build/bench/brainload_trial_bench [--agents N] [--baseline-agents M] [--memory-agents K]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/accuracy.hpp"
#include "brainload/population/runner.hpp"

namespace {

using namespace brainload;

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

struct Timing {
  double wall = 0.0;
  double cpu = 0.0;
  RunResults results;
};

Timing timed_run(const Scenario& s, std::int64_t agents, int threads, const SolverConfig& config) {
  RunOptions o;
  o.agents = agents;
  o.threads = threads;
  const double c0 = cpu_seconds();
  const auto w0 = std::chrono::steady_clock::now();
  Timing t;
  t.results = run_population(s, o, {}, config);
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  t.cpu = cpu_seconds() - c0;
  return t;
}

// Peak RSS (MiB) of a child `brainload run` on a one-day scenario with `agents` agents.
double child_peak_rss_mib(std::int64_t agents, double* seconds) {
  const std::string scenario = std::string(BRAINLOAD_SOURCE_DIR) + "/bench/memory_day.toml";
  const std::string out = "/tmp/brainload_memory_bench.h5";
  const std::string n = std::to_string(agents);
  const auto w0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    execl(BRAINLOAD_EXE, BRAINLOAD_EXE, "run", scenario.c_str(), "--agents", n.c_str(), "--out",
          out.c_str(), "--force", "--quiet", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  int status = 0;
  rusage u{};
  wait4(pid, &status, 0, &u);
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  std::remove(out.c_str());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1.0;
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t agents = 120;
  std::int64_t baseline_agents = 6;
  std::int64_t memory_agents = 1000000;
  for (int k = 1; k + 1 < argc; k += 2) {
    if (std::strcmp(argv[k], "--agents") == 0) agents = std::atoll(argv[k + 1]);
    if (std::strcmp(argv[k], "--baseline-agents") == 0) baseline_agents = std::atoll(argv[k + 1]);
    if (std::strcmp(argv[k], "--memory-agents") == 0) memory_agents = std::atoll(argv[k + 1]);
  }
  const Scenario s =
      load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/lisa_trial.toml");
  const double years = s.days / 365.0;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  std::printf("brainload trial benchmark: %s, %d days, %d cores\n", s.name.c_str(), s.days, cores);

  const SolverConfig runner;
  const Timing all = timed_run(s, agents, cores, runner);
  const Timing one = timed_run(s, agents, 1, runner);
  const double agent_years = static_cast<double>(agents) * years;
  std::printf(
      "runner (session windows, dopri5): %lld agents, wall %.2f s at %d threads, %.2f s at 1\n",
      static_cast<long long>(agents), all.wall, cores, one.wall);
  std::printf("  agent-years per core-second: %.1f (CPU time at %d threads), %.1f (1 thread)\n",
              agent_years / all.cpu, cores, agent_years / one.cpu);
  std::printf("  speedup 1 -> %d threads: %.2fx\n", cores, one.wall / all.wall);

  const double per_agent_runner = one.cpu / static_cast<double>(agents);
  SolverConfig dopri;
  dopri.strategy = AcuteStrategy::continuous;
  SolverConfig cvode = dopri;
  cvode.solver.method = SolverMethod::cvode_bdf;
  SolverConfig reference = dopri;
  reference.solver.abs_tol = 1e-10;
  reference.solver.rel_tol = 1e-9;
  const Timing base = timed_run(s, baseline_agents, 1, dopri);
  const Timing bdf = timed_run(s, baseline_agents, 1, cvode);
  const Timing ref = timed_run(s, baseline_agents, 1, reference);
  const double per_agent_base = base.cpu / static_cast<double>(baseline_agents);
  const double per_agent_bdf = bdf.cpu / static_cast<double>(baseline_agents);
  std::printf(
      "baseline (continuous dopri5, same tolerances): %.3f s per agent, runner %.4f s: %.1fx "
      "faster\n",
      per_agent_base, per_agent_runner, per_agent_base / per_agent_runner);
  std::printf("CVODE BDF (continuous, same tolerances): %.3f s per agent: runner %.1fx faster\n",
              per_agent_bdf, per_agent_bdf / per_agent_runner);

  // Accuracy contract on the agents both runs share (ids 0..baseline_agents-1).
  double worst_ratio = 0.0;
  double worst_rel = 0.0;
  std::string worst;
  for (std::int64_t i = 0; i < baseline_agents; ++i) {
    const auto& x = one.results.agents[static_cast<std::size_t>(i)].samples.back();
    const auto& y = ref.results.agents[static_cast<std::size_t>(i)].samples.back();
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      const double ratio = contract_ratio(k, x[k], y[k]);
      if (ratio > worst_ratio) {
        worst_ratio = ratio;
        worst_rel = std::abs(x[k] - y[k]) / std::max(1e-300, std::abs(y[k]));
        worst = std::string(chronic_observables()[k].name);
      }
    }
  }
  std::printf(
      "accuracy contract (1e-3 relative or an absolute floor, against the 1e-9 continuous "
      "reference): worst outcome %s at %.3f of the allowance (%.1e relative): %s\n",
      worst.c_str(), worst_ratio, worst_rel, worst_ratio <= 1.0 ? "kept" : "BROKEN");

  if (memory_agents > 0) {
    double seconds = 0.0;
    const double rss = child_peak_rss_mib(memory_agents, &seconds);
    std::printf(
        "memory: brainload run with %lld agents (bench/memory_day.toml, HDF5 per-agent "
        "outcomes + quantiles): peak RSS %.0f MiB in %.1f s\n",
        static_cast<long long>(memory_agents), rss, seconds);
  }
  return 0;
}
