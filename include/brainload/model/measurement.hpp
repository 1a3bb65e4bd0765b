// Measurement models: what an assay or a test adds to the true value when a trial measures it.
//
//   concentration-like observable y:  y_measured = y · (1 + cv · ε),   ε ~ N(0, 1)
//   z scores and heart rate:          y_measured = y + sd · ε
//
// A trace reports exact values; `run` draws ε from each agent's own measurement stream, so the
// spread and the standardised effects of a virtual trial include the error a real study has.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct MeasurementParams {
  // Acute cognitive test, learning and recall scores: SD of test–retest error in SD units
  // (assumed: a test–retest reliability ≈ 0.75 gives an error SD ≈ 0.5 of the between-person SD).
  double cognitive_test_sd = 0.5;
  double heart_rate_sd_bpm = 1.0;  // chest-strap ECG against a 12-lead ECG (assumed ±1 bpm)
  double lactate_cv = 0.03;        // portable blood-lactate analysers, CV ≈ 2–5 % (assumed)
  double catecholamine_cv = 0.10;  // HPLC with electrochemical detection, CV ≈ 5–10 % (assumed)
  double cortisol_cv = 0.08;       // serum/salivary cortisol immunoassay, CV ≈ 5–10 % (assumed)
  double bdnf_cv = 0.10;           // serum BDNF ELISA, CV ≈ 5–10 % (assumed)
  double il6_cv = 0.10;            // high-sensitivity IL-6 ELISA, CV ≈ 10 % (assumed)
  double other_cv = 0.05;          // every other acute observable (assumed)
};

// Every field with its unit, valid range and source (group "measurement"):
// visit(name, value, unit, range, source).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, MeasurementParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("cognitive_test_sd", p.cognitive_test_sd, "1", ValidRange{0.0, 2.0},
        "assumed: test–retest reliability ≈ 0.75 gives an error SD ≈ 0.5 between-person SD");
  visit("heart_rate_sd_bpm", p.heart_rate_sd_bpm, "bpm", ValidRange{0.0, 10.0},
        "assumed: chest-strap ECG against a 12-lead ECG, ±1 bpm");
  visit("lactate_cv", p.lactate_cv, "1", ValidRange{0.0, 0.5},
        "assumed: portable blood-lactate analysers, CV 2–5 %");
  visit("catecholamine_cv", p.catecholamine_cv, "1", ValidRange{0.0, 0.5},
        "assumed: HPLC with electrochemical detection, CV 5–10 %");
  visit("cortisol_cv", p.cortisol_cv, "1", ValidRange{0.0, 0.5},
        "assumed: cortisol immunoassay, CV 5–10 %");
  visit("bdnf_cv", p.bdnf_cv, "1", ValidRange{0.0, 0.5}, "assumed: serum BDNF ELISA, CV 5–10 %");
  visit("il6_cv", p.il6_cv, "1", ValidRange{0.0, 0.5},
        "assumed: high-sensitivity IL-6 ELISA, CV ≈ 10 %");
  visit("other_cv", p.other_cv, "1", ValidRange{0.0, 0.5}, "assumed: every other acute observable");
}

// The measurement error of an acute observable (by its contract name) or of a z-score event:
// {sd, relative} where relative means sd is a coefficient of variation.
struct AssayError {
  double sd = 0.0;
  bool relative = false;
};

[[nodiscard]] AssayError assay_error(const MeasurementParams& p, std::string_view observable);

}  // namespace brainload
