// Tests of how a protocol's intensities become the drive of one individual: an absolute oxygen
// demand is a share of that individual's VO2max on the day, so training that raises VO2max makes
// the same work a smaller share of it, while a relative intensity stays the same share.
#include "brainload/schedule/session_drive.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace brainload {
namespace {

Protocol steady(Intensity intensity) {
  Protocol p;
  p.name = "test";
  p.blocks.push_back({SteadyBlock{20.0, intensity, Modality::cycle}, {}});
  return p;
}

double work_fraction(const Protocol& p, double vo2max_ml_kg_min) {
  Subject s;
  s.vo2max_ml_kg_min = vo2max_ml_kg_min;
  const std::vector<Piece> pieces =
      session_pieces(p, s, SessionDriveParams{}, OsteocalcinParams{}, HeartRateParams{});
  EXPECT_EQ(pieces.size(), 1u);
  return pieces.empty() ? -1.0 : pieces.front().drive.work_vo2max_frac;
}

TEST(SessionDrive, AnAbsoluteDemandIsAShareOfTheDaysVo2max) {
  const Protocol absolute = steady({Intensity::Kind::vo2_ml_kg_min, 24.6});
  EXPECT_DOUBLE_EQ(work_fraction(absolute, 33.0), 24.6 / 33.0);
  EXPECT_DOUBLE_EQ(work_fraction(absolute, 42.0), 24.6 / 42.0);
  const Protocol relative = steady({Intensity::Kind::vo2max, 0.6});
  EXPECT_DOUBLE_EQ(work_fraction(relative, 33.0), 0.6);
  EXPECT_DOUBLE_EQ(work_fraction(relative, 42.0), 0.6);
}

TEST(SessionDrive, AnAbsoluteDemandAboveVo2maxRunsAtVo2max) {
  Subject s;
  s.vo2max_ml_kg_min = 30.0;
  const std::vector<Piece> pieces =
      session_pieces(steady({Intensity::Kind::vo2_ml_kg_min, 45.0}), s, SessionDriveParams{},
                     OsteocalcinParams{}, HeartRateParams{});
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_DOUBLE_EQ(pieces.front().drive.work_vo2max_frac, 1.0);
  EXPECT_DOUBLE_EQ(pieces.front().drive.muscle_intensity_frac, 1.5);
}

}  // namespace
}  // namespace brainload
