// One bundle of every model parameter: what the model is, apart from how it is solved
// (SolverConfig in simulation.hpp). Acute pathways, the session-to-drive mapping, chronic
// adaptation, the subject norms that set a typical individual, and the between-person variation,
// adherence and measurement noise of a population. Each group's struct lists its fields with
// unit, valid range and source; `visit_parameters(ModelParams&, visitor)` walks them all for
// `describe`, overrides (`[parameters]`, `--set`) and sensitivity analysis.
//
// Full parameter names are `<group>.<field>`:
//   acute       the AcuteParams member names: heart_rate, oxygen_uptake, central_command,
//               catecholamines, arousal, cognition, cerebral_blood_flow, lactate, vegf, bdnf,
//               osteocalcin, il6, hpa
//   session     SessionDriveParams
//   dose        SessionDoseParams (a session's loads for the chronic layer)
//   chronic     training, resting_bdnf, hippocampus, prefrontal, brain_age, chronic_cognition,
//               mood, inflammation, cortisol_reactivity, bbb (chronic_pathways.hpp)
//   subject_norms, population
//   measurement MeasurementParams (test and assay error of events in trials)
#pragma once

#include <concepts>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "brainload/model/acute_model.hpp"
#include "brainload/model/chronic/chronic_pathways.hpp"
#include "brainload/model/measurement.hpp"
#include "brainload/model/parameter_range.hpp"
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
  // Per-person multiplier of every training gain: max(0, 1 + trainability_sd · z), z ~ N(0, 1), a
  // normal truncated at zero (true non-responders; HERITAGE's tails are about symmetric:
  // docs/research/chronic_structures.md section 7e).
  double trainability_sd = 0.233;  // 1 (fitted: HERITAGE's response CV 0.526 with two VO2max
                                   // tests a side)
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
  double cognition_noise_sd = 0.5;  // SD units (assumed: reliability ≈ 0.75)
  // Depressive-symptom scales: test–retest r falls with the retest interval (HRSD 0.65–0.98,
  // Spearman ρ −0.74 between interval and r, meta-analysis over 49 years, Psychiatry Res 2011
  // 189:1); at the weeks between a trial's assessments r ≈ 0.6–0.75 (PHQ-9 0.737 over 2 weeks in
  // 54 patients with major depression, BMC Psychiatry 2020 20:474; CES-D .51–.67 at 2–8 weeks,
  // Radloff 1977 as quoted secondarily), against 0.85–0.95 over days (BDI-II .93 at one week,
  // Beck, Steer & Brown 1996 as quoted; GDS-15 ICC 0.95, BMC Geriatr 2024). The model's
  // depression has no week-to-week state variation, so the weeks-long r applies: 0.75, derived.
  double depression_noise_sd = 0.5;  // SD units
  // Brain-age test–retest error, years per scan (assumed, between two published limits: ≤ 1.6 y
  // from the one-year change in Wan et al. 2025's usual-care arm, 2.5–4.3 y from the test–retest
  // ICCs of Dörfel et al. 2023; see the source string below).
  double brain_age_noise_sd = 1.0;
  // Serum BDNF assay and day-to-day variation, CV ≈ 10 % of 30 ng/mL (assumed, inside the
  // inter-assay CVs of 5-20 % measured for six commercial kits on the sera of 40 healthy adults,
  // "A method for reproducible measurements of serum BDNF", Sci Rep 2015, 5:17989, abstract read;
  // no day-to-day biological variation was found).
  double bdnf_noise_sd_ng_ml = 3.0;
  // 1RM test–retest CV: median of 32 studies, pooled n = 1595 (Grgic et al. 2020, Sports Med Open
  // 6:31; range 0.5–12.1 %).
  double strength_noise_cv = 0.042;
  // Resting plasma IL-6, within-subject day-to-day (biological + analytical) CV over a month
  // (Knudsen et al. 2008, Biomarkers 13:59: median 27 % in 27 healthy adults).
  double il6_noise_cv = 0.27;
  // VO2max, day-to-day variation of repeated maximal treadmill tests, biological + technological
  // (Katch, Sady & Freedson 1982, Med Sci Sports Exerc 14:21: ±5.6 %).
  double vo2max_noise_cv = 0.056;
  // Hippocampal volume, MRI scan–rescan error (derived from ≈ 2 % mean absolute test–retest
  // difference, multisite 3T FreeSurfer study of healthy elderly; σ = 2 %·√π/2).
  double hippocampal_volume_noise_cv = 0.018;
  // Resting heart rate, typical error as a CV, day to day (Buchheit 2014, Front Physiol 5:73,
  // Table 1: ≈ 10 %, from Al Haddad et al. 2011, Int J Sports Med 32:598: 15 young men, 5 min
  // seated, four occasions); weekly retests of middle-aged men: SEM 2.0–6.7 bpm, r 0.72–0.78
  // (Med Sci Sports 1972, 4:14).
  double resting_hr_noise_cv = 0.10;
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` (group "population") and parameter overrides:
// visit(name, value, unit, range, source) with value a double& (const double& for a const
// struct). A new field needs a line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, PopulationParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("vo2max_cv", p.vo2max_cv, "1", ValidRange{0.0, 0.5},
        "coefficient of variation within an age/sex/status group (ACSM norm tables, ≈ 15 %; "
        "assumed lognormal)");
  visit("hr_rest_sd_bpm", p.hr_rest_sd_bpm, "bpm", ValidRange{0.0, 20.0}, "assumed");
  visit("lactate_threshold_sd", p.lactate_threshold_sd, "1", ValidRange{0.0, 0.15},
        "assumed: fraction of VO2max");
  visit("bdnf_cv", p.bdnf_cv, "1", ValidRange{0.0, 0.6},
        "assumed: serum BDNF between people, ≈ 20–30 %");
  visit("il6_sd_log", p.il6_sd_log, "1", ValidRange{0.0, 1.5},
        "assumed: log-scale SD of resting IL-6");
  visit("il6_vo2max_elasticity", p.il6_vo2max_elasticity, "1", ValidRange{-3.0, 0.0},
        "assumed correlation: fitter people run lower IL-6");
  visit("val66met_carrier_fraction", p.val66met_carrier_fraction, "1", ValidRange{0.0, 1.0},
        "Met carriers ≈ 30 % in Europeans (Shimizu et al. 2004, Am J Med Genet B 126B:122)");
  visit("val66met_release_rel", p.val66met_release_rel, "1", ValidRange{0.0, 1.0},
        "activity-dependent BDNF release in carriers, ≈ 20–30 % lower (Egan et al. 2003, Cell "
        "112:257)");
  visit("trainability_sd", p.trainability_sd, "1", ValidRange{0.0, 1.5},
        "fitted: SD of the per-person multiplier of every training gain, max(0, 1 + SD·z) (a "
        "normal truncated at zero: true non-responders, as HERITAGE's about symmetric tails "
        "suggest), so that HERITAGE's completers show a VO2max response CV of 0.526 (384 ± 202 "
        "mL/min; Bouchard et al. 1999, J Appl Physiol 87:1003) with each assessment the mean of "
        "two tests of 5.6 % error (validation/fits/fit_trainability.py; replaces the lognormal "
        "log-SD 0.242)");
  visit("attend_intercept", p.attend_intercept, "logit", ValidRange{-10.0, 10.0},
        "fitted: ≈ 80 % attendance; supervised older-adult trials 70–90 % (MODEL.md)");
  visit("attend_motivation", p.attend_motivation, "logit/SD", ValidRange{0.0, 5.0},
        "assumed: per SD of motivation");
  visit("attend_self_efficacy", p.attend_self_efficacy, "logit", ValidRange{0.0, 5.0},
        "assumed: per unit self-efficacy");
  visit("attend_fatigue", p.attend_fatigue, "logit", ValidRange{0.0, 5.0},
        "assumed: per load unit of Banister fatigue (subtracted)");
  visit("attend_mood", p.attend_mood, "logit/SD", ValidRange{0.0, 5.0},
        "assumed: per SD of depressive symptoms (subtracted)");
  visit("attend_group", p.attend_group, "logit", ValidRange{-5.0, 5.0},
        "group classes help adherence (Burke et al. 2006, Sport Exerc Psychol Rev 2:19); size "
        "assumed");
  visit("attend_home", p.attend_home, "logit", ValidRange{-5.0, 5.0},
        "unsupervised home programmes do worse (Burke et al. 2006, Sport Exerc Psychol Rev 2:19; "
        "MODEL.md); size assumed");
  visit("self_efficacy_per_log_session", p.self_efficacy_per_log_session, "1", ValidRange{0.0, 2.0},
        "assumed log growth of self-efficacy with sessions done (Bandura)");
  visit("dropout_hazard_per_day", p.dropout_hazard_per_day, "1/d", ValidRange{0.0, 0.05},
        "fitted: ≈ 14 %/year at average motivation, for 10–20 % yearly dropout (MODEL.md)");
  visit("dropout_motivation", p.dropout_motivation, "1/SD", ValidRange{0.0, 5.0},
        "assumed: hazard falls by e^(−0.5) per SD of motivation");
  visit("motivation_mood_corr", p.motivation_mood_corr, "1", ValidRange{-1.0, 1.0},
        "assumed: correlation of motivation and baseline depression");
  visit("cognition_noise_sd", p.cognition_noise_sd, "SD", ValidRange{0.0, 3.0},
        "derived: error SD = √(1 − r) of the between-person SD for a test–retest r ≈ 0.75 "
        "(assumed within the published range: meta-analytic retest r of neuropsychological "
        "tests mostly ≥ 0.7, some memory and executive scores lower; Calamia et al. 2013, "
        "Clin Neuropsychol 27:1077)");
  visit("depression_noise_sd", p.depression_noise_sd, "SD", ValidRange{0.0, 3.0},
        "derived: error SD = √(1 − r) at r = 0.75, the test–retest r of depression scales at "
        "the weeks-long intervals of trials (PHQ-9 0.737 over 2 weeks, BMC Psychiatry 2020 "
        "20:474; CES-D .51–.67 at 2–8 weeks, Radloff 1977 as quoted secondarily; HRSD r falls "
        "with the interval, 0.65–0.98, Psychiatry Res 2011 189:1); over days r is 0.85–0.95 "
        "(BDI-II .93 at one week), which the model's state, without week-to-week variation, "
        "does not represent");
  visit("brain_age_noise_sd", p.brain_age_noise_sd, "y", ValidRange{0.0, 10.0},
        "assumed: brain-age test–retest error, between two published limits. Upper bound from Wan "
        "et al. 2025 (J Sport Health Sci; usual-care arm, one-year change 95 % CI −0.21 to +0.92 y "
        "with about 65 people): SD of the change ≈ 2.3 y, so ≤ 1.6 y per scan if all of it were "
        "test error. Dörfel et al. 2023 (Hum Brain Mapp 44:6139): test–retest ICC 0.94–0.98 for "
        "brainageR, pyment and mccqrnn in 372 adults aged 18–86 (age SD 17.5 y), i.e. "
        "σ = 17.5·√((1 − ICC)/ICC) = 2.5–4.3 y per scan for those packages; the brain-age method "
        "of a trial sets which applies");
  visit("bdnf_noise_sd_ng_ml", p.bdnf_noise_sd_ng_ml, "ng/mL", ValidRange{0.0, 20.0},
        "assumed: serum BDNF assay and day-to-day variation, CV ≈ 10 %, inside the inter-assay "
        "CVs of 5-20 % of six commercial kits (Sci Rep 2015, 5:17989, \"A method for reproducible "
        "measurements of serum BDNF\"); no day-to-day biological variation found");
  visit("strength_noise_cv", p.strength_noise_cv, "1", ValidRange{0.0, 0.5},
        "measured: 1RM test–retest CV, median 4.2 % (range 0.5–12.1 %) over 32 studies, pooled "
        "n = 1595, similar in young and older adults and in upper and lower body (Grgic et al. "
        "2020, Sports Med Open 6:31)");
  visit("il6_noise_cv", p.il6_noise_cv, "1", ValidRange{0.0, 1.0},
        "measured: within-subject CV of plasma IL-6 over 1 month, median 27 % (31 % and 26 % "
        "at 6 and 12 months) in 27 healthy adults, biological + analytical (Knudsen et al. 2008, "
        "Biomarkers 13:59); applied lognormal, mean-preserving");
  visit("vo2max_noise_cv", p.vo2max_noise_cv, "1", ValidRange{0.0, 0.3},
        "measured: day-to-day variation of repeated maximal treadmill VO2max tests ±5.6 %, "
        "≥ 90 % biological (Katch, Sady & Freedson 1982, Med Sci Sports Exerc 14:21)");
  visit("hippocampal_volume_noise_cv", p.hippocampal_volume_noise_cv, "1", ValidRange{0.0, 0.2},
        "derived: whole-hippocampus scan–rescan absolute error ≈ 2 % of the mean (FreeSurfer "
        "longitudinal, 13 European 3T sites, healthy elderly; PharmaCog, Alzheimers Dement 2015 "
        "11(7S), 'Multisite hippocampal subfields reproducibility'); per-scan σ = 2 %·√π/2");
  visit("resting_hr_noise_cv", p.resting_hr_noise_cv, "1", ValidRange{0.0, 0.3},
        "measured: typical error of resting heart rate ≈ 10 % as a CV, day to day (Buchheit 2014, "
        "Front Physiol 5:73, Table 1, from Al Haddad et al. 2011, Int J Sports Med 32:598, 5 min "
        "seated); weekly retests SEM 2.0–6.7 bpm (Med Sci Sports 1972, 4:14)");
}

struct ModelParams {
  AcuteParams acute;
  SessionDriveParams session;
  SessionDoseParams dose;
  ChronicParams chronic;
  SubjectNorms norms;
  PopulationParams population;
  MeasurementParams measurement;
};

// Every model parameter: visit(group, name, value, unit, range, source), strings
// std::string_view (literals), range a ValidRange, value a double& (const double& for a const
// ModelParams). Groups and their order as listed at the top of this file.
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ModelParams>
void visit_parameters(P& p, Visitor&& visit) {
  const auto in = [&visit](std::string_view group) {
    return [&visit, group](std::string_view name, auto& value, std::string_view unit,
                           ValidRange range, std::string_view source) {
      visit(group, name, value, unit, range, source);
    };
  };
  visit_parameters(p.acute, visit);
  visit_parameters(p.session, in("session"));
  visit_parameters(p.dose, in("dose"));
  visit_parameters(p.chronic, visit);
  visit_parameters(p.norms, in("subject_norms"));
  visit_parameters(p.population, in("population"));
  visit_parameters(p.measurement, in("measurement"));
}

// One parameter as the visitor sees it, with its current value.
struct ParameterInfo {
  std::string_view group;
  std::string_view name;
  double value = 0.0;
  std::string_view unit;
  ValidRange range;
  std::string_view source;
  [[nodiscard]] std::string full_name() const;  // "<group>.<name>"
};

// Every parameter of `params`, in visiting order.
[[nodiscard]] std::vector<ParameterInfo> parameter_list(const ModelParams& params = {});
// The parameter called `full_name` ("lactate.rest_mmol_l"), or nullopt.
[[nodiscard]] std::optional<ParameterInfo> find_parameter(const ModelParams& params,
                                                          std::string_view full_name);
// " did you mean 'lactate.rest_mmol_l'?" for the nearest full name, or "" when none is close.
[[nodiscard]] std::string parameter_suggestion(std::string_view full_name);
// Why `value` cannot be given to `full_name` (unknown name with a suggestion, outside the valid
// range naming it, not finite), or nullopt when it can.
[[nodiscard]] std::optional<std::string> parameter_problem(std::string_view full_name,
                                                           double value);

// An override that cannot be applied; what() is parameter_problem's message.
class ParameterError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Sets one parameter by its full name. Throws ParameterError (and leaves `params` unchanged) when
// parameter_problem finds one.
void apply_parameter(ModelParams& params, std::string_view full_name, double value);

// Overrides by full name in the order given; a later one for the same name wins.
using ParameterOverrides = std::vector<std::pair<std::string, double>>;
// `base` with every override applied (ParameterError on the first bad one).
[[nodiscard]] ModelParams with_overrides(ModelParams base, const ParameterOverrides& overrides);

}  // namespace brainload
