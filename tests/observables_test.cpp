// The observable registry (observables.hpp): one complete row per observable, read by the trace,
// the summary, the accuracy contract and `describe --json`.
#include "brainload/observables.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "brainload/population/accuracy.hpp"

namespace brainload {
namespace {

TEST(Observables, EveryRowIsCompleteAndOfItsKind) {
  std::set<std::string> names;
  for (const ObservableInfo& o : acute_observables()) {
    EXPECT_TRUE(names.insert(std::string(o.name)).second) << o.name;
    EXPECT_EQ(o.kind, ObservableKind::acute) << o.name;
    EXPECT_NE(o.acute_value, nullptr) << o.name;
    EXPECT_EQ(o.chronic_value, nullptr) << o.name;
    EXPECT_FALSE(o.unit.empty() || o.meaning.empty() || o.label.empty()) << o.name;
  }
  for (const ObservableInfo& o : chronic_observables()) {
    EXPECT_TRUE(names.insert(std::string(o.name)).second) << o.name;
    EXPECT_EQ(o.kind, ObservableKind::chronic) << o.name;
    EXPECT_NE(o.chronic_value, nullptr) << o.name;
    EXPECT_EQ(o.acute_value, nullptr) << o.name;
    EXPECT_FALSE(o.unit.empty() || o.meaning.empty() || o.label.empty()) << o.name;
    EXPECT_LT(o.histogram_min, o.histogram_max) << o.name;
    EXPECT_GE(o.accuracy_floor, 0.0) << o.name;
  }
}

TEST(Observables, ChronicGettersReadTheirOwnField) {
  // Each field set to a distinct value: a getter reading a neighbour's field shows.
  ChronicState c{};
  c.vo2max_ml_kg_min = 1;
  c.strength_1rm_rel = 2;
  c.upper_strength_1rm_rel = 3;
  c.bdnf_resting_ng_ml = 4;
  c.hippocampal_volume_rel = 5;
  c.prefrontal_connectivity_rel = 6;
  c.brain_age_gap_years = 7;
  c.cognition_composite_z = 8;
  c.executive_function_z = 9;
  c.working_memory_z = 10;
  c.depression_z = 11;
  c.il6_resting_pg_ml = 12;
  c.bbb_integrity = 13;
  c.fatigue = 14;
  c.sessions_done = 15;
  c.resting_heart_rate_bpm = 16;
  const auto values = chronic_values(c);
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    EXPECT_EQ(values[k], static_cast<double>(k + 1)) << chronic_observables()[k].name;
  }
}

TEST(Observables, ChronicIndexFindsEachNameAndRefusesAnUnknownOne) {
  const auto rows = chronic_observables();
  for (std::size_t k = 0; k < rows.size(); ++k) {
    EXPECT_EQ(chronic_observable_index(rows[k].name), k) << rows[k].name;
  }
  EXPECT_THROW((void)chronic_observable_index("strength"), std::invalid_argument);
}

TEST(Observables, DefaultStateLiesInsideEveryHistogramRange) {
  const auto values = chronic_values(ChronicState{});
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    const ObservableInfo& o = chronic_observables()[k];
    EXPECT_GE(values[k], o.histogram_min) << o.name;
    EXPECT_LE(values[k], o.histogram_max) << o.name;
  }
}

TEST(Observables, AccuracyContractUsesTheFloorOfEachRow) {
  // sessions_done has no floor (exact at 0); a z-score near 0 is allowed its floor of 1e-3.
  EXPECT_EQ(contract_ratio(14, 0.0, 0.0), 0.0);
  EXPECT_GT(contract_ratio(14, 1e-9, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(contract_ratio(7, 5e-4, 0.0), 0.5);
}

}  // namespace
}  // namespace brainload
