#include "brainload/model/lactate.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double glycolytic_activation(const LactateParams& p, double muscle_intensity_frac) {
  const double x = muscle_intensity_frac;
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double ks1 = p.adp_ks1_mmol_kg * p.adp_ks1_mmol_kg;
  const double adp = std::sqrt(ks1 * x / (1.0 - x));
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

// The root of a continuous, increasing f on [lo, hi] with f(lo) < 0 < f(hi): regula falsi with the
// Illinois modification (superlinear, never leaves the bracket). Our own rather than Boost.Math's
// TOMS 748 because STYLE.md keeps Boost out of model/ (tests/layout_check.cmake enforces it).
template <class F>
double bracketed_root(F&& f, double lo, double hi, double f_lo, double f_hi) {
  constexpr int kMaxIterations = 200;
  constexpr double kTolerance = 1e-14;  // in a, which lies in [0, 1]
  int side = 0;
  double x = lo;
  for (int k = 0; k < kMaxIterations && hi - lo > kTolerance; ++k) {
    x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const double fx = f(x);
    if (fx == 0.0) return x;
    if (fx < 0.0) {
      lo = x;
      f_lo = fx;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = x;
      f_hi = fx;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
  }
  return x;
}

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
  // Supply minus demand as a function of a (monotone increasing): u³ = Ks2·a/(1 − a).
  const auto gap = [&](double a) {
    const double u2 = std::pow(ks2 * a / (1.0 - a), 2.0 / 3.0);
    return u2 / (ks1 + u2) +
           r * std::max(0.0, a * glycolytic_ph_factor(p, muscle_mmol_l, a) - r_ox) - demand;
  };
  // The root lies below the activation of the oxidative relation alone (where f1 = demand and
  // glycolysis adds to it), or below 1 when the demand is at or above the aerobic maximum.
  const double upper = demand < 1.0 ? glycolytic_activation(p, demand) : 1.0 - 1e-12;
  const double g_upper = gap(upper);
  if (g_upper <= 0.0) return upper;
  return bracketed_root(gap, 0.0, upper, -demand, g_upper);
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
