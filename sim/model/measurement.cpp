#include "brainload/model/measurement.hpp"

namespace brainload {

AssayError assay_error(const MeasurementParams& p, std::string_view observable) {
  if (observable.empty() || observable.ends_with("_z")) return {p.cognitive_test_sd, false};
  if (observable == "heart_rate_bpm") return {p.heart_rate_sd_bpm, false};
  if (observable == "lactate_mmol_l" || observable == "brain_lactate_mmol_l") {
    return {p.lactate_cv, true};
  }
  if (observable.starts_with("epinephrine") || observable.starts_with("norepinephrine")) {
    return {p.catecholamine_cv, true};
  }
  if (observable.starts_with("cortisol")) return {p.cortisol_cv, true};
  if (observable.starts_with("bdnf_serum")) return {p.bdnf_cv, true};
  if (observable.starts_with("il6")) return {p.il6_cv, true};
  return {p.other_cv, true};
}

}  // namespace brainload
