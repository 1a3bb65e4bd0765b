// The chronic pathways: one day of adaptation, ageing and detraining at a time.
//
// Every pathway is a first-order relaxation towards a target set by recent training,
//   y(d+1) = y* + (y(d) − y*) · exp(−1/τ)                 (exact for a day of constant input),
// with saturating dose–response S(L) = L / (L50 + L) of exponentially weighted daily loads
// (14-day or 28-day windows, as the Performance Manager Chart's 7/42-day loads: Banister
// impulse–response, Clarke & Skiba 2013, Adv Physiol Educ 37:134). Saturation gives the
// non-linear dose response LISA reports (moderate ≈ heavy for brain age, Gonzalez-Gomez et
// al. 2026, GeroScience). Detraining is the same relaxation with the load gone. `trainability`
// scales every training gain of one individual (HERITAGE: Bouchard et al. 1999, J Appl
// Physiol 87:1003, large individual differences in response). The relaxation and S are in
// relaxation.hpp.
//
// Each pathway is its own header in this folder, opening with its equations and sources, then
// its parameter struct, visitor and step function (source in sim/model/chronic/ under the same
// name, tests in tests/model/chronic/):
//   training_adaptation.hpp  Banister fitness/fatigue; strength of the lower and the upper body,
//                            each from its own muscles' load; VO2max; their untrained bases age
//                            at rates that rise with age.
//   resting_bdnf.hpp         resting BDNF from the acute-dose route (BDNF action, osteocalcin)
//                            and a resistance-training route.
//   hippocampus.hpp          grows with the resting-BDNF and BBB gains; atrophy rises with age.
//   prefrontal.hpp           connectivity from heavy resistance work (LISA).
//   brain_age.hpp            gap falls with a saturating training benefit, returns slowly after.
//   chronic_cognition.hpp    composite and executive function from an aerobic and a resistance
//                            term plus the hippocampal and prefrontal terms; working memory from
//                            dual-task minutes.
//   mood.hpp                 depressive symptoms from BDNF, inflammation and training.
//   inflammation.hpp         resting IL-6 lowered by training, raised by age.
//   cortisol_reactivity.hpp  the exercise HPA response, lowered by regular training.
//   bbb.hpp                  blood-brain-barrier integrity from the lactate→VEGF dose; lost with
//                            age.
// Here: the bundle of their parameters, the day that folds the loads and steps them in order,
// and what the chronic state hands back to the acute layer.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>

#include "brainload/model/chronic/bbb.hpp"
#include "brainload/model/chronic/brain_age.hpp"
#include "brainload/model/chronic/chronic_cognition.hpp"
#include "brainload/model/chronic/cortisol_reactivity.hpp"
#include "brainload/model/chronic/daily_dose.hpp"
#include "brainload/model/chronic/hippocampus.hpp"
#include "brainload/model/chronic/inflammation.hpp"
#include "brainload/model/chronic/mood.hpp"
#include "brainload/model/chronic/prefrontal.hpp"
#include "brainload/model/chronic/relaxation.hpp"
#include "brainload/model/chronic/resting_bdnf.hpp"
#include "brainload/model/chronic/training_adaptation.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"

namespace brainload {

struct ChronicParams {
  TrainingAdaptationParams training;
  RestingBdnfParams bdnf;
  HippocampusParams hippocampus;
  PrefrontalParams prefrontal;
  BrainAgeParams brain_age;
  ChronicCognitionParams cognition;
  MoodParams mood;
  InflammationParams inflammation;
  CortisolReactivityParams cortisol;
  BbbParams bbb;
};

// Every chronic parameter with its group: visit(group, name, value, unit, range, source). The
// groups are named after the structs (not the ChronicParams members) so that none repeats an
// acute group: training, resting_bdnf, hippocampus, prefrontal, brain_age, chronic_cognition,
// mood, inflammation, cortisol_reactivity, bbb.
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ChronicParams>
void visit_parameters(P& p, Visitor&& visit) {
  const auto in = [&visit](std::string_view group) {
    return [&visit, group](std::string_view name, auto& value, std::string_view unit,
                           ValidRange range, std::string_view source) {
      visit(group, name, value, unit, range, source);
    };
  };
  visit_parameters(p.training, in("training"));
  visit_parameters(p.bdnf, in("resting_bdnf"));
  visit_parameters(p.hippocampus, in("hippocampus"));
  visit_parameters(p.prefrontal, in("prefrontal"));
  visit_parameters(p.brain_age, in("brain_age"));
  visit_parameters(p.cognition, in("chronic_cognition"));
  visit_parameters(p.mood, in("mood"));
  visit_parameters(p.inflammation, in("inflammation"));
  visit_parameters(p.cortisol, in("cortisol_reactivity"));
  visit_parameters(p.bbb, in("bbb"));
}

// One whole day: loads are folded into their averages, then every pathway steps, then age.
void step_chronic_day(const ChronicParams& p, const DailyDose& dose, double trainability,
                      ChronicState& s);

// What the chronic state hands back to the acute layer for the next day.
[[nodiscard]] Subject acute_subject(const TrainingAdaptationParams& p, const Subject& baseline,
                                    const ChronicState& s);

}  // namespace brainload
