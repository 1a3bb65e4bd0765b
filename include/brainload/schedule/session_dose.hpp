// A session as model input: the pieces of constant drive it lays on the timeline, and the loads
// it adds to the day's dose for the chronic layer. Both are the schedule's job (STYLE.md:
// sessions and events become inputs); the population and the trace only say who attends.
//
// For one attended session of duration T (min) made of pieces i (minutes m_i, whole-body
// intensity x_i as a fraction of VO2max, effort e_i) and resistance blocks j (sets s_j, reps r_j,
// load l_j as a fraction of 1RM, working muscle fraction f_j):
//   training load     += T · max_i e_i / 60                           (session RPE, Foster 2001)
//   aerobic load      += Σ_i m_i · max(0, x_i − x_floor) · a          (minutes above the floor)
//   group load        += Σ_j s_j · r_j · l_j² · g_j / N_g    for the lower body (g_j the exercise's
//                        lower-body share) and the upper body (g_j = 1 − that share)
//   heavy load        += Σ_j s_j · r_j · l_j² · f_j / N over sets with l_j ≥ l_heavy (whole body)
//   dual-task minutes += Σ_i m_i over pieces done with a cognitive task
// The square of the load weights heavy sets more, as strength gains grow with load (ACSM 2009
// position stand on progression models, Med Sci Sports Exerc 41:687). A group's load is its own
// volume, not scaled by its share of the body's muscle: strength adapts in the muscles worked
// (Sale 1988, Med Sci Sports Exerc 20:S135), so one knee-extension session counts for the legs
// as much as a leg-press session does (docs/research/chronic_structures.md section 7i).
#pragma once

#include <concepts>
#include <type_traits>
#include <vector>

#include "brainload/model/chronic/daily_dose.hpp"
#include "brainload/model/osteocalcin.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/schedule/session_drive.hpp"
#include "brainload/schedule/timeline.hpp"

namespace brainload {

struct SessionDoseParams {
  // Whole-body intensity below which exercise adds no aerobic load, fraction of VO2max (assumed
  // from the lower bound of moderate intensity, ≈ 40 % VO2 reserve: ACSM Guidelines 11th ed.).
  double aerobic_floor_vo2max_frac = 0.4;
  // Aerobic load per minute per unit of intensity above the floor (assumed normalisation: 30 min
  // at 70 % VO2max ≈ 0.9 load units).
  double aerobic_load_per_min = 0.1;
  // Divisor of the whole-body heavy volume Σ sets · reps · load² · muscle fraction (assumed
  // normalisation: a LISA heavy session, 3 × 6–8 at 70–85 % 1RM on four machines, ≈ 0.8 units).
  double resistance_load_normalisation = 20.0;
  // Divisor of a muscle group's volume Σ sets · reps · load² · group share (derived: a LISA heavy
  // session's two leg exercises, 2 × 3 × 8 × 0.8² = 30.7, give 0.8 units, the old anchor).
  double group_load_normalisation = 38.4;
  // Sets at or above this fraction of 1RM count as heavy (LISA HRT trained at 70–85 % 1RM:
  // Bechshøft et al. 2017, BMJ Open 7:e014233; Gonzalez-Gomez et al. 2026, GeroScience).
  double heavy_load_1rm = 0.7;
};

// Every field with its unit and source, for `brainload describe` (group "dose") and parameter
// overrides: visit(name, value, unit, range, source) with value a double& (const double& for a
// const struct) and string literals.
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, SessionDoseParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("aerobic_floor_vo2max_frac", p.aerobic_floor_vo2max_frac, "1", ValidRange{0.0, 0.9},
        "assumed: lower bound of moderate intensity, ≈ 40 % VO2 reserve (ACSM Guidelines 11th "
        "ed.)");
  visit("aerobic_load_per_min", p.aerobic_load_per_min, "1/min", ValidRange{0.0, 1.0},
        "assumed normalisation: 30 min at 70 % VO2max ≈ 0.9 load units");
  visit("resistance_load_normalisation", p.resistance_load_normalisation, "1",
        ValidRange{1.0, 200.0},
        "assumed normalisation of the whole-body heavy load: a LISA heavy session (3 × 6–8 at "
        "70–85 % 1RM) ≈ 0.8 load units");
  visit("group_load_normalisation", p.group_load_normalisation, "1", ValidRange{1.0, 400.0},
        "derived: a LISA heavy session's leg volume (leg press and leg extension, 3 × 8 at 80 % "
        "1RM: 30.7) ≈ 0.8 load units for a muscle group");
  visit("heavy_load_1rm", p.heavy_load_1rm, "1", ValidRange{0.3, 1.0},
        "LISA HRT trained at 70–85 % 1RM (Bechshøft et al. 2017, BMJ Open 7:e014233)");
}

// Lays one attended session onto `pieces` (appended in time order from ss.t0_min) and adds its
// loads to `dose` (dose.sessions counts it).
void lay_session(const Protocol& protocol, const ScheduledSession& ss, const Subject& subject,
                 const SessionDriveParams& drive, const OsteocalcinParams& bone,
                 const HeartRateParams& heart, const SessionDoseParams& params,
                 std::vector<Segment>& pieces, DailyDose& dose);

}  // namespace brainload
