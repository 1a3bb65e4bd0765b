// One synthetic individual of a virtual trial: sampled traits, adherence, and the life it
// lives through the arm's schedule (acute sessions feeding the daily chronic step).
#pragma once

#include <array>
#include <boost/random/mersenne_twister.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "brainload/observables.hpp"
#include "brainload/params.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/simulation.hpp"

namespace brainload {

struct AgentTraits {
  std::int64_t id = 0;
  int arm = 0;
  Subject subject;
  bool val66met = false;
  double trainability = 1.0;
  double motivation = 0.0;           // SD units
  double baseline_depression = 0.0;  // SD units
};

struct AgentResult {
  AgentTraits traits;
  std::vector<std::array<double, kChronicObservableCount>> assessments;  // per assess day
  std::vector<std::array<double, kChronicObservableCount>> samples;      // per time sample
  std::vector<double> events;  // per Arm::events entry, measured (NaN: not taken, e.g. dropout)
  int sessions_scheduled = 0;
  int sessions_done = 0;
  bool dropped_out = false;
  int dropout_day = -1;
  // An agent whose integration fails is flagged, excluded from statistics and counted; the run
  // goes on.
  enum FailureCode : int { none = 0, solver = 1, out_of_bounds = 2 };
  bool failed = false;
  int failure_code = none;
  std::string failure;
};

struct RunPlan {
  std::vector<int> sample_days;  // chronic samples for quantile series and trajectories
};

// The random engine of every per-agent stream (assessment noise included).
using AssessmentEngine = boost::random::mt19937_64;

// One assessment's reading of the chronic state: test–retest error (PopulationParams, the
// `*_noise_*` fields) drawn from `noise`, the agent's assessment stream, in a fixed order:
// composite, executive, working memory, depression, brain age, resting BDNF (additive),
// strength, VO2max, hippocampal volume (× (1 + N(0, CV))), resting IL-6 (mean-preserving
// lognormal with the given CV). Observables given a test error later draw it from a stream of
// their own, so that adding one leaves every earlier reading unchanged: upper-body strength
// from `late_noise` (× (1 + N(0, strength CV))), resting heart rate from `resting_hr_noise`
// (× (1 + N(0, its CV))). Other observables are read exactly.
[[nodiscard]] std::array<double, kChronicObservableCount> measure_assessment(
    const ChronicState& s, const PopulationParams& p, AssessmentEngine& noise,
    AssessmentEngine& late_noise, AssessmentEngine& resting_hr_noise);

// The test-retest errors of an assessment that averages `tests` independent tests: every
// `*_noise_*` field divided by √tests (the scenario's population.assessment_tests).
[[nodiscard]] PopulationParams averaged_over_tests(PopulationParams p, int tests);

[[nodiscard]] AgentTraits sample_agent(const Scenario& scenario, const ModelParams& params,
                                       std::uint64_t seed, std::int64_t id, int arm);

// Lives one agent through the whole scenario (the one loop, simulation.hpp) with the trial's
// attendance rule (adherence and dropout drawn, or every session in a `lab` arm) and an observer
// that takes the assessments, samples and events with measurement noise. Pure: same inputs,
// same result, any thread.
[[nodiscard]] AgentResult simulate_agent(const Scenario& scenario, const AgentTraits& traits,
                                         const ModelParams& params, const SolverConfig& config,
                                         const RestCycle& rest, std::uint64_t seed,
                                         const RunPlan& plan);

}  // namespace brainload
