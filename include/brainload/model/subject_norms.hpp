// Typical physiology by age, sex and training status: the reference individual of a population
// (what `trace` runs) and the centre of the distributions agents are drawn from.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload {

struct SubjectNorms {
  // VO2max at 25 y, untrained, ml/kg/min: ACSM Guidelines 11th ed. norms (≈ 50th percentile).
  double vo2max_male_25 = 42.0;
  double vo2max_female_25 = 35.0;
  // Relative VO2max of recreational and trained people (assumed from the same norm tables,
  // ≈ 70th and ≈ 90th percentile).
  double vo2max_recreational_rel = 1.15;
  double vo2max_trained_rel = 1.35;
  // Decline per year after 25 (Fleg et al. 2005, Circulation 112:674: ≈ 1 %/y averaged over
  // adulthood, faster late). Fraction of the 25-year value per year.
  double vo2max_decline_per_year = 0.008;
  double hr_rest_untrained_bpm = 70.0;     // assumed population typical
  double hr_rest_recreational_bpm = 64.0;  // assumed population typical
  double hr_rest_trained_bpm = 55.0;       // assumed population typical
  // %HRR = a + b·%VO2R over the stages of an incremental cycle test: the means of 450 sedentary
  // adults' individual regressions, 8.9 ± 16.0 %HRR and 0.971 ± 0.190 (HERITAGE; Ferri Marini
  // et al. 2023, Eur J Sport Sci 23:1600). One relation for every status and no spread between
  // agents (docs/research/hr_vo2_reserve_relation.md).
  double hrr_vo2r_intercept = 0.089;
  double hrr_vo2r_slope = 0.971;
  // Lactate threshold, fraction of VO2max (Faude et al. 2009, Sports Med 39:469: ≈ 50–60 %
  // untrained, 70–80 % endurance-trained).
  double lt_untrained = 0.55;
  double lt_recreational = 0.62;
  double lt_trained = 0.72;
  // Lactate removal and vlamax relative to untrained (assumed; trained muscle oxidises more
  // lactate, Bergman et al. 1999, J Appl Physiol 87:1684; endurance training lowers vlamax,
  // Mader 2003).
  double clearance_recreational_rel = 1.15;
  double clearance_trained_rel = 1.4;
  double production_recreational_rel = 0.9;
  double production_trained_rel = 0.8;
  // HPA reactivity to exercise relative to untrained (assumed; training lowers the cortisol
  // response at the same relative load, Hackney 2006, Expert Rev Endocrinol Metab 1:783).
  double cortisol_recreational_rel = 0.85;
  double cortisol_trained_rel = 0.7;
  // Resting IL-6 rises with age (inflammaging): pg/mL at 25 y and per year after (assumed from
  // Ferrucci et al. 2005, Blood 105:2294, ≈ 1.5 → 2.5 pg/mL from young to old).
  double il6_at_25_pg_ml = 1.3;
  double il6_per_year_pg_ml = 0.02;
  double il6_trained_rel = 0.85;     // assumed: trained adults run ≈ 15 % lower resting IL-6
                                     // (Fischer 2006, Exerc Immunol Rev 12:6)
  double bdnf_resting_ng_ml = 30.0;  // serum; textbook 25–35 (MODEL.md)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` (group
// "subject_norms") and parameter overrides: visit(name, value, unit, range, source) with value a
// double& (const double& for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, SubjectNorms>
void visit_parameters(P& p, Visitor&& visit) {
  visit("vo2max_male_25", p.vo2max_male_25, "ml/kg/min", ValidRange{20.0, 90.0},
        "untrained at 25 y: ACSM Guidelines 11th ed. norms (≈ 50th percentile)");
  visit("vo2max_female_25", p.vo2max_female_25, "ml/kg/min", ValidRange{15.0, 80.0},
        "untrained at 25 y: ACSM Guidelines 11th ed. norms (≈ 50th percentile)");
  visit("vo2max_recreational_rel", p.vo2max_recreational_rel, "1", ValidRange{1.0, 2.0},
        "assumed from the ACSM norm tables (≈ 70th percentile)");
  visit("vo2max_trained_rel", p.vo2max_trained_rel, "1", ValidRange{1.0, 2.5},
        "assumed from the ACSM norm tables (≈ 90th percentile)");
  visit("vo2max_decline_per_year", p.vo2max_decline_per_year, "1/y", ValidRange{0.0, 0.03},
        "fraction of the 25-year value per year after 25 (Fleg et al. 2005, Circulation 112:674: "
        "≈ 1 %/y averaged over adulthood, faster late)");
  visit("hr_rest_untrained_bpm", p.hr_rest_untrained_bpm, "bpm", ValidRange{40.0, 100.0},
        "assumed population typical");
  visit("hr_rest_recreational_bpm", p.hr_rest_recreational_bpm, "bpm", ValidRange{35.0, 100.0},
        "assumed population typical");
  visit("hr_rest_trained_bpm", p.hr_rest_trained_bpm, "bpm", ValidRange{30.0, 100.0},
        "assumed population typical");
  visit("hrr_vo2r_intercept", p.hrr_vo2r_intercept, "fraction of the HR reserve",
        ValidRange{-0.2, 0.25},
        "measured: mean intercept of 450 sedentary adults' %HRR-%VO2R regressions over an "
        "incremental cycle test, 8.9 +/- 16.0 %HRR (HERITAGE; Ferri Marini et al. 2023, Eur J "
        "Sport Sci 23:1600)");
  visit("hrr_vo2r_slope", p.hrr_vo2r_slope, "1", ValidRange{0.5, 1.5},
        "measured: mean slope of the same regressions, 0.971 +/- 0.190 (Ferri Marini et al. "
        "2023)");
  visit("lt_untrained", p.lt_untrained, "1", ValidRange{0.3, 0.95},
        "fraction of VO2max (Faude et al. 2009, Sports Med 39:469: ≈ 50–60 % untrained)");
  visit("lt_recreational", p.lt_recreational, "1", ValidRange{0.3, 0.95},
        "fraction of VO2max (Faude et al. 2009, Sports Med 39:469: ≈ 50–60 % untrained, 70–80 % "
        "endurance-trained)");
  visit("lt_trained", p.lt_trained, "1", ValidRange{0.3, 0.95},
        "fraction of VO2max (Faude et al. 2009, Sports Med 39:469: ≈ 70–80 % endurance-trained)");
  visit("clearance_recreational_rel", p.clearance_recreational_rel, "1", ValidRange{0.5, 3.0},
        "assumed: trained muscle oxidises more lactate (Bergman et al. 1999, J Appl Physiol "
        "87:1684)");
  visit("clearance_trained_rel", p.clearance_trained_rel, "1", ValidRange{0.5, 3.0},
        "assumed: trained muscle oxidises more lactate (Bergman et al. 1999, J Appl Physiol "
        "87:1684); measured whole-body clearance ratios, trained over untrained, are 1.34 at "
        "each group's lactate threshold and 1.97 at 67 % VO2max (Messonnier et al. 2013, J Appl "
        "Physiol 114:1593; n = 6 + 6) and 1.29 after 9 weeks of training (MacRae et al. 1992, J "
        "Appl Physiol 72:1649), but they include the trained group's larger uptake, which the "
        "model's removal already carries (∝ VO2), so 1.4 is not derived from them");
  visit("production_recreational_rel", p.production_recreational_rel, "1", ValidRange{0.3, 2.0},
        "assumed: vlamax relative to untrained; endurance training lowers vlamax (Mader 2003, "
        "Eur J Appl Physiol 88:317)");
  visit("production_trained_rel", p.production_trained_rel, "1", ValidRange{0.3, 2.0},
        "assumed: vlamax relative to untrained; endurance training lowers vlamax (Mader 2003, "
        "Eur J Appl Physiol 88:317)");
  visit("cortisol_recreational_rel", p.cortisol_recreational_rel, "1", ValidRange{0.2, 2.0},
        "assumed: training lowers the cortisol response at the same relative load (Hackney 2006, "
        "Expert Rev Endocrinol Metab 1:783)");
  visit("cortisol_trained_rel", p.cortisol_trained_rel, "1", ValidRange{0.2, 2.0},
        "assumed: training lowers the cortisol response at the same relative load (Hackney 2006, "
        "Expert Rev Endocrinol Metab 1:783)");
  visit("il6_at_25_pg_ml", p.il6_at_25_pg_ml, "pg/mL", ValidRange{0.1, 10.0},
        "assumed from Ferrucci et al. 2005 (Blood 105:2294): ≈ 1.5 → 2.5 pg/mL from young to old");
  visit("il6_per_year_pg_ml", p.il6_per_year_pg_ml, "pg/mL/y", ValidRange{0.0, 0.2},
        "assumed from Ferrucci et al. 2005 (Blood 105:2294): ≈ 1.5 → 2.5 pg/mL from young to old");
  visit("il6_trained_rel", p.il6_trained_rel, "1", ValidRange{0.3, 1.5},
        "assumed: trained adults run about 15 % lower resting IL-6 (Fischer 2006, Exerc Immunol "
        "Rev 12:6)");
  visit("bdnf_resting_ng_ml", p.bdnf_resting_ng_ml, "ng/mL", ValidRange{5.0, 60.0},
        "serum; textbook 25–35 ng/mL (MODEL.md)");
}

[[nodiscard]] Subject typical_subject(double age_years, bool female, TrainingStatus status,
                                      const SubjectNorms& norms = {});
// The population's typical individual: mean age, the majority sex (male at 0.5).
[[nodiscard]] Subject typical_subject(const PopulationSpec& population,
                                      const SubjectNorms& norms = {});

}  // namespace brainload
