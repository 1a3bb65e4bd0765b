#include "brainload/model/lactate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace brainload {
namespace {

// One stretch of constant exercise: minutes, muscle intensity, muscle mass, oxygen demand, and
// whether it is an all-out bout.
struct Stretch {
  double minutes;
  double intensity;
  double mass;
  double work;
  bool all_out = false;
};

struct Person {
  double vo2max = 42.0;
  double vlamax_rel = 1.0;
  double removal_rel = 1.0;
};

struct Sample {
  double t;
  double blood;
  double production;
};

// Forward Euler at 0.5 s: the pathway alone, from rest.
std::vector<Sample> simulate(const LactateParams& p, const Person& who,
                             const std::vector<Stretch>& stretches) {
  constexpr double kDt = 0.5 / 60.0;
  double gradient = 0.0;
  double blood = p.rest_mmol_l;
  double t = 0.0;
  std::vector<Sample> out;
  for (const Stretch& s : stretches) {
    const LactateInputs in{s.intensity,    s.mass,          s.work, who.vo2max,
                           who.vlamax_rel, who.removal_rel, 0.0,    s.all_out};
    const auto steps = static_cast<int>(std::lround(s.minutes / kDt));
    for (int k = 0; k < steps; ++k) {
      const double production = lactate_production(p, in, blood + gradient, blood);
      const auto r = lactate_rates(p, in, gradient, blood, p.brain_rest_mmol_l);
      gradient += kDt * r.gradient_per_min;
      blood += kDt * r.blood_per_min;
      t += kDt;
      out.push_back({t, blood, production});
    }
  }
  return out;
}

double peak_blood(const std::vector<Sample>& s) {
  return std::ranges::max_element(s, {}, &Sample::blood)->blood;
}

double blood_at(const std::vector<Sample>& s, double t) {
  return std::ranges::min_element(s, {}, [t](const Sample& x) { return std::abs(x.t - t); })->blood;
}

constexpr double kCycleMass = 0.45;

TEST(Lactate, RestIsSteady) {
  const LactateParams p;
  const LactateInputs rest{};
  const auto r = lactate_rates(p, rest, 0.0, p.rest_mmol_l, p.brain_rest_mmol_l);
  EXPECT_NEAR(r.gradient_per_min, 0.0, 1e-12);
  EXPECT_NEAR(r.blood_per_min, 0.0, 1e-12);
  EXPECT_NEAR(r.brain_per_min, 0.0, 1e-12);
}

TEST(Lactate, GlycolysisIsActivatedByAdpFromNothingAtRestToFullAtVo2max) {
  const LactateParams p;
  EXPECT_EQ(glycolytic_activation(p, 0.0), 0.0);
  EXPECT_LT(glycolytic_activation(p, 0.5), 0.05);
  EXPECT_LT(glycolytic_activation(p, 0.7), glycolytic_activation(p, 0.9));
  EXPECT_EQ(glycolytic_activation(p, 2.5), 1.0);
  // Mader's Hill kinetics: ADP² = Ks1·x/(1 − x), a = ADP³/(Ks2 + ADP³); at x = 0.8,
  // ADP = 0.035·2 = 0.07 mmol/kg and a = 0.07³/(0.15³ + 0.07³).
  EXPECT_NEAR(glycolytic_activation(p, 0.8), 0.000343 / (0.003375 + 0.000343), 1e-9);
}

// Mader's net ATP balance: oxidative phosphorylation and net lactate formation together meet the
// demand, f1(u) + R·max(0, a·h − r_ox) = x (lactate.hpp); below the maximal lactate steady state
// (no net formation) the activation is the oxidative relation's.
TEST(Lactate, ActivationMeetsTheAtpDemandWithOxidativeSupplyAndNetLactateFormation) {
  const LactateParams p;
  const double ks1 = p.adp_ks1_mmol_kg * p.adp_ks1_mmol_kg;
  const double ks2 = std::pow(p.adp_ks2_mmol_kg, 3.0);
  for (const double x : {0.6, 0.8, 0.97, 1.2}) {
    LactateInputs in{};
    in.muscle_intensity_frac = x;
    in.work_vo2max_frac = std::min(x, 1.0);
    in.muscle_mass_frac = kCycleMass;
    const double muscle = 4.0;
    const double blood = 2.0;
    const double a = balanced_activation(p, in, muscle, blood);
    const double u2 = std::pow(ks2 * a / (1.0 - a), 2.0 / 3.0);
    const double vo2 = 3.5 + in.work_vo2max_frac * (42.0 - 3.5);
    const double r_ox = p.o2_lactate_mmol_per_ml / p.space_l_per_kg * vo2 * blood * blood /
                        (p.removal_km2_mmol2_l2 + blood * blood) /
                        (p.vlamax_mmol_l_s * 60.0 * kCycleMass / p.mass_ref_frac);
    const double net = std::max(0.0, a * glycolytic_ph_factor(p, muscle, a) - r_ox);
    EXPECT_NEAR(u2 / (ks1 + u2) + glycolytic_capacity_ratio(p, in) * net, x, 1e-9) << "x " << x;
    if (x < 1.0) EXPECT_LT(a, glycolytic_activation(p, x)) << "x " << x;
  }
  // Light work with lactate cleared faster than glycolysis makes it: no net formation, the
  // activation of the oxidative relation alone.
  LactateInputs light{};
  light.muscle_intensity_frac = 0.3;
  light.work_vo2max_frac = 0.3;
  light.muscle_mass_frac = kCycleMass;
  EXPECT_NEAR(balanced_activation(p, light, 1.0, 1.0), glycolytic_activation(p, 0.3), 1e-9);
  // R = 1.4 × 0.97 × 60 × 0.4 × (0.45/0.5) / (0.233 × 42) ≈ 3.0 for the untrained cyclist.
  LactateInputs cyclist{};
  cyclist.muscle_mass_frac = kCycleMass;
  EXPECT_NEAR(glycolytic_capacity_ratio(p, cyclist), 1.4 * 0.97 * 60.0 * 0.4 * 0.9 / (0.233 * 42.0),
              1e-12);
}

// The balance's root by the solver (safeguarded Newton, lactate.cpp) against plain bisection on
// the balance written out from the public functions, over the states a simulation can reach:
// intensity from light to ten times the VO2max load, muscle lactate from none to beyond a
// sprint's, blood lactate, the slow component, glycolytic capacity, working mass, VO2max and
// removal capacity (35,640 states). Bisection to 1e-15 is slow but cannot miss. What this cannot
// see is the solver's speed (a wrong slope in Newton's step would still reach the root, by
// bisection); the evaluation counts are in docs/reliability.md (forty-seventh session).
TEST(Lactate, BalanceRootAgreesWithBisectionOverTheStatesASimulationReaches) {
  const LactateParams p;
  const double ks1 = p.adp_ks1_mmol_kg * p.adp_ks1_mmol_kg;
  const double ks2 = std::pow(p.adp_ks2_mmol_kg, 3.0);
  int solved = 0;
  int states = 0;
  for (const double x : {0.05, 0.35, 0.6, 0.75, 0.85, 0.95, 0.999999, 1.0, 1.1, 1.6, 10.0})
    for (const double muscle : {0.0, 1.0, 4.0, 12.0, 25.0, 40.0})
      for (const double blood : {0.0, 0.8, 3.0, 10.0, 30.0})
        for (const double slow : {0.0, 4.0})
          for (const double vlamax_rel : {0.3, 1.0, 2.0})
            for (const double mass : {0.05, kCycleMass, 0.9})
              for (const double vo2max : {15.0, 42.0, 85.0})
                for (const double removal_rel : {1.0, 2.0}) {
                  ++states;
                  LactateInputs in{};
                  in.muscle_intensity_frac = x;
                  in.work_vo2max_frac = std::min(x, 1.0);
                  in.muscle_mass_frac = mass;
                  in.slow_ml_kg_min = slow;
                  in.vlamax_rel = vlamax_rel;
                  in.vo2max_ml_kg_min = vo2max;
                  in.removal_rel = removal_rel;
                  const double demand = x + slow / vo2max;
                  const double r = glycolytic_capacity_ratio(p, in);
                  const double vo2 = 3.5 + in.work_vo2max_frac * (vo2max - 3.5);
                  const double r_ox =
                      removal_rel * p.o2_lactate_mmol_per_ml / p.space_l_per_kg * vo2 * blood *
                      blood / (p.removal_km2_mmol2_l2 + blood * blood) /
                      (p.vlamax_mmol_l_s * 60.0 * vlamax_rel * mass / p.mass_ref_frac);
                  const auto balance = [&](double a) {
                    const double u2 = std::pow(ks2 * a / (1.0 - a), 2.0 / 3.0);
                    return u2 / (ks1 + u2) +
                           r * std::max(0.0, a * glycolytic_ph_factor(p, muscle, a) - r_ox) -
                           demand;
                  };
                  const double a = balanced_activation(p, in, muscle, blood);
                  const std::string where =
                      "x " + std::to_string(x) + " muscle " + std::to_string(muscle) + " blood " +
                      std::to_string(blood) + " slow " + std::to_string(slow) + " vlamax_rel " +
                      std::to_string(vlamax_rel) + " mass " + std::to_string(mass) + " vo2max " +
                      std::to_string(vo2max) + " removal " + std::to_string(removal_rel);
                  ASSERT_TRUE(std::isfinite(a)) << where;
                  if (1.0 + r * std::max(0.0, glycolytic_ph_factor(p, muscle, 1.0) - r_ox) <=
                      demand) {
                    EXPECT_EQ(a, 1.0) << where;  // beyond the largest supply
                    continue;
                  }
                  double lo = 0.0;
                  double hi = demand < 1.0 ? glycolytic_activation(p, demand) : 1.0 - 1e-12;
                  if (balance(hi) <= 0.0) {  // no net formation (to rounding): the oxidative root
                    EXPECT_NEAR(a, hi, 1e-12) << where;
                    continue;
                  }
                  while (hi - lo > 1e-15) {
                    (balance(0.5 * (lo + hi)) < 0.0 ? lo : hi) = 0.5 * (lo + hi);
                  }
                  EXPECT_NEAR(a, 0.5 * (lo + hi), 1e-12) << where;
                  ++solved;
                }
  EXPECT_EQ(states, 35640);
  EXPECT_GT(solved, states / 3);  // a good part of the grid needs the root itself
}

TEST(Lactate, BalanceLeavesLightWorkAloneAndBoundsGlycolysisNearVo2max) {
  const LactateParams p;
  LactateInputs in{};
  in.muscle_mass_frac = kCycleMass;
  in.muscle_intensity_frac = 0.3;
  EXPECT_GT(balanced_activation(p, in, 1.0, 1.0), 0.9 * glycolytic_activation(p, 0.3));
  // At 0.97 of the VO2max load the oxidative relation alone runs glycolysis at 0.70 of vlamax;
  // the balance at a fraction of that (muscle glycogen use at 100 % VO2max: 0.14 of a sprint's).
  in.muscle_intensity_frac = 0.97;
  in.work_vo2max_frac = 0.97;
  EXPECT_LT(balanced_activation(p, in, 1.0, 1.0), 0.2);
  // The slow component adds to the demand; an all-out bout runs at vlamax; rest at nothing.
  const double without = balanced_activation(p, in, 1.0, 1.0);
  in.slow_ml_kg_min = 3.0;
  EXPECT_GT(balanced_activation(p, in, 1.0, 1.0), without);
  in.all_out = true;
  EXPECT_EQ(balanced_activation(p, in, 1.0, 1.0), 1.0);
  EXPECT_EQ(balanced_activation(p, LactateInputs{}, 1.0, 1.0), 0.0);
  // A demand beyond the largest supply (1 + R·h) runs glycolysis at its maximum too.
  LactateInputs beyond{};
  beyond.muscle_mass_frac = kCycleMass;
  beyond.muscle_intensity_frac = 10.0;
  EXPECT_EQ(balanced_activation(p, beyond, 1.0, 1.0), 1.0);
}

TEST(Lactate, SprintGlycolysisPeaksEarlyAndFallsWithAcidosis) {
  const LactateParams p;
  const auto s = simulate(p, {}, {{0.5, 2.5, kCycleMass, 1.0, true}});
  const double first = s.front().production;
  const double at_25s = s[49].production;
  EXPECT_GT(first, 2.0 * at_25s) << "glycolysis at 0.5 s " << first << ", at 25 s " << at_25s;
  // A 10 s sprint makes more than a third of a 30 s sprint's lactate (front-loaded).
  const auto ten =
      simulate(p, {}, {{10.0 / 60.0, 2.5, kCycleMass, 1.0, true}, {30.0, 0.0, 0.0, 0.0}});
  const auto thirty = simulate(p, {}, {{0.5, 2.5, kCycleMass, 1.0, true}, {30.0, 0.0, 0.0, 0.0}});
  const double rise10 = peak_blood(ten) - p.rest_mmol_l;
  const double rise30 = peak_blood(thirty) - p.rest_mmol_l;
  EXPECT_GT(rise10, 0.4 * rise30) << rise10 << " vs " << rise30;
}

TEST(Lactate, MaximalLactateSteadyStateSettlesBetween2And6) {
  const LactateParams p;
  // Recreationally active: VO2max 48 ml/kg/min, vlamax ×0.9, removal ×1.15 (subject_norms).
  const Person active{48.3, 0.9, 1.15};
  const auto s = simulate(p, active, {{30.0, 0.71, kCycleMass, 0.71}});
  const double at20 = blood_at(s, 20.0);
  const double at30 = blood_at(s, 30.0);
  EXPECT_GT(at30, 2.0);
  EXPECT_LT(at30, 6.0);
  EXPECT_LT((at30 - at20) / 10.0, 0.05) << "no steady state: " << at20 << " → " << at30;
}

TEST(Lactate, GradedTestEndsAbove8) {
  const LactateParams p;
  const Person trained{56.7, 0.8, 1.4};
  std::vector<Stretch> ramp;
  for (int k = 0; k < 16; ++k) {
    const double x = (40.0 + 20.0 * k) / 340.0;
    ramp.push_back({1.0, x, kCycleMass, x});
  }
  ramp.push_back({5.0, 0.0, 0.0, 0.0});
  EXPECT_GT(peak_blood(simulate(p, trained, ramp)), 8.0);
}

TEST(Lactate, TrainedAndUntrainedSprintDifferLittleAndTrainedMakeLess) {
  const LactateParams p;
  const std::vector<Stretch> wingate{{0.5, 2.5, kCycleMass, 1.0, true}, {3.0, 0.0, 0.0, 0.0}};
  const double untrained = blood_at(simulate(p, {35.0, 1.0, 1.0}, wingate), 3.5);
  const double trained = blood_at(simulate(p, {47.3, 0.8, 1.4}, wingate), 3.5);
  // Endurance training lowers vlamax and raises removal: less lactate, not 6 mmol/L more.
  EXPECT_LT(trained, untrained);
  EXPECT_GT(trained, untrained - 3.0);
}

TEST(Lactate, ActiveRecoveryAndTrainingClearFaster) {
  const LactateParams p;
  const LactateInputs passive_in{};
  LactateInputs active_in{};
  active_in.work_vo2max_frac = 0.4;
  LactateInputs trained_in{};
  trained_in.removal_rel = 1.4;
  const double passive = lactate_rates(p, passive_in, 0.0, 10.0, 1.0).blood_per_min;
  const double active = lactate_rates(p, active_in, 0.0, 10.0, 1.0).blood_per_min;
  const double trained = lactate_rates(p, trained_in, 0.0, 10.0, 1.0).blood_per_min;
  EXPECT_LT(passive, 0.0);
  EXPECT_LT(active, 2.0 * passive);
  EXPECT_LT(trained, passive);
}

TEST(Lactate, HigherLoadsClearMoreSlowlyAsAFraction) {
  const LactateParams p;
  const LactateInputs rest{};
  const double fractional4 = -lactate_rates(p, rest, 0.0, 4.0, 1.0).blood_per_min / 3.0;
  const double fractional12 = -lactate_rates(p, rest, 0.0, 12.0, 1.0).blood_per_min / 11.0;
  EXPECT_GT(fractional4, fractional12);
}

TEST(Lactate, HighBloodLactateEntersTheBrain) {
  const LactateParams p;
  EXPECT_GT(lactate_rates(p, LactateInputs{}, 0.0, 12.0, 1.0).brain_per_min, 0.0);
}

// The brain oxidises what it takes up (van Hall et al. 2009, J Cereb Blood Flow Metab 29:1121;
// Dalsgaard et al. 2004, J Physiol 554:571): held at an arterial lactate until steady, brain
// lactate stays near rest and the net uptake of a 1.4-kg brain lies inside the 95 % CIs of van Hall
// et al.'s rest-with-infusion (3.9 mM: 0.16 ± 0.07 mmol/min, n = 6) and exercise-with-infusion (6.9
// mM: 0.28 ± 0.16) conditions. The parameters come from Boumezbeur et al. 2010 and Sokoloff 1996,
// not from these figures (docs/research/coverage_untested_observables.md).
TEST(Lactate, TheBrainOxidisesWhatItTakesUp) {
  const LactateParams p;
  const auto steady_brain = [&](double blood) {
    double brain = p.brain_rest_mmol_l;
    for (int i = 0; i < 60000; ++i) {  // 100 min in steps of 0.1 s
      brain += lactate_rates(p, LactateInputs{}, 0.0, blood, brain).brain_per_min / 600.0;
    }
    return brain;
  };
  const auto uptake_mmol_min = [&](double blood, double brain) {
    const double t = p.brain_transport_mmol_l_per_min;
    const double km = p.brain_km_mmol_l;
    return 1.4 * t * (blood / (km + blood) - brain / (km + brain));
  };
  const double ci = 2.571 / std::sqrt(6.0);
  const double brain39 = steady_brain(3.9);
  const double brain69 = steady_brain(6.9);
  EXPECT_LT(brain39, 1.3);
  EXPECT_LT(brain69, 1.4);
  EXPECT_GT(uptake_mmol_min(3.9, brain39), 0.16 - ci * 0.07);
  EXPECT_LT(uptake_mmol_min(3.9, brain39), 0.16 + ci * 0.07);
  EXPECT_GT(uptake_mmol_min(6.9, brain69), 0.28 - ci * 0.16);
  EXPECT_LT(uptake_mmol_min(6.9, brain69), 0.28 + ci * 0.16);
}

}  // namespace
}  // namespace brainload
