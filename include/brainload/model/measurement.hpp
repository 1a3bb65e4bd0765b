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
  // Acute cognitive test, learning and recall scores: SD of test–retest error in SD units,
  // sqrt(1 − r) for a test–retest correlation r. 0.5 is r = 0.75, inside the reported ranges:
  // CANTAB measures r .39–.79 over 3 months in 75 adults (Karlsen et al., Appl Neuropsychol
  // Adult 29:146; error SD 0.46–0.78), reaction times of five executive tasks ICC .34–.93 in 30
  // older men (White et al. 2018, J Clin Exp Neuropsychol; 0.26–0.81), seven classic tasks' effects
  // 0–.82 (Hedge, Powell & Sumner 2018, Behav Res Methods 50:1166). Cost (difference) scores are
  // less reliable than 0.5 says.
  double cognitive_test_sd = 0.5;
  // Chest strap against ECG during treadmill and cycle exercise: concordance rc = 0.996 (Polar H7,
  // 50 adults; Gillinov et al. 2017, Med Sci Sports Exerc 49:1697); the bpm limits of agreement
  // were not in the abstract read, so 1 bpm stays assumed (rc 0.996 is about 1.8 bpm of error for
  // a 20-bpm spread of rates, derived).
  double heart_rate_sd_bpm = 1.0;
  // Hand-held lactate analysers against a laboratory analyser (Biosen): residual SE 0.18–0.22 mM
  // over 0.9–4.9 mM for three of four devices (Mentzoni et al. 2024, Eur J Appl Physiol, doi
  // 10.1007/s00421-024-05572-6), ≈ 6–7 % at 3 mM (derived); "generally < 0.5 mM" over 1–10 mM for
  // five devices (Bonaventura et al. 2015, J Sports Sci Med 14:203).
  double lactate_cv = 0.06;
  // Plasma catecholamines by HPLC with electrochemical detection: between-assay CV 5.7–9.9 % for
  // adrenaline and 3.9–7.8 % for noradrenaline (Biomed Chromatogr 1999, 13:209, PubMed 10375120);
  // 1.1–9.3 % (Dutton et al. 1999, Clin Chem 45:394). 0.10 is the adrenaline end.
  double catecholamine_cv = 0.10;
  // Cortisol immunoassay: salivary inter-assay CV 6.0–10.4 % (DELFIA kit, 2005, PubMed
  // 16211655); analytical CV 3.8 % on the Roche Elecsys (Clin Biochem 2003, 36:211).
  double cortisol_cv = 0.08;
  // Serum BDNF ELISA: inter-assay CV 5–20 % across six commercial kits on the sera of 40 adults
  // (Sci Rep 2015, 5:17989); 0.10 a mid-range kit (assumed).
  double bdnf_cv = 0.10;
  // IL-6 immunoassay: total imprecision 3.7–8.0 % (electrochemiluminescence; Prieto et al. 2010,
  // Clin Chem Lab Med 48:835); high-sensitivity ELISA CVs were not found, 0.10 assumed above it.
  double il6_cv = 0.10;
  double other_cv = 0.05;  // every other acute observable (assumed)
};

// Every field with its unit, valid range and source (group "measurement"):
// visit(name, value, unit, range, source).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, MeasurementParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("cognitive_test_sd", p.cognitive_test_sd, "1", ValidRange{0.0, 2.0},
        "derived: sqrt(1 − r) at r = 0.75, inside the test–retest r of CANTAB (.39–.79, Karlsen "
        "et al.) and executive reaction times (ICC .34–.93, White et al. 2018)");
  visit(
      "heart_rate_sd_bpm", p.heart_rate_sd_bpm, "bpm", ValidRange{0.0, 10.0},
      "assumed: a chest strap agrees with ECG at rc = 0.996 during exercise (Gillinov et al. 2017, "
      "Med Sci Sports Exerc 49:1697); bpm limits not read");
  visit("lactate_cv", p.lactate_cv, "1", ValidRange{0.0, 0.5},
        "derived: hand-held analysers against Biosen, residual SE 0.18–0.22 mM over 0.9–4.9 mM "
        "(Mentzoni et al. 2024, Eur J Appl Physiol), ≈ 6–7 % at 3 mM");
  visit("catecholamine_cv", p.catecholamine_cv, "1", ValidRange{0.0, 0.5},
        "measured: HPLC-ECD between-assay CV 5.7–9.9 % adrenaline, 3.9–7.8 % noradrenaline (Biomed "
        "Chromatogr 1999, 13:209)");
  visit("cortisol_cv", p.cortisol_cv, "1", ValidRange{0.0, 0.5},
        "measured: salivary cortisol immunoassay inter-assay CV 6.0–10.4 % (DELFIA, 2005); 3.8 % "
        "on the Elecsys (Clin Biochem 2003, 36:211)");
  visit("bdnf_cv", p.bdnf_cv, "1", ValidRange{0.0, 0.5},
        "measured range: serum BDNF ELISA inter-assay CV 5–20 % across six kits (Sci Rep 2015, "
        "5:17989); a mid-range kit assumed");
  visit("il6_cv", p.il6_cv, "1", ValidRange{0.0, 0.5},
        "assumed above the measured 3.7–8.0 % of an IL-6 electrochemiluminescence assay (Prieto et "
        "al. 2010, Clin Chem Lab Med 48:835); hs-ELISA CVs not found");
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
