// The literature validation catalogue and its readers: the shipped catalogue is complete and
// consistent (citations, scenarios that exist and validate, known readers, unique ids), every
// reader gives the hand-computed answer on a synthetic series or summary, and the tolerance and
// status rules behave as docs/validation.md says.
#include "brainload/validation/catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <string>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/observables.hpp"
#include "brainload/schedule/validate.hpp"
#include "brainload/validation/readers.hpp"
#include "brainload/validation/report.hpp"
#include "brainload/validation/suite.hpp"

namespace brainload::validation {
namespace {

const std::string kCatalogue = std::string(BRAINLOAD_SOURCE_DIR) + "/validation/catalogue.toml";

// ---------------------------------------------------------------------------------------------
// The shipped catalogue

TEST(Catalogue, ParsesWithAtLeastFortyTargets) {
  const Catalogue c = load_catalogue(kCatalogue);
  EXPECT_GE(c.targets.size(), 40U);
}

TEST(Catalogue, IdsAreUnique) {
  const Catalogue c = load_catalogue(kCatalogue);
  std::set<std::string> ids;
  for (const Target& t : c.targets) EXPECT_TRUE(ids.insert(t.id).second) << "duplicate " << t.id;
}

TEST(Catalogue, EveryTargetHasACitationAndAToleranceBasis) {
  const Catalogue c = load_catalogue(kCatalogue);
  for (const Target& t : c.targets) {
    EXPECT_FALSE(t.source.authors.empty()) << t.id;
    EXPECT_GE(t.source.year, 1900) << t.id;
    EXPECT_FALSE(t.source.journal.empty()) << t.id;
    EXPECT_FALSE(t.source.volume_pages.empty()) << t.id;
    EXPECT_FALSE(t.tolerance_basis.empty()) << t.id;
    EXPECT_FALSE(t.quantity.empty()) << t.id;
    if (t.fitted) EXPECT_FALSE(t.fitted_parameters.empty()) << t.id;
  }
}

TEST(Catalogue, EveryReaderIsKnownToTheCode) {
  const Catalogue c = load_catalogue(kCatalogue);
  for (const Target& t : c.targets) {
    const auto name = reader_name(t.reader);
    ASSERT_NE(name, "?") << t.id;
    EXPECT_EQ(reader_from_name(name), t.reader) << t.id;
  }
}

TEST(Catalogue, EveryScenarioExistsUnderScenariosValidationAndPassesValidation) {
  const Catalogue c = load_catalogue(kCatalogue);
  std::set<std::string> checked;
  for (const Target& t : c.targets) {
    for (const std::string* path : {&t.scenario_path, &t.vs_scenario_path}) {
      if (path->empty() || !checked.insert(*path).second) continue;
      EXPECT_NE(path->find("scenarios/validation/"), std::string::npos) << t.id << ": " << *path;
      ASSERT_TRUE(std::filesystem::exists(*path)) << t.id << ": " << *path;
      Scenario s;
      ASSERT_NO_THROW(s = load_scenario_file(*path)) << *path;
      EXPECT_NO_THROW(require_valid(s)) << *path;
    }
  }
}

TEST(Catalogue, ArmsExistInTheirScenarios) {
  const Catalogue c = load_catalogue(kCatalogue);
  for (const Target& t : c.targets) {
    const Scenario s = load_scenario_file(t.scenario_path);
    bool found = false;
    for (const Arm& a : s.arms) found = found || a.name == t.arm;
    EXPECT_TRUE(found) << t.id << ": no arm '" << t.arm << "'";
    if (t.is_population()) {
      EXPECT_TRUE(t.day == 0 || std::ranges::find(s.assess_days, t.day) != s.assess_days.end())
          << t.id << ": day " << t.day << " is not an assessment day";
    }
  }
}

TEST(Catalogue, EveryTargetCanFail) {
  // A tolerance band must be finite on at least one side and narrower than the whole line.
  const Catalogue c = load_catalogue(kCatalogue);
  for (const Target& t : c.targets) {
    const Band b = tolerance_band(t);
    EXPECT_TRUE(std::isfinite(b.lo) || std::isfinite(b.hi)) << t.id;
    EXPECT_LT(b.lo, b.hi) << t.id;
  }
}

TEST(Catalogue, CoversEveryPathwayOfTheModel) {
  const Catalogue c = load_catalogue(kCatalogue);
  std::set<std::string> pathways;
  for (const Target& t : c.targets) pathways.insert(t.pathway);
  for (const char* p :
       {"lactate", "catecholamines", "hpa", "cerebral_blood_flow", "heart_rate", "il6", "bdnf",
        "osteocalcin", "cognition", "brain_age", "bdnf_resting", "mood", "cognition_chronic",
        "training_adaptation", "hippocampus", "ageing", "inflammation", "adherence"}) {
    EXPECT_TRUE(pathways.contains(p)) << "no target for pathway " << p;
  }
}

// ---------------------------------------------------------------------------------------------
// Parser diagnostics

constexpr const char* kMinimalTarget = R"(
[[target]]
id = "x.one"
pathway = "lactate"
quantity = "q"
scenario = "scenarios/validation/wingate_untrained_men.toml"
arm = "sprint30"
reader = "peak"
observable = "lactate_mmol_l"
from_min = 60.0
to_min = 120.0
published = 10.0
low = 5.0
high = 20.0
tolerance = "inside"
tolerance_basis = "b"
fitted = false
[target.source]
authors = "A B"
year = 2000
journal = "J"
volume_pages = "1:2"
)";

TEST(CatalogueParser, AcceptsAMinimalTarget) {
  const Catalogue c = parse_catalogue(kMinimalTarget, "t.toml", BRAINLOAD_SOURCE_DIR);
  ASSERT_EQ(c.targets.size(), 1U);
  EXPECT_EQ(c.targets[0].reader, Reader::peak);
  EXPECT_TRUE(
      c.targets[0].scenario_path.ends_with("scenarios/validation/wingate_untrained_men.toml"));
}

TEST(CatalogueParser, RejectsAnUnknownReaderWithItsLine) {
  std::string text = kMinimalTarget;
  text.replace(text.find("reader = \"peak\""), 15, "reader = \"peek\"");
  try {
    (void)parse_catalogue(text, "t.toml", ".");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(e.diagnostics()[0].where.line, 8);
    EXPECT_NE(std::string(e.what()).find("unknown reader 'peek'"), std::string::npos);
  }
}

TEST(CatalogueParser, RejectsDuplicateIdsMissingSourcesAndMissingReaderArguments) {
  std::string twice = std::string(kMinimalTarget) + kMinimalTarget;
  EXPECT_THROW((void)parse_catalogue(twice, "t.toml", "."), ScenarioError);

  std::string no_source = kMinimalTarget;
  no_source.erase(no_source.find("[target.source]"));
  EXPECT_THROW((void)parse_catalogue(no_source, "t.toml", "."), ScenarioError);

  std::string no_window = kMinimalTarget;
  no_window.replace(no_window.find("from_min = 60.0"), 15, "");
  EXPECT_THROW((void)parse_catalogue(no_window, "t.toml", "."), ScenarioError);

  std::string fitted_without_parameters = kMinimalTarget;
  fitted_without_parameters.replace(fitted_without_parameters.find("fitted = false"), 14,
                                    "fitted = true");
  EXPECT_THROW((void)parse_catalogue(fitted_without_parameters, "t.toml", "."), ScenarioError);
}

TEST(CatalogueParser, ReportsSyntaxErrorsWithFileAndLine) {
  try {
    (void)parse_catalogue("[[target]\nid = 1\n", "bad.toml", ".");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:1:"), std::string::npos) << e.what();
  }
}

// The catalogue reads TOML through the scenario parser's reader (io/toml_reader.hpp): the copy
// it had lost the nesting-depth guard and the suggestions (issue 12).
TEST(CatalogueParser, regression_DeepNestingIsAnErrorNotACrash) {
  std::string deep = "x = ";
  for (int k = 0; k < 300; ++k) deep += "[";
  try {
    (void)parse_catalogue(deep + "\n", "deep.toml", ".");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("deep.toml:1:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nested more than 256 levels"), std::string::npos)
        << e.what();
  }
}

TEST(CatalogueParser, regression_UnknownKeySuggestsTheNearOne) {
  std::string text = kMinimalTarget;
  text.replace(text.find("reader = \"peak\""), 6, "raeder");
  try {
    (void)parse_catalogue(text, "t.toml", ".");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown key 'raeder'; did you mean 'reader'?"),
              std::string::npos)
        << e.what();
  }
}

// ---------------------------------------------------------------------------------------------
// Readers on synthetic series (answers computed by hand)

Series zigzag() { return {{0, 1, 2, 3, 4}, {1, 3, 2, 5, 4}}; }

Target reading(Reader r) {
  Target t;
  t.reader = r;
  return t;
}

TEST(Readers, ValueAtInterpolatesLinearly) {
  EXPECT_DOUBLE_EQ(value_at(zigzag(), 1.5), 2.5);
  EXPECT_DOUBLE_EQ(value_at(zigzag(), 3.0), 5.0);
  EXPECT_THROW((void)value_at(zigzag(), 4.5), std::invalid_argument);
}

TEST(Readers, PeakAndMinIncludeInterpolatedWindowEnds) {
  const Extremum p = peak_in(zigzag(), 0.0, 2.5);  // samples 1, 3, 2 and 3.5 at t = 2.5
  EXPECT_DOUBLE_EQ(p.t, 2.5);
  EXPECT_DOUBLE_EQ(p.value, 3.5);
  const Extremum whole = peak_in(zigzag(), 0.0, 4.0);
  EXPECT_DOUBLE_EQ(whole.t, 3.0);
  EXPECT_DOUBLE_EQ(whole.value, 5.0);
  const Extremum m = min_in(zigzag(), 0.5, 4.0);  // 2 at t = 0.5 and at t = 2: earliest wins
  EXPECT_DOUBLE_EQ(m.t, 0.5);
  EXPECT_DOUBLE_EQ(m.value, 2.0);
}

TEST(Readers, MeanOverIsTheTrapezoidalAverage) {
  EXPECT_DOUBLE_EQ(mean_over(zigzag(), 0.0, 4.0), 12.5 / 4.0);
  EXPECT_DOUBLE_EQ(mean_over(zigzag(), 0.5, 1.5), 2.625);  // 0.5·(2+3)/2 + 0.5·(3+2.5)/2
}

TEST(Readers, EveryAcuteReaderOnTheZigzag) {
  const Series s = zigzag();
  Target t = reading(Reader::peak);
  t.from_min = 0.0;
  t.to_min = 4.0;
  t.base_min = 0.0;  // y = 1
  t.at_min = 3.5;    // y = 4.5
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 5.0);
  t.reader = Reader::min;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 1.0);
  t.reader = Reader::value_at;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 4.5);
  t.reader = Reader::mean_over;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 3.125);
  t.reader = Reader::time_of_peak_min;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 3.0);
  t.ref_min = 1.0;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 2.0);
  t.reader = Reader::time_of_min_min;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), -1.0);  // min at t = 0, ref 1
  t.ref_min.reset();
  t.reader = Reader::fold_change_peak;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 5.0);
  t.reader = Reader::fold_change_at;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 4.5);
  t.reader = Reader::peak_minus_baseline;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 4.0);
  t.reader = Reader::relative_change_at;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 3.5);
  t.reader = Reader::change_at;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 3.5);
  t.reader = Reader::drop;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), -3.5);
  t.reader = Reader::remaining_fraction_at;
  EXPECT_DOUBLE_EQ(read_series(t, s, 0.0), 3.5 / 4.0);
}

TEST(Readers, ClockReadersUseTheScenarioStartAndWrap) {
  const Series s{{0, 60, 120, 180}, {3, 1, 2, 4}};
  Target t = reading(Reader::clock_of_min_h);
  t.from_min = 0.0;
  t.to_min = 180.0;
  // Scenario starts at 23:30: the min (t = 60) is at 00:30, read as 24.5 with wrap at 12 h.
  t.clock_wrap_h = 12.0;
  EXPECT_DOUBLE_EQ(read_series(t, s, 23.5 * 60.0), 24.5);
  t.clock_wrap_h.reset();
  EXPECT_DOUBLE_EQ(read_series(t, s, 23.5 * 60.0), 0.5);
  t.reader = Reader::clock_of_peak_h;  // peak at t = 180 → 10:00 from a 07:00 start
  EXPECT_DOUBLE_EQ(read_series(t, s, 7.0 * 60.0), 10.0);
}

TEST(Readers, HalfLivesOfAKnownDecay) {
  // y = 1 + 8·2^(−t/10): the excess over 1 halves every 10 min.
  Series s;
  for (int k = 0; k <= 60; ++k) {
    s.t.push_back(k);
    s.y.push_back(1.0 + 8.0 * std::pow(2.0, -k / 10.0));
  }
  EXPECT_NEAR(exp_half_life(s, 10.0, 40.0, 1.0), 10.0, 1e-12);
  Target t = reading(Reader::exp_half_life_min);
  t.from_min = 5.0;
  t.to_min = 25.0;
  t.base_min = 60.0;  // not exactly 1 at t = 60: use the stated base instead
  EXPECT_GT(read_series(t, s, 0.0), 9.0);
  // A triangle: peak 10 at t = 10, then 6 at 20 and 2 at 30; half (5) is reached at 22.5.
  const Series tri{{0, 10, 20, 30}, {0, 10, 6, 2}};
  EXPECT_DOUBLE_EQ(half_life_after_peak(tri, 0.0, 30.0, 0.0), 12.5);
  EXPECT_DOUBLE_EQ(remaining_fraction(tri, 0.0, 30.0, 30.0, 0.0), 0.2);
  EXPECT_THROW((void)half_life_after_peak(tri, 0.0, 30.0, 20.0), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Readers on a synthetic trial summary

TrialSummary summary() {
  TrialSummary t;
  t.assess_days = {0, 50, 100};
  t.control = "control";
  ArmSummary control, trained;
  control.name = "control";
  trained.name = "trained";
  trained.sessions_scheduled = 10;
  trained.sessions_done = 8;
  const std::size_t k = 1;  // strength_1rm_rel
  for (ArmSummary* a : {&control, &trained}) {
    a->outcomes.resize(3);
  }
  trained.outcomes[0][k] = {10.0, 2.0, 0.0, 0.0};
  trained.outcomes[1][k] = {14.0, 2.0, 4.0, 1.0};
  trained.outcomes[2][k] = {12.0, 2.0, 2.5, 1.0};
  t.arms = {control, trained};
  t.contrasts.push_back({"trained", "control", "strength_1rm_rel", 100, 1.5, 0.75, 0.5, 2.5});
  return t;
}

TEST(Readers, SummaryReaders) {
  const TrialSummary s = summary();
  Target t;
  t.arm = "trained";
  t.outcome = "strength_1rm_rel";
  t.day = 100;
  t.reader = Reader::contrast_smd;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 0.75);
  t.reader = Reader::contrast_mean_difference;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 1.5);
  t.reader = Reader::arm_change_mean;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 2.0);  // 12 − 10
  t.from_day = 50;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), -2.0);  // 12 − 14
  t.reader = Reader::arm_change_relative;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), -2.0 / 14.0);
  t.reader = Reader::retained_fraction;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 0.5);  // (12 − 10)/(14 − 10)
  t.reader = Reader::arm_change_smd;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 1.25);  // change 2.5 / baseline sd 2
  t.reader = Reader::attendance;
  EXPECT_DOUBLE_EQ(read_summary(t, s, 1), 0.8);
  t.reader = Reader::contrast_smd;
  t.day = 70;  // not an assessment day
  EXPECT_THROW((void)read_summary(t, s, 1), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Tolerances and status

TEST(Tolerance, EachRuleGivesItsBand) {
  Target t;
  t.published = 10.0;
  t.tolerance = Tolerance::absolute;
  t.tolerance_value = 2.0;
  EXPECT_TRUE(within_tolerance(t, 12.0));
  EXPECT_FALSE(within_tolerance(t, 12.1));
  t.tolerance = Tolerance::relative;
  t.tolerance_value = 0.5;
  EXPECT_TRUE(within_tolerance(t, 5.0));
  EXPECT_FALSE(within_tolerance(t, 15.5));
  t.tolerance = Tolerance::factor;
  t.tolerance_value = 2.0;
  EXPECT_TRUE(within_tolerance(t, 5.0));
  EXPECT_TRUE(within_tolerance(t, 20.0));
  EXPECT_FALSE(within_tolerance(t, 4.9));
  t.tolerance = Tolerance::inside;
  t.low = 12.0;
  EXPECT_TRUE(within_tolerance(t, 1e9));  // open upper side
  EXPECT_FALSE(within_tolerance(t, 11.0));
  EXPECT_FALSE(within_tolerance(t, std::numeric_limits<double>::quiet_NaN()));
  EXPECT_DOUBLE_EQ(relative_error(t, 12.0), 0.2);
}

TEST(Suite, SummaryLineCountsHeldOutPassesAndKnownMisses) {
  Catalogue c;
  c.targets.resize(4);
  c.targets[1].fitted = true;
  std::vector<TargetResult> r(4);
  r[0].status = Status::pass;
  r[1].status = Status::pass;
  r[2].status = Status::known_miss;
  r[3].status = Status::fail;
  const SuiteSummary s = summarize_results(c, r);
  EXPECT_EQ(summary_line(s),
            "validation: 4 targets, 2 passed (1 held out), 1 failed, 1 known misses");
}

TEST(Suite, RunsATargetAndKeepsAKnownMissVisible) {
  std::string text = kMinimalTarget;
  // The same target twice: once inside its band, once listed as a known miss with a band it
  // misses; both stay in the results, in order.
  std::string miss = kMinimalTarget;
  miss.replace(miss.find("id = \"x.one\""), 12, "id = \"x.two\"");
  miss.replace(miss.find("low = 5.0"), 9, "low = 50.0");
  miss.replace(miss.find("high = 20.0"), 11, "high = 60.0");
  miss.replace(miss.find("fitted = false"), 14, "fitted = false\nknown_miss = \"because\"");
  const Catalogue c = parse_catalogue(text + miss, "t.toml", BRAINLOAD_SOURCE_DIR);
  SuiteOptions o;
  o.threads = 2;
  const SuiteResult r = run_suite(c, o);
  ASSERT_EQ(r.results.size(), 2U);
  EXPECT_EQ(r.results[0].status, Status::pass) << r.results[0].message;
  EXPECT_GT(r.results[0].simulated, 5.0);
  EXPECT_EQ(r.results[1].status, Status::known_miss);
  EXPECT_DOUBLE_EQ(r.results[0].simulated, r.results[1].simulated);
  EXPECT_EQ(r.summary.passed, 1);
  EXPECT_EQ(r.summary.known_misses, 1);
  EXPECT_EQ(r.summary.failed, 0);
  const std::string md = markdown_report(c, r, "brainload validate");
  EXPECT_NE(md.find("x.two"), std::string::npos);
  EXPECT_NE(md.find("because"), std::string::npos);
  const std::string html = html_report(c, r, "brainload validate");
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // self-contained: no external resource
}

TEST(Report, NumbersHaveThreeSignificantDigits) {
  EXPECT_EQ(format_number(13.1234), "13.1");
  EXPECT_EQ(format_number(0.012345), "0.0123");
  EXPECT_EQ(format_number(162.46), "162");
  EXPECT_EQ(format_number(0.0), "0");
}

}  // namespace
}  // namespace brainload::validation
