// The one loop (simulation.hpp): trace and a trial agent differ only in the attendance rule and
// the observer; the chronic layer evolves in a trace; events are evaluated for every agent in the
// study; `measure` events read the acute observables; `lab` arms attend everything.
#include "brainload/simulation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/agent.hpp"
#include "brainload/population/runner.hpp"
#include "brainload/population/summary.hpp"
#include "brainload/units.hpp"
#include "shipped_scenario.hpp"

namespace brainload {
namespace {

std::size_t acute(std::string_view name) {
  const auto all = acute_observables();
  return static_cast<std::size_t>(std::ranges::find(all, name, &ObservableInfo::name) -
                                  all.begin());
}

std::size_t chronic(std::string_view name) {
  const auto all = chronic_observables();
  return static_cast<std::size_t>(std::ranges::find(all, name, &ObservableInfo::name) -
                                  all.begin());
}

const EventRecord& event_named(const Trace& t, const Arm& arm, const std::string& name) {
  for (const EventRecord& e : t.events) {
    if (arm.events[e.index].name == name) return e;
  }
  throw std::runtime_error("no event " + name);
}

TEST(OneLoop, TraceStepsTheChronicLayer) {
  const Scenario s = shipped("lisa_trial");
  const Arm& hrt = *std::ranges::find(s.arms, "hrt", &Arm::name);
  TraceOptions o;
  o.every_min = units::kMinutesPerDay;
  o.to_day = 365;
  const Trace t = trace_reference(s, hrt, o);
  ASSERT_EQ(t.rows.size(), 366U);
  const std::size_t strength = chronic("strength_1rm_rel");
  const std::size_t sessions = chronic("sessions_done");
  EXPECT_DOUBLE_EQ(t.rows.front().chronic[strength], 1.0);
  EXPECT_GT(t.rows.back().chronic[strength], 1.1) << "a year of heavy lifting gains strength";
  EXPECT_GT(t.rows.back().chronic[sessions], 100.0);
  // Day by day, never a jump back to baseline.
  EXPECT_GT(t.rows[180].chronic[strength], t.rows[10].chronic[strength]);
}

TEST(OneLoop, TraceFromADayLaterIntegratesThroughTheEarlierOnes) {
  const Scenario s = shipped("lisa_trial");
  const Arm& hrt = *std::ranges::find(s.arms, "hrt", &Arm::name);
  TraceOptions whole;
  whole.every_min = units::kMinutesPerDay;
  whole.to_day = 40;
  TraceOptions late = whole;
  late.from_day = 30;
  const Trace a = trace_reference(s, hrt, whole);
  const Trace b = trace_reference(s, hrt, late);
  ASSERT_EQ(b.rows.size(), 11U);
  EXPECT_EQ(b.rows.front().t_min, 30 * units::kMinutesPerDay);
  const std::size_t strength = chronic("strength_1rm_rel");
  EXPECT_NEAR(b.rows.front().chronic[strength], a.rows[30].chronic[strength], 1e-9);
  EXPECT_NEAR(b.rows.back().chronic[strength], a.rows.back().chronic[strength], 1e-9);
}

// A trial agent with the reference individual's traits, in a lab arm and without measurement
// error, sees exactly what the trace sees: the two differ only in observer and attendance.
TEST(OneLoop, LabAgentWithTypicalTraitsEqualsTheTrace) {
  Scenario s = shipped("back_to_back_hiit");
  ModelParams params;
  params.measurement = MeasurementParams{0, 0, 0, 0, 0, 0, 0, 0};
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    AgentTraits traits;
    traits.arm = static_cast<int>(a);
    traits.subject = typical_subject(s.population, params.norms);
    const RunPlan plan;
    const AgentResult r = simulate_agent(s, traits, params, SolverConfig{},
                                         compute_rest_cycle(params, SolverConfig{}), 1, plan);
    const Trace t = trace_reference(s, s.arms[a], TraceOptions{60.0, 0.0, {}}, params);
    ASSERT_EQ(r.events.size(), s.arms[a].events.size());
    EXPECT_EQ(r.sessions_done, r.sessions_scheduled) << s.arms[a].name;
    for (std::size_t e = 0; e < r.events.size(); ++e) {
      EXPECT_EQ(r.events[e], event_named(t, s.arms[a], s.arms[a].events[e].name).value)
          << s.arms[a].name << " " << s.arms[a].events[e].name;
    }
  }
}

// The classroom page's personal subject: a trace of a drawn individual (TraceOptions::subject)
// is that agent of a lab trial, exactly.
TEST(OneLoop, TraceOfADrawnSubjectEqualsThatLabAgent) {
  const Scenario s = shipped("wingate");
  ModelParams params;
  params.measurement = MeasurementParams{0, 0, 0, 0, 0, 0, 0, 0};
  const AgentTraits drawn = sample_agent(s, params, 7, 3, 0);
  const Subject typical = typical_subject(s.population, params.norms);
  EXPECT_NE(drawn.subject.vo2max_ml_kg_min, typical.vo2max_ml_kg_min);
  const AgentResult agent = simulate_agent(
      s, drawn, params, SolverConfig{}, compute_rest_cycle(params, SolverConfig{}), 7, RunPlan{});
  TraceOptions o{60.0, 0.0, {}};
  o.subject = drawn.subject;
  o.trainability = drawn.trainability;
  const Trace t = trace_reference(s, s.arms[0], o, params);
  EXPECT_EQ(t.subject.vo2max_ml_kg_min, drawn.subject.vo2max_ml_kg_min);
  for (std::size_t e = 0; e < agent.events.size(); ++e) {
    EXPECT_EQ(agent.events[e], event_named(t, s.arms[0], s.arms[0].events[e].name).value);
  }
  const Trace typical_trace = trace_reference(s, s.arms[0], TraceOptions{60.0, 0.0, {}}, params);
  EXPECT_NE(event_named(t, s.arms[0], "lactate_peak").value,
            event_named(typical_trace, s.arms[0], "lactate_peak").value);
}

// regression: a population of one age (min = max) once failed boost's min < max precondition
// (an assertion in the classroom page's build); the traits after the age do not depend on it.
TEST(OneLoop, RegressionSingleAgePopulationDrawsTheSameOtherTraits) {
  Scenario s = shipped("wingate");
  s.population.age = {AgeDistribution::Kind::uniform, 40.0, 40.0};
  const AgentTraits fixed = sample_agent(s, ModelParams{}, 5, 2, 0);
  EXPECT_EQ(fixed.subject.age_years, 40.0);
  s.population.age = {AgeDistribution::Kind::uniform, 39.0, 41.0};
  const AgentTraits spread = sample_agent(s, ModelParams{}, 5, 2, 0);
  EXPECT_EQ(fixed.trainability, spread.trainability);
  EXPECT_EQ(fixed.motivation, spread.motivation);
}

TEST(OneLoop, MeasureEventsReadTheObservable) {
  const Scenario s = shipped("wingate");
  const Arm& arm = s.arms[0];
  const Trace t = trace_reference(s, arm, TraceOptions{0.25, 0.0, 0.1});
  const std::size_t lactate = acute("lactate_mmol_l");
  double peak = 0.0;
  for (const TraceRow& r : t.rows) {
    if (r.t_min >= 60.0 && r.t_min <= 75.0) peak = std::max(peak, r.acute[lactate]);
  }
  const double measured = event_named(t, arm, "lactate_peak").value;
  EXPECT_NEAR(measured, peak, 1e-9 * peak) << "peak over the same 0.25-min grid";
  EXPECT_GT(measured, 5.0);
  // A value is the observable at that moment: cortisol at 10:30 is the row at t = 90 min.
  const std::size_t cortisol = acute("cortisol_nmol_l");
  const auto row = std::ranges::find(t.rows, 90.0, &TraceRow::t_min);
  ASSERT_NE(row, t.rows.end());
  EXPECT_DOUBLE_EQ(event_named(t, arm, "cortisol_30min").value, row->acute[cortisol]);
}

TEST(OneLoop, MeanAndAreaOverAWindowAgree) {
  Scenario s = shipped("wingate");
  EventSpec mean;
  mean.name = "mean";
  mean.day = 0;
  mean.at_min = 10 * 60;
  mean.type = EventType::measure;
  mean.observable = "lactate_mmol_l";
  mean.stat = MeasureStat::mean;
  mean.window_min = 30.0;
  EventSpec auc = mean;
  auc.name = "auc";
  auc.stat = MeasureStat::auc;
  s.arms[0].events = {mean, auc};
  const Trace t = trace_reference(s, s.arms[0], TraceOptions{60.0, 0.0, {}});
  ASSERT_EQ(t.events.size(), 2U);
  const double m = event_named(t, s.arms[0], "mean").value;
  EXPECT_GT(m, 1.5);
  EXPECT_NEAR(event_named(t, s.arms[0], "auc").value, 30.0 * m, 1e-9 * m);
  EXPECT_EQ(event_unit(auc), "mmol/L min");
}

TEST(OneLoop, EventsInTrialsForEveryAgentInTheStudy) {
  const Scenario s = shipped("back_to_back_hiit");
  RunOptions o;
  o.agents = 16;
  o.threads = 2;
  const RunResults r = run_population(s, o);
  for (const AgentResult& a : r.agents) {
    EXPECT_FALSE(a.dropped_out) << "lab arms have no dropout";
    EXPECT_EQ(a.sessions_done, a.sessions_scheduled) << "lab arms attend every session";
    ASSERT_EQ(a.events.size(), 2U);
    for (double v : a.events) EXPECT_TRUE(std::isfinite(v));
  }
  const TrialSummary t = summarize(s, r);
  for (const ArmSummary& arm : t.arms) {
    ASSERT_EQ(arm.events.size(), 2U);
    EXPECT_EQ(arm.events[0].name, "cognitive_test_d0_1400");
    EXPECT_EQ(arm.events[0].n, 4);
    EXPECT_EQ(arm.events[1].unit, "1");
  }
  // Three arms against the rest arm, two events each.
  EXPECT_EQ(t.event_contrasts.size(), 6U);
}

TEST(OneLoop, DroppedOutAgentsTakeNoLaterEvent) {
  Scenario s = shipped("lisa_trial");
  s.days = 200;
  s.assess_days = {0, 200};
  EventSpec test;
  test.name = "late_test";
  test.day = 199;
  test.at_min = 14 * 60;
  for (Arm& arm : s.arms) arm.events = {test};
  ModelParams params;
  params.population.dropout_hazard_per_day = 0.02;  // most agents leave within the 200 days
  RunOptions o;
  o.agents = 12;
  const RunResults r = run_population(s, o, params);
  int dropped = 0;
  for (const AgentResult& a : r.agents) {
    ASSERT_EQ(a.events.size(), 1U);
    if (a.dropped_out) {
      ++dropped;
      EXPECT_TRUE(std::isnan(a.events[0])) << "agent " << a.traits.id;
    } else {
      EXPECT_TRUE(std::isfinite(a.events[0])) << "agent " << a.traits.id;
    }
  }
  EXPECT_GT(dropped, 0);
}

TEST(OneLoop, EventsAreIdenticalAtOneAndTwoThreads) {
  const Scenario s = shipped("back_to_back_hiit");
  RunOptions one;
  one.agents = 12;
  one.threads = 1;
  RunOptions two = one;
  two.threads = 2;
  const RunResults a = run_population(s, one);
  const RunResults b = run_population(s, two);
  ASSERT_EQ(a.agents.size(), b.agents.size());
  for (std::size_t i = 0; i < a.agents.size(); ++i) {
    EXPECT_TRUE(std::ranges::equal(a.agents[i].events, b.agents[i].events));
  }
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// Save/restore of one individual (issue 19): a trace stopped at a day boundary and continued
// from its saved state gives the rows and events of the trace that never stopped.
TEST(LifeStateTest, SplitTraceEqualsTheUnbrokenOne) {
  for (const auto& [name, arm_index, split, to] :
       {std::tuple{"lisa_trial", std::size_t{1}, 3, 6},
        std::tuple{"exercise_and_learning", std::size_t{1}, 1, 2}}) {
    SCOPED_TRACE(name);
    const Scenario s =
        load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/" + name + ".toml");
    const Arm& arm = s.arms[std::min(arm_index, s.arms.size() - 1)];
    TraceOptions whole;
    whole.every_min = 30.0;
    whole.to_day = std::min(to, s.days);
    const Trace unbroken = trace_reference(s, arm, whole);
    ASSERT_TRUE(unbroken.failure.empty()) << unbroken.failure;

    TraceOptions first = whole;
    first.to_day = split;
    first.save_state = true;
    const Trace head = trace_reference(s, arm, first);
    ASSERT_TRUE(head.state.has_value());
    EXPECT_EQ(head.state->day, split);

    TraceOptions second = whole;
    second.resume = head.state;
    const Trace tail = trace_reference(s, arm, second);
    ASSERT_TRUE(tail.failure.empty()) << tail.failure;
    std::size_t matched = 0;
    for (const TraceRow& row : tail.rows) {
      const auto same = std::ranges::find_if(
          unbroken.rows, [&](const TraceRow& r) { return std::abs(r.t_min - row.t_min) < 1e-9; });
      ASSERT_NE(same, unbroken.rows.end()) << row.t_min;
      for (std::size_t k = 0; k < row.acute.size(); ++k) {
        EXPECT_DOUBLE_EQ(row.acute[k], same->acute[k]) << "acute " << k << " at " << row.t_min;
      }
      for (std::size_t k = 0; k < row.chronic.size(); ++k) {
        EXPECT_DOUBLE_EQ(row.chronic[k], same->chronic[k])
            << "chronic " << k << " at " << row.t_min;
      }
      ++matched;
    }
    EXPECT_GT(matched, 0U);
    EXPECT_NEAR(tail.rows.front().t_min, split * 1440.0, 1e-9);
    ASSERT_EQ(tail.events.size(), unbroken.events.size());
    for (std::size_t e = 0; e < tail.events.size(); ++e) {
      if (std::isnan(unbroken.events[e].value)) continue;
      EXPECT_DOUBLE_EQ(tail.events[e].value, unbroken.events[e].value) << "event " << e;
    }
  }
}

}  // namespace
}  // namespace brainload
