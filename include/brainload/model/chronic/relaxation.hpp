// What every chronic pathway shares: the one-day step, the exact relaxation towards a target and
// the saturating dose response.
//
//   y(d+1) = y* + (y(d) − y*) · exp(−Δt/τ)      Δt = 1 day; exact for a day of constant input
//   S(L)   = L / (L50 + L)                      S(L50) = 1/2, S → 1 as L → ∞; L < 0 reads as 0
//
// A pathway's target y* is a maximum times S of an exponentially weighted daily load (14- or
// 28-day windows, as the Performance Manager Chart's 7/42-day loads: Banister impulse–response,
// Clarke & Skiba 2013, Adv Physiol Educ 37:134); detraining is the same relaxation with the
// load gone. Saturation gives the non-linear dose response LISA reports (moderate ≈ heavy for
// brain age, Gonzalez-Gomez et al. 2026, GeroScience). Gains that come and go at different rates
// (the neural part of strength, cognition, brain age) take one τ on the way up and another on
// the way down.
#pragma once

#include "brainload/units.hpp"

namespace brainload {

// The chronic layer's step and the year its per-year rates are given in.
namespace chronic_step {
inline constexpr double kDay = 1.0;                   // one step, days
inline constexpr double kYear = units::kDaysPerYear;  // days
}  // namespace chronic_step

// Saturating dose response L / (L50 + L).
[[nodiscard]] double saturating(double load, double half_load);
// Exact one-step relaxation of y towards target with time constant tau (same units as dt).
[[nodiscard]] double relax(double y, double target, double tau, double dt);
// The same, with one time constant on the way up and another on the way down (gains that come
// and go at different rates: cognition, the neural part of strength).
[[nodiscard]] double relax_up_down(double y, double target, double tau_up, double tau_down,
                                   double dt);

}  // namespace brainload
