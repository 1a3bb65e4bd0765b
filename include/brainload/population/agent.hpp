// One synthetic individual of a virtual trial: sampled traits, adherence, and the life it
// lives through the arm's schedule (acute sessions feeding the daily chronic step).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "brainload/observables.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/simulation.hpp"

namespace brainload {

// Between-person variation and adherence. Each field: unit, value, source.
struct PopulationParams {
  double vo2max_cv = 0.15;              // coefficient of variation within an age/sex/status group
                                        // (ACSM norm tables, ≈ 15 %; assumed lognormal)
  double hr_rest_sd_bpm = 6.0;          // bpm (assumed)
  double lactate_threshold_sd = 0.04;   // fraction of VO2max (assumed)
  double bdnf_cv = 0.25;                // serum BDNF between people (assumed; ≈ 20–30 %)
  double il6_sd_log = 0.4;              // log-scale SD of resting IL-6 (assumed)
  double il6_vo2max_elasticity = -0.5;  // fitter people run lower IL-6 (assumed correlation)
  double val66met_carrier_fraction = 0.3;  // Met carriers ≈ 30 % in Europeans (Shimizu et al.
                                           // 2004, Am J Med Genet B 126B:122)
  double val66met_release_rel = 0.75;      // activity-dependent release in carriers (Egan et al.
                                           // 2003, Cell 112:257: ≈ 20–30 % lower)
  double trainability_sd_log = 0.35;       // log-scale SD of the training response (HERITAGE,
                                           // Bouchard 1999: wide range of responses)
  // Adherence: P(attend) = logistic(a0 + a_m·motivation + a_s·self_efficacy − a_f·fatigue −
  // a_d·mood)
  double attend_intercept = 1.6;      // logit (fitted: ≈ 80 % attendance, supervised older-adult
                                      // trials 70–90 %, MODEL.md)
  double attend_motivation = 0.6;     // per SD of motivation (assumed)
  double attend_self_efficacy = 0.8;  // per unit self-efficacy (assumed)
  double attend_fatigue = 0.3;        // per load unit of Banister fatigue (assumed)
  double attend_mood = 0.3;           // per SD of depressive symptoms (assumed)
  // Training setting, logit shift against supervised one-to-one sessions: group classes help
  // adherence, unsupervised home programmes do worse (Burke et al. 2006, Sport Exerc Psychol
  // Rev 2:19: true-group interventions beat home-based ones; MODEL.md: home-based programmes
  // sit lower). Sizes assumed.
  double attend_group = 0.3;                    // logit
  double attend_home = -0.6;                    // logit
  double self_efficacy_per_log_session = 0.15;  // self-efficacy grows with sessions done (Bandura;
                                                // assumed log growth)
  double dropout_hazard_per_day = 0.0004;  // ≈ 14 %/year at average motivation (fitted: 10–20 %
                                           // yearly dropout, MODEL.md)
  double dropout_motivation = 0.5;     // hazard falls by e^(−0.5) per SD of motivation (assumed)
  double motivation_mood_corr = -0.3;  // motivation vs baseline depression (assumed)
  // Measurement noise of assessments (test–retest), added at each assessment.
  double cognition_noise_sd = 0.5;   // SD units (assumed: reliability ≈ 0.75)
  double depression_noise_sd = 0.5;  // SD units (assumed)
  double brain_age_noise_sd = 1.0;   // years (assumed: brain-age test–retest error)
  double bdnf_noise_sd_ng_ml =
      3.0;  // serum BDNF assay and day-to-day variation (assumed, CV ≈ 10 %)
  double strength_noise_cv = 0.05;  // 1RM test–retest (assumed)
};

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

// The resting HPA axis over one day, minute by minute (it depends on no individual trait):
// the starting point of every session-day integration.
struct RestCycle {
  std::vector<std::array<double, 3>> hpa;  // crh, acth, cortisol at clock minute 0..1439
};

[[nodiscard]] RestCycle compute_rest_cycle(const ModelConfig& model);

[[nodiscard]] AgentTraits sample_agent(const Scenario& scenario, const PopulationParams& p,
                                       std::uint64_t seed, std::int64_t id, int arm);

// Simulates one agent over the whole scenario. Pure: same inputs, same result, any thread.
[[nodiscard]] AgentResult simulate_agent(const Scenario& scenario, const AgentTraits& traits,
                                         const PopulationParams& pp, const ModelConfig& model,
                                         const ChronicParams& chronic, const RestCycle& rest,
                                         std::uint64_t seed, const RunPlan& plan);

}  // namespace brainload
