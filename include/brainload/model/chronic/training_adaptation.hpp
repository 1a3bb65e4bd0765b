// Training adaptation: Banister fitness and fatigue, the strength of the lower and the upper
// body, and VO2max. Each gain relaxes towards a target its own load sets (relaxation.hpp;
// S(L) = L / (L50 + L), T = trainability, a day's step Δt = 1/365.25 y for the ageing terms), on
// an untrained base that ages.
//
// Fitness and fatigue (Banister impulse–response, exact for the daily training load w):
//   g(d+1) = g(d) · e^(−1/τ1) + w          h(d+1) = h(d) · e^(−1/τ2) + k2 · w
// Strength of each muscle group (lower, upper body) from its own muscles' 14-day load L̄ (7i):
//   D      = T · S(L̄, L50)
//   neural → N_max · D         rising with τ_N ≈ 3 weeks, falling with τ_N,off (7k)
//   muscle → M_max · D         τ_M ≈ 4 months, both ways
//   a      ← a + r_s(age) · (1 − a) · Δt   ageing takes the same fraction from both groups (7l)
//   1RM    = max(0.1, 1 + neural + muscle − a)         (relative to baseline; 0.1 a guard)
//   r_s(age) = r70 · e^((age − 70)/A_s): 0.17 %/y at 60, 0.97 at 70, 5.7 at 80
// VO2max, from the 14-day aerobic load Ā (7b, 7f–7g):
//   f      → G · T · S(Ā, L50_A)         τ_V
//   V_base ← V_base · (1 − r_V(age) · Δt)        VO2max = V_base · (1 + f)
//   r_V(age) = r30 · e^((age − 30)/A_V): 0.3 %/y at 25, 1.35 at 65, 2.8 at 85
// The lactate threshold and clearance of the next day's acute layer rise with f (acute_subject,
// chronic_pathways.hpp).
//
// Sources: Banister's τ1, τ2 as the Performance Manager Chart's CTL/ATL windows (Clarke & Skiba
// 2013, Adv Physiol Educ 37:134); early gains neural, later structural (Sale 1988, Med Sci Sports
// Exerc 20:S135); the strength maxima fitted to Seynnes et al. 2007 (J Appl Physiol 102:368) and
// Peterson et al. 2010 (Ageing Res Rev 9:226), the neural off-time to Smith et al. 2003 (Can J
// Appl Physiol 28:462); strength ageing to Goodpaster et al. 2006 (J Gerontol A 61:1059) and
// Hughes et al. 2001 (J Gerontol A 56:B209); VO2max ageing to Fleg et al. 2005 (Circulation
// 112:674: an accelerating longitudinal decline, 3–6 % per decade in the 20s–30s, > 20 % in the
// 70s); the aerobic dose to HERITAGE (Bouchard et al. 1999, J Appl Physiol 87:1003) and DREW
// (Church et al. 2007, JAMA 297:2081). Sections 7b–7l of docs/research/chronic_structures.md;
// the fits in validation/fits/ (fit_strength.py, fit_strength_retention.py,
// fit_strength_ageing.py, fit_vo2max_ageing.py, fit_vo2max_dose.py).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic/daily_dose.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

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
  double strength_neural_off_tau_days = 565.0;  // fall (chronic_structures.md 7t; fitted to
                                                // Taaffe & Marcus 1997 and Trappe et al. 2002;
                                                // 581 before Trappe's 3 x 10, protocol audit)
  double strength_muscle_max = 0.3229;          // structural gain at saturation (fitted)
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
  double strength_loss_at_70_per_year = 0.009744;  // r70, fraction per year at 70 y (fitted)
  double strength_loss_efold_years = 5.64;         // A, years per e-fold rise of the rate (fitted)
  // Relative rise of the lactate threshold (fraction of VO2max) per unit relative VO2max gain,
  // LT = LT₀·(1 + m·g) (derived: Davis et al. 1979, J Appl Physiol 46:1039, threshold +15 % as a
  // fraction of VO2max with VO2max +25 %: 0.152/0.25; chronic_structures.md section 7w).
  double lactate_threshold_per_fitness_gain = 0.61;
  double lactate_threshold_max_frac = 0.85;  // ceiling of the trained lactate threshold (Faude et
                                             // al. 2009: ≈ 80–90 % VO2max in elite endurance)
  // Fall of resting heart rate per unit relative VO2max gain, HR_rest = HR_rest,0 − k·g (derived:
  // HERITAGE, −2.6 bpm with VO2max +17.7 % in 253 adults, Wilmore et al. 1996, Med Sci Sports
  // Exerc 28:829: 2.6/0.177; chronic_structures.md section 7y).
  double resting_hr_per_fitness_gain_bpm = 14.7;
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
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
        "fitted: fall of the neural part once its target drops (retained motor learning), least "
        "squares to the retained fractions of two detraining studies in older men, 70.1 % of a "
        "24-week gain after 12 weeks off (Taaffe & Marcus 1997, Clin Physiol 17:311) and 66.7 % "
        "of a 12-week gain after 6 months (Trappe et al. 2002, J Gerontol A 57:B138); "
        "validation/fits/fit_strength_retention.py, chronic_structures.md 7t (was 7305 d, the "
        "bound of a fit to Smith et al. 2003's contrast, which no value reaches; 581 d until "
        "Trappe et al.'s sessions took their 3 x 10, docs/research/catalogue_protocol_audit.md)");
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
        "derived: relative rise of the lactate threshold (fraction of VO2max) per unit relative "
        "VO2max gain, LT = LT0·(1 + m·g): 9 weeks of cycling raised the gas-exchange threshold "
        "15 % as a fraction of VO2max while VO2max rose 25 % (Davis, Frank, Whipp & Wasserman "
        "1979, J Appl Physiol 46:1039), m = 0.152/0.25; training above the threshold can raise it "
        "without any VO2max gain, which this form does not carry (chronic_structures.md 7w)");
  visit("lactate_threshold_max_frac", p.lactate_threshold_max_frac, "1", ValidRange{0.6, 0.95},
        "ceiling of the trained lactate threshold, fraction of VO2max (Faude et al. 2009: ≈ "
        "80–90 % in elite endurance athletes)");
  visit("resting_hr_per_fitness_gain_bpm", p.resting_hr_per_fitness_gain_bpm, "bpm",
        ValidRange{0.0, 100.0},
        "derived: fall of resting heart rate per unit relative VO2max gain, HR_rest = HR_rest0 − "
        "k·g: HERITAGE's −2.6 bpm with VO2max +17.7 % in 253 adults after 20 weeks (Wilmore et al. "
        "1996, Med Sci Sports Exerc 28:829), k = 2.6/0.177; 12 months of jogging gave −9 bpm with "
        "+16 % (Scharhag-Rosenberger et al. 2009), which this k does not meet "
        "(chronic_structures.md 7y)");
}

// r(age): the relative strength ageing rate of the untrained base at this age, 1/y (section 7l).
[[nodiscard]] double strength_ageing_rate_per_year(const TrainingAdaptationParams& p,
                                                   double age_years);
// r(age): the relative VO2max ageing rate of the untrained base at this age, 1/y.
[[nodiscard]] double vo2max_ageing_rate_per_year(const TrainingAdaptationParams& p,
                                                 double age_years);
void step_training_adaptation(const TrainingAdaptationParams& p, const DailyDose& dose,
                              double trainability, ChronicState& s);

}  // namespace brainload
