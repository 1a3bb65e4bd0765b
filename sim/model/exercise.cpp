#include "brainload/model/exercise.hpp"

#include <algorithm>
#include <array>

namespace brainload {

namespace {

// muscle_mass_frac: derived from Janssen et al. 2000 (J Appl Physiol 89:81) segment fractions
// (legs ≈ 0.55, arms ≈ 0.20, trunk ≈ 0.25 of skeletal muscle) and the muscles each lift uses.
// compound: assumed ordinal scale (joints moved, trunk stabilisation demand).
// axial_load_bw at 1RM: barbell load plus the supported body mass, derived from typical
// untrained-to-recreational 1RM ratios (squat ≈ 1.2–1.5 × BW, deadlift ≈ 1.5–1.8 × BW,
// overhead press ≈ 0.5–0.7 × BW); assumed where the lift barely loads the skeleton axially.
// lower_body_frac: assumed from the muscles named in the note (squat and deadlift keep some
// trunk and grip work in the upper body; a farmer walk splits legs from grip and shoulders).
constexpr std::array kExercises{
    ExerciseInfo{"squat", 0.60, 1.00, 2.4, 0.85, "legs + trunk, barbell on the spine"},
    ExerciseInfo{"deadlift", 0.70, 1.00, 2.6, 0.75, "legs, trunk, grip; heaviest axial lift"},
    ExerciseInfo{"bench_press", 0.22, 0.60, 0.3, 0.0, "chest, shoulders, triceps; supine"},
    ExerciseInfo{"overhead_press", 0.25, 0.75, 1.6, 0.0, "shoulders, triceps, standing trunk"},
    ExerciseInfo{"row", 0.30, 0.70, 0.5, 0.0, "back, biceps, hip hinge held"},
    ExerciseInfo{"pull_up", 0.30, 0.70, 0.2, 0.0, "back, biceps, body weight hanging"},
    ExerciseInfo{"dip", 0.25, 0.60, 0.2, 0.0, "chest, triceps, body weight supported on arms"},
    ExerciseInfo{"leg_press", 0.45, 0.55, 0.4, 1.0, "legs, trunk supported by the machine"},
    ExerciseInfo{"lunge", 0.45, 0.80, 1.8, 1.0, "legs, single-leg balance"},
    ExerciseInfo{"biceps_curl", 0.04, 0.00, 0.1, 0.0, "elbow flexors only"},
    ExerciseInfo{"leg_extension", 0.12, 0.00, 0.1, 1.0, "quadriceps only, seated"},
    ExerciseInfo{"triceps_extension", 0.04, 0.00, 0.1, 0.0, "elbow extensors only"},
    ExerciseInfo{"calf_raise", 0.05, 0.10, 1.4, 1.0, "plantar flexors, standing"},
    ExerciseInfo{"farmer_walk", 0.60, 0.90, 2.0, 0.5, "whole body carrying load"},
};

// peak_force_bw: drop jump 4–6 BW from 30–40 cm (Bobbert et al. 1987, Med Sci Sports Exerc
// 19:332); rope skipping 2.5–3.5 BW and skipping ≈ 2.5 BW (assumed from forefoot-landing
// force-plate data); box-jump landing ≈ 3.5 BW (assumed). Cadences and metabolic cost assumed;
// rope skipping at ≈ 0.75 VO2max follows Town et al. 1980 (Res Q Exerc Sport 51:632).
constexpr std::array kImpacts{
    ImpactInfo{"jump_rope", 3.0, 0.5, 0.75, "rope skipping, forefoot contacts"},
    ImpactInfo{"box_jump", 3.5, 4.0, 0.60, "jump up, step down, controlled landing"},
    ImpactInfo{"drop_jump", 5.0, 6.0, 0.50, "drop from 30-40 cm and rebound"},
    ImpactInfo{"skipping", 2.5, 0.6, 0.65, "alternate-leg skipping"},
};

}  // namespace

std::span<const ExerciseInfo> exercise_catalogue() { return kExercises; }
std::span<const ImpactInfo> impact_catalogue() { return kImpacts; }

const ExerciseInfo* find_exercise(std::string_view name) {
  const auto it = std::ranges::find(kExercises, name, &ExerciseInfo::name);
  return it == kExercises.end() ? nullptr : &*it;
}

const ImpactInfo* find_impact(std::string_view name) {
  const auto it = std::ranges::find(kImpacts, name, &ImpactInfo::name);
  return it == kImpacts.end() ? nullptr : &*it;
}

}  // namespace brainload
