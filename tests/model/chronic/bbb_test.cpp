// Blood-brain barrier (bbb.hpp): integrity is lost only after the onset age, gained with the VEGF
// dose, and stays within 0–1.
#include "brainload/model/chronic/bbb.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Chronic, BbbIntegrityIsLostOnlyAfterTheOnsetAge) {
  const BbbParams p;
  ChronicState young;
  young.age_years = p.loss_onset_years - 1.0;
  ChronicState old;
  old.age_years = p.loss_onset_years + 1.0;
  const double base = old.bbb_base;
  for (int d = 0; d < 365; ++d) {
    step_bbb(p, young);
    step_bbb(p, old);
  }
  EXPECT_EQ(young.bbb_base, base);
  EXPECT_NEAR(old.bbb_base, base - p.loss_per_year * 365.0 / 365.25, 1e-12);
  EXPECT_EQ(old.bbb_integrity, old.bbb_base);
}

TEST(Chronic, BbbIntegrityRisesWithTheVegfDoseAndStaysWithinZeroAndOne) {
  const BbbParams p;
  ChronicState s;
  s.age_years = p.loss_onset_years;  // no loss
  s.vegf_dose_avg = p.half_dose;     // S = 1/2
  const double base = s.bbb_base;
  for (int d = 0; d < 3650; ++d) step_bbb(p, s);
  EXPECT_NEAR(s.bbb_gain, 0.5 * p.gain_max, 1e-12);
  EXPECT_NEAR(s.bbb_integrity, base + s.bbb_gain, 1e-15);
  s.bbb_base = 1.0;
  step_bbb(p, s);
  EXPECT_EQ(s.bbb_integrity, 1.0);
  s.bbb_base = -1.0;
  step_bbb(p, s);
  EXPECT_EQ(s.bbb_integrity, 0.0);
}

}  // namespace
}  // namespace brainload
