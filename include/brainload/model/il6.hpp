// IL-6 released by contracting muscle (myokine), driven by the working muscle's glycogen.
//
//   load   = (m / m_ref) · x                     x = work_vo2max_frac, m = working muscle mass
//   k_gly  = k_75 · (min(x, 1) / 0.75)^n · (m_cyc / m)     first-order glycogen use (1/min)
//   dG/dt  = −k_gly · G + k_syn · (1 − G) · (1 − c)          G: glycogen, fraction of the store
//   dM/dt  = load · k_0 · exp(β · (1 − G)) − k_M · M          M: muscle IL-6 signal (1)
//   c      = min(1, load / load_on)                           contraction (0 at rest)
//   dI/dt  = k_rel · M − k_I · (I − I_rest)                   plasma IL-6, pg/mL
//
// Working muscle produces IL-6 (Steensberg et al. 2000, J Physiol 529:237: net release from the
// working leg, none from the resting one) in proportion to the working mass and the intensity
// (Fischer 2006, Exerc Immunol Rev 12:6; Pedersen &
// Febbraio 2008, Physiol Rev 88:1379), and more as the muscle's glycogen runs down: a leg with
// reduced glycogen released IL-6 after 1 h of knee extension (4.38 ± 2.80 ng/min) while the
// normal leg did not (0.36 ± 0.14; Steensberg et al. 2001, J Physiol 537:633), and low glycogen
// raised IL-6 transcription (Keller et al. 2001, FASEB J). The exponential form is bounded (e^β
// times the fresh-muscle rate once the store is empty); β = ln 12 / 0.4 reads Steensberg et al.'s
// 12-fold release ratio against a glycogen difference of 0.4 of the store (Keller et al.'s
// ≈ 60 % low-glycogen protocol; assumed, the legs' contents at 1 h not read). Glycogen falls
// first-order in time (Hultman 1971's semilogarithmic fall) at a rate growing with intensity:
// k_75 from Spencer, Yan & Katz 1992 (Am J Physiol 262:C975, 725 → 353 mmol/kg dw in 37.2 min at
// 75 % VO2max cycling) and n from the 77 % fall in 2 h at 60 % VO2max (Pflügers Arch 1979;
// 379:105); the same relative work spread over more muscle uses less glycogen per kg of it (m_cyc
// the cycling mass of those studies). It is rebuilt at rest at Greiwe et al. 1999's untrained rate
// (J Appl Physiol 87:222). Plasma IL-6 therefore peaks at the end of exercise (Ostrowski et al.
// 2000, Eur J Appl Physiol 83:512) and falls as the muscle signal decays. Plasma IL-6 turns over
// in minutes: at 5 h of knee extension "the net release during 1 min was half of the IL-6 content
// in the plasma" (Steensberg et al. 2000), k_I ≈ 0.5 /min, and with a cuff on the exercised thigh
// after exercise plasma IL-6 fell "within minutes to near pre-exercise levels" and rose again when
// the cuff was released (Eur J Appl Physiol 2011, 111:1351): the previously working muscle goes on
// releasing after contraction stops, so release follows M at all times and plasma IL-6 follows M
// (contraction c gates only glycogen resynthesis). A two-compartment form after Morettini et al.
// 2017 (PLoS ONE 12:e0181224), simplified. Resting plasma IL-6 (≈ 1–2 pg/mL) is the individual's
// (Subject::il6_resting_pg_ml). Design and sources: docs/research/il6_glycogen.md (decisions
// committed before the code; section 10 for the clearance and the release after contraction).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct Il6Params {
  double mass_ref_frac = 0.5;               // reference working mass (assumed, two-leg cycling)
  double onset_per_min = 0.020197;          // k_0 (fitted: Fischer 2006's ×2 and ×5, fit_il6.py)
  double muscle_decay_per_min = 0.02;       // k_M (assumed)
  double release_pg_ml_per_min = 0.6;       // k_rel (fitted before, with the removed k_g)
  double contraction_load = 0.05;           // load_on: glycogen is rebuilt only below it (assumed)
  double plasma_half_life_min = 1.4;        // min (derived: Steensberg et al. 2000's turnover)
  double glycogen_gain = 6.2;               // β (derived: Steensberg et al. 2001, ln 12 / 0.4)
  double glycogen_use_75_per_min = 0.0194;  // k_75 (derived: Spencer et al. 1992)
  double glycogen_use_exponent = 2.08;      // n (derived: Pflügers Arch 1979 and Spencer 1992)
  double glycogen_mass_ref_frac = 0.45;     // m_cyc: cycling's working mass (session_drive.cpp)
  double glycogen_resynthesis_per_min = 0.0015;  // k_syn (derived: Greiwe et al. 1999)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, Il6Params>
void visit_parameters(P& p, Visitor&& visit) {
  visit("mass_ref_frac", p.mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "assumed: reference working mass, two-leg cycling");
  visit("onset_per_min", p.onset_per_min, "1/min", ValidRange{0.0001, 1.0},
        "fitted: least squares in log-fold to ≈ ×2 after 30 min and ≈ ×5 after 60 min at 65 % "
        "VO2max running (Fischer 2006, Exerc Immunol Rev 12:6); validation/fits/fit_il6.py");
  visit("muscle_decay_per_min", p.muscle_decay_per_min, "1/min", ValidRange{0.001, 1.0}, "assumed");
  visit(
      "release_pg_ml_per_min", p.release_pg_ml_per_min, "pg/mL/min", ValidRange{0.0, 10.0},
      "fitted with k_0 and the growth term this form replaced (Fischer 2006); kept, not refitted, "
      "when glycogen took the growth term's place (docs/research/il6_glycogen.md)");
  visit("contraction_load", p.contraction_load, "1", ValidRange{0.001, 0.5},
        "assumed: muscle glycogen is rebuilt only while the muscle is not working; the gate ramps "
        "to full work at 5 % of VO2max with the reference mass");
  visit("plasma_half_life_min", p.plasma_half_life_min, "min", ValidRange{0.5, 240.0},
        "derived: at 5 h of one-leg knee extension the net release during 1 min was half of the "
        "plasma IL-6 content (Steensberg et al. 2000, J Physiol 529:237), removal ≈ 0.5 /min, "
        "t½ = ln 2 / 0.5 = 1.4 min; with a thigh cuff after exercise plasma IL-6 fell within "
        "minutes (Eur J Appl Physiol 2011, 111:1351)");
  visit("glycogen_gain", p.glycogen_gain, "1", ValidRange{0.0, 20.0},
        "derived: IL-6 release 12-fold higher in a glycogen-reduced leg after 1 h of knee "
        "extension (4.38 against 0.36 ng/min, Steensberg et al. 2001, J Physiol 537:633) for a "
        "difference of 0.4 of the store (Keller et al. 2001's ≈ 60 % protocol; assumed): ln 12 / "
        "0.4");
  visit("glycogen_use_75_per_min", p.glycogen_use_75_per_min, "1/min", ValidRange{0.0, 0.2},
        "derived: first-order glycogen use at 75 % VO2max cycling, ln(725/353)/37.2 min (Spencer, "
        "Yan & Katz 1992, Am J Physiol 262:C975)");
  visit(
      "glycogen_use_exponent", p.glycogen_use_exponent, "1", ValidRange{0.0, 6.0},
      "derived: rate ∝ intensity^n through Spencer et al. 1992 (0.0194 /min at 75 %) and the 77 % "
      "fall in 2 h at 60 % VO2max (0.0122 /min; Pflügers Arch 1979, 379:105)");
  visit("glycogen_mass_ref_frac", p.glycogen_mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "the working mass of cycling (session_drive.cpp, Janssen et al. 2000), the modality of the "
        "two depletion studies; less mass at the same relative work uses more per kg (assumed "
        "inverse proportion)");
  visit("glycogen_resynthesis_per_min", p.glycogen_resynthesis_per_min, "1/min",
        ValidRange{0.0, 0.05},
        "derived: 4.5 mmol/kg ww/h in untrained muscle from 15 min to 6 h after exercise (Greiwe "
        "et al. 1999, J Appl Physiol 87:222) over a ≈ 100 mmol/kg resting store (assumed) at half "
        "depletion: 0.09 /h");
}

struct Il6Rates {
  double muscle_per_min;
  double plasma_per_min;
  double glycogen_per_min;
};

// k_gly: first-order glycogen use of the working muscle, 1/min (0 without work or mass).
[[nodiscard]] double glycogen_use_per_min(const Il6Params& p, double work_vo2max_frac,
                                          double muscle_mass_frac);
[[nodiscard]] Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac,
                                 double muscle_mass_frac, double muscle_signal, double plasma_pg_ml,
                                 double rest_pg_ml, double glycogen_frac);

}  // namespace brainload
