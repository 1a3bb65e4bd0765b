// The built-in exercise catalogue: what a movement recruits and how it loads bone.
//
// Central command, and with it adrenal epinephrine, grows with the recruited muscle mass and
// with how multi-joint and core-heavy a movement is (Kraemer & Ratamess 2005, Sports Med
// 35:339, hormonal responses scale with the muscle mass involved; Strick lab: Dum et al. 2016,
// PNAS 113:9922, motor areas controlling axial/core muscles dominate the cortical input to the
// adrenal medulla). The catalogue encodes that as two numbers per movement:
//
//   muscle_mass_frac  fraction of the body's skeletal muscle that works (derived from
//                     segment muscle-mass fractions, Janssen et al. 2000 J Appl Physiol 89:81:
//                     legs ≈ 55 %, arms ≈ 20 %, trunk ≈ 25 % of skeletal muscle)
//   compound          0 = single-joint isolation … 1 = multi-joint, axially loaded, core-heavy
//                     (assumed ordinal scale from the joint count and trunk involvement)
//
// Strength adapts in the muscles an exercise works (specificity: Sale 1988, Med Sci Sports
// Exerc 20:S135), so each movement also says how its working muscle splits between the lower
// body (legs and hips) and the upper body:
//
//   lower_body_frac   share of the working muscle in the legs and hips (assumed from the
//                     muscles the exercise names; the rest counts as upper body)
//
// and, for bone, the peak ground-reaction or axial force in body weights per repetition
// (derived from force-plate studies cited per entry) used by the osteocalcin pathway.
#pragma once

#include <span>
#include <string_view>

namespace brainload {

struct ExerciseInfo {
  std::string_view name;
  double muscle_mass_frac;  // fraction of skeletal muscle recruited (dimensionless)
  double compound;          // 0 isolation … 1 compound core-heavy (dimensionless)
  double axial_load_bw;     // skeletal load per rep at 100 % 1RM, body weights (derived/assumed)
  double lower_body_frac;   // share of the working muscle in legs and hips (assumed, 0–1)
  std::string_view note;    // why these numbers
};

struct ImpactInfo {
  std::string_view name;
  double peak_force_bw;     // peak vertical ground-reaction force per contact, body weights
  double seconds_per_jump;  // cadence, s per contact including the return (assumed)
  double vo2max_frac;       // metabolic intensity while jumping, fraction of VO2max (assumed)
  std::string_view note;    // source of the force figure
};

// Seconds per repetition of a resistance exercise: 1 s concentric, 2 s eccentric, the tempo
// most resistance-training trials prescribe (ACSM 2009 position stand, Med Sci Sports Exerc
// 41:687). Assumed for every exercise.
inline constexpr double kSecondsPerRep = 3.0;

[[nodiscard]] std::span<const ExerciseInfo> exercise_catalogue();
[[nodiscard]] std::span<const ImpactInfo> impact_catalogue();
// nullptr when the name is unknown.
[[nodiscard]] const ExerciseInfo* find_exercise(std::string_view name);
[[nodiscard]] const ImpactInfo* find_impact(std::string_view name);

}  // namespace brainload
