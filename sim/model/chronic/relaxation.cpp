#include "brainload/model/chronic/relaxation.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double saturating(double load, double half_load) {
  const double l = std::max(0.0, load);
  return l / (half_load + l);
}

double relax(double y, double target, double tau, double dt) {
  return target + (y - target) * std::exp(-dt / tau);
}

double relax_up_down(double y, double target, double tau_up, double tau_down, double dt) {
  return relax(y, target, target > y ? tau_up : tau_down, dt);
}

}  // namespace brainload
