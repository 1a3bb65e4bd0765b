#include "brainload/model/lactate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace brainload {

namespace {

// Free ADP of the oxidative relation alone, f1(u) = x: u² = Ks1·x/(1 − x), for 0 < x < 1. Shared by
// glycolytic_activation and the balance's starting point, which must agree to the bit.
double oxidative_adp(const LactateParams& p, double x) {
  const double ks1 = p.adp_ks1_mmol_kg * p.adp_ks1_mmol_kg;
  return std::sqrt(ks1 * x / (1.0 - x));
}

}  // namespace

double glycolytic_activation(const LactateParams& p, double muscle_intensity_frac) {
  const double x = muscle_intensity_frac;
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double adp = oxidative_adp(p, x);
  const double adp3 = adp * adp * adp;
  const double ks2 = p.adp_ks2_mmol_kg * p.adp_ks2_mmol_kg * p.adp_ks2_mmol_kg;
  return adp3 / (ks2 + adp3);
}

double glycolytic_ph_factor(const LactateParams& p, double muscle_mmol_l, double activation) {
  const double ph = p.ph_rest - (muscle_mmol_l - p.rest_mmol_l) / p.buffer_mmol_l_per_ph +
                    p.pcr_alkalinisation_ph * activation;
  return 1.0 / (1.0 + std::pow(10.0, 3.0 * (p.ph_half_inhibition - ph)));
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Glycolysis at full activation and pH factor 1 (mmol/L of lactate space per min).
double peak_production(const LactateParams& p, const LactateInputs& in) {
  return p.vlamax_mmol_l_s * 60.0 * in.vlamax_rel * (in.muscle_mass_frac / p.mass_ref_frac);
}

// Lactate oxidised by working and resting muscle at the blood level b (mmol/L per min).
double oxidative_removal(const LactateParams& p, const LactateInputs& in, double b) {
  const double w = std::clamp(in.work_vo2max_frac, 0.0, 1.0);
  const double vo2 =
      p.vo2_rest_ml_kg_min + w * std::max(0.0, in.vo2max_ml_kg_min - p.vo2_rest_ml_kg_min);
  const double per_vo2 = in.removal_rel * p.o2_lactate_mmol_per_ml / p.space_l_per_kg;
  return per_vo2 * vo2 * b * b / (p.removal_km2_mmol2_l2 + b * b);
}

}  // namespace

double glycolytic_capacity_ratio(const LactateParams& p, const LactateInputs& in) {
  if (in.vo2max_ml_kg_min <= 0.0) return 0.0;
  return p.glycolytic_atp_per_lactate * peak_production(p, in) * p.space_l_per_kg /
         (p.oxidative_atp_mmol_per_ml_o2 * in.vo2max_ml_kg_min);
}

double balanced_activation(const LactateParams& p, const LactateInputs& in, double muscle_mmol_l,
                           double blood_mmol_l) {
  if (in.muscle_intensity_frac <= 0.0 || in.muscle_mass_frac <= 0.0) return 0.0;
  if (in.all_out) return 1.0;
  const double demand =
      in.muscle_intensity_frac + std::max(0.0, in.slow_ml_kg_min) / in.vo2max_ml_kg_min;
  const double r = glycolytic_capacity_ratio(p, in);
  // Net lactate formation alone adds ATP: the glycolytic ATP of oxidised pyruvate is in c_O2.
  const double r_ox =
      oxidative_removal(p, in, std::max(blood_mmol_l, 0.0)) / peak_production(p, in);
  if (1.0 + r * std::max(0.0, glycolytic_ph_factor(p, muscle_mmol_l, 1.0) - r_ox) <= demand) {
    return 1.0;
  }
  const double ks1 = p.adp_ks1_mmol_kg * p.adp_ks1_mmol_kg;
  const double ks2 = p.adp_ks2_mmol_kg * p.adp_ks2_mmol_kg * p.adp_ks2_mmol_kg;
  // The root is found in free ADP u, where the balance has no fractional power:
  //   g(u) = f1(u) + R·max(0, a(u)·h(a(u)) − r_ox) − x_d,   a(u) = u³/(Ks2 + u³),
  //   h(a) = 1/(1 + E(a)),  E(a) = 10^(3·(pH_½ − pH_m(a))) = exp(3·ln10·(pH_½ − pH_m(a))),
  // pH_m linear in a (glycolytic_ph_factor), so dh/da = 3·ln10·ΔpH_PCr·h·(1 − h) and
  //   g'(u) = 2·Ks1·u/(Ks1 + u²)² + [net > 0]·R·(h + a·dh/da)·3·Ks2·u²/(Ks2 + u³)².
  // g increases with u (a does), so its root is bracketed by the activations [lo, hi] at which
  // g < 0 and g > 0, and Newton's method is kept inside that bracket with a bisection step in a
  // wherever Newton's would leave it (the safeguarded Newton of Press et al., Numerical Recipes,
  // "rtsafe"; g is smooth but where net formation starts, a kink inside the bracket). It replaced
  // regula falsi in a, which needed two pow() calls an evaluation and 8-10 evaluations a root;
  // this needs one exp() and 4-6 (the model's innermost loop: docs/reliability.md, forty-seventh
  // session). Our own rather than Boost.Math's newton_raphson_iterate because STYLE.md keeps Boost
  // out of model/ (tests/layout_check.cmake enforces it).
  const double ph_without_pcr =
      p.ph_rest - (muscle_mmol_l - p.rest_mmol_l) / p.buffer_mmol_l_per_ph;
  const double ph_exponent = 3.0 * std::numbers::ln10;  // 10^(3·Δ) = exp(3·ln10·Δ)
  struct Point {
    double u, a, gap, slope;
  };
  const auto at = [&](double u) {
    const double u2 = u * u;
    const double u3 = u2 * u;
    Point pt{u, u3 / (ks2 + u3), 0.0, 0.0};
    const double h = 1.0 / (1.0 + std::exp(ph_exponent * (p.ph_half_inhibition - ph_without_pcr -
                                                          p.pcr_alkalinisation_ph * pt.a)));
    const double net = pt.a * h - r_ox;
    pt.gap = u2 / (ks1 + u2) + r * std::max(0.0, net) - demand;
    pt.slope = 2.0 * ks1 * u / ((ks1 + u2) * (ks1 + u2));
    if (net > 0.0) {
      const double da_du = 3.0 * ks2 * u2 / ((ks2 + u3) * (ks2 + u3));
      pt.slope += r * (h + pt.a * ph_exponent * p.pcr_alkalinisation_ph * h * (1.0 - h)) * da_du;
    }
    return pt;
  };
  const auto adp_of = [&](double a) { return std::cbrt(ks2 * a / (1.0 - a)); };
  // The root lies below the activation of the oxidative relation alone (where f1 = demand and
  // glycolysis adds to it; the ADP of glycolytic_activation), or below 1 when the demand is at or
  // above the aerobic maximum.
  Point x = at(demand < 1.0 ? oxidative_adp(p, demand) : adp_of(1.0 - 1e-12));
  if (x.gap <= 0.0) return x.a;
  // Newton's steps, at most kNewtonSteps of them (4-6 are taken: docs/reliability.md, forty-
  // seventh session); after that only bisection, which halves the bracket every step, so the loop
  // ends within about 50 more steps whatever the input (in place of rtsafe's progress test).
  constexpr int kNewtonSteps = 12;
  constexpr int kMaxIterations = 200;
  constexpr double kTolerance = 1e-14;  // in a, which lies in [0, 1]
  double lo = 0.0;
  double hi = x.a;
  for (int k = 0; k < kMaxIterations && hi - lo > kTolerance; ++k) {
    double a = kNaN;
    const double u = x.u - x.gap / x.slope;
    if (k < kNewtonSteps && u > 0.0) {
      const double u3 = u * u * u;
      a = u3 / (ks2 + u3);
    }
    // Newton's step is the error left, to first order (from the left of the kink where net
    // formation starts it oversteps, so the test stays on the safe side there).
    if (std::fabs(a - x.a) <= kTolerance) return a;
    x = a > lo && a < hi ? at(u) : at(adp_of(0.5 * (lo + hi)));  // NaN fails both tests
    if (x.gap == 0.0) return x.a;
    (x.gap < 0.0 ? lo : hi) = x.a;
  }
  return x.a;
}

double lactate_production(const LactateParams& p, const LactateInputs& in, double muscle_mmol_l,
                          double blood_mmol_l) {
  const double a = balanced_activation(p, in, muscle_mmol_l, blood_mmol_l);
  if (a <= 0.0 || in.muscle_mass_frac <= 0.0) return 0.0;
  return peak_production(p, in) * a * glycolytic_ph_factor(p, muscle_mmol_l, a);
}

double lactate_net_removal(const LactateParams& p, const LactateInputs& in, double blood_mmol_l) {
  const double per_vo2 = in.removal_rel * p.o2_lactate_mmol_per_ml / p.space_l_per_kg;
  const double k = p.removal_km2_mmol2_l2;
  const double r = p.rest_mmol_l;
  const double oxidation = oxidative_removal(p, in, std::max(blood_mmol_l, 0.0));
  const double resting_production = per_vo2 * p.vo2_rest_ml_kg_min * r * r / (k + r * r);
  return oxidation - resting_production + p.passive_clearance_per_min * (blood_mmol_l - r);
}

LactateRates lactate_rates(const LactateParams& p, const LactateInputs& in, double gradient_mmol_l,
                           double blood_mmol_l, double brain_mmol_l) {
  const double phi = p.muscle_space_frac;
  const double production = lactate_production(p, in, blood_mmol_l + gradient_mmol_l, blood_mmol_l);
  const double exchange = p.exchange_per_min * gradient_mmol_l;  // per L of muscle water
  const double b = std::max(blood_mmol_l, 0.0);
  const double br = std::max(brain_mmol_l, 0.0);
  const double transport = p.brain_transport_mmol_l_per_min *
                           (b / (p.brain_km_mmol_l + b) - br / (p.brain_km_mmol_l + br));
  return {production / phi - exchange / (1.0 - phi),
          exchange * phi / (1.0 - phi) - lactate_net_removal(p, in, blood_mmol_l),
          transport + p.brain_oxidation_per_min * (p.brain_rest_mmol_l - brain_mmol_l)};
}

}  // namespace brainload
