#include "brainload/schedule/session_dose.hpp"

#include <algorithm>
#include <variant>

#include "brainload/model/exercise.hpp"
#include "brainload/units.hpp"

namespace brainload {

void lay_session(const Protocol& protocol, const ScheduledSession& ss, const Subject& subject,
                 const SessionDriveParams& drive, const OsteocalcinParams& bone,
                 const HeartRateParams& heart, const SessionDoseParams& params,
                 std::vector<Segment>& pieces, DailyDose& dose) {
  double t = ss.t0_min;
  double max_effort = 0.0;
  for (const auto& piece : session_pieces(protocol, subject, drive, bone, heart)) {
    pieces.push_back({t, t + piece.minutes, piece.drive});
    t += piece.minutes;
    max_effort = std::max(max_effort, piece.drive.effort);
    dose.aerobic_load +=
        piece.minutes *
        std::max(0.0, piece.drive.work_vo2max_frac - params.aerobic_floor_vo2max_frac) *
        params.aerobic_load_per_min;
    if (piece.drive.exercising && piece.drive.cognitive_engagement > 0.0) {
      dose.dual_task_minutes += piece.minutes;
    }
  }
  dose.training_load += (ss.t1_min - ss.t0_min) * max_effort / units::kMinutesPerHour;
  for (const auto& spec : protocol.blocks) {
    const auto* r = std::get_if<ResistanceBlock>(&spec.block);
    if (r == nullptr) continue;
    const ExerciseInfo* e = find_exercise(r->exercise);
    if (e == nullptr) continue;
    const double volume = r->sets * r->reps * r->load_1rm * r->load_1rm;
    dose.lower_resistance_load += volume * e->lower_body_frac / params.group_load_normalisation;
    dose.upper_resistance_load +=
        volume * (1.0 - e->lower_body_frac) / params.group_load_normalisation;
    if (r->load_1rm >= params.heavy_load_1rm) {
      dose.heavy_resistance_load +=
          volume * e->muscle_mass_frac / params.resistance_load_normalisation;
    }
  }
  dose.sessions += 1;
}

}  // namespace brainload
