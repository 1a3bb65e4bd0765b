// The chronic pathways: one day of adaptation, ageing and detraining at a time.
//
// Every pathway is a first-order relaxation towards a target set by recent training,
//   y(d+1) = y* + (y(d) − y*) · exp(−1/τ)                 (exact for a day of constant input),
// with saturating dose–response S(L) = L / (L50 + L) of exponentially weighted daily loads
// (14-day or 28-day windows, as the Performance Manager Chart's 7/42-day loads: Banister
// impulse–response, Clarke & Skiba 2013, Adv Physiol Educ 37:134). Saturation gives the
// non-linear dose response LISA reports (moderate ≈ heavy for brain age, Gonzalez-Gomez et
// al. 2026, GeroScience). Detraining is the same relaxation with the load gone. `trainability`
// scales every training gain of one individual (HERITAGE: Bouchard et al. 1999, J Appl
// Physiol 87:1003, large individual differences in response).
//
// Pathways (each its own parameter struct and function below):
//   training adaptation   Banister fitness/fatigue; strength of the lower and the upper body,
//                         each from its own muscles' load (neural τ ≈ 3 weeks, structural
//                         τ ≈ 4 months: Sale 1988, Med Sci Sports Exerc 20:S135); VO2max, whose
//                         untrained base ages at a rate rising with age, dV/dt = −r(age)·V,
//                         r = r30·e^((age − 30)/A): 0.3 %/y at 25, 1.35 at 65, 2.8 at 85 (fitted
//                         to Fleg et al. 2005, Circulation 112:674; accelerating longitudinal
//                         decline, 3-6 % per decade in the 20s-30s, > 20 % in the 70s).
//                         Strength's untrained base ages the same way, r70·e^((age − 70)/A):
//                         0.17 %/y at 60, 0.97 at 70, 5.7 at 80 (chronic_structures.md 7l).
//   resting BDNF          from the activity-weighted acute BDNF action and osteocalcin.
//   hippocampus           grows with resting-BDNF gain and VEGF/BBB; shrinks ≈ 1.2 %/y with age
//                         (Erickson et al. 2011, PNAS 108:3017).
//   prefrontal            connectivity from heavy resistance work (LISA).
//   brain age             gap falls with saturating training benefit, returns slowly after.
//   cognition             composite and executive function from an aerobic and a resistance
//                         term, each saturating in its own type's load (chronic_structures.md
//                         7m), plus the hippocampal and prefrontal terms; working memory from
//                         dual-task minutes.
//   mood                  depressive symptoms from BDNF, inflammation and training.
//   inflammation          resting IL-6 lowered by training, raised by age.
//   cortisol reactivity   lowered by regular training.
//   blood-brain barrier   integrity from lactate→VEGF dose; lost with age.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>

#include "brainload/model/chronic/daily_dose.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"

namespace brainload {

struct TrainingAdaptationParams {
  double fitness_tau_days = 42.0;  // Banister τ1 (Performance Manager Chart CTL window)
  double fatigue_tau_days = 7.0;   // Banister τ2 (ATL window)
  double fatigue_gain = 1.0;       // k2 (load units per load unit; assumed 1)
  double load_window_days = 14.0;  // EWMA window of resistance and aerobic loads (assumed)
  // Strength of each muscle group (lower, upper body) = 1 + neural + structural − ageing; the two
  // maxima are fitted together (docs/research/chronic_structures.md section 7i,
  // validation/fits/fit_strength.py): their ratio from Seynnes et al. 2007 (J Appl Physiol
  // 102:368, MVC +38.9 % with quadriceps CSA +7 % after 35 days), their scale to Peterson et
  // al. 2010's leg press +29 % after 26 weeks (Ageing Res Rev 9:226).
  double strength_neural_max = 0.4250;     // neural gain at saturation, fraction of 1RM (fitted)
  double strength_neural_tau_days = 21.0;  // rise (Sale 1988)
  double strength_neural_off_tau_days = 7305.0;  // fall (chronic_structures.md 7k; fitted, at
                                                 // the fit's upper bound, 20 years)
  double strength_muscle_max = 0.3229;           // structural gain at saturation (fitted)
  double strength_muscle_tau_days = 120.0;  // (assumed: hypertrophy over months; consistent with
                                            // Seynnes 2007's CSA at days 20 and 35 and with the
                                            // loss of muscle size after training, Grgic 2022)
  double resistance_half_load = 0.3;        // L50 of a muscle group's daily load (assumed: 3 heavy
                                            // sessions a week ≈ 1.2 × L50)
  double vo2max_gain_max = 1.0;      // relative VO2max gain at saturation (assumed, the bound of
                                     // chronic_structures.md 7f/7g: individual gains reach "up to
                                     // 100 %", Bouchard & Rankinen 2001, MSSE 33(6 Suppl):S446)
  double vo2max_tau_days = 60.0;     // (assumed; detraining losses over 4–12 weeks, Mujika &
                                     // Padilla 2000, Sports Med 30:79)
  double aerobic_half_load = 1.453;  // L50 of the daily aerobic load (fitted: HERITAGE's +17 %
                                     // after 20 weeks, Bouchard et al. 1999, with DREW's gains at
                                     // 4/8/12 kcal/kg/week, Church et al. 2007; fit_vo2max_dose.py)
  // VO2max ageing, r(age) = r30·e^((age − 30)/A) per year of the untrained base (fitted to
  // Fleg et al. 2005, Circulation 112:674: 4.5 % per decade in the 20s-30s, 20.5 % in the 70s;
  // docs/research/chronic_structures.md section 7b, validation/fits/fit_vo2max_ageing.py).
  double vo2max_loss_at_30_per_year = 0.003844;  // r30, fraction per year at 30 y (fitted)
  double vo2max_loss_efold_years = 27.81;        // A, years per e-fold rise of the rate (fitted)
  double long_window_days = 28.0;  // EWMA window of the training-load and HPA averages that
                                   // drive the brain and mood pathways (assumed: a month)
  // Strength ageing, r(age) = r70·e^((age − 70)/A) per year of the untrained base of each muscle
  // group (equal-weight least squares to Goodpaster et al. 2006, J Gerontol A 61:1059: 3.275 %/y
  // in the 70s, and Hughes et al. 2001, J Gerontol A 56:B209: 14 % per decade from 46-78 y;
  // docs/research/chronic_structures.md section 7l, validation/fits/fit_strength_ageing.py).
  double strength_loss_at_70_per_year = 0.009744;   // r70, fraction per year at 70 y (fitted)
  double strength_loss_efold_years = 5.64;          // A, years per e-fold rise of the rate (fitted)
  double lactate_threshold_per_fitness_gain = 0.5;  // rise of the lactate threshold (fraction of
                                                    // VO2max) per unit relative VO2max gain
                                                    // (assumed; Faude et al. 2009, Sports Med
                                                    // 39:469: training moves both)
  double lactate_threshold_max_frac = 0.85;  // ceiling of the trained lactate threshold (Faude et
                                             // al. 2009: ≈ 80–90 % VO2max in elite endurance)
};

struct RestingBdnfParams {
  double gain_max = 0.16;  // relative rise at saturation of the acute-dose route (fitted before
                           // issue 14 to Setayesh & Mohammad Rahimi 2023 through resistance
                           // sessions' acute BDNF; kept for the aerobic and impact dose since)
  // Resistance-training route (phenomenological, chronic_structures.md 7n): + X·S(r̄, L_R).
  double resistance_gain_max = 0.0405;  // relative rise at saturation (fitted: +0.73 ng/mL,
                                        // Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23)
  double resistance_half_load = 0.3;    // L50 of the 14-day whole-body resistance load (assumed =
                                        // strength's)
  double half_dose = 3.0;           // half-effect daily dose (activity-weighted BDNF action + OC,
                                    // min; assumed)
  double osteocalcin_weight = 0.5;  // OC dose per BDNF dose unit (assumed; Oury 2013)
  double tau_days = 28.0;           // (assumed: elevated levels persist weeks, fade after stopping)
  double loss_per_year_ng_ml = 0.1;  // (assumed; serum BDNF falls slowly with age, Erickson et
                                     // al. 2010, J Neurosci 30:5368)
};

struct HippocampusParams {
  // Ageing: r(age) = max(0, r70 + s · (age − 70)) per year (docs/research/chronic_structures.md
  // 7p).
  double ageing_loss_at_70_per_year = 0.01478;    // r70, fraction per year (fitted: Erickson 2011
                                                  // stretching arm −1.4 % in a year)
  double ageing_acceleration_per_year2 = 0.0005;  // s, per year per year of age (Du et al. 2006:
                                                  // +0.05 %/y per year, ages 58–87)
  double bdnf_growth_per_year = 0.4037;  // fraction per year per unit relative BDNF gain (fitted:
                                         // Erickson 2011 walking arm +2 % in a year)
  double bbb_growth_per_year = 0.05;     // per unit BBB gain (assumed)
};

struct PrefrontalParams {
  double heavy_half_load = 0.3;  // L50 of the heavy-set load (assumed)
  double gain_max = 0.10;        // relative connectivity gain at saturation (assumed; LISA HRT)
  double tau_days = 120.0;       // (assumed)
};

struct BrainAgeParams {
  // The benefit b = −gap relaxes towards G · trainability · S(28-day load, L50), rising with
  // τ_rise and fading with τ_decay (docs/research/chronic_structures.md 7o).
  double gap_max_years = 2.2269;  // G, years younger at saturated benefit (fitted: LISA −1.4 to
                                  // −2.3 y vs control at one year, both arms)
  double benefit_half_load =
      0.01;  // L50 of the daily training load for brain age (fitted before 7o: HRT ≈ MIT)
  double rise_tau_days = 42.0;    // (assumed = chronic cognition's rise: benefits in 6–12 weeks)
  double decay_tau_days = 365.0;  // fades after training stops (= chronic cognition's decay:
                                  // Fiatarone Singh et al. 2014, still present 18 months later)
};

struct ChronicCognitionParams {
  // Training part of each gain by exercise type (docs/research/chronic_structures.md 7m):
  //   target = trainability · (X_A · S(aerobic load, L_A) + X_R · S(resistance load, L_R))
  double composite_resistance_max = 1.5603;  // SD at saturated resistance load (fitted: composite
                                             // SMD 0.71 after 12–24 weeks, Landrigan et al. 2020)
  double executive_resistance_max = 0.4348;  // SD (fitted: EF SMD 0.39, Landrigan et al. 2020)
  double composite_aerobic_max = 0.7149;     // SD at saturated aerobic load (fitted: SMD 0.24,
                                             // Northey et al. 2018's aerobic subgroup)
  double executive_aerobic_max = 0.1992;     // SD (derived: composite_aerobic_max × the resistance
                                             // fit's executive/composite ratio, assumed)
  double aerobic_half_load = 1.453;          // L50 of the 14-day aerobic load (assumed = VO2max's)
  double resistance_half_load = 0.3;         // L50 of the 14-day whole-body resistance load
                                             // (assumed = strength's)
  double rise_tau_days = 42.0;               // benefits appear in 6–12 weeks (seed 000)
  double decay_tau_days = 365.0;  // and outlast training (Fiatarone Singh et al. 2014, J Am Med
                                  // Dir Assoc 15:873: still present 18 months later)
  double composite_per_hippocampus = 10.0;  // SD per unit relative hippocampal volume (assumed)
  double executive_per_prefrontal = 1.0;    // SD per unit relative connectivity (assumed)
  double working_memory_max = 0.45;         // SD from dual-task training at saturation (fitted:
                                            // WM SMD 0.44 with cognitive training, 2022 review)
  double dual_task_half_minutes = 5.0;      // L50 of daily dual-task minutes (assumed)
  double working_memory_tau_days = 60.0;    // (assumed)
};

struct MoodParams {
  double per_bdnf_gain = -2.0;       // SD per unit relative resting-BDNF gain (assumed)
  double per_il6_reduction = -0.5;   // SD per unit relative IL-6 reduction (assumed)
  double training_max = -0.11;       // SD from regular training at saturation (behavioural
                                     // activation, self-efficacy; fitted: SMD −0.38, Setayesh
                                     // & Mohammad Rahimi 2023)
  double training_half_load = 0.03;  // L50 of the 28-day daily training load (assumed)
};

struct InflammationParams {
  double reduction_max = 0.2;  // relative resting IL-6 fall at saturation (assumed from
                               // Fischer 2006 and Nicklas et al. 2008, Brain Behav Immun 22:1043)
  double half_load = 0.3;      // L50 of the 28-day daily training load (assumed)
  double tau_days = 90.0;      // (assumed)
  double rise_per_year_pg_ml = 0.02;  // with age (Ferrucci 2005; as SubjectNorms)
};

struct CortisolReactivityParams {
  double reduction_max = 0.3;  // relative fall of the exercise HPA response (assumed, Hackney 2006)
  // L50 of the 28-day daily exercise HPA dose: minutes × the fraction of the way from the HPA
  // threshold to VO2max (hpa.hpp). Assumed: 10 drive-min before the drive became multiplicative,
  // when the drive was 17 × that fraction; the same dose, 10/17 min.
  double half_dose = 0.59;
  double tau_days = 60.0;  // (assumed)
};

struct BbbParams {
  double loss_per_year = 0.003;  // integrity lost per year after 40 (assumed; Montagne et al.
                                 // 2015, Neuron 85:296: hippocampal BBB breakdown with age)
  double loss_onset_years = 40.0;
  double gain_max = 0.03;   // integrity gained at saturation of the VEGF dose (assumed)
  double half_dose = 20.0;  // L50 of the 14-day daily VEGF dose, min (assumed)
  double tau_days = 60.0;   // (assumed)
};

struct ChronicParams {
  TrainingAdaptationParams training;
  RestingBdnfParams bdnf;
  HippocampusParams hippocampus;
  PrefrontalParams prefrontal;
  BrainAgeParams brain_age;
  ChronicCognitionParams cognition;
  MoodParams mood;
  InflammationParams inflammation;
  CortisolReactivityParams cortisol;
  BbbParams bbb;
};

// Every field of each chronic struct with its unit, valid range (ValidRange, conventions in
// parameter_range.hpp) and source, for `brainload describe` and parameter overrides:
// visit(name, value, unit, range, source) with value a double& (const double& for a const
// struct). "load" is the daily training load of daily_dose.hpp (dimensionless); a new field
// needs a line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, TrainingAdaptationParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("fitness_tau_days", p.fitness_tau_days, "d", ValidRange{7.0, 120.0},
        "Banister τ1 (Performance Manager Chart CTL window; Clarke & Skiba 2013)");
  visit("fatigue_tau_days", p.fatigue_tau_days, "d", ValidRange{1.0, 30.0},
        "Banister τ2 (Performance Manager Chart ATL window; Clarke & Skiba 2013)");
  visit("fatigue_gain", p.fatigue_gain, "1", ValidRange{0.0, 5.0},
        "assumed: Banister k2 = 1 load unit per load unit");
  visit("load_window_days", p.load_window_days, "d", ValidRange{1.0, 90.0},
        "assumed: EWMA window of resistance and aerobic loads");
  visit("strength_neural_max", p.strength_neural_max, "1", ValidRange{0.0, 0.5},
        "fitted: neural gain at saturation of a muscle group, 1.316 × strength_muscle_max (the "
        "ratio from Seynnes et al. 2007, J Appl Physiol 102:368: MVC +38.9 %, CSA +7 % after 35 "
        "days), the scale to Peterson et al. 2010's leg press +29 % (validation/fits/"
        "fit_strength.py)");
  visit("strength_neural_tau_days", p.strength_neural_tau_days, "d", ValidRange{3.0, 90.0},
        "rise of the neural part: Sale 1988 (Med Sci Sports Exerc 20:S135)");
  visit("strength_neural_off_tau_days", p.strength_neural_off_tau_days, "d",
        ValidRange{3.0, 7305.0},
        "fitted: fall of the neural part once its target drops (retained motor learning), to "
        "Smith et al. 2003's leg press 3 years after 2 years of training, +14 % against "
        "control's −9.7 % (Can J Appl Physiol 28:462; validation/fits/fit_strength_retention.py); "
        "the fit ran to its upper bound, 20 years, and the target still reads +0.11 against "
        "+0.237");
  visit("strength_muscle_max", p.strength_muscle_max, "1", ValidRange{0.0, 1.0},
        "fitted: structural gain at saturation of a muscle group, with strength_neural_max, so "
        "that Peterson et al. 2010's leg press gains +29 % after 26 weeks (Ageing Res Rev "
        "9:226; validation/fits/fit_strength.py)");
  visit("strength_muscle_tau_days", p.strength_muscle_tau_days, "d", ValidRange{14.0, 730.0},
        "assumed: hypertrophy over months; consistent with Seynnes et al. 2007's CSA at days 20 "
        "and 35 and with the loss of muscle size after training stops in older adults (Grgic "
        "2022, Int J Environ Res Public Health 19:14048)");
  visit("resistance_half_load", p.resistance_half_load, "1", ValidRange{0.01, 10.0},
        "assumed: L50 of a muscle group's 14-day daily load; 3 heavy sessions a week ≈ 1.2 × "
        "L50");
  visit("vo2max_gain_max", p.vo2max_gain_max, "1", ValidRange{0.0, 2.0},
        "assumed: relative VO2max gain at saturation for trainability 1, at the bound of "
        "docs/research/chronic_structures.md sections 7f-7g (individual responses reach 'up to "
        "100 %', Bouchard & Rankinen 2001, Med Sci Sports Exerc 33(6 Suppl):S446); the "
        "unconstrained fit to HERITAGE and DREW wanted no ceiling (was 0.35, the trained-to-"
        "untrained norm ratio)");
  visit("vo2max_tau_days", p.vo2max_tau_days, "d", ValidRange{7.0, 365.0},
        "assumed; detraining losses over 4–12 weeks (Mujika & Padilla 2000, Sports Med 30:79)");
  visit("aerobic_half_load", p.aerobic_half_load, "1", ValidRange{0.01, 10.0},
        "fitted: L50 of the 14-day aerobic load, weighted least squares on HERITAGE's +17 % in 20 "
        "weeks (Bouchard et al. 1999, J Appl Physiol 87:1003) and DREW's +4.2/6.0/8.2 % at 4/8/12 "
        "kcal/kg/week (Church et al. 2007, JAMA 297:2081) with the ceiling at 1 "
        "(validation/fits/fit_vo2max_dose.py)");
  visit("vo2max_loss_at_30_per_year", p.vo2max_loss_at_30_per_year, "1/y", ValidRange{0.0, 0.03},
        "fitted: r30 of the ageing rate r(age) = r30·e^((age − 30)/A), with A to Fleg et al. 2005 "
        "(Circulation 112:674): 4.5 % per decade in the 20s-30s and 20.5 % in the 70s "
        "(validation/fits/fit_vo2max_ageing.py)");
  visit("vo2max_loss_efold_years", p.vo2max_loss_efold_years, "y", ValidRange{5.0, 200.0},
        "fitted: A, years over which the VO2max ageing rate rises e-fold (with r30, to Fleg et al. "
        "2005's 20s-30s and 70s decades)");
  visit("long_window_days", p.long_window_days, "d", ValidRange{7.0, 120.0},
        "assumed: a month, the EWMA window of the training-load and HPA averages that drive the "
        "brain and mood pathways");
  visit("strength_loss_at_70_per_year", p.strength_loss_at_70_per_year, "1/y", ValidRange{0.0, 0.1},
        "fitted: r70 of the strength ageing rate r(age) = r70·e^((age − 70)/A) of the untrained "
        "base, with A, by equal-weight least squares to Goodpaster et al. 2006 (J Gerontol A "
        "61:1059: 3.275 %/y from 70-79) and Hughes et al. 2001 (J Gerontol A 56:B209: 14 % per "
        "decade from 46-78), which no (r70, A) meets both (validation/fits/fit_strength_ageing.py; "
        "docs/research/chronic_structures.md section 7l)");
  visit(
      "strength_loss_efold_years", p.strength_loss_efold_years, "y", ValidRange{2.0, 500.0},
      "fitted: A, years over which the strength ageing rate rises e-fold (with r70, to Goodpaster "
      "et al. 2006 and Hughes et al. 2001); steep, so the rate above 80 is an extrapolation no "
      "target tests");
  visit("lactate_threshold_per_fitness_gain", p.lactate_threshold_per_fitness_gain, "1",
        ValidRange{0.0, 2.0},
        "assumed: lactate-threshold rise per unit relative VO2max gain (Faude et al. 2009, Sports "
        "Med 39:469: training moves both)");
  visit("lactate_threshold_max_frac", p.lactate_threshold_max_frac, "1", ValidRange{0.6, 0.95},
        "ceiling of the trained lactate threshold, fraction of VO2max (Faude et al. 2009: ≈ "
        "80–90 % in elite endurance athletes)");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, RestingBdnfParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 1.0},
        "relative rise at saturation of the acute-dose route (activity-weighted serum BDNF and "
        "osteocalcin); fitted before issue 14 to Setayesh & Mohammad Rahimi 2023 through the "
        "resistance sessions' acute dose, kept since for the aerobic and impact dose, which no "
        "target sets (docs/research/chronic_structures.md 7n)");
  visit("resistance_gain_max", p.resistance_gain_max, "1", ValidRange{0.0, 1.0},
        "fitted: phenomenological resistance-training route, +0.73 ng/mL after 16 weeks in adults "
        "≥ 60 (Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23; Dinoff et al. 2016 found no "
        "resistance effect; validation/fits/fit_bdnf_resistance.py)");
  visit("resistance_half_load", p.resistance_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.resistance_half_load: L50 of the 14-day whole-body resistance load");
  visit("half_dose", p.half_dose, "min", ValidRange{0.01, 100.0},
        "assumed: half-effect daily dose (activity-weighted BDNF action + osteocalcin)");
  visit("osteocalcin_weight", p.osteocalcin_weight, "1", ValidRange{0.0, 5.0},
        "assumed: osteocalcin dose per BDNF dose unit (Oury 2013)");
  visit("tau_days", p.tau_days, "d", ValidRange{1.0, 365.0},
        "assumed: elevated levels persist weeks, fade after stopping");
  visit("loss_per_year_ng_ml", p.loss_per_year_ng_ml, "ng/mL/y", ValidRange{0.0, 1.0},
        "assumed; serum BDNF falls slowly with age (Erickson et al. 2010, J Neurosci 30:5368)");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, HippocampusParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("ageing_loss_at_70_per_year", p.ageing_loss_at_70_per_year, "1/y", ValidRange{0.0, 0.05},
        "fitted: annual atrophy rate at 70, so that Erickson et al. 2011 (PNAS 108:3017)'s "
        "stretching arm (55–80 y) loses 1.4 % in a year (validation/fits/fit_hippocampus.py)");
  visit("ageing_acceleration_per_year2", p.ageing_acceleration_per_year2, "1/y²",
        ValidRange{0.0, 0.005},
        "the annual atrophy rate rises 0.05 ± 0.02 %/y per year of age (Du et al. 2006, Neurobiol "
        "Aging 27:733: 42 cognitively normal adults aged 58–87); rate floored at 0");
  visit("bdnf_growth_per_year", p.bdnf_growth_per_year, "1/y", ValidRange{0.0, 2.0},
        "fitted: Erickson et al. 2011's walking arm +2 % in a year; per unit relative resting-BDNF "
        "gain (validation/fits/fit_hippocampus.py)");
  visit("bbb_growth_per_year", p.bbb_growth_per_year, "1/y", ValidRange{0.0, 1.0},
        "assumed: per unit blood-brain-barrier integrity gain");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, PrefrontalParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("heavy_half_load", p.heavy_half_load, "1", ValidRange{0.01, 10.0},
        "assumed: L50 of the heavy-set load");
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 0.5},
        "assumed: relative connectivity gain at saturation (LISA HRT)");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BrainAgeParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("gap_max_years", p.gap_max_years, "y", ValidRange{0.0, 20.0},
        "fitted: years younger at saturated benefit, LISA −1.4 to −2.3 y vs control at one year "
        "in both arms (Gonzalez-Gomez et al. 2026, GeroScience; validation/fits/"
        "fit_brain_age.py)");
  visit("benefit_half_load", p.benefit_half_load, "1", ValidRange{0.0001, 1.0},
        "fitted before section 7o: L50 of the daily training load for brain age (HRT ≈ MIT)");
  visit("rise_tau_days", p.rise_tau_days, "d", ValidRange{1.0, 730.0},
        "assumed: equal to chronic cognition's rise (benefits appear in 6–12 weeks, seed 000)");
  visit("decay_tau_days", p.decay_tau_days, "d", ValidRange{7.0, 3650.0},
        "equal to chronic cognition's decay (assumed): cognitive benefits of resistance training "
        "still present 18 months after it ended (Fiatarone Singh et al. 2014, J Am Med Dir Assoc "
        "15:873)");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ChronicCognitionParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("composite_resistance_max", p.composite_resistance_max, "SD", ValidRange{0.0, 3.0},
        "fitted: composite SMD 0.71 after 12–24 weeks of resistance training (Landrigan et al. "
        "2020, Psychol Res 84:1167; validation/fits/fit_cognition_type.py)");
  visit("executive_resistance_max", p.executive_resistance_max, "SD", ValidRange{0.0, 3.0},
        "fitted: executive function SMD 0.39 after resistance training (Landrigan et al. 2020)");
  visit("composite_aerobic_max", p.composite_aerobic_max, "SD", ValidRange{0.0, 3.0},
        "fitted: composite SMD 0.24 for aerobic exercise in adults over 50 (Northey et al. 2018, "
        "Br J Sports Med 52:154, aerobic subgroup; docs/research/chronic_structures.md 7m)");
  visit("executive_aerobic_max", p.executive_aerobic_max, "SD", ValidRange{0.0, 3.0},
        "derived: composite_aerobic_max × executive_resistance_max / composite_resistance_max "
        "(assumed: the same domain split for both exercise types)");
  visit("aerobic_half_load", p.aerobic_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.aerobic_half_load: the cognitive benefit follows the aerobic dose that "
        "raises VO2max (Northey et al. 2018: benefits with 45–60 min sessions at moderate or "
        "vigorous intensity)");
  visit("resistance_half_load", p.resistance_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.resistance_half_load: L50 of the 14-day whole-body resistance load "
        "(the mean of the lower- and upper-body loads)");
  visit("rise_tau_days", p.rise_tau_days, "d", ValidRange{1.0, 365.0},
        "benefits appear in 6–12 weeks (seed 000)");
  visit("decay_tau_days", p.decay_tau_days, "d", ValidRange{7.0, 3650.0},
        "benefits outlast training (Fiatarone Singh et al. 2014, J Am Med Dir Assoc 15:873: still "
        "present 18 months later)");
  visit("composite_per_hippocampus", p.composite_per_hippocampus, "SD", ValidRange{0.0, 50.0},
        "assumed: per unit relative hippocampal volume");
  visit("executive_per_prefrontal", p.executive_per_prefrontal, "SD", ValidRange{0.0, 10.0},
        "assumed: per unit relative prefrontal connectivity");
  visit("working_memory_max", p.working_memory_max, "SD", ValidRange{0.0, 3.0},
        "fitted: working-memory SMD 0.44 with cognitive training (2022 review); from dual-task "
        "training at saturation");
  visit("dual_task_half_minutes", p.dual_task_half_minutes, "min", ValidRange{0.1, 120.0},
        "assumed: L50 of daily dual-task minutes");
  visit("working_memory_tau_days", p.working_memory_tau_days, "d", ValidRange{1.0, 365.0},
        "assumed");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, MoodParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("per_bdnf_gain", p.per_bdnf_gain, "SD", ValidRange{-10.0, 0.0},
        "assumed: per unit relative resting-BDNF gain (negative: fewer symptoms)");
  visit("per_il6_reduction", p.per_il6_reduction, "SD", ValidRange{-5.0, 0.0},
        "assumed: per unit relative IL-6 reduction");
  visit("training_max", p.training_max, "SD", ValidRange{-2.0, 0.0},
        "fitted: SMD −0.38 (Setayesh & Mohammad Rahimi 2023); behavioural activation and "
        "self-efficacy of regular training at saturation");
  visit("training_half_load", p.training_half_load, "1", ValidRange{0.001, 1.0},
        "assumed: L50 of the 28-day daily training load");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, InflammationParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("reduction_max", p.reduction_max, "1", ValidRange{0.0, 0.9},
        "assumed from Fischer 2006 and Nicklas et al. 2008 (Brain Behav Immun 22:1043): relative "
        "resting IL-6 fall at saturation");
  visit("half_load", p.half_load, "1", ValidRange{0.01, 10.0},
        "assumed: L50 of the 28-day daily training load");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
  visit("rise_per_year_pg_ml", p.rise_per_year_pg_ml, "pg/mL/y", ValidRange{0.0, 0.2},
        "with age (Ferrucci et al. 2005, Blood 105:2294; as subject_norms.il6_per_year_pg_ml)");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CortisolReactivityParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("reduction_max", p.reduction_max, "1", ValidRange{0.0, 0.9},
        "assumed: relative fall of the exercise HPA response (Hackney 2006)");
  visit("half_dose", p.half_dose, "min", ValidRange{0.01, 1000.0},
        "assumed: L50 of the 28-day daily exercise HPA dose (minutes × fraction of the way from "
        "the HPA threshold to VO2max)");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BbbParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("loss_per_year", p.loss_per_year, "1/y", ValidRange{0.0, 0.05},
        "assumed: integrity lost per year after the onset age (Montagne et al. 2015, Neuron "
        "85:296: hippocampal BBB breakdown with age)");
  visit("loss_onset_years", p.loss_onset_years, "y", ValidRange{20.0, 90.0}, "assumed");
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 0.5},
        "assumed: integrity gained at saturation of the VEGF dose");
  visit("half_dose", p.half_dose, "min", ValidRange{0.1, 1000.0},
        "assumed: L50 of the 14-day daily VEGF dose");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

// Every chronic parameter with its group: visit(group, name, value, unit, range, source). The
// groups are named after the structs (not the ChronicParams members) so that none repeats an
// acute group: training, resting_bdnf, hippocampus, prefrontal, brain_age, chronic_cognition,
// mood, inflammation, cortisol_reactivity, bbb.
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ChronicParams>
void visit_parameters(P& p, Visitor&& visit) {
  const auto in = [&visit](std::string_view group) {
    return [&visit, group](std::string_view name, auto& value, std::string_view unit,
                           ValidRange range, std::string_view source) {
      visit(group, name, value, unit, range, source);
    };
  };
  visit_parameters(p.training, in("training"));
  visit_parameters(p.bdnf, in("resting_bdnf"));
  visit_parameters(p.hippocampus, in("hippocampus"));
  visit_parameters(p.prefrontal, in("prefrontal"));
  visit_parameters(p.brain_age, in("brain_age"));
  visit_parameters(p.cognition, in("chronic_cognition"));
  visit_parameters(p.mood, in("mood"));
  visit_parameters(p.inflammation, in("inflammation"));
  visit_parameters(p.cortisol, in("cortisol_reactivity"));
  visit_parameters(p.bbb, in("bbb"));
}

// Saturating dose response L / (L50 + L).
[[nodiscard]] double saturating(double load, double half_load);
// Exact one-step relaxation of y towards target with time constant tau (same units as dt).
[[nodiscard]] double relax(double y, double target, double tau, double dt);
// The same, with one time constant on the way up and another on the way down (gains that come
// and go at different rates: cognition, the neural part of strength).
[[nodiscard]] double relax_up_down(double y, double target, double tau_up, double tau_down,
                                   double dt);

// r(age): the relative strength ageing rate of the untrained base at this age, 1/y (section 7l).
[[nodiscard]] double strength_ageing_rate_per_year(const TrainingAdaptationParams& p,
                                                   double age_years);
// r(age): the relative VO2max ageing rate of the untrained base at this age, 1/y.
[[nodiscard]] double vo2max_ageing_rate_per_year(const TrainingAdaptationParams& p,
                                                 double age_years);
// r(age): the relative hippocampal atrophy rate at this age, 1/y (section 7p).
[[nodiscard]] double hippocampal_ageing_rate_per_year(const HippocampusParams& p, double age_years);
void step_training_adaptation(const TrainingAdaptationParams& p, const DailyDose& dose,
                              double trainability, ChronicState& s);
void step_resting_bdnf(const RestingBdnfParams& p, double trainability, ChronicState& s);
void step_hippocampus(const HippocampusParams& p, ChronicState& s);
void step_prefrontal(const PrefrontalParams& p, double trainability, ChronicState& s);
void step_brain_age(const BrainAgeParams& p, double trainability, ChronicState& s);
void step_chronic_cognition(const ChronicCognitionParams& p, double trainability, ChronicState& s);
void step_mood(const MoodParams& p, ChronicState& s);
void step_inflammation(const InflammationParams& p, double trainability, ChronicState& s);
void step_cortisol_reactivity(const CortisolReactivityParams& p, ChronicState& s);
void step_bbb(const BbbParams& p, ChronicState& s);

// One whole day: loads are folded into their averages, then every pathway steps, then age.
void step_chronic_day(const ChronicParams& p, const DailyDose& dose, double trainability,
                      ChronicState& s);

// What the chronic state hands back to the acute layer for the next day.
[[nodiscard]] Subject acute_subject(const TrainingAdaptationParams& p, const Subject& baseline,
                                    const ChronicState& s);

}  // namespace brainload
