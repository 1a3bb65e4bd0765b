// Trial design: how many participants a trial needs (power by simulation) and which model
// parameters an outcome hangs on (global sensitivity), both built on the one loop and the
// trial's agents, run in parallel with TBB and reproducible from the seed at any thread count.
//
// Power. For each replicate r a fresh population is drawn (seed derived from (seed, r)) of
// n_max agents per arm, alternately allocated to arm A and B, each living the arm with the
// trial's adherence, dropout and measurement noise (population/agent.hpp). The trial of n per
// arm is the first n agents of each arm: the sample sizes of one replicate are nested (as in a
// trial that recruits in order), so every n gets R independent trials while the population is
// simulated once per replicate, at n_max. Each trial is analysed as the summary analyses it:
// Welch's t test (analysis/power.hpp) on the change from the first assessment to `day` of a
// chronic outcome (an intention-to-treat analysis: dropouts are assessed), or on the measured
// values of an event (agents that did not take it left out). Power is the share of the R trials
// with two-sided p < alpha.
//
// Sensitivity. Each sample is one individual (the population's typical subject, every session
// attended, no measurement noise: the reference individual of `trace`) living the arm under
// one draw of the chosen parameters, over their valid ranges or ±spread around their values;
// the outcome is the chronic observable's change to `day` or the event's value, and with `vs`
// its difference from the same individual living the other arm under the same parameters.
// Sobol indices (Saltelli design, Jansen estimators) or Morris elementary effects
// (analysis/sensitivity.hpp).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "brainload/analysis/sensitivity.hpp"
#include "brainload/params.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/simulation.hpp"

namespace brainload {

// A design question that names an arm, outcome, day or parameter the scenario or model does
// not have (the command line maps it to exit code 2).
class DesignError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What is measured in each individual: a chronic observable's change from the first assessment
// to `day`, or an event (by name, present in both arms).
struct DesignOutcome {
  std::string name;
  bool is_event = false;
  std::size_t observable = 0;  // chronic observable index (not an event)
  int day = 0;                 // the assessment day, or the event's day
  int baseline_day = 0;        // the first assessment day (not an event)
  std::string unit;
  std::array<std::size_t, 2> event_index{};  // into the events of the two arms
};

// Reads `name` against arms `arm` and `vs` (empty: no second arm). A chronic outcome needs
// `day`, an assessment day after the first; an event's day is its own (`day`, if given, must
// match it).
[[nodiscard]] DesignOutcome resolve_outcome(const Scenario& scenario, const std::string& arm,
                                            const std::string& vs, const std::string& name,
                                            std::optional<int> day);

// Progress (work items done, of total), called on the calling thread between batches.
using DesignProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct PowerOptions {
  std::string arm;
  std::string vs;
  std::string outcome;
  std::optional<int> day;
  std::vector<int> n;  // per arm, increasing
  int replicates = 200;
  double alpha = 0.05;
  std::uint64_t seed = 1;
  int threads = 0;
  std::optional<TrainingSetting> setting;     // replaces arm A's training setting
  const std::atomic<bool>* cancel = nullptr;  // checked between batches; throws Cancelled
  DesignProgress progress;
};

struct PowerResult {
  std::string arm;
  std::string vs;
  DesignOutcome outcome;
  double alpha = 0.05;
  std::string test;
  std::string setting;  // arm A's training setting as simulated
  int replicates = 0;
  std::vector<int> n;
  std::vector<double> power;
  std::vector<std::array<double, 2>> ci95;
  std::vector<double> mean_difference;  // arm − vs, averaged over the replicates
  std::vector<double> mean_smd;         // standardised by the pooled SD, averaged
  std::optional<double> n_for_80;
  std::optional<double> n_for_90;
  std::int64_t agents_simulated = 0;
  std::int64_t agents_failed = 0;
  // Share of scheduled sessions attended in arm A and arm B, over every agent simulated (NaN
  // for an arm without sessions).
  std::array<double, 2> attendance{};
};

[[nodiscard]] PowerResult estimate_power(const Scenario& scenario, const ModelParams& params,
                                         const PowerOptions& options,
                                         const SolverConfig& config = {});

enum class SensitivityMethod { sobol, morris };

// Full parameter names from a list of items, each a full name (`hpa.cortisol_half_life_min`),
// a group (`hpa`), `acute` (every acute pathway's parameters), `chronic` (every chronic
// pathway's), or `all` (every parameter that acts on one individual: acute, session, dose,
// chronic, subject_norms; the population and measurement groups act only across a trial).
// Order: as `describe` lists them, each once.
[[nodiscard]] std::vector<std::string> select_parameters(const std::vector<std::string>& items);

struct SensitivityOptions {
  std::string arm;
  std::string vs;  // empty: the outcome of `arm` alone
  std::string outcome;
  std::optional<int> day;
  std::vector<std::string> parameters;  // full names (select_parameters)
  std::optional<double> spread;         // ±spread·|value| (clipped to the valid range), a
                                        // parameter at 0 held there; none: the valid range
  std::size_t samples = 512;            // Sobol: base samples N; Morris: trajectories r
  SensitivityMethod method = SensitivityMethod::sobol;
  int morris_levels = 4;
  std::size_t bootstrap = 1000;
  std::uint64_t seed = 1;
  int threads = 0;
  const std::atomic<bool>* cancel = nullptr;
  DesignProgress progress;
};

struct SensitivityParameter {
  std::string name;
  std::string unit;
  double value = 0.0;  // the default (or overridden) value
  double low = 0.0;    // the interval it varied over
  double high = 0.0;
  SobolIndex sobol;
  MorrisIndex morris;
};

struct SensitivityResult {
  SensitivityMethod method = SensitivityMethod::sobol;
  std::string arm;
  std::string vs;
  DesignOutcome outcome;
  std::size_t samples = 0;
  std::size_t evaluations = 0;     // model outcomes computed (each one or two lives)
  std::size_t failed = 0;          // of which the integration failed (left out)
  double outcome_at_values = 0.0;  // the outcome with every parameter at its value
  double mean = 0.0;               // Sobol: over A and B
  double variance = 0.0;
  std::string range;                             // "valid" or "±<spread>"
  std::vector<SensitivityParameter> parameters;  // ranked: total (Sobol) or μ* (Morris)
  std::vector<std::string> fixed;  // chosen but held: ±spread of a zero value is no interval
};

[[nodiscard]] SensitivityResult analyse_sensitivity(const Scenario& scenario,
                                                    const ModelParams& params,
                                                    const SensitivityOptions& options,
                                                    const SolverConfig& config = {});

// The outcome of one individual under `params` (a sensitivity sample; NaN if the integration
// failed), exposed for tests.
[[nodiscard]] double reference_outcome(const Scenario& scenario, const ModelParams& params,
                                       const std::string& arm, const std::string& vs,
                                       const DesignOutcome& outcome,
                                       const SolverConfig& config = {});

[[nodiscard]] const char* training_setting_name(TrainingSetting setting);

}  // namespace brainload
