// Turning protocol blocks into model input: a session becomes a list of pieces of constant
// Drive (each set, each rest, each interval), for one individual.
#pragma once

#include <concepts>
#include <type_traits>
#include <vector>

#include "brainload/model/drive.hpp"
#include "brainload/model/heart_rate.hpp"
#include "brainload/model/osteocalcin.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload {

// How movement kinds map onto the Drive fields. Muscle fractions derive from Janssen et al.
// 2000 (J Appl Physiol 89:81); ground-reaction forces from Cavanagh & Lafortune 1980 (J Biomech
// 13:397, running ≈ 2.5 BW) and Keller et al. 1996 (Clin Biomech 11:253, walking ≈ 1.2 BW).
struct SessionDriveParams {
  // Supramaximal equivalent of an all-out sprint: Wingate mean power ≈ 2.3–2.7 × the power at
  // VO2max (derived from Medbo & Tabata 1989, J Appl Physiol 67:1881). Fraction of VO2max power.
  double all_out_muscle_intensity = 2.5;
  // Working-muscle intensity of a resistance set per unit of %1RM, the x of the lactate
  // pathway's ATP balance (lactate.hpp): derived so that 3 × 8 squats at 80 % 1RM raise blood
  // lactate to ≈ 5 mmol/L (4–6 after 3 × 8 heavy squats, Kraemer & Ratamess 2005, Sports Med
  // 35:339), by validation/fits/derive_resistance_intensity.py (1.0 under the earlier activation
  // from the oxidative relation alone).
  double resistance_intensity_per_load = 1.2771;
  // Whole-body VO2 during a set: base + slope × load × min(1, mass / 0.5) (assumed; large-muscle
  // lifts reach ≈ 50–60 % VO2max).
  double resistance_vo2_base = 0.15;
  double resistance_vo2_slope = 0.55;
  // Effort of a set relative to maximal: load / 0.95, so 8 reps at 80 % 1RM ≈ 0.84 (RPE ≈ 8,
  // assumed from RPE-to-%1RM tables, Helms et al. 2016, Strength Cond J 38:42).
  double resistance_max_effort_load = 0.95;
  // Jumping effort (assumed).
  double impact_effort = 0.7;
  double impact_muscle_mass_frac = 0.5;  // legs and trunk (Janssen 2000)
  double impact_compound = 0.7;          // (assumed)
  // Running cadence and force (Cavanagh & Lafortune 1980); walking (Keller 1996).
  double run_contacts_per_min = 170.0;
  double run_peak_force_bw = 2.5;
  double walk_contacts_per_min = 110.0;
  double walk_peak_force_bw = 1.2;
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` (group
// "session") and parameter overrides: visit(name, value, unit, range, source) with value a double&
// (const double& for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, SessionDriveParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("all_out_muscle_intensity", p.all_out_muscle_intensity, "1", ValidRange{1.0, 4.0},
        "derived: fraction of VO2max power; Wingate mean power ≈ 2.3–2.7 × the power at VO2max "
        "(Medbo & Tabata 1989, J Appl Physiol 67:1881)");
  visit(
      "resistance_intensity_per_load", p.resistance_intensity_per_load, "1", ValidRange{0.5, 3.0},
      "derived: with the Mader–Heck lactate production and its net ATP balance, 3 × 8 squats at 80 "
      "% 1RM give 5 mmol/L (4–6 after 3 × 8 heavy squats, Kraemer & Ratamess 2005, Sports Med "
      "35:339); validation/fits/derive_resistance_intensity.py");
  visit("resistance_vo2_base", p.resistance_vo2_base, "1", ValidRange{0.0, 0.5},
        "assumed: whole-body VO2 of a set = base + slope × load × min(1, mass / 0.5); "
        "large-muscle lifts reach ≈ 50–60 % VO2max");
  visit("resistance_vo2_slope", p.resistance_vo2_slope, "1", ValidRange{0.0, 1.0},
        "assumed: whole-body VO2 of a set = base + slope × load × min(1, mass / 0.5); "
        "large-muscle lifts reach ≈ 50–60 % VO2max");
  visit("resistance_max_effort_load", p.resistance_max_effort_load, "1", ValidRange{0.5, 1.0},
        "assumed: effort = load / 0.95, so 8 reps at 80 % 1RM ≈ 0.84 (RPE ≈ 8), from "
        "RPE-to-%1RM tables (Helms et al. 2016, Strength Cond J 38:42)");
  visit("impact_effort", p.impact_effort, "1", ValidRange{0.0, 1.0}, "assumed: jumping effort");
  visit("impact_muscle_mass_frac", p.impact_muscle_mass_frac, "1", ValidRange{0.05, 1.0},
        "legs and trunk (Janssen et al. 2000, J Appl Physiol 89:81)");
  visit("impact_compound", p.impact_compound, "1", ValidRange{0.0, 1.0}, "assumed");
  visit("run_contacts_per_min", p.run_contacts_per_min, "1/min", ValidRange{120.0, 220.0},
        "running cadence (Cavanagh & Lafortune 1980, J Biomech 13:397)");
  visit("run_peak_force_bw", p.run_peak_force_bw, "BW", ValidRange{1.5, 4.0},
        "running ≈ 2.5 BW (Cavanagh & Lafortune 1980, J Biomech 13:397)");
  visit("walk_contacts_per_min", p.walk_contacts_per_min, "1/min", ValidRange{60.0, 140.0},
        "walking cadence (Keller et al. 1996, Clin Biomech 11:253)");
  visit("walk_peak_force_bw", p.walk_peak_force_bw, "BW", ValidRange{1.0, 1.6},
        "walking ≈ 1.2 BW (Keller et al. 1996, Clin Biomech 11:253)");
}

struct Piece {
  double minutes = 0.0;
  Drive drive;
};

// The pieces of one protocol for this subject, in order; their minutes add up to
// protocol_duration_min(protocol). Passive rests are pieces with a resting Drive.
[[nodiscard]] std::vector<Piece> session_pieces(const Protocol& protocol, const Subject& subject,
                                                const SessionDriveParams& params,
                                                const OsteocalcinParams& bone,
                                                const HeartRateParams& heart);

}  // namespace brainload
