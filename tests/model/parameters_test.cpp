// Parameter metadata (visit_parameters in each parameter header, params.hpp for the bundle):
// every field of every parameter struct is visited exactly once, with a unit, a valid range
// holding its default, and a source, so `brainload describe` lists them all and overrides reach
// every one. Then finding and setting parameters by full name (params.cpp).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "brainload/params.hpp"

namespace brainload {
namespace {

// Fields per parameter struct, counted by hand from the struct definitions. A new field needs a
// visit(...) line in the visitor of its header AND the count here updated; these tests fail
// until both are done (the size check below catches a field added without either).
const std::map<std::string, std::size_t>& expected_counts() {
  static const std::map<std::string, std::size_t> kCounts = {
      {"heart_rate", 14},           // HeartRateParams
      {"oxygen_uptake", 11},        // OxygenUptakeParams
      {"central_command", 2},       // CentralCommandParams
      {"catecholamines", 14},       // CatecholamineParams
      {"arousal", 13},              // ArousalParams
      {"cognition", 10},            // CognitionParams
      {"cerebral_blood_flow", 21},  // CerebralBloodFlowParams
      {"lactate", 22},              // LactateParams
      {"vegf", 4},                  // VegfParams
      {"bdnf", 4},                  // BdnfParams
      {"osteocalcin", 7},           // OsteocalcinParams
      {"il6", 11},                  // Il6Params
      {"glucose", 9},               // GlucoseParams
      {"hpa", 24},                  // HpaParams
      {"session", 12},              // SessionDriveParams
      {"training", 21},             // TrainingAdaptationParams
      {"resting_bdnf", 7},          // RestingBdnfParams
      {"hippocampus", 4},           // HippocampusParams
      {"prefrontal", 3},            // PrefrontalParams
      {"brain_age", 4},             // BrainAgeParams
      {"chronic_cognition", 13},    // ChronicCognitionParams
      {"mood", 5},                  // MoodParams
      {"inflammation", 4},          // InflammationParams
      {"cortisol_reactivity", 3},   // CortisolReactivityParams
      {"bbb", 5},                   // BbbParams
      {"subject_norms", 23},        // SubjectNorms
      {"population", 29},           // PopulationParams
      {"dose", 5},                  // SessionDoseParams
      {"measurement", 8},           // MeasurementParams
  };
  return kCounts;
}
constexpr std::size_t kAcuteParameterCount = 166;   // the fourteen AcuteParams groups above
constexpr std::size_t kChronicParameterCount = 69;  // the ten ChronicParams groups above
constexpr std::size_t kParameterCount = 312;        // all groups above

struct Row {
  std::string group;
  std::string name;
  double value;
  const double* address;
  std::string unit;
  ValidRange range;
  std::string source;
};

// Rows of a grouped visitor (AcuteParams, ChronicParams, ModelParams).
template <class P>
std::vector<Row> grouped_rows(P& params) {
  std::vector<Row> rows;
  visit_parameters(params, [&](std::string_view group, std::string_view name, auto& value,
                               std::string_view unit, ValidRange range, std::string_view source) {
    rows.push_back({std::string(group), std::string(name), value, &value, std::string(unit), range,
                    std::string(source)});
  });
  return rows;
}

std::vector<Row> all_default_rows() {
  const ModelParams params{};
  return grouped_rows(params);
}

double value_of(const std::vector<Row>& rows, std::string_view group, std::string_view name) {
  for (const auto& r : rows) {
    if (r.group == group && r.name == name) return r.value;
  }
  ADD_FAILURE() << "no parameter " << group << "." << name;
  return std::numeric_limits<double>::quiet_NaN();
}

// Sets every visited field of `params` to NaN and checks that the whole struct is then NaN: with
// only doubles in it (the size check), this means no field was left out of the visitor.
template <class P>
void expect_every_field_visited(const char* what) {
  constexpr std::size_t kFieldCount = sizeof(P) / sizeof(double);
  ASSERT_EQ(sizeof(P), kFieldCount * sizeof(double))
      << what << " holds something other than doubles";
  P params{};
  // Pathway visitors pass (name, value, unit, range, source), grouped ones (group, name, …).
  visit_parameters(params, [](auto&&... args) {
    const auto set_nan = [](auto&& a) {
      if constexpr (std::is_same_v<decltype(a), double&>) {
        a = std::numeric_limits<double>::quiet_NaN();
      }
    };
    (set_nan(args), ...);
  });
  std::array<double, kFieldCount> fields{};
  std::memcpy(fields.data(), &params, sizeof(P));
  for (std::size_t k = 0; k < kFieldCount; ++k) {
    EXPECT_TRUE(std::isnan(fields[k])) << what << ": field " << k << " is not visited";
  }
}

TEST(Parameters, CountPerGroupMatchesTheStructs) {
  const auto rows = all_default_rows();
  std::map<std::string, std::size_t> counts;
  for (const auto& r : rows) ++counts[r.group];
  EXPECT_EQ(counts, expected_counts());
  EXPECT_EQ(rows.size(), kParameterCount);
  EXPECT_EQ(parameter_list().size(), kParameterCount);
  const AcuteParams acute{};
  EXPECT_EQ(grouped_rows(acute).size(), kAcuteParameterCount);
  const ChronicParams chronic{};
  EXPECT_EQ(grouped_rows(chronic).size(), kChronicParameterCount);
}

TEST(Parameters, StructSizesMatchTheCounts) {
  // Every parameter struct is plain doubles: a field added to a struct changes its size.
  const auto& c = expected_counts();
  EXPECT_EQ(sizeof(HeartRateParams), c.at("heart_rate") * sizeof(double));
  EXPECT_EQ(sizeof(OxygenUptakeParams), c.at("oxygen_uptake") * sizeof(double));
  EXPECT_EQ(sizeof(CentralCommandParams), c.at("central_command") * sizeof(double));
  EXPECT_EQ(sizeof(CatecholamineParams), c.at("catecholamines") * sizeof(double));
  EXPECT_EQ(sizeof(ArousalParams), c.at("arousal") * sizeof(double));
  EXPECT_EQ(sizeof(CognitionParams), c.at("cognition") * sizeof(double));
  EXPECT_EQ(sizeof(CerebralBloodFlowParams), c.at("cerebral_blood_flow") * sizeof(double));
  EXPECT_EQ(sizeof(LactateParams), c.at("lactate") * sizeof(double));
  EXPECT_EQ(sizeof(VegfParams), c.at("vegf") * sizeof(double));
  EXPECT_EQ(sizeof(BdnfParams), c.at("bdnf") * sizeof(double));
  EXPECT_EQ(sizeof(OsteocalcinParams), c.at("osteocalcin") * sizeof(double));
  EXPECT_EQ(sizeof(Il6Params), c.at("il6") * sizeof(double));
  EXPECT_EQ(sizeof(GlucoseParams), c.at("glucose") * sizeof(double));
  EXPECT_EQ(sizeof(HpaParams), c.at("hpa") * sizeof(double));
  EXPECT_EQ(sizeof(AcuteParams), kAcuteParameterCount * sizeof(double));
  EXPECT_EQ(sizeof(SessionDriveParams), c.at("session") * sizeof(double));
  EXPECT_EQ(sizeof(TrainingAdaptationParams), c.at("training") * sizeof(double));
  EXPECT_EQ(sizeof(RestingBdnfParams), c.at("resting_bdnf") * sizeof(double));
  EXPECT_EQ(sizeof(HippocampusParams), c.at("hippocampus") * sizeof(double));
  EXPECT_EQ(sizeof(PrefrontalParams), c.at("prefrontal") * sizeof(double));
  EXPECT_EQ(sizeof(BrainAgeParams), c.at("brain_age") * sizeof(double));
  EXPECT_EQ(sizeof(ChronicCognitionParams), c.at("chronic_cognition") * sizeof(double));
  EXPECT_EQ(sizeof(MoodParams), c.at("mood") * sizeof(double));
  EXPECT_EQ(sizeof(InflammationParams), c.at("inflammation") * sizeof(double));
  EXPECT_EQ(sizeof(CortisolReactivityParams), c.at("cortisol_reactivity") * sizeof(double));
  EXPECT_EQ(sizeof(BbbParams), c.at("bbb") * sizeof(double));
  EXPECT_EQ(sizeof(ChronicParams), kChronicParameterCount * sizeof(double));
  EXPECT_EQ(sizeof(SubjectNorms), c.at("subject_norms") * sizeof(double));
  EXPECT_EQ(sizeof(PopulationParams), c.at("population") * sizeof(double));
  EXPECT_EQ(sizeof(SessionDoseParams), c.at("dose") * sizeof(double));
  EXPECT_EQ(sizeof(MeasurementParams), c.at("measurement") * sizeof(double));
  EXPECT_EQ(sizeof(ModelParams), kParameterCount * sizeof(double));
}

TEST(Parameters, EveryParameterHasAUnitARangeAndASource) {
  for (const auto& r : all_default_rows()) {
    EXPECT_FALSE(r.unit.empty()) << r.group << "." << r.name << ": dimensionless is \"1\"";
    EXPECT_FALSE(r.source.empty()) << r.group << "." << r.name;
    EXPECT_FALSE(r.name.empty()) << r.group;
    EXPECT_TRUE(std::isfinite(r.value)) << r.group << "." << r.name;
    EXPECT_TRUE(std::isfinite(r.range.min) && std::isfinite(r.range.max))
        << r.group << "." << r.name;
    EXPECT_LT(r.range.min, r.range.max) << r.group << "." << r.name;
    EXPECT_TRUE(r.range.contains(r.value))
        << r.group << "." << r.name << " = " << r.value << " outside [" << r.range.min << ", "
        << r.range.max << "]";
  }
}

TEST(Parameters, TimeConstantsAndHalfLivesCannotReachZero) {
  // They divide in the equations (exp(−t/τ), ln 2 / t½): a range that includes 0 lets an
  // override divide by zero.
  for (const auto& r : all_default_rows()) {
    const bool divides = r.name.find("tau") != std::string::npos ||
                         r.name.find("half_life") != std::string::npos ||
                         r.name.find("half_load") != std::string::npos ||
                         r.name.find("half_dose") != std::string::npos;
    if (divides) EXPECT_GT(r.range.min, 0.0) << r.group << "." << r.name;
  }
}

TEST(Parameters, FullNamesAreUnique) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : all_default_rows()) {
    EXPECT_TRUE(seen.insert({r.group, r.name}).second) << "duplicate " << r.group << "." << r.name;
  }
}

TEST(Parameters, EachFieldIsVisitedOnce) {
  ModelParams params{};
  std::set<const double*> seen;
  for (const auto& r : grouped_rows(params)) {
    EXPECT_TRUE(seen.insert(r.address).second) << r.group << "." << r.name << " aliases another";
  }
  EXPECT_EQ(seen.size(), kParameterCount);
}

TEST(Parameters, VisitedValuesAreTheDefaults) {
  const auto rows = all_default_rows();
  const ModelParams m{};
  const AcuteParams& a = m.acute;
  EXPECT_EQ(value_of(rows, "heart_rate", "on_tau_min"), a.heart_rate.on_tau_min);
  EXPECT_EQ(value_of(rows, "heart_rate", "sleep_drop_bpm"), a.heart_rate.sleep_drop_bpm);
  EXPECT_EQ(value_of(rows, "central_command", "mass_full_frac"), a.central_command.mass_full_frac);
  EXPECT_EQ(value_of(rows, "catecholamines", "norepinephrine_half_excess"),
            a.catecholamines.norepinephrine_half_excess);
  EXPECT_EQ(value_of(rows, "arousal", "arousal_sigma"), a.arousal.arousal_sigma);
  EXPECT_EQ(value_of(rows, "cognition", "consolidation_window_min"),
            a.cognition.consolidation_window_min);
  EXPECT_EQ(value_of(rows, "cerebral_blood_flow", "floor_rel"), a.cerebral_blood_flow.floor_rel);
  EXPECT_EQ(value_of(rows, "lactate", "vlamax_mmol_l_s"), a.lactate.vlamax_mmol_l_s);
  EXPECT_EQ(value_of(rows, "vegf", "half_life_min"), a.vegf.half_life_min);
  EXPECT_EQ(value_of(rows, "bdnf", "half_life_min"), a.bdnf.half_life_min);
  EXPECT_EQ(value_of(rows, "osteocalcin", "signal_half_effect"), a.osteocalcin.signal_half_effect);
  EXPECT_EQ(value_of(rows, "il6", "plasma_half_life_min"), a.il6.plasma_half_life_min);
  EXPECT_EQ(value_of(rows, "hpa", "exercise_threshold_vo2max_frac"),
            a.hpa.exercise_threshold_vo2max_frac);
  EXPECT_EQ(value_of(rows, "session", "walk_peak_force_bw"), m.session.walk_peak_force_bw);
  const ChronicParams& c = m.chronic;
  EXPECT_EQ(value_of(rows, "training", "strength_muscle_max"), c.training.strength_muscle_max);
  EXPECT_EQ(value_of(rows, "training", "vo2max_loss_at_30_per_year"),
            c.training.vo2max_loss_at_30_per_year);
  EXPECT_EQ(value_of(rows, "resting_bdnf", "gain_max"), c.bdnf.gain_max);
  EXPECT_EQ(value_of(rows, "hippocampus", "ageing_acceleration_per_year2"),
            c.hippocampus.ageing_acceleration_per_year2);
  EXPECT_EQ(value_of(rows, "prefrontal", "tau_days"), c.prefrontal.tau_days);
  EXPECT_EQ(value_of(rows, "brain_age", "benefit_half_load"), c.brain_age.benefit_half_load);
  EXPECT_EQ(value_of(rows, "chronic_cognition", "working_memory_max"),
            c.cognition.working_memory_max);
  EXPECT_EQ(value_of(rows, "mood", "training_max"), c.mood.training_max);
  EXPECT_EQ(value_of(rows, "inflammation", "rise_per_year_pg_ml"),
            c.inflammation.rise_per_year_pg_ml);
  EXPECT_EQ(value_of(rows, "cortisol_reactivity", "half_dose"), c.cortisol.half_dose);
  EXPECT_EQ(value_of(rows, "bbb", "loss_onset_years"), c.bbb.loss_onset_years);
  EXPECT_EQ(value_of(rows, "subject_norms", "vo2max_male_25"), m.norms.vo2max_male_25);
  EXPECT_EQ(value_of(rows, "subject_norms", "bdnf_resting_ng_ml"), m.norms.bdnf_resting_ng_ml);
  EXPECT_EQ(value_of(rows, "population", "attend_intercept"), m.population.attend_intercept);
  EXPECT_EQ(value_of(rows, "population", "strength_noise_cv"), m.population.strength_noise_cv);
}

TEST(Parameters, VisitorWritesTheFields) {
  ModelParams m{};
  visit_parameters(
      m, [](std::string_view, std::string_view, double& value, std::string_view, ValidRange,
            std::string_view) { value = std::numeric_limits<double>::quiet_NaN(); });
  EXPECT_TRUE(std::isnan(m.acute.heart_rate.off_tau_min));
  EXPECT_TRUE(std::isnan(m.acute.lactate.brain_km_mmol_l));
  EXPECT_TRUE(std::isnan(m.acute.hpa.circadian_phase2_clock_min));
  EXPECT_TRUE(std::isnan(m.session.resistance_vo2_slope));
  EXPECT_TRUE(std::isnan(m.chronic.training.fitness_tau_days));
  EXPECT_TRUE(std::isnan(m.chronic.bbb.tau_days));
  EXPECT_TRUE(std::isnan(m.norms.lt_recreational));
  EXPECT_TRUE(std::isnan(m.population.motivation_mood_corr));
}

TEST(Parameters, NoFieldIsLeftOutOfAVisitor) {
  expect_every_field_visited<AcuteParams>("AcuteParams");
  expect_every_field_visited<SessionDriveParams>("SessionDriveParams");
  expect_every_field_visited<ChronicParams>("ChronicParams");
  expect_every_field_visited<SubjectNorms>("SubjectNorms");
  expect_every_field_visited<PopulationParams>("PopulationParams");
  expect_every_field_visited<ModelParams>("ModelParams");
}

// ---------------------------------------------------------------------------------------------
// Finding and setting by full name

TEST(ParameterOverrides, FindReportsValueUnitRangeAndSource) {
  ModelParams m{};
  m.acute.lactate.rest_mmol_l = 1.7;
  const auto p = find_parameter(m, "lactate.rest_mmol_l");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, 1.7);
  EXPECT_EQ(p->unit, "mmol/L");
  EXPECT_EQ(p->full_name(), "lactate.rest_mmol_l");
  EXPECT_LT(p->range.min, 1.0);
  EXPECT_GT(p->range.max, 1.0);
  EXPECT_FALSE(find_parameter(m, "lactate.rest").has_value());
  EXPECT_FALSE(find_parameter(m, "rest_mmol_l").has_value());
  EXPECT_FALSE(find_parameter(m, "lactate.").has_value());
  EXPECT_FALSE(find_parameter(m, "").has_value());
  // Same field name in two groups: the group decides.
  EXPECT_EQ(find_parameter(m, "bdnf.half_life_min")->value, m.acute.bdnf.half_life_min);
  EXPECT_EQ(find_parameter(m, "vegf.half_life_min")->value, m.acute.vegf.half_life_min);
  EXPECT_EQ(find_parameter(m, "resting_bdnf.tau_days")->value, m.chronic.bdnf.tau_days);
}

TEST(ParameterOverrides, ApplySetsExactlyThatField) {
  ModelParams m{};
  apply_parameter(m, "lactate.passive_clearance_per_min", 0.05);
  apply_parameter(m, "training.strength_muscle_max", 0.4);
  apply_parameter(m, "population.dropout_hazard_per_day", 0.0);
  EXPECT_EQ(m.acute.lactate.passive_clearance_per_min, 0.05);
  EXPECT_EQ(m.chronic.training.strength_muscle_max, 0.4);
  EXPECT_EQ(m.population.dropout_hazard_per_day, 0.0);
  // Nothing else moved.
  const ModelParams d{};
  std::size_t changed = 0;
  const auto now = parameter_list(m);
  const auto before = parameter_list(d);
  ASSERT_EQ(now.size(), before.size());
  for (std::size_t k = 0; k < now.size(); ++k) changed += now[k].value != before[k].value ? 1 : 0;
  EXPECT_EQ(changed, 3U);
}

TEST(ParameterOverrides, RangeBoundsAreInclusive) {
  ModelParams m{};
  const auto p = *find_parameter(m, "lactate.brain_km_mmol_l");
  apply_parameter(m, "lactate.brain_km_mmol_l", p.range.min);
  EXPECT_EQ(m.acute.lactate.brain_km_mmol_l, p.range.min);
  apply_parameter(m, "lactate.brain_km_mmol_l", p.range.max);
  EXPECT_EQ(m.acute.lactate.brain_km_mmol_l, p.range.max);
}

TEST(ParameterOverrides, UnknownNameThrowsWithASuggestion) {
  ModelParams m{};
  try {
    apply_parameter(m, "lactate.rest_mmol", 1.0);
    FAIL() << "no error";
  } catch (const ParameterError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("unknown parameter 'lactate.rest_mmol'"), std::string::npos) << what;
    EXPECT_NE(what.find("did you mean 'lactate.rest_mmol_l'?"), std::string::npos) << what;
  }
  // A field under the wrong group, or without one, is found by the field.
  EXPECT_EQ(parameter_suggestion("blood.passive_clearance_per_min"),
            " did you mean 'lactate.passive_clearance_per_min'?");
  EXPECT_EQ(parameter_suggestion("strength_muscle_max"),
            " did you mean 'training.strength_muscle_max'?");
  EXPECT_EQ(parameter_suggestion("completely.unrelated_words_here"), "");
}

TEST(ParameterOverrides, OutOfRangeOrNonFiniteThrowsNamingTheRangeAndLeavesParamsAlone) {
  ModelParams m{};
  const double before = m.acute.lactate.rest_mmol_l;
  for (const double bad : {-1.0, 100.0, std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity()}) {
    try {
      apply_parameter(m, "lactate.rest_mmol_l", bad);
      FAIL() << "no error for " << bad;
    } catch (const ParameterError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("outside its valid range [0.3, 3] mmol/L"), std::string::npos) << what;
    }
    EXPECT_EQ(m.acute.lactate.rest_mmol_l, before);
  }
  EXPECT_FALSE(parameter_problem("lactate.rest_mmol_l", 2.0).has_value());
}

TEST(ParameterOverrides, LaterOverridesWin) {
  const ModelParams m = with_overrides(
      ModelParams{}, {{"heart_rate.sleep_drop_bpm", 3.0}, {"heart_rate.sleep_drop_bpm", 9.0}});
  EXPECT_EQ(m.acute.heart_rate.sleep_drop_bpm, 9.0);
  EXPECT_THROW((void)with_overrides(ModelParams{}, {{"heart_rate.nope", 1.0}}), ParameterError);
}

}  // namespace
}  // namespace brainload
