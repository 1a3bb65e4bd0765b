// Hippocampal volume: grows with the resting-BDNF and blood-brain-barrier gains of training,
// shrinks with age at a rate that rises linearly with age (section 7p).
//
//   r(age)  = max(0, r70 + s · (age − 70))                    annual atrophy rate, floored at 0
//   V(d+1)  = V · (1 + (g_B · bdnf_gain + g_BBB · bbb_gain − r(age)) · Δt)     Δt = 1/365.25 y
// V is relative to baseline; bdnf_gain and bbb_gain are the same day's (resting_bdnf.hpp,
// bbb.hpp, stepped before this). The rate is 0.88 %/y at 58, 1.48 at 70, 1.98 at 80 and 0 below
// about 40.
//
// Sources: r70 fitted to the stretching arm of Erickson et al. 2011 (PNAS 108:3017: −1.4 % in a
// year, ages 55–80) and g_B to its walking arm (+2 % in a year), validation/fits/
// fit_hippocampus.py; the slope s from Du et al. 2006 (Neurobiol Aging 27:733: +0.05 %/y per year
// of age, 42 adults aged 58–87), a prior, not fitted; g_BBB assumed. Section 7p of
// docs/research/chronic_structures.md.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

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

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
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

// r(age): the relative hippocampal atrophy rate at this age, 1/y (section 7p).
[[nodiscard]] double hippocampal_ageing_rate_per_year(const HippocampusParams& p, double age_years);
void step_hippocampus(const HippocampusParams& p, ChronicState& s);

}  // namespace brainload
