#include "brainload/model/cognition.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Cognition, RestedPersonScoresZero) {
  const CognitionParams p;
  EXPECT_DOUBLE_EQ(cognitive_performance_z(p, p.arousal_rest, 1.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(recall_z(p, p.arousal_rest, p.arousal_rest), 0.0);
}

TEST(Cognition, InvertedUOfArousal) {
  const CognitionParams p;
  const double best = cognitive_performance_z(p, p.arousal_optimum, 1.0, 0.0);
  EXPECT_GT(best, 0.0);
  EXPECT_GT(best, cognitive_performance_z(p, 0.95, 1.0, 0.0));  // too much arousal harms
  EXPECT_GT(best, cognitive_performance_z(p, 0.45, 1.0, 0.0));
  EXPECT_LT(cognitive_performance_z(p, 1.0, 1.0, 0.0), cognitive_performance_z(p, 0.5, 1.0, 0.0));
}

// The perfusion term is linear by default (k_down = k_up,
// docs/research/acute_cognition_weights.md), and each side follows its own weight when they are set
// apart.
TEST(Cognition, PerfusionTermIsLinearAndEachSideHasItsWeight) {
  CognitionParams p;
  const double down = cognitive_performance_z(p, p.arousal_rest, 0.9, 0.0);
  const double up = cognitive_performance_z(p, p.arousal_rest, 1.1, 0.0);
  EXPECT_LT(down, 0.0);
  EXPECT_GT(up, 0.0);
  EXPECT_NEAR(-down, up, 1e-12);
  p.perfusion_loss_weight_z = 4.0;
  EXPECT_NEAR(cognitive_performance_z(p, p.arousal_rest, 0.9, 0.0), -0.4, 1e-12);
  EXPECT_NEAR(cognitive_performance_z(p, p.arousal_rest, 1.1, 0.0), up, 1e-12);
}

TEST(Cognition, PostLearningArousalConsolidates) {
  const CognitionParams p;
  EXPECT_GT(recall_z(p, p.arousal_rest, 0.6), 0.0);
  EXPECT_GT(recall_z(p, p.arousal_optimum, p.arousal_rest), 0.0);
}

}  // namespace
}  // namespace brainload
