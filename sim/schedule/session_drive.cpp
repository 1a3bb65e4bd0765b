#include "brainload/schedule/session_drive.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/model/exercise.hpp"
#include "brainload/model/heart_rate.hpp"
#include "brainload/units.hpp"

namespace brainload {

namespace {

struct ModalityInfo {
  double muscle_mass_frac;
  double compound;
  double contacts_per_min;
  double peak_force_bw;
};

ModalityInfo modality_info(Modality m, const SessionDriveParams& p) {
  // Muscle fractions (Janssen 2000) and compound scores (assumed) per modality.
  switch (m) {
    case Modality::cycle:
      return {0.45, 0.5, 0.0, 0.0};
    case Modality::run:
      return {0.60, 0.8, p.run_contacts_per_min, p.run_peak_force_bw};
    case Modality::row:
      return {0.70, 0.9, 0.0, 0.0};
    case Modality::walk:
      return {0.50, 0.6, p.walk_contacts_per_min, p.walk_peak_force_bw};
    case Modality::swim:
      return {0.60, 0.8, 0.0, 0.0};
  }
  return {0.45, 0.5, 0.0, 0.0};
}

double muscle_intensity_of(const Intensity& i, const Subject& s, const SessionDriveParams& p,
                           const HeartRateParams& heart) {
  switch (i.kind) {
    case Intensity::Kind::vo2max:
      return i.value;
    case Intensity::Kind::hrmax:
      return vo2max_frac_from_hrmax_frac(heart, s, i.value);
    case Intensity::Kind::hrr:
      return vo2max_frac_from_hrr_frac(heart, s, i.value);
    case Intensity::Kind::vo2_ml_kg_min:
      // The same absolute demand is a smaller share of a larger VO2max: s is the individual on
      // the session's day, with the VO2max that training and ageing have left.
      return s.vo2max_ml_kg_min > 0.0 ? i.value / s.vo2max_ml_kg_min : 0.0;
    case Intensity::Kind::all_out:
      return p.all_out_muscle_intensity;
  }
  return 0.0;
}

Drive aerobic_drive(const Intensity& i, Modality m, const Subject& s, const SessionDriveParams& p,
                    const OsteocalcinParams& bone, const HeartRateParams& heart) {
  const ModalityInfo info = modality_info(m, p);
  const double x = muscle_intensity_of(i, s, p, heart);
  Drive d;
  d.muscle_intensity_frac = x;
  d.work_vo2max_frac = std::min(1.0, x);
  d.effort = i.kind == Intensity::Kind::all_out ? 1.0 : std::min(1.0, x);
  d.all_out = i.kind == Intensity::Kind::all_out;
  d.muscle_mass_frac = info.muscle_mass_frac;
  d.compound = info.compound;
  d.bone_stimulus_per_min = bone_stimulus(bone, info.contacts_per_min, info.peak_force_bw);
  d.exercising = true;
  return d;
}

void add(std::vector<Piece>& out, double minutes, const Drive& d) {
  if (minutes > 0.0) out.push_back({minutes, d});
}

struct BlockExpander {
  const Subject& s;
  const SessionDriveParams& p;
  const OsteocalcinParams& bone;
  const HeartRateParams& heart;
  std::vector<Piece>& out;

  void operator()(const SteadyBlock& b) const {
    add(out, b.minutes, aerobic_drive(b.intensity, b.mode, s, p, bone, heart));
  }
  void operator()(const IntervalBlock& b) const {
    const Drive work = aerobic_drive(b.work, b.mode, s, p, bone, heart);
    const Drive rest = b.rest ? aerobic_drive(*b.rest, b.mode, s, p, bone, heart) : Drive{};
    for (int r = 0; r < b.repeat; ++r) {
      add(out, units::seconds_to_min(b.work_s), work);
      if (r + 1 < b.repeat) add(out, units::seconds_to_min(b.rest_s), rest);
    }
  }
  void operator()(const ResistanceBlock& b) const {
    const ExerciseInfo* ex = find_exercise(b.exercise);
    if (ex == nullptr) return;  // the parser rejects unknown exercises
    const double set_min = units::seconds_to_min(b.reps * kSecondsPerRep);
    Drive set;
    set.muscle_intensity_frac = p.resistance_intensity_per_load * b.load_1rm;
    set.work_vo2max_frac =
        std::min(1.0, p.resistance_vo2_base + p.resistance_vo2_slope * b.load_1rm *
                                                  std::min(1.0, ex->muscle_mass_frac / 0.5));
    set.effort = std::min(1.0, b.load_1rm / p.resistance_max_effort_load);
    set.muscle_mass_frac = ex->muscle_mass_frac;
    set.compound = ex->compound;
    set.bone_stimulus_per_min =
        bone_stimulus(bone, b.reps / set_min, ex->axial_load_bw * b.load_1rm);
    set.cognitive_engagement = b.dual_task ? 1.0 : 0.0;
    set.exercising = true;
    for (int k = 0; k < b.sets; ++k) {
      add(out, set_min, set);
      if (k + 1 < b.sets) add(out, units::seconds_to_min(b.rest_s), Drive{});
    }
  }
  void operator()(const ImpactBlock& b) const {
    const ImpactInfo* info = find_impact(b.kind);
    if (info == nullptr) return;
    Drive jump;
    jump.work_vo2max_frac = info->vo2max_frac;
    jump.muscle_intensity_frac = info->vo2max_frac;
    jump.effort = p.impact_effort;
    jump.muscle_mass_frac = p.impact_muscle_mass_frac;
    jump.compound = p.impact_compound;
    jump.bone_stimulus_per_min =
        bone_stimulus(bone, units::kSecondsPerMinute / info->seconds_per_jump, info->peak_force_bw);
    jump.exercising = true;
    for (int k = 0; k < b.sets; ++k) {
      add(out, units::seconds_to_min(b.jumps * info->seconds_per_jump), jump);
      if (k + 1 < b.sets) add(out, units::seconds_to_min(b.rest_s), Drive{});
    }
  }
  void operator()(const RestBlock& b) const { add(out, b.minutes, Drive{}); }
};

}  // namespace

std::vector<Piece> session_pieces(const Protocol& protocol, const Subject& subject,
                                  const SessionDriveParams& params, const OsteocalcinParams& bone,
                                  const HeartRateParams& heart) {
  std::vector<Piece> out;
  for (const auto& spec : protocol.blocks) {
    std::visit(BlockExpander{subject, params, bone, heart, out}, spec.block);
  }
  return out;
}

}  // namespace brainload
