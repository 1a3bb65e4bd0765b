// HPA axis: CRH → ACTH → cortisol with glucocorticoid-receptor feedback, a circadian drive, and
// exercise as an extra drive above an intensity threshold.
//
//   GR(c)    = 1 / (1 + (c/K)³)
//   dx1/dt   = a1 · (u · GR(x3)/GR(1) − x1)            CRH  (1 = daily mean)
//   dx2/dt   = a2 · (x1 · P · GR(x3)/GR(1) − x2)       ACTH
//   dx3/dt   = a3 · (x2 · A − x3)                       cortisol, x3 · scale = nmol/L
//   u(t)     = exp(c1·cos(ω(t − φ1)) + c2·cos(2ω(t − φ2))) / u_norm + u_ex
//   u_ex     = g_ex · reactivity · clamp((x − x_thr)/(1 − x_thr), 0, 1)
//
// The structure and the half-lives (CRH ≈ 4 min, ACTH ≈ 20 min, cortisol ≈ 80 min) are Karin et
// al. 2020 (Mol Syst Biol 16:e9510); P and A (pituitary and adrenal functional mass) are 1 here
// and move over weeks in the chronic layer. The circadian harmonics are fitted so cortisol peaks
// near 08:30 at ≈ 420 nmol/L and is lowest near midnight (textbook anchors in MODEL.md; Debono et
// al. 2009, J Clin Endocrinol Metab 94:1548). Exercise raises cortisol only above ≈ 60 % VO2max
// (Hill et al. 2008, J Endocrinol Invest 31:587).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct HpaParams {
  double crh_half_life_min = 4.0;        // Karin et al. 2020
  double acth_half_life_min = 20.0;      // Karin et al. 2020
  double cortisol_half_life_min = 80.0;  // Karin et al. 2020
  double feedback_k = 1.5;               // K in units of the daily mean (assumed)
  // Circadian harmonics, fitted (least squares in log, peak weighted ×4) to a serum profile of
  // 50 (00:00), 90 (03:00), 300 (06:00), 430 (08:30), 280 (12:00), 180 (16:00), 110 (20:00),
  // 60 (23:00) nmol/L read off Debono et al. 2009; result: peak 430 at 08:17, nadir 50 at 00:51.
  double circadian_c1 = 2.188;                // dimensionless (fitted)
  double circadian_c2 = -0.658;               // dimensionless (fitted)
  double circadian_phase1_clock_min = 529.5;  // φ1, min after midnight (fitted)
  double circadian_phase2_clock_min = 51.1;   // φ2, min after midnight (fitted)
  double circadian_norm = 1.0;                // u_norm: the fit leaves the mean of x3 at 1.01
  double cortisol_scale_nmol_l = 210.45;      // nmol/L per unit x3 (fitted: peak 430 nmol/L)
  double pituitary_mass = 1.0;                // P (chronic layer)
  double adrenal_mass = 1.0;                  // A (chronic layer)
  double exercise_gain = 17.0;  // g_ex (derived: 30 min at 60 / 80 % VO2max → +40 / +83 %,
                                // Hill et al. 2008)
  double exercise_threshold_vo2max_frac = 0.50;  // x_thr: 40 % lowers, 60 % raises (Hill 2008)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, HpaParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("crh_half_life_min", p.crh_half_life_min, "min", ValidRange{0.5, 30.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("acth_half_life_min", p.acth_half_life_min, "min", ValidRange{2.0, 60.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("cortisol_half_life_min", p.cortisol_half_life_min, "min", ValidRange{20.0, 180.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("feedback_k", p.feedback_k, "1", ValidRange{0.0, 10.0},
        "assumed: K in units of the daily mean");
  visit("circadian_c1", p.circadian_c1, "1", ValidRange{0.0, 10.0},
        "fitted to a serum cortisol profile read off Debono et al. 2009 (J Clin Endocrinol Metab "
        "94:1548)");
  visit("circadian_c2", p.circadian_c2, "1", ValidRange{-10.0, 10.0},
        "fitted to a serum cortisol profile read off Debono et al. 2009 (J Clin Endocrinol Metab "
        "94:1548)");
  visit("circadian_phase1_clock_min", p.circadian_phase1_clock_min, "min", ValidRange{0.0, 1440.0},
        "φ1, min after midnight; fitted to a serum cortisol profile read off Debono et al. 2009 "
        "(J Clin Endocrinol Metab 94:1548)");
  visit("circadian_phase2_clock_min", p.circadian_phase2_clock_min, "min", ValidRange{0.0, 1440.0},
        "φ2, min after midnight; fitted to a serum cortisol profile read off Debono et al. 2009 "
        "(J Clin Endocrinol Metab 94:1548)");
  visit("circadian_norm", p.circadian_norm, "1", ValidRange{0.1, 10.0},
        "u_norm; the circadian fit leaves the mean of x3 at 1.01");
  visit("cortisol_scale_nmol_l", p.cortisol_scale_nmol_l, "nmol/L", ValidRange{50.0, 600.0},
        "fitted: peak 430 nmol/L (Debono et al. 2009)");
  visit("pituitary_mass", p.pituitary_mass, "1", ValidRange{0.1, 10.0},
        "chronic layer: functional mass, 1 here, moves over weeks");
  visit("adrenal_mass", p.adrenal_mass, "1", ValidRange{0.1, 10.0},
        "chronic layer: functional mass, 1 here, moves over weeks");
  visit("exercise_gain", p.exercise_gain, "1", ValidRange{0.0, 100.0},
        "derived: 30 min at 60 / 80 % VO2max → +40 / +83 % (Hill et al. 2008, J Endocrinol Invest "
        "31:587)");
  visit("exercise_threshold_vo2max_frac", p.exercise_threshold_vo2max_frac, "1",
        ValidRange{0.2, 1.0}, "40 % VO2max lowers cortisol, 60 % raises it (Hill et al. 2008)");
}

struct HpaRates {
  double crh_per_min;
  double acth_per_min;
  double cortisol_per_min;  // of x3 (dimensionless)
};

[[nodiscard]] double circadian_drive(const HpaParams& p, double clock_min);
[[nodiscard]] double exercise_hpa_drive(const HpaParams& p, double work_vo2max_frac,
                                        double reactivity_rel);
[[nodiscard]] HpaRates hpa_rates(const HpaParams& p, double drive, double crh, double acth,
                                 double cortisol_rel);

}  // namespace brainload
