// Typical physiology by age, sex and training status: the reference individual of a population
// (what `trace` runs) and the centre of the distributions agents are drawn from.
#pragma once

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
  double hr_rest_untrained_bpm = 70.0;   // assumed population typical
  double hr_rest_recreational_bpm = 64.0;
  double hr_rest_trained_bpm = 55.0;
  // Lactate threshold, fraction of VO2max (Faude et al. 2009, Sports Med 39:469: ≈ 50–60 %
  // untrained, 70–80 % endurance-trained).
  double lt_untrained = 0.55;
  double lt_recreational = 0.62;
  double lt_trained = 0.72;
  // Lactate clearance and production relative to untrained (assumed; trained muscle oxidises
  // more lactate, Bergman et al. 1999, J Appl Physiol 87:1684).
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
  double il6_trained_rel = 0.85;
  double bdnf_resting_ng_ml = 30.0;  // serum; textbook 25–35 (MODEL.md)
};

[[nodiscard]] Subject typical_subject(double age_years, bool female, TrainingStatus status,
                                      const SubjectNorms& norms = {});
// The population's typical individual: mean age, the majority sex (male at 0.5).
[[nodiscard]] Subject typical_subject(const PopulationSpec& population,
                                      const SubjectNorms& norms = {});

}  // namespace brainload
