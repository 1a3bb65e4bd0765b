// Mood: depressive symptoms (SD units, lower is better) from the resting-BDNF gain, the fall of
// resting IL-6 and regular training itself, larger where symptoms were higher to begin with.
//
//   depression = f(b) · (m_B · bdnf_gain + m_I · il6_reduction + m_T · S(L̄₂₈, L50))
//   f(b)       = max(0, 1 + k_sev · b)      b: baseline symptoms, general-population SD units
// L̄₂₈ the 28-day daily training load; bdnf_gain and il6_reduction the same day's
// (resting_bdnf.hpp, inflammation.hpp). No relaxation of its own: it follows its inputs.
//
// Sources: m_T fitted to SMD −0.38 after resistance training (Setayesh & Mohammad Rahimi 2023,
// Geriatr Nurs 54:23) as the mean over seeds 1-10 with the depression test error on
// (validation/fits/fit_mood.py; docs/research/chronic_structures.md 7r), standing for behavioural
// activation and self-efficacy; m_B, m_I and L50 assumed. k_sev derived (7u): the pooled effect
// in major depression over that in non-clinical adults, 0.79/0.50 (Morres et al. 2019, Depress
// Anxiety; Rebar et al. 2015, Health Psychol Rev 9:366), spread over the 3.46 SD by which MDD
// samples sit above the general population (PHQ-9 15 against a mean of 2.9, SD 3.5: Kroenke et
// al. 2001, J Gen Intern Med 16:606; Kocalevent et al. 2013, Gen Hosp Psychiatry 35:551). In a
// general population (b ~ N(0, 1)) the mean of f is 1, so the fitted m_T holds in expectation.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct MoodParams {
  double per_bdnf_gain = -2.0;          // SD per unit relative resting-BDNF gain (assumed)
  double per_il6_reduction = -0.5;      // SD per unit relative IL-6 reduction (assumed)
  double training_max = -0.346;         // SD from regular training at saturation (behavioural
                                        // activation, self-efficacy; fitted: SMD −0.38 over ten
                                        // seeds, Setayesh & Mohammad Rahimi 2023)
  double training_half_load = 0.03;     // L50 of the 28-day daily training load (assumed)
  double severity_gain_per_sd = 0.168;  // k_sev, per SD of baseline symptoms (derived, 7u)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, MoodParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("per_bdnf_gain", p.per_bdnf_gain, "SD", ValidRange{-10.0, 0.0},
        "assumed: per unit relative resting-BDNF gain (negative: fewer symptoms)");
  visit("per_il6_reduction", p.per_il6_reduction, "SD", ValidRange{-5.0, 0.0},
        "assumed: per unit relative IL-6 reduction");
  visit("training_max", p.training_max, "SD", ValidRange{-2.0, 0.0},
        "fitted: SMD −0.38 (Setayesh & Mohammad Rahimi 2023) as the mean over seeds 1-10 with the "
        "depression test error on (validation/fits/fit_mood.py); behavioural activation and "
        "self-efficacy of regular training at saturation");
  visit("training_half_load", p.training_half_load, "1", ValidRange{0.001, 1.0},
        "assumed: L50 of the 28-day daily training load");
  visit("severity_gain_per_sd", p.severity_gain_per_sd, "1/SD", ValidRange{0.0, 2.0},
        "derived: (0.79/0.50 − 1)/3.46: the exercise effect in major depression (Morres et al. "
        "2019, Depress Anxiety, g −0.79) over that in non-clinical adults (Rebar et al. 2015, "
        "Health Psychol Rev 9:366, SMD −0.50), per SD of baseline symptoms, MDD samples taken at "
        "PHQ-9 15 (Kroenke et al. 2001) against the general population's 2.9 ± 3.5 (Kocalevent et "
        "al. 2013, Gen Hosp Psychiatry 35:551); docs/research/chronic_structures.md 7u");
}

void step_mood(const MoodParams& p, ChronicState& s);

}  // namespace brainload
