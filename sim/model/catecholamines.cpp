#include "brainload/model/catecholamines.hpp"

#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

CatecholamineRates catecholamine_rates(const CatecholamineParams& p, double epinephrine_nmol_l,
                                       double norepinephrine_nmol_l, double motor_drive) {
  const double m_n = std::pow(motor_drive, p.drive_exponent);
  const double e_target = p.epinephrine_rest_nmol_l * std::exp(p.epinephrine_gain * m_n);
  const double ne_target = p.norepinephrine_rest_nmol_l * std::exp(p.norepinephrine_gain * m_n);
  return {units::rate_from_half_life(p.epinephrine_half_life_min) * (e_target - epinephrine_nmol_l),
          units::rate_from_half_life(p.norepinephrine_half_life_min) *
              (ne_target - norepinephrine_nmol_l)};
}

}  // namespace brainload
