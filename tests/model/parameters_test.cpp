// Parameter metadata (visit_parameters in each parameter header): every field of every parameter
// struct is visited exactly once, with a unit and a source, so `brainload describe` lists them all.
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

#include "brainload/model/acute_model.hpp"
#include "brainload/model/subject_norms.hpp"
#include "brainload/schedule/session_drive.hpp"

namespace brainload {
namespace {

// Fields per parameter struct, counted by hand from the struct definitions. A new field needs a
// visit(...) line in the visitor of its header AND the count here updated; these tests fail
// until both are done (the size check below catches a field added without either).
const std::map<std::string, std::size_t>& expected_counts() {
  static const std::map<std::string, std::size_t> kCounts = {
      {"heart_rate", 3},            // HeartRateParams
      {"central_command", 2},       // CentralCommandParams
      {"catecholamines", 7},        // CatecholamineParams
      {"arousal", 13},              // ArousalParams
      {"cognition", 10},            // CognitionParams
      {"cerebral_blood_flow", 14},  // CerebralBloodFlowParams
      {"lactate", 10},              // LactateParams
      {"vegf", 4},                  // VegfParams
      {"bdnf", 6},                  // BdnfParams
      {"osteocalcin", 6},           // OsteocalcinParams
      {"il6", 6},                   // Il6Params
      {"hpa", 14},                  // HpaParams
      {"session", 12},              // SessionDriveParams
      {"subject_norms", 21},        // SubjectNorms
  };
  return kCounts;
}
constexpr std::size_t kAcuteParameterCount = 95;  // the twelve AcuteParams groups above
constexpr std::size_t kParameterCount = 128;      // all groups above

struct Row {
  std::string group;
  std::string name;
  double value;
  const double* address;
  std::string unit;
  std::string source;
};

template <class P>
std::vector<Row> rows_of(P& params, const std::string& group) {
  std::vector<Row> rows;
  visit_parameters(params, [&](std::string_view name, auto& value, std::string_view unit,
                               std::string_view source) {
    rows.push_back(
        {group, std::string(name), value, &value, std::string(unit), std::string(source)});
  });
  return rows;
}

template <class P>
std::vector<Row> acute_rows(P& params) {
  std::vector<Row> rows;
  visit_parameters(params, [&](std::string_view group, std::string_view name, auto& value,
                               std::string_view unit, std::string_view source) {
    rows.push_back({std::string(group), std::string(name), value, &value, std::string(unit),
                    std::string(source)});
  });
  return rows;
}

std::vector<Row> all_default_rows() {
  const AcuteParams acute{};
  const SessionDriveParams session{};
  const SubjectNorms norms{};
  std::vector<Row> rows = acute_rows(acute);
  for (auto& r : rows_of(session, "session")) rows.push_back(r);
  for (auto& r : rows_of(norms, "subject_norms")) rows.push_back(r);
  return rows;
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
  // Pathway visitors pass (name, value, unit, source), AcuteParams (group, name, value, …).
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
  const AcuteParams acute{};
  EXPECT_EQ(acute_rows(acute).size(), kAcuteParameterCount);
}

TEST(Parameters, StructSizesMatchTheCounts) {
  // Every parameter struct is plain doubles: a field added to a struct changes its size.
  const auto& c = expected_counts();
  EXPECT_EQ(sizeof(HeartRateParams), c.at("heart_rate") * sizeof(double));
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
  EXPECT_EQ(sizeof(HpaParams), c.at("hpa") * sizeof(double));
  EXPECT_EQ(sizeof(AcuteParams), kAcuteParameterCount * sizeof(double));
  EXPECT_EQ(sizeof(SessionDriveParams), c.at("session") * sizeof(double));
  EXPECT_EQ(sizeof(SubjectNorms), c.at("subject_norms") * sizeof(double));
}

TEST(Parameters, EveryParameterHasAUnitAndASource) {
  for (const auto& r : all_default_rows()) {
    EXPECT_FALSE(r.unit.empty()) << r.group << "." << r.name << ": dimensionless is \"1\"";
    EXPECT_FALSE(r.source.empty()) << r.group << "." << r.name;
    EXPECT_FALSE(r.name.empty()) << r.group;
    EXPECT_TRUE(std::isfinite(r.value)) << r.group << "." << r.name;
  }
}

TEST(Parameters, NamesAreUniqueWithinAGroup) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : all_default_rows()) {
    EXPECT_TRUE(seen.insert({r.group, r.name}).second) << "duplicate " << r.group << "." << r.name;
  }
}

TEST(Parameters, EachFieldIsVisitedOnce) {
  AcuteParams acute{};
  std::set<const double*> seen;
  for (const auto& r : acute_rows(acute)) {
    EXPECT_TRUE(seen.insert(r.address).second) << r.group << "." << r.name << " aliases another";
  }
}

TEST(Parameters, VisitedValuesAreTheDefaults) {
  const auto rows = all_default_rows();
  const AcuteParams a{};
  EXPECT_EQ(value_of(rows, "heart_rate", "on_tau_min"), a.heart_rate.on_tau_min);
  EXPECT_EQ(value_of(rows, "heart_rate", "sleep_drop_bpm"), a.heart_rate.sleep_drop_bpm);
  EXPECT_EQ(value_of(rows, "central_command", "mass_full_frac"), a.central_command.mass_full_frac);
  EXPECT_EQ(value_of(rows, "central_command", "compound_weight"),
            a.central_command.compound_weight);
  EXPECT_EQ(value_of(rows, "catecholamines", "epinephrine_gain"),
            a.catecholamines.epinephrine_gain);
  EXPECT_EQ(value_of(rows, "catecholamines", "norepinephrine_gain"),
            a.catecholamines.norepinephrine_gain);
  EXPECT_EQ(value_of(rows, "arousal", "lc_wake_hz"), a.arousal.lc_wake_hz);
  EXPECT_EQ(value_of(rows, "arousal", "arousal_sigma"), a.arousal.arousal_sigma);
  EXPECT_EQ(value_of(rows, "cognition", "arousal_optimum"), a.cognition.arousal_optimum);
  EXPECT_EQ(value_of(rows, "cognition", "consolidation_window_min"),
            a.cognition.consolidation_window_min);
  EXPECT_EQ(value_of(rows, "cerebral_blood_flow", "peak_rise_rel"),
            a.cerebral_blood_flow.peak_rise_rel);
  EXPECT_EQ(value_of(rows, "cerebral_blood_flow", "floor_rel"), a.cerebral_blood_flow.floor_rel);
  EXPECT_EQ(value_of(rows, "lactate", "production_max_mmol_l_per_min"),
            a.lactate.production_max_mmol_l_per_min);
  EXPECT_EQ(value_of(rows, "lactate", "brain_oxidation_per_min"),
            a.lactate.brain_oxidation_per_min);
  EXPECT_EQ(value_of(rows, "vegf", "rest_pg_ml"), a.vegf.rest_pg_ml);
  EXPECT_EQ(value_of(rows, "vegf", "half_life_min"), a.vegf.half_life_min);
  EXPECT_EQ(value_of(rows, "bdnf", "motor_gain"), a.bdnf.motor_gain);
  EXPECT_EQ(value_of(rows, "bdnf", "half_life_min"), a.bdnf.half_life_min);
  EXPECT_EQ(value_of(rows, "osteocalcin", "signal_half_effect"), a.osteocalcin.signal_half_effect);
  EXPECT_EQ(value_of(rows, "osteocalcin", "half_life_min"), a.osteocalcin.half_life_min);
  EXPECT_EQ(value_of(rows, "il6", "onset_per_min"), a.il6.onset_per_min);
  EXPECT_EQ(value_of(rows, "il6", "plasma_half_life_min"), a.il6.plasma_half_life_min);
  EXPECT_EQ(value_of(rows, "hpa", "cortisol_scale_nmol_l"), a.hpa.cortisol_scale_nmol_l);
  EXPECT_EQ(value_of(rows, "hpa", "exercise_threshold_vo2max_frac"),
            a.hpa.exercise_threshold_vo2max_frac);
  const SessionDriveParams s{};
  EXPECT_EQ(value_of(rows, "session", "all_out_muscle_intensity"), s.all_out_muscle_intensity);
  EXPECT_EQ(value_of(rows, "session", "walk_peak_force_bw"), s.walk_peak_force_bw);
  const SubjectNorms n{};
  EXPECT_EQ(value_of(rows, "subject_norms", "vo2max_male_25"), n.vo2max_male_25);
  EXPECT_EQ(value_of(rows, "subject_norms", "bdnf_resting_ng_ml"), n.bdnf_resting_ng_ml);
}

TEST(Parameters, VisitorWritesTheFields) {
  AcuteParams a{};
  visit_parameters(a, [](std::string_view, std::string_view, double& value, std::string_view,
                         std::string_view) { value = std::numeric_limits<double>::quiet_NaN(); });
  EXPECT_TRUE(std::isnan(a.heart_rate.off_tau_min));
  EXPECT_TRUE(std::isnan(a.central_command.compound_weight));
  EXPECT_TRUE(std::isnan(a.catecholamines.drive_exponent));
  EXPECT_TRUE(std::isnan(a.arousal.brain_ne_tau_min));
  EXPECT_TRUE(std::isnan(a.cognition.lactate_fuel_weight_z));
  EXPECT_TRUE(std::isnan(a.cerebral_blood_flow.strain_hill));
  EXPECT_TRUE(std::isnan(a.lactate.brain_km_mmol_l));
  EXPECT_TRUE(std::isnan(a.vegf.lactate_ec50_mmol_l));
  EXPECT_TRUE(std::isnan(a.bdnf.osteocalcin_gain));
  EXPECT_TRUE(std::isnan(a.osteocalcin.force_threshold_bw));
  EXPECT_TRUE(std::isnan(a.il6.muscle_decay_per_min));
  EXPECT_TRUE(std::isnan(a.hpa.circadian_phase2_clock_min));
  SessionDriveParams s{};
  visit_parameters(s, [](std::string_view, double& value, std::string_view, std::string_view) {
    value = std::numeric_limits<double>::quiet_NaN();
  });
  EXPECT_TRUE(std::isnan(s.resistance_vo2_slope));
  EXPECT_TRUE(std::isnan(s.run_contacts_per_min));
  SubjectNorms n{};
  visit_parameters(n, [](std::string_view, double& value, std::string_view, std::string_view) {
    value = std::numeric_limits<double>::quiet_NaN();
  });
  EXPECT_TRUE(std::isnan(n.lt_recreational));
  EXPECT_TRUE(std::isnan(n.il6_trained_rel));
}

TEST(Parameters, NoFieldIsLeftOutOfAVisitor) {
  expect_every_field_visited<AcuteParams>("AcuteParams");
  expect_every_field_visited<SessionDriveParams>("SessionDriveParams");
  expect_every_field_visited<SubjectNorms>("SubjectNorms");
}

}  // namespace
}  // namespace brainload
