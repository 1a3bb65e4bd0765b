// Whole-body (pulmonary) oxygen uptake: primary on/off kinetics, the slow component above the
// lactate threshold, which leaves with the primary component after work, and the prolonged
// component of the excess post-exercise uptake (EPOC), hours long.
//
//   D   = max(VO2_rest, min(x, 1) · VO2max)          demand, mL/kg/min (x = work_vo2max_frac)
//   τp  = max(τ_floor, (τ25 + a·(age − 25)) · exp(−k·(LT − LT_ref)))   primary τ, on and off
//   dV/dt = (D − V) / τp                             primary (phase II)
//   Δ   = max(0, x − LT)                             work above the lactate threshold
//   dR/dt = (Δ − R) / τr                             recruitment above the threshold
//   S*  = min(g · VO2max · min(R, Δ), max(0, VO2max − D))   slow component, capped at VO2max
//   dS/dt = (S* − S) / τs    τs = τ_sc while S* > S, τp once it falls
//   σ   = σ0 · exp(b · (min(x, 1) − LT))             prolonged share of the net exercise O2
//   dE/dt = (σ · (D − VO2_rest) − E) / τ_E           prolonged component (EPOC), hours
//   VO2 = min(V + S + E·[x = 0], max(V, VO2max))     the observable vo2_ml_kg_min
//
// Structure: the three-phase description of VO2 kinetics with a delayed slow component above the
// lactate threshold (Barstow & Molé 1991, J Appl Physiol 71:2099; Poole & Jones 2012, Compr
// Physiol 2:933). Phase I (the cardiodynamic phase, ≈ 15–20 s) is left out: V rises from the
// first second with the phase II time constant. The slow component's delay (≈ 90–120 s) comes
// from the recruitment lag R in front of it, a two-stage cascade instead of a dead time. On and
// off primary kinetics share τp below the threshold (Özyener et al. 2000, Exp Physiol 85:339:
// gain and time constant do not differ between on- and off-transients). On the way up the slow
// component follows the recruitment R (its delay); on the way down it follows the work itself
// (min(R, Δ): Δ ≥ R during a steady or rising effort, so the on-kinetics are R's) and falls with
// the primary τp, so the off-transient after heavy work is mono-exponential, as Özyener,
// Rossiter, Ward & Whipp 2001 (J Physiol 533:891) measured (τ off 42 ± 11 s against τ1 on 32 s).
// Özyener et al. 2000's small, slow off-component did not depend on how large the slow phase
// had been, so it is not the slow component's own decay. The excess post-exercise uptake has a
// rapid part (the primary and slow components leaving, minutes) and a prolonged part of hours
// (Børsheim & Bahr 2003, Sports Med 33:1037), E: a share σ of the net exercise O2, filled during
// work and emptied with τ_E, so its 12-h integral grows linearly with duration (Bahr et al. 1987,
// J Appl Physiol 62:485, at 70 % VO2max) and exponentially with intensity (Børsheim & Bahr 2003;
// 7.1 % of the net O2 after 70 % VO2max and 13.8 % after 105 % in runners, LaForgia et al. 1997,
// J Appl Physiol 82:661, which gives b). Intensity is read against the lactate threshold, so the
// trained have a smaller share at the same % VO2max (assumed form). E stands for what the sources
// ascribe the prolonged EPOC to (triglyceride-fatty acid cycling, temperature, substrate shifts),
// none of which is a state here. It fills during work but shows in the uptake only once work has
// stopped ([x = 0]: EPOC is by definition the excess after exercise, and during moderate work the
// uptake reaches a steady state within minutes, Poole & Jones 2012). The rapid part of tens of
// minutes that seated studies see is not modelled (docs/research/vo2_off_kinetics.md, its EPOC
// sections; the form replaced a threshold at the lactate threshold that missed four held-out
// targets).
// τp by age and fitness: Murias et al. 2010 (J Appl Physiol 108:913) young 34 ± 8 s, older
// 43 ± 10 s; George et al. 2018 (Front Physiol 9:277): trained men much faster (14.8 s) at any
// age. Fitness enters through the lactate threshold, the Subject's marker of muscle oxidative
// capacity.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/drive.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"

namespace brainload {

struct OxygenUptakeParams {
  // min; phase II τ at 25 y for an untrained lactate threshold. Fitted: Murias et al. 2010
  // (J Appl Physiol 108:913) untrained men, 34 s at 23 y and 43 s at 68 y → 34.4 s at 25 y.
  double primary_tau_min = 0.5733;
  // min per year; the same two groups: (43 − 34) s / (68 − 23) y = 0.2 s/y (fitted).
  double primary_ageing_min_per_year = 0.003333;
  // 1 per unit of lactate-threshold fraction; τ shortens by exp(−k·(LT − LT_ref)). Fitted to
  // George et al. 2018 (Front Physiol 9:277) young endurance-trained men, 14.8 s at 30 y with the
  // trained threshold 0.72: k = ln(35.4 / 14.8) / 0.17.
  double primary_fitness_exponent = 5.13;
  // fraction of VO2max; the untrained lactate threshold of subject_norms (Faude et al. 2009,
  // Sports Med 39:469), where the fitness term is 1 (derived).
  double lt_reference_frac = 0.55;
  // min; floor for τp: the fastest phase II τ reported in elite endurance athletes is ≈ 14 s
  // (Ingham et al. 2007, Med Sci Sports Exerc 39(5), Olympic rowers 13.9 s); 9 s assumed.
  double primary_tau_floor_min = 0.15;
  // min; lag of the recruitment in front of the slow component: the slow component's mean delay,
  // 105 ± 46 s (Barstow & Molé 1991, J Appl Physiol 71:2099; derived).
  double slow_recruit_tau_min = 1.75;
  // min; rise of the slow component once recruited: it develops over minutes (assumed).
  double slow_tau_min = 3.0;
  // 1; slow-component amplitude per unit of intensity above the threshold, × VO2max. Fitted to
  // Burnley, Doust & Jones 2006 (J Appl Physiol 101:1320): 0.44 L/min in 6 min of heavy cycling.
  double slow_gain = 1.28;
  // 1; σ0, the prolonged component's share of the net exercise O2 at the lactate threshold.
  // Fitted: Bahr et al. 1987's 80 min at 70 % VO2max, 12-h uptake 14.4 % above a control day's
  // (validation/fits/fit_epoc.py).
  double prolonged_share_at_threshold = 0.1508;
  // 1 per unit of VO2max fraction; b. Derived: LaForgia et al. 1997 (J Appl Physiol 82:661), EPOC
  // 7.1 and 13.8 % of the net O2 cost after 70 % and 105 % VO2max (read at the cap 1.0):
  // ln(13.8 / 7.1) / 0.30.
  double prolonged_share_exponent = 2.216;
  // min; τ_E. Derived: Chad & Wenger 1988 (Can J Sport Sci 13:204), uptake back at rest 128, 204
  // and 455 min after 30, 45 and 60 min at 70 % imply τ = 188 and 472 min under an exponential
  // decay from a start proportional to duration; 300 min is their geometric mean.
  double prolonged_tau_min = 300.0;
};

template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, OxygenUptakeParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("primary_tau_min", p.primary_tau_min, "min", ValidRange{0.1, 2.0},
        "fitted: Murias et al. 2010 (J Appl Physiol 108:913), untrained men 34 s at 23 y, 43 s at "
        "68 y → 34.4 s at 25 y");
  visit("primary_ageing_min_per_year", p.primary_ageing_min_per_year, "min/y",
        ValidRange{0.0, 0.02}, "fitted: the same two groups, 0.2 s per year");
  visit("primary_fitness_exponent", p.primary_fitness_exponent, "1", ValidRange{0.0, 15.0},
        "fitted: George et al. 2018 (Front Physiol 9:277), endurance-trained young men 14.8 s at "
        "the trained lactate threshold 0.72");
  visit("lt_reference_frac", p.lt_reference_frac, "1", ValidRange{0.3, 0.9},
        "derived: the untrained lactate threshold of subject_norms (Faude et al. 2009, Sports Med "
        "39:469)");
  visit("primary_tau_floor_min", p.primary_tau_floor_min, "min", ValidRange{0.05, 0.5},
        "assumed: fastest reported phase II tau ≈ 14 s (Ingham et al. 2007, Med Sci Sports "
        "Exerc 39(5)); floor 9 s");
  visit("slow_recruit_tau_min", p.slow_recruit_tau_min, "min", ValidRange{0.2, 10.0},
        "derived: slow-component delay 105 ± 46 s (Barstow & Molé 1991, J Appl Physiol 71:2099)");
  visit("slow_tau_min", p.slow_tau_min, "min", ValidRange{0.5, 20.0},
        "assumed: the slow component develops over minutes once recruited");
  visit("slow_gain", p.slow_gain, "1", ValidRange{0.0, 5.0},
        "fitted: Burnley, Doust & Jones 2006 (J Appl Physiol 101:1320), slow component 0.44 L/min "
        "in 6 min of heavy cycling");
  visit("prolonged_share_at_threshold", p.prolonged_share_at_threshold, "1", ValidRange{0.0, 1.0},
        "fitted: Bahr et al. 1987 (J Appl Physiol 62:485), 12-h uptake in bed 14.4 % above a "
        "control day's after 80 min at 70 % VO2max (validation/fits/fit_epoc.py)");
  visit("prolonged_share_exponent", p.prolonged_share_exponent, "1", ValidRange{0.0, 10.0},
        "derived: LaForgia et al. 1997 (J Appl Physiol 82:661), EPOC 7.1 and 13.8 % of the net "
        "O2 cost after 70 and 105 % VO2max: ln(13.8/7.1)/(1.0 - 0.70)");
  visit("prolonged_tau_min", p.prolonged_tau_min, "min", ValidRange{30.0, 1440.0},
        "derived: Chad & Wenger 1988 (Can J Sport Sci 13:204), return to rest 128, 204 and 455 "
        "min after 30, 45 and 60 min at 70 % VO2max: tau 188 and 472 min, geometric mean 300");
}

// Oxygen demand of the current activity, mL/kg/min (never below resting uptake).
[[nodiscard]] double vo2_demand_ml_kg_min(const Subject& s, const Drive& d);

// Actual uptake from the primary, slow and prolonged states, mL/kg/min: their sum, but never above
// VO2max (unless the primary part alone is: it follows a demand capped at VO2max, so only by
// rounding). The prolonged state counts only while the drive does no work (d.work_vo2max_frac = 0).
// The slow component's target is capped at VO2max − demand, but when the demand rises step by step
// (a graded test) the slow state left from the stages before falls to its new cap with the primary
// time constant, so for a while V + S would exceed VO2max, which by definition it cannot.
[[nodiscard]] double total_uptake_ml_kg_min(const Subject& s, const Drive& d,
                                            double primary_ml_kg_min, double slow_ml_kg_min,
                                            double prolonged_ml_kg_min);

// Phase II time constant of this subject, min.
[[nodiscard]] double primary_tau_min(const OxygenUptakeParams& p, const Subject& s);

struct OxygenUptakeRates {
  double primary_per_min;    // mL/kg/min per min
  double recruit_per_min;    // fraction of VO2max per min
  double slow_per_min;       // mL/kg/min per min
  double prolonged_per_min;  // mL/kg/min per min
};

[[nodiscard]] OxygenUptakeRates oxygen_uptake_rates(const OxygenUptakeParams& p, const Subject& s,
                                                    const Drive& d, double primary_ml_kg_min,
                                                    double recruit_frac, double slow_ml_kg_min,
                                                    double prolonged_ml_kg_min);

}  // namespace brainload
