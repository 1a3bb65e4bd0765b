// The accuracy contract of issue 5: the session-window strategy the runner uses stays within
// 1e-3 relative (absolute floor per outcome) of a tight-tolerance continuous integration of the
// same model, on every chronic outcome.
#include <gtest/gtest.h>

#include <cmath>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/runner.hpp"

namespace brainload {
namespace {

// Absolute floors where a relative error means nothing near zero (z-scores, years, counts).
constexpr std::array<double, kChronicObservableCount> kFloor{
    1e-3,  // vo2max_ml_kg_min
    1e-4,  // strength_1rm_rel
    1e-3,  // bdnf_resting_ng_ml
    1e-5,  // hippocampal_volume_rel
    1e-5,  // prefrontal_connectivity_rel
    1e-3,  // brain_age_gap_years
    1e-3,  // cognition_composite_z
    1e-3,  // executive_function_z
    1e-3,  // working_memory_z
    1e-3,  // depression_z
    1e-4,  // il6_resting_pg_ml
    1e-5,  // bbb_integrity
    1e-3,  // fatigue
    0.0,   // sessions_done (exact)
};

void expect_close(const Scenario& s, int days, std::int64_t agents) {
  Scenario sc = s;
  sc.days = days;
  sc.assess_days = {0, days};
  RunOptions o;
  o.agents = agents;
  o.threads = 2;
  ModelConfig fast;
  ModelConfig reference;
  reference.strategy = AcuteStrategy::continuous;
  reference.solver.abs_tol = 1e-10;
  reference.solver.rel_tol = 1e-9;
  const RunResults a = run_population(sc, o, fast);
  const RunResults b = run_population(sc, o, reference);
  for (std::size_t i = 0; i < a.agents.size(); ++i) {
    const auto& x = a.agents[i].samples.back();
    const auto& y = b.agents[i].samples.back();
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      EXPECT_NEAR(x[k], y[k], std::max(kFloor[k], 1e-3 * std::abs(y[k])))
          << s.name << " agent " << i << " " << chronic_observables()[k].name;
    }
  }
}

TEST(StrategyAccuracy, SessionWindowsMatchContinuousOnResistanceTraining) {
  expect_close(load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/lisa_trial.toml"), 60, 6);
}

TEST(StrategyAccuracy, SessionWindowsMatchContinuousOnJumpingAndHiit) {
  Scenario s = load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/jumping_vs_cycling.toml");
  expect_close(s, 1, 4);
  expect_close(load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/back_to_back_hiit.toml"), 1, 8);
}

}  // namespace
}  // namespace brainload
