// Cerebral blood flow (middle-cerebral-artery velocity, 1 = rest) and cerebrovascular strain.
//
//   G(x) = exp(−((x − x_p)/w)²)
//   CBF* = (1 + a·(G(x) − G(0))/(1 − G(0)) − h·clamp(x − x_rcp, 0, x_cap − x_rcp)) · (1 − D(L))
//   D(L) = d_max · Lⁿ / (L50ⁿ + Lⁿ)
//   dCBF/dt = (CBF* − CBF) / τ
//   dL/dt   = g · max(0, x − x_strain) − L / τ_L
//
// MCAv rises ≈ 10–20 % at 60–70 % VO2max and falls back toward baseline at maximal effort as
// hyperventilation lowers PaCO2 (Ide & Secher 2000, Prog Neurobiol 61:397; Smith & Ainslie
// 2017, Exp Physiol 102:1356). L is accumulated high-intensity work (minutes at fractions of
// VO2max above x_strain) that decays over hours, standing for the post-exercise hypocapnia,
// hypotension and dehydration that keep cerebral perfusion down after hard work (Halliwill et al.
// 2013, Exp Physiol 98:7; post-exercise hypotension lasts hours). D is steep so that one hard
// session stays mostly below L50 and two in a row exceed it: seed 002's claim that back-to-back
// HIIT depresses cerebral blood flow (the size and time course are assumed, not fitted to data).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CerebralBloodFlowParams {
  double peak_rise_rel = 0.17;      // a: +17 % at the peak (Ide & Secher 2000: 10–20 %)
  double peak_vo2max_frac = 0.65;   // x_p: peak at 60–70 % VO2max (same source)
  double width_vo2max_frac = 0.33;  // w: leaves ≈ +5 % at VO2max (derived, Smith & Ainslie 2017)
  double hypocapnia_slope_per_frac = 0.15;  // h: fall per unit x above x_rcp (assumed)
  double rcp_vo2max_frac = 0.85;  // x_rcp: respiratory compensation point (assumed typical)
  double hypocapnia_cap_vo2max_frac = 1.2;     // x_cap (assumed)
  double tau_min = 0.5;                        // min; MCAv follows PaCO2 within a minute (assumed)
  double strain_threshold_vo2max_frac = 0.80;  // x_strain (assumed: near RCP)
  double strain_gain = 1.0;                    // g, per min per unit x (defines L's unit)
  double strain_decay_tau_min = 360.0;         // τ_L, min (assumed from hours-long post-exercise
                                               // hypotension, Halliwill 2013)
  double strain_half_effect = 1.0;             // L50 (assumed: one 4×4 session ≈ 1)
  double strain_hill = 4.0;                    // n (assumed: steep threshold)
  double strain_max_depression = 0.15;         // d_max: at most −15 % (assumed)
  double floor_rel = 0.5;                      // CBF* never below this (safety bound, assumed)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CerebralBloodFlowParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("peak_rise_rel", p.peak_rise_rel, "1", ValidRange{0.0, 0.5},
        "+17 % at the peak (Ide & Secher 2000, Prog Neurobiol 61:397: 10–20 %)");
  visit("peak_vo2max_frac", p.peak_vo2max_frac, "1", ValidRange{0.3, 1.0},
        "peak at 60–70 % VO2max (Ide & Secher 2000)");
  visit("width_vo2max_frac", p.width_vo2max_frac, "1", ValidRange{0.05, 1.0},
        "derived: leaves ≈ +5 % at VO2max (Smith & Ainslie 2017, Exp Physiol 102:1356)");
  visit("hypocapnia_slope_per_frac", p.hypocapnia_slope_per_frac, "1", ValidRange{0.0, 1.0},
        "assumed: fall per unit VO2max fraction above the respiratory compensation point");
  visit("rcp_vo2max_frac", p.rcp_vo2max_frac, "1", ValidRange{0.5, 1.0},
        "assumed typical: respiratory compensation point");
  visit("hypocapnia_cap_vo2max_frac", p.hypocapnia_cap_vo2max_frac, "1", ValidRange{0.5, 3.0},
        "assumed");
  visit("tau_min", p.tau_min, "min", ValidRange{0.05, 10.0},
        "assumed: MCAv follows PaCO2 within a minute");
  visit("strain_threshold_vo2max_frac", p.strain_threshold_vo2max_frac, "1", ValidRange{0.3, 1.5},
        "assumed: near the respiratory compensation point");
  visit("strain_gain", p.strain_gain, "1/min", ValidRange{0.0, 10.0},
        "definition: per min per unit VO2max fraction; defines the unit of strain L");
  visit("strain_decay_tau_min", p.strain_decay_tau_min, "min", ValidRange{10.0, 2880.0},
        "assumed from hours-long post-exercise hypotension (Halliwill et al. 2013, Exp Physiol "
        "98:7)");
  visit("strain_half_effect", p.strain_half_effect, "1", ValidRange{0.01, 100.0},
        "assumed: one 4×4 session ≈ 1");
  visit("strain_hill", p.strain_hill, "1", ValidRange{1.0, 10.0}, "assumed: steep threshold");
  visit("strain_max_depression", p.strain_max_depression, "1", ValidRange{0.0, 0.5},
        "assumed: at most −15 %");
  visit("floor_rel", p.floor_rel, "1", ValidRange{0.1, 1.0},
        "assumed: safety bound, CBF target never below this");
}

struct CerebralBloodFlowRates {
  double cbf_per_min;
  double strain_per_min;
};

[[nodiscard]] double cerebral_blood_flow_target(const CerebralBloodFlowParams& p,
                                                double work_vo2max_frac, double strain);
[[nodiscard]] CerebralBloodFlowRates cerebral_blood_flow_rates(const CerebralBloodFlowParams& p,
                                                               double work_vo2max_frac,
                                                               double cbf_rel, double strain);

}  // namespace brainload
