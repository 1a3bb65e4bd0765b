// One bundle of every model parameter: what the model is, apart from how it is solved
// (SolverConfig in simulation.hpp). Acute pathways, the session-to-drive mapping, chronic
// adaptation, the subject norms that set a typical individual, and the between-person variation,
// adherence and measurement noise of a population. Each group's struct lists its fields with
// unit and source; `visit_parameters(ModelParams&, visitor)` walks them all for `describe`,
// overrides (`[parameters]`, `--set`) and sensitivity analysis.
#pragma once

#include "brainload/model/acute_model.hpp"
#include "brainload/model/chronic/chronic_pathways.hpp"
#include "brainload/model/measurement.hpp"
#include "brainload/model/subject_norms.hpp"
#include "brainload/schedule/session_dose.hpp"
#include "brainload/schedule/session_drive.hpp"

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

struct ModelParams {
  AcuteParams acute;
  SessionDriveParams session;
  SessionDoseParams dose;
  ChronicParams chronic;
  SubjectNorms norms;
  PopulationParams population;
  MeasurementParams measurement;
};

}  // namespace brainload
