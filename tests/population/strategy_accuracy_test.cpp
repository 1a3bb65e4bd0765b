// The accuracy contract of issue 5: the session-window strategy the runner uses stays within
// 1e-3 relative (absolute floor per outcome) of a tight-tolerance continuous integration of the
// same model, on every chronic outcome.
#include <gtest/gtest.h>

#include <cmath>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/accuracy.hpp"
#include "brainload/population/runner.hpp"

namespace brainload {
namespace {

void expect_close(const Scenario& s, int days, std::int64_t agents) {
  Scenario sc = s;
  sc.days = days;
  sc.assess_days = {0, days};
  RunOptions o;
  o.agents = agents;
  o.threads = 2;
  SolverConfig fast;
  SolverConfig reference;
  reference.strategy = AcuteStrategy::continuous;
  reference.solver.abs_tol = 1e-10;
  reference.solver.rel_tol = 1e-9;
  const RunResults a = run_population(sc, o, {}, fast);
  const RunResults b = run_population(sc, o, {}, reference);
  for (std::size_t i = 0; i < a.agents.size(); ++i) {
    const auto& x = a.agents[i].samples.back();
    const auto& y = b.agents[i].samples.back();
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      EXPECT_LE(contract_ratio(k, x[k], y[k]), 1.0)
          << s.name << " agent " << i << " " << chronic_observables()[k].name << ": " << x[k]
          << " vs reference " << y[k];
    }
  }
}

TEST(StrategyAccuracy, SessionWindowsMatchContinuousOnResistanceTraining) {
  expect_close(load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/lisa_trial.toml"),
               60, 6);
}

TEST(StrategyAccuracy, SessionWindowsMatchContinuousOnJumpingAndHiit) {
  Scenario s =
      load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/jumping_vs_cycling.toml");
  expect_close(s, 1, 4);
  expect_close(
      load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/back_to_back_hiit.toml"),
      1, 8);
}

}  // namespace
}  // namespace brainload
