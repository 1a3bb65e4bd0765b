// Lactate: the Mader–Heck structure of glycolytic production and oxidative removal, a working-
// muscle and a blood compartment of one distribution space, and monocarboxylate-transporter
// uptake into the brain.
//
// Production (Mader 2003, Eur J Appl Physiol 88:317; Mader & Heck 1986, Int J Sports Med
// 7 Suppl 1:45; Hauser, Adam & Schulz 2014, Theor Biol Med Model 11:25). Free ADP u (mmol/kg
// muscle) activates oxidative phosphorylation with Hill kinetics of order 2 and glycolysis
// (pyruvate → lactate) with Hill kinetics of order 3:
//   f1(u) = u² / (Ks1 + u²)      (VO2ss / VO2max)        a(u) = u³ / (Ks2 + u³)
// Glycolysis is inhibited by muscle acidosis, with Mader's H⁺ term 1/(1 + [H⁺]³/Ks3), pH from the
// non-bicarbonate buffering of the lactate load and the alkalinising Pi of spent phosphocreatine
// (PCr buffering: spent in proportion to the ADP activation a, a quasi-steady creatine kinase):
//   pH_m  = pH_rest − (L_m − L_rest)/β + ΔpH_PCr · a,   h = 1 / (1 + 10^(3·(pH_½ − pH_m)))
// The ADP is the one at which oxidative phosphorylation and net lactate formation together meet
// the ATP demand: Mader's ATP balance, dCHEP/dt = c_O2·VO2 + c_La·(v_gly − v_ox) − demand, at
// steady state, with the glycolytic ATP of pyruvate that is oxidised already in c_O2 (0.233 mmol
// ATP per ml O2 is the whole yield of glucose oxidation). Per unit of the aerobic maximum,
//   f1(u) + R · max(0, a(u)·h − r_ox) = x_d   (solved for a, h(a) inside; a = 1 past the largest
//                                              supply)
//   R     = c_La · vlamax · vlamax_rel · 60 · VolRel · (m/m_ref) / (c_O2 · VO2max)
//   r_ox  = R_ox(L_b, VO2) / (vlamax · 60 · vlamax_rel · (m/m_ref))   oxidation in units of P_max
//   x_d   = x + S/VO2max  while x > 0, else 0
// Below the maximal lactate steady state (a·h ≤ r_ox) this is f1(u) = x_d, the ADP of the
// oxidative relation alone, u² = Ks1·x_d/(1 − x_d); muscle glycogen use from 57 to 80 % VO2max
// agrees with it within about 30 % (docs/research/lactate_onset_and_resistance.md G.2).
// with x the drive's muscle intensity (fraction of the VO2max load) and S the slow component of
// oxygen uptake (oxygen_uptake.hpp), an extra ATP turnover at the same power that muscle PCr shows
// too (Jones et al. 2008, J Physiol 586:889). c_La = 1.4 mmol ATP per mmol lactate and c_O2 =
// 0.233 mmol ATP per ml O2 (Mader 2003 as implemented; stoichiometry: 1.5 ATP per lactate from
// glycogen, P/O 2.5). Glycolysis therefore covers the gap between the demand and the oxidative
// supply near VO2max: at x = 1 it runs at about 0.1-0.15 of vlamax (the glycogen data: 0.14),
// where the oxidative relation alone would run it at 1 and make about twice the whole aerobic ATP
// supply besides (research note, sections G-H). An all-out bout runs at a = 1:
// vlamax is the glycolytic rate of an all-out sprint by definition, its demand whatever the muscle
// delivers. Production, mmol per L of the space per minute:
//   P     = vlamax · 60 · vlamax_rel · (m/m_ref) · a · h
// The early glycolytic peak of an all-out sprint follows: glycolysis starts at its maximum and
// falls as muscle lactate acidifies the fibre (h ≈ 0.9 → 0.3 over 30 s).
//
// Removal (Mader & Heck 1986; Hauser 2014): lactate is oxidised in proportion to the oxygen
// uptake, 0.01576 mmol lactate per ml O2, per litre of the distribution space (VolRel L/kg),
// saturating in lactate with a second-order Michaelis–Menten term:
//   R_ox  = removal_rel · (c/VolRel) · VO2 · L_b² / (K_el + L_b²)
//   VO2   = VO2_rest + w · (VO2max − VO2_rest)                 (ml/kg/min; w = work_vo2max_frac)
// plus a first-order non-oxidative removal (hepatic gluconeogenesis, the Cori cycle; Heck et al.
// 2022's resynthesis term, here linear): k_pass · (L_b − L_rest). A resting production
// P₀ = R_ox(L_rest, VO2_rest) keeps resting lactate exact. Active recovery clears faster because
// VO2 is higher (Menzies et al. 2010, J Sports Sci 28:975); the fractional removal falls as
// lactate rises (a higher load clears more slowly: Beneke et al. 2007, Dyn Med 6:10).
//
// Compartments (Freund & Zouloumian 1981, Eur J Appl Physiol 46:135; Mader 2003): working
// muscle (fraction φ of the space) and blood with the rest of the space. The state is the
// muscle–blood gradient g = L_m − L_b (0 at rest and once equilibrated), so
//   dg/dt   = P/φ − k_ex · g/(1 − φ)
//   dL_b/dt = k_ex · φ/(1 − φ) · g − R_ox + P₀ − k_pass · (L_b − L_rest)
// (removal spread over the whole space, both compartments alike; total lactate is conserved).
// Blood appearance after a sprint has the rate constant k_ex/(1 − φ) (Beneke 2007's k1).
//
// Removal takes oxygen uptake as the demand w without its on/off kinetics (a first-order lag of
// ≈ 0.5 min would change removal little on the minutes that matter here), and not the lower
// oxidative share f1 of the balance above (section G of the research note leaves removal as it
// was). Subject differences enter through VO2max (removal capacity) and vlamax_rel
// and removal_rel (Subject::lactate_production_rel, lactate_clearance_rel: endurance training
// lowers vlamax and raises lactate oxidation, Mader 2003; Bergman et al. 1999, J Appl Physiol
// 87:1684). The lactate threshold is not a parameter here: it emerges where production crosses
// removal (Mader & Heck 1986).
//
// Brain: dL_br/dt = T · (L_b/(K_m + L_b) − L_br/(K_m + L_br)) + k_ox · (L_br,rest − L_br), with
// the transport measured in humans (VMAX 0.40 µmol/g/min, KT 5.1 mM: Boumezbeur et al. 2010, J
// Neurosci 30:13983) and k_ox the oxidised pyruvate flux over the resting pool (Sokoloff 1996), so
// the brain oxidises what it takes up and its lactate rises little: about 1.16 mM at an arterial
// 3.9 mM and 1.25 at 6.9 mM at steady state (net uptake 0.14 and 0.21 mmol/min for 1.4 kg against
// 0.16 ± 0.07 and 0.28 ± 0.16 measured by van Hall et al. 2009, J Cereb Blood Flow Metab 29:1121),
// as MRS and CSF lactate after exhaustive exercise read it (Dalsgaard et al. 2004, J Physiol
// 554:571).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct LactateParams {
  double rest_mmol_l = 1.0;            // mmol/L; textbook 1–2 (MODEL.md)
  double vlamax_mmol_l_s = 0.97;       // maximal glycolytic rate (fitted: Beneke 2007 Wingate peak)
  double adp_ks1_mmol_kg = 0.035;      // √Ks1, ADP of half-maximal VO2 (Mader 2003)
  double adp_ks2_mmol_kg = 0.15;       // ∛Ks2, ADP of half-maximal glycolysis (Mader 2003)
  double ph_rest = 7.0;                // resting muscle pH (Mader 2003's pH equation at rest)
  double ph_half_inhibition = 6.733;   // pH of half glycolytic inhibition: Ks3 = 10^−20.2 M³
  double buffer_mmol_l_per_ph = 54.0;  // muscle non-bicarbonate buffering (Mader 2003)
  double pcr_alkalinisation_ph = 0.296;  // pH rise when PCr is spent (derived, Mader 2003)
  double muscle_space_frac = 0.35;       // φ: working-muscle water / lactate space (derived)
  double mass_ref_frac = 0.5;            // reference working muscle mass (two-leg cycling, assumed)
  double exchange_per_min = 0.33;        // k_ex (fitted: Beneke 2007 k1 = 0.505 = k_ex/(1 − φ))
  double o2_lactate_mmol_per_ml = 0.01576;  // c: lactate oxidised per ml O2 (Mader & Heck 1986)
  double space_l_per_kg = 0.4;              // VolRel: lactate distribution space (Hauser 2014)
  double removal_km2_mmol2_l2 = 2.5;  // K_el (assumed: Mader–Heck implementations use 1–4)
  double vo2_rest_ml_kg_min = 3.5;    // 1 MET
  double passive_clearance_per_min = 0.011;     // k_pass (fitted: Beneke 2007 30 s late decay)
  double glycolytic_atp_per_lactate = 1.4;      // c_La, mmol ATP/mmol (Mader 2003 as implemented)
  double oxidative_atp_mmol_per_ml_o2 = 0.233;  // c_O2, mmol ATP/ml O2 (Mader 2003 as implemented;
                                                // whole glucose-oxidation yield, 5.2 ATP per O2)
  double brain_rest_mmol_l = 1.0;  // mmol/L; resting brain lactate ≈ 0.6–1 mM (MRS,
                                   // Maddock et al. 2016, J Neurosci 36:2449)
  double brain_transport_mmol_l_per_min = 0.40;  // T: VMAX 0.40 µmol/g/min (measured,
                                                 // Boumezbeur et al. 2010, J Neurosci 30:13983)
  double brain_km_mmol_l = 5.1;                  // KT 5.1 mmol/L (measured, Boumezbeur 2010)
  double brain_oxidation_per_min = 0.52;  // k_ox (derived: 0.52 µmol/g/min of pyruvate oxidised,
                                          // Sokoloff 1996, over the resting 1.0 mM pool)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, LactateParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("rest_mmol_l", p.rest_mmol_l, "mmol/L", ValidRange{0.3, 3.0},
        "textbook 1–2 mmol/L (MODEL.md)");
  visit("vlamax_mmol_l_s", p.vlamax_mmol_l_s, "mmol/L/s", ValidRange{0.1, 2.0},
        "fitted: the 13.1 mmol/L rise after a 30 s Wingate (Beneke et al. 2007, Dyn Med 6:10); "
        "inside the measured 0.9 ± 0.19 mmol/L/s of sport students (Hauser et al. 2014, Theor "
        "Biol Med Model 11:25)");
  visit("adp_ks1_mmol_kg", p.adp_ks1_mmol_kg, "mmol/kg", ValidRange{0.005, 0.2},
        "√Ks1 = 0.035: free ADP of half-maximal oxidative phosphorylation (Mader 2003, Eur J Appl "
        "Physiol 88:317; Hauser et al. 2014)");
  visit("adp_ks2_mmol_kg", p.adp_ks2_mmol_kg, "mmol/kg", ValidRange{0.02, 1.0},
        "∛Ks2 = 0.15: free ADP of half-maximal glycolysis, Hill order 3 (Mader 2003; Hauser et "
        "al. 2014)");
  visit("ph_rest", p.ph_rest, "pH", ValidRange{6.8, 7.3},
        "resting muscle pH ≈ 7.0 (Mader 2003's muscle pH equation at rest)");
  visit("ph_half_inhibition", p.ph_half_inhibition, "pH", ValidRange{6.3, 7.0},
        "glycolysis halves at [H⁺]³ = Ks3 = 10^−20.2 M³, pH 6.733 (Mader 2003)");
  visit("buffer_mmol_l_per_ph", p.buffer_mmol_l_per_ph, "mmol/L/pH", ValidRange{20.0, 120.0},
        "muscle non-bicarbonate buffer capacity, 54 slykes (Mader 2003)");
  visit("pcr_alkalinisation_ph", p.pcr_alkalinisation_ph, "pH", ValidRange{0.0, 0.6},
        "derived: Mader 2003's pH term 0.8·Pi/β with Pi ≈ 20 mmol/kg from spent PCr and β = 54; "
        "PCr taken as spent in proportion to the ADP activation a (assumed quasi-steady creatine "
        "kinase)");
  visit("muscle_space_frac", p.muscle_space_frac, "1", ValidRange{0.1, 0.7},
        "derived: two working legs ≈ 0.45 × 0.4 kg/kg of skeletal muscle (Janssen et al. 2000, "
        "J Appl Physiol 89:81) × 0.75 L water/kg ≈ 0.14 L/kg of a 0.4 L/kg lactate space");
  visit("mass_ref_frac", p.mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "assumed: reference working muscle mass (two-leg cycling) at which vlamax holds");
  visit("exchange_per_min", p.exchange_per_min, "1/min", ValidRange{0.01, 5.0},
        "fitted: blood appearance k1 = k_ex/(1 − φ) = 0.505 /min after a Wingate (Beneke 2007)");
  visit("o2_lactate_mmol_per_ml", p.o2_lactate_mmol_per_ml, "mmol/ml", ValidRange{0.005, 0.05},
        "0.01576 mmol lactate oxidised per ml O2 (Mader & Heck 1986, Int J Sports Med 7 Suppl "
        "1:45; Hauser et al. 2014)");
  visit("space_l_per_kg", p.space_l_per_kg, "L/kg", ValidRange{0.2, 0.7},
        "VolRel: lactate distribution space ≈ 0.4 L/kg body mass (Mader 2003; Hauser et al. "
        "2014)");
  visit("removal_km2_mmol2_l2", p.removal_km2_mmol2_l2, "(mmol/L)²", ValidRange{0.1, 10.0},
        "assumed: lactate of half-maximal oxidation, squared; implementations of the Mader–Heck "
        "model use 1.1–4 (mmol/L)²");
  visit("vo2_rest_ml_kg_min", p.vo2_rest_ml_kg_min, "ml/kg/min", ValidRange{2.0, 6.0},
        "1 MET (resting oxygen uptake, ACSM)");
  visit("passive_clearance_per_min", p.passive_clearance_per_min, "1/min", ValidRange{0.0, 0.2},
        "fitted: with resting oxidation, the 28 min late half-life after a Wingate (Beneke 2007 "
        "k2 = 0.0245 /min); non-oxidative (hepatic) removal, Heck et al. 2022's resynthesis term");
  visit("glycolytic_atp_per_lactate", p.glycolytic_atp_per_lactate, "mmol/mmol",
        ValidRange{1.0, 2.0},
        "c_La of Mader's ATP balance: ATP per lactate formed, 1.4 in the Mader 2003 implementation "
        "(docs/research/lactate_onset_and_resistance.md A.2); 1.5 from glycogen by stoichiometry");
  visit("oxidative_atp_mmol_per_ml_o2", p.oxidative_atp_mmol_per_ml_o2, "mmol/ml",
        ValidRange{0.15, 0.3},
        "c_O2 of Mader's ATP balance: ATP per ml O2, 0.233 in the Mader 2003 implementation "
        "(research note A.2), 5.2 ATP per O2: the whole yield of glucose oxidation (30-32 ATP per "
        "6 O2, glycolysis' ATP included), so only net lactate formation adds to it (section H)");
  visit("brain_rest_mmol_l", p.brain_rest_mmol_l, "mmol/L", ValidRange{0.2, 3.0},
        "resting brain lactate ≈ 0.6–1 mM (MRS, Maddock et al. 2016, J Neurosci 36:2449)");
  visit("brain_transport_mmol_l_per_min", p.brain_transport_mmol_l_per_min, "mmol/L/min",
        ValidRange{0.0, 5.0},
        "measured: VMAX 0.40 ± 0.13 µmol/g/min of blood-to-brain lactate transport, 13C-lactate "
        "infusion (Boumezbeur et al. 2010, J Neurosci 30:13983); per g read as per mL");
  visit("brain_km_mmol_l", p.brain_km_mmol_l, "mmol/L", ValidRange{1.0, 20.0},
        "measured: KT 5.1 ± 2.7 mmol/L (Boumezbeur et al. 2010, J Neurosci 30:13983); MCT1 "
        "3.5–10 mM (Halestrap 2012, IUBMB Life 64:1)");
  visit("brain_oxidation_per_min", p.brain_oxidation_per_min, "1/min", ValidRange{0.01, 2.0},
        "derived: the brain oxidises 26 µmol glucose/100 g/min (Sokoloff 1996, Handbook of "
        "Physiology), 0.52 µmol/g/min of pyruvate, over the resting 1.0 mM pool; lactate taken up "
        "displaces glucose in proportion to its rise (assumed linearisation)");
}

// What the lactate pathway reads from the drive and the subject.
struct LactateInputs {
  double muscle_intensity_frac = 0.0;  // x, fraction of the VO2max load (> 1 supramaximal)
  double muscle_mass_frac = 0.0;       // m, fraction of skeletal muscle working
  double work_vo2max_frac = 0.0;       // w, whole-body oxygen demand, fraction of VO2max
  double vo2max_ml_kg_min = 42.0;
  double vlamax_rel = 1.0;      // Subject::lactate_production_rel
  double removal_rel = 1.0;     // Subject::lactate_clearance_rel
  double slow_ml_kg_min = 0.0;  // S, the slow component of oxygen uptake (oxygen_uptake.hpp)
  bool all_out = false;         // an all-out bout: glycolysis at vlamax (a = 1)
};

struct LactateRates {
  double gradient_per_min;  // d(L_m − L_b)/dt
  double blood_per_min;
  double brain_per_min;
};

// a(x) with ADP from the oxidative relation alone, u² = Ks1·x/(1 − x): 0 at rest, 1 at and above
// the VO2max load. The activation when glycolysis supplies no ATP; the low-intensity limit of
// balanced_activation.
[[nodiscard]] double glycolytic_activation(const LactateParams& p, double muscle_intensity_frac);
// R of the ATP balance: the subject's maximal glycolytic ATP over the aerobic maximum.
[[nodiscard]] double glycolytic_capacity_ratio(const LactateParams& p, const LactateInputs& in);
// a from Mader's net ATP balance, f1(u) + R·max(0, a(u)·h(L_m, a) − r_ox(L_b)) = x_d (1 for an
// all-out bout or a demand beyond the largest supply, 0 at rest; 1 − 1e-12 at most otherwise),
// within 1e-14 of the root in a (absolute; a residual of the balance near rounding where it is
// flat in a, at joint extremes of the ADP constants).
[[nodiscard]] double balanced_activation(const LactateParams& p, const LactateInputs& in,
                                         double muscle_mmol_l, double blood_mmol_l);
// h(L_m): the acidosis factor, Mader's 1/(1 + [H⁺]³/Ks3).
[[nodiscard]] double glycolytic_ph_factor(const LactateParams& p, double muscle_mmol_l,
                                          double activation);
// P: glycolytic lactate production, mmol per L of the distribution space per min.
[[nodiscard]] double lactate_production(const LactateParams& p, const LactateInputs& in,
                                        double muscle_mmol_l, double blood_mmol_l);
// R_ox − P₀ + k_pass·(L_b − L_rest): net removal, mmol per L of the space per min (0 at rest).
[[nodiscard]] double lactate_net_removal(const LactateParams& p, const LactateInputs& in,
                                         double blood_mmol_l);
[[nodiscard]] LactateRates lactate_rates(const LactateParams& p, const LactateInputs& in,
                                         double gradient_mmol_l, double blood_mmol_l,
                                         double brain_mmol_l);

}  // namespace brainload
