// Central command: motor cortex drive to the working muscles and, through the spinal
// intermediolateral column, to the adrenal medulla.
//
//   motor_drive = clamp(effort · recruitment, 0, 1)
//   recruitment = min(1, muscle_mass_frac / mass_full)^½ · (1 − w_c + w_c · compound)
//
// The drive grows with effort and with recruited muscle mass, and is larger for multi-joint,
// core-heavy movements: cortical motor areas controlling axial muscles provide most of the
// multisynaptic input to the adrenal medulla (Dum, Levinthal & Strick 2016, PNAS 113:9922), and
// hormonal responses scale with the muscle mass involved (Kraemer & Ratamess 2005, Sports Med
// 35:339). The square root (diminishing return with mass) and w_c are assumed.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/drive.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CentralCommandParams {
  double mass_full_frac = 0.45;  // muscle fraction at which recruitment saturates (assumed:
                                 // two-leg cycling ≈ 0.45 of skeletal muscle, Janssen 2000)
  double compound_weight = 0.2;  // share of recruitment set by compound-ness (assumed)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CentralCommandParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("mass_full_frac", p.mass_full_frac, "1", ValidRange{0.05, 1.0},
        "assumed: muscle fraction at which recruitment saturates; two-leg cycling ≈ 0.45 of "
        "skeletal muscle (Janssen 2000)");
  visit("compound_weight", p.compound_weight, "1", ValidRange{0.0, 1.0},
        "assumed: share of recruitment set by compound-ness");
}

[[nodiscard]] double motor_drive(const CentralCommandParams& p, const Drive& d);

}  // namespace brainload
