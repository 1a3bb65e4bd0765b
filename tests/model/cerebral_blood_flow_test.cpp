#include "brainload/model/cerebral_blood_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

// Explicit Euler over a constant drive; step 0.1 s, well below the fastest time constant (T_D/3).
CerebralBloodFlowState run(const CerebralBloodFlowParams& p, CerebralBloodFlowState s, double work,
                           double lactate_excess, double age, double minutes,
                           double* mean_response_min = nullptr) {
  constexpr double kDt = 0.1 / 60.0;
  const double start = s.cbf_rel;
  const double steady = [&] {
    CerebralBloodFlowState e = s;
    e.delay.fill(std::clamp(work, 0.0, p.activation_cap_vo2max_frac));
    e.pressor_rel = p.pressor_gain * std::clamp(work, 0.0, p.activation_cap_vo2max_frac);
    return cerebral_blood_flow_target(p, e, work);
  }();
  double area = 0.0;  // ∫ (1 − response share) dt = mean response time of a step
  for (double t = 0.0; t < minutes; t += kDt) {
    area += (1.0 - (s.cbf_rel - start) / (steady - start)) * kDt;
    const auto r = cerebral_blood_flow_rates(p, s, work, lactate_excess, age);
    for (std::size_t k = 0; k < kCbfDelayStages; ++k) s.delay[k] += kDt * r.delay_per_min[k];
    s.cbf_rel += kDt * r.cbf_per_min;
    s.hypocapnia_mmhg += kDt * r.hypocapnia_mmhg_per_min;
    s.pressor_rel += kDt * r.pressor_per_min;
    s.hypotension_mmhg += kDt * r.hypotension_mmhg_per_min;
  }
  if (mean_response_min) *mean_response_min = area;
  return s;
}

TEST(CerebralBloodFlow, RestIsExactlyOne) {
  const CerebralBloodFlowParams p;
  const CerebralBloodFlowState rest;
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_target(p, rest, 0.0), 1.0);
  const auto r = cerebral_blood_flow_rates(p, rest, 0.0, 0.0, 25.0);
  EXPECT_DOUBLE_EQ(r.cbf_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.hypocapnia_mmhg_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.pressor_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.hypotension_mmhg_per_min, 0.0);
  for (double d : r.delay_per_min) EXPECT_DOUBLE_EQ(d, 0.0);
}

// With the pressor arm off, the rise is the delay chain followed by the vessel's lag: its mean
// response time is T_D + τ_N (the sum of the stage time constants), and almost nothing has
// happened a quarter of the way into the delay.
TEST(CerebralBloodFlow, OnsetIsDelayedAndTheMeanResponseTimeIsDelayPlusTau) {
  CerebralBloodFlowParams p;
  p.pressor_gain = 0.0;
  double mrt = 0.0;
  run(p, {}, 0.5, 0.0, 25.0, 20.0, &mrt);
  EXPECT_NEAR(mrt, p.onset_delay_min + p.tau_min, 0.005);
  const auto early = run(p, {}, 0.5, 0.0, 25.0, 0.25 * p.onset_delay_min);
  EXPECT_LT(early.cbf_rel - 1.0, 0.01 * p.activation_gain * 0.5);
}

// Below the buffering offset nothing compensates, so the steady rise is activation × pressure:
// it grows with work (no intensity bell written in).
TEST(CerebralBloodFlow, SteadyRiseWithoutAcidosisIsActivationTimesPressure) {
  const CerebralBloodFlowParams p;
  for (double x : {0.3, 0.5, 0.8}) {
    const auto s = run(p, {}, x, 0.5 * p.buffer_offset_mmol_l, 25.0, 15.0);
    EXPECT_NEAR(
        s.cbf_rel,
        (1.0 + p.activation_gain * x) * (1.0 + p.pressure_rise_sensitivity * p.pressor_gain * x),
        1e-6);
    EXPECT_NEAR(s.hypocapnia_mmhg, 0.0, 1e-12);
  }
}

// Lactate beyond the offset lowers PaCO2 by k_rc per mmol/L (1:1 bicarbonate buffering), and
// flow falls by exp(−k_CO2·ΔPaCO2) with the compensation's lag: a rise followed by a fall.
TEST(CerebralBloodFlow, LactateAcidosisLowersPaCo2AndFlowAfterALag) {
  const CerebralBloodFlowParams p;
  const double excess = 4.0;
  const auto no_acid = run(p, {}, 0.75, 0.0, 25.0, 30.0);
  const auto acid = run(p, {}, 0.75, excess, 25.0, 30.0);
  const double r = p.compensation_mmhg_per_mmol * (excess - p.buffer_offset_mmol_l);
  EXPECT_NEAR(acid.hypocapnia_mmhg, r, 1e-3);
  EXPECT_NEAR(acid.cbf_rel / no_acid.cbf_rel, std::exp(-p.co2_reactivity_per_mmhg * r), 1e-4);
  // Early on the compensation has barely begun.
  const auto early = run(p, {}, 0.75, excess, 25.0, 0.25 * p.compensation_tau_min);
  EXPECT_LT(early.hypocapnia_mmhg, 0.25 * r);
}

// The CO2 that buffering sets free: g_b = V_ECF · 22.4 / C_CO2 (2.97 mmHg per mmol/L). Lactate
// still rising in the blood at rest pushes PaCO2 up (R falls below zero); the same rise during
// work above the threshold does nothing (isocapnic buffering); below the offset nothing is
// buffered; falling lactate takes CO2 back.
TEST(CerebralBloodFlow, BufferingSetsCo2FreeOnlyWhenVentilationDoesNotMatchIt) {
  const CerebralBloodFlowParams p;
  EXPECT_NEAR(buffering_co2_gain_mmhg_per_mmol(p), 0.2 * 22.4 / 1.51, 1e-12);
  CerebralBloodFlowState s;
  const double excess = 5.0;  // beyond the offset
  s.hypocapnia_mmhg = p.compensation_mmhg_per_mmol * (excess - p.buffer_offset_mmol_l);
  const double rise = 3.0;  // mmol/L per min
  const double g = buffering_co2_gain_mmhg_per_mmol(p);
  EXPECT_NEAR(
      cerebral_blood_flow_rates(p, s, 0.0, excess, 25.0, rise, false).hypocapnia_mmhg_per_min,
      -g * rise, 1e-12);
  EXPECT_DOUBLE_EQ(
      cerebral_blood_flow_rates(p, s, 0.9, excess, 25.0, rise, true).hypocapnia_mmhg_per_min, 0.0);
  EXPECT_NEAR(
      cerebral_blood_flow_rates(p, s, 0.0, excess, 25.0, -0.5, false).hypocapnia_mmhg_per_min,
      0.5 * g, 1e-12);
  const CerebralBloodFlowState rest;
  EXPECT_DOUBLE_EQ(
      cerebral_blood_flow_rates(p, rest, 0.0, 0.5 * p.buffer_offset_mmol_l, 25.0, rise, false)
          .hypocapnia_mmhg_per_min,
      0.0);
}

// A PaCO2 above rest (R < 0) raises flow by the same exponential law.
TEST(CerebralBloodFlow, HypercapniaRaisesFlow) {
  const CerebralBloodFlowParams p;
  CerebralBloodFlowState s;
  s.hypocapnia_mmhg = -10.0;
  EXPECT_NEAR(cerebral_blood_flow_target(p, s, 0.0), std::exp(10.0 * p.co2_reactivity_per_mmhg),
              1e-12);
}

TEST(CerebralBloodFlow, AgeSlowsTheVesselAboveTwentyFive) {
  const CerebralBloodFlowParams p;
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_tau_min(p, 20.0), p.tau_min);
  // Ward et al. 2018: 31 s at 25 y, 51 s at 69 y.
  EXPECT_NEAR((cerebral_blood_flow_tau_min(p, 69.0) - cerebral_blood_flow_tau_min(p, 25.0)) * 60.0,
              20.0, 0.5);
}

// A fall of mean arterial pressure lowers flow by the static pressure-flow sensitivity (1.47 %/%):
// linear in the fall, so two sessions' hypotension adds, with no threshold written in.
TEST(CerebralBloodFlow, PostExerciseHypotensionLowersFlowByThePressureFlowSensitivity) {
  const CerebralBloodFlowParams p;
  const auto at = [&](double x, double peh) {
    CerebralBloodFlowState s;
    s.hypotension_mmhg = peh;
    return cerebral_blood_flow_target(p, s, x);
  };
  const double fall_5 = 1.0 - at(0.0, 5.0);
  EXPECT_NEAR(fall_5, p.pressure_sensitivity * 5.0 / p.map_rest_mmhg, 1e-12);
  EXPECT_NEAR(1.0 - at(0.0, 10.0), 2.0 * fall_5, 1e-12);
  EXPECT_DOUBLE_EQ(at(0.0, -3.0), 1.0);  // no rise from a negative P
  // Not expressed while working at or above the threshold; half of it halfway there.
  const double x = p.peh_threshold_vo2max_frac;
  EXPECT_DOUBLE_EQ(at(x, 5.0), at(x, 0.0));
  EXPECT_NEAR(at(0.5 * x, 0.0) - at(0.5 * x, 5.0), at(0.5 * x, 0.0) * 0.5 * fall_5, 1e-12);
}

// Hypotension builds only above its threshold and decays with τ_P.
TEST(CerebralBloodFlow, HypotensionBuildsAboveItsThresholdAndDecays) {
  const CerebralBloodFlowParams p;
  const CerebralBloodFlowState rest;
  const double above = p.peh_threshold_vo2max_frac + 0.2;
  EXPECT_NEAR(cerebral_blood_flow_rates(p, rest, above, 0.0, 25.0).hypotension_mmhg_per_min,
              0.2 * p.peh_gain_mmhg_per_min, 1e-12);
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_rates(p, rest, p.peh_threshold_vo2max_frac - 0.1, 0.0, 25.0)
                       .hypotension_mmhg_per_min,
                   0.0);
  CerebralBloodFlowState s;
  s.hypotension_mmhg = 4.0;
  EXPECT_NEAR(cerebral_blood_flow_rates(p, s, 0.0, 0.0, 25.0).hypotension_mmhg_per_min,
              -4.0 / p.peh_decay_tau_min, 1e-12);
}

}  // namespace
}  // namespace brainload
