// Units used throughout brainload, and the few conversions between them.
//
// Conventions (names carry the unit wherever it is not one of these):
//   time            minutes (t_min); rates per minute (…_per_min)
//   concentrations  as the observable names say: nmol/L, mmol/L, ng/mL, pg/mL
//   intensities     fractions of VO2max or of maximal heart rate (dimensionless, 1 = 100 %)
//   relative values 1 = the same person at rest (…_rel)
//   wall clock      minutes after midnight (clock_min); days are 1440 min
#pragma once

#include <cmath>

namespace brainload::units {

inline constexpr double kMinutesPerHour = 60.0;
inline constexpr double kMinutesPerDay = 1440.0;
inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kPi = 3.14159265358979323846;
// Resting oxygen uptake, 1 MET (ml O2 per kg per min); Jette et al. 1990, Clin Cardiol 13:555.
inline constexpr double kRestingVo2MlKgMin = 3.5;

constexpr double seconds_to_min(double s) { return s / kSecondsPerMinute; }
constexpr double hours_to_min(double h) { return h * kMinutesPerHour; }
// Rate constant (per min) of first-order decay with the given half-life (min).
inline double rate_from_half_life(double half_life_min) { return std::log(2.0) / half_life_min; }
// Wall clock (min after midnight) of scenario time t_min when t = 0 is at start_clock_min.
inline double clock_of(double t_min, double start_clock_min) {
  const double c = std::fmod(t_min + start_clock_min, kMinutesPerDay);
  return c < 0.0 ? c + kMinutesPerDay : c;
}

}  // namespace brainload::units
