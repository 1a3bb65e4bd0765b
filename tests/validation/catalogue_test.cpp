// The literature validation catalogue and its readers: the shipped catalogue is complete and
// consistent (citations, scenarios that exist and validate, known readers, unique ids), every
// reader gives the hand-computed answer on a synthetic series or summary, and the tolerance and
// status rules behave as docs/validation.md says.
#include "brainload/validation/catalogue.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/model/cerebral_blood_flow.hpp"
#include "brainload/observables.hpp"
#include "brainload/schedule/validate.hpp"
#include "brainload/validation/credibility.hpp"
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
    if (!t.held_out()) EXPECT_FALSE(t.fitted_parameters.empty()) << t.id;
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
    std::vector<std::string> arms{t.arm};
    arms.insert(arms.end(), t.pool_arms.begin(), t.pool_arms.end());
    for (const std::string& name : arms) {
      const bool found = std::ranges::any_of(s.arms, [&](const Arm& a) { return a.name == name; });
      EXPECT_TRUE(found) << t.id << ": no arm '" << name << "'";
    }
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
  for (const char* p : {"lactate",
                        "catecholamines",
                        "hpa",
                        "glucose",
                        "cerebral_blood_flow",
                        "heart_rate",
                        "il6",
                        "bdnf",
                        "osteocalcin",
                        "cognition",
                        "brain_age",
                        "bdnf_resting",
                        "mood",
                        "cognition_chronic",
                        "training_adaptation",
                        "hippocampus",
                        "ageing",
                        "inflammation",
                        "adherence",
                        "exercise_intensity"}) {
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
role = "held_out"
evidence = "data"
band = "ci95"
[target.source]
authors = "A B"
year = 2000
journal = "J"
volume_pages = "1:2"
)";

// The message of the ScenarioError that parsing `text` throws (a test failure, and "", if none).
std::string parse_error(const std::string& text, const std::string& file = "t.toml") {
  try {
    (void)parse_catalogue(text, file, ".");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected ScenarioError from " << file;
  return "";
}

TEST(CatalogueParser, AcceptsAMinimalTarget) {
  const Catalogue c = parse_catalogue(kMinimalTarget, "t.toml", BRAINLOAD_SOURCE_DIR);
  ASSERT_EQ(c.targets.size(), 1U);
  EXPECT_EQ(c.targets[0].reader, Reader::peak);
  EXPECT_TRUE(
      c.targets[0].scenario_path.ends_with("scenarios/validation/wingate_untrained_men.toml"));
}

// A scratch directory for a suite test, unique to this process, with an empty scenarios/ in it
// (the catalogue's scenario paths are relative to it); the test removes it.
std::filesystem::path suite_scratch_dir(const std::string& stem) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / (stem + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "scenarios");
  return dir;
}

// The [scenario] and [population] tables of a one-day scratch scenario for a suite test.
std::string scratch_scenario_head(const std::string& name) {
  return "[scenario]\nname = \"" + name +
         "\"\ndays = 1\nstart_clock = \"09:00\"\n[population]\nagents = 10\n"
         "age_years = { min = 20, max = 30 }\ntraining_status = \"recreational\"\n";
}

// Two scratch targets reading the cerebral-flow rise after 6 min at 50 % VO2max in `dir`: x.plain
// from a scenario as is, x.off from the same scenario with a [parameters] table that switches the
// cerebral activation off.
Catalogue activation_on_off_catalogue(const std::filesystem::path& dir) {
  const std::string scenario = scratch_scenario_head("suite_parameters") + R"(
[protocol.moderate]
blocks = [ { minutes = 6, vo2max = 0.50 } ]
[[arm]]
name = "a"
sessions = [ { day = 0, at = "10:00", protocol = "moderate" } ]
)";
  std::ofstream(dir / "scenarios" / "plain.toml") << scenario;
  std::ofstream(dir / "scenarios" / "off.toml")
      << scenario << "[parameters]\n\"cerebral_blood_flow.activation_gain\" = 0.0\n";
  const auto target = [](const std::string& id, const std::string& file) {
    return "[[target]]\nid = \"" + id +
           "\"\npathway = \"cerebral_blood_flow\"\nquantity = \"q\"\n" + "scenario = \"scenarios/" +
           file + "\"\narm = \"a\"\nreader = \"relative_change_at\"\n" +
           "observable = \"cerebral_blood_flow_rel\"\nat_min = 66.0\nbase_min = 59.75\n" +
           "published = 0.2\nlow = 0.1\nhigh = 0.3\ntolerance = \"inside\"\n" +
           "tolerance_basis = \"b\"\nrole = \"held_out\"\nevidence = \"data\"\nband = \"ci95\"\n" +
           "[target.source]\nauthors = \"A B\"\nyear = 2000\njournal = \"J\"\n" +
           "volume_pages = \"1:2\"\n";
  };
  return parse_catalogue(target("x.plain", "plain.toml") + target("x.off", "off.toml"), "t.toml",
                         dir.string());
}

// A validation scenario's [parameters] table is applied, as `run` and `trace` apply it: the
// same target read from a scenario that switches the cerebral activation off gives a smaller rise.
TEST(Suite, regression_AScenarioParametersTableIsApplied) {
  namespace fs = std::filesystem;
  const fs::path dir = suite_scratch_dir("brainload_suite_parameters_test_");
  const Catalogue c = activation_on_off_catalogue(dir);
  const SuiteResult r = run_suite(c, {1, {}});
  ASSERT_EQ(r.results.size(), 2U);
  const CerebralBloodFlowParams p;
  // Without activation only the pressor arm is left: s_up·m_P·0.5 above rest.
  EXPECT_NEAR(r.results[1].simulated, p.pressure_rise_sensitivity * p.pressor_gain * 0.5, 0.01);
  EXPECT_GT(r.results[0].simulated, r.results[1].simulated + 0.1);
  fs::remove_all(dir);
}

// `validate --set` wins over a scenario's own [parameters], as `run --set` and `trace --set` do:
// the suite's override restores the default activation gain that the scenario switched off, so
// both targets read the same.
TEST(Suite, ParameterOverridesWinOverAScenarioParametersTable) {
  namespace fs = std::filesystem;
  const fs::path dir = suite_scratch_dir("brainload_suite_overrides_test_");
  const Catalogue c = activation_on_off_catalogue(dir);
  SuiteOptions o;
  o.threads = 1;
  o.parameter_overrides = {
      {"cerebral_blood_flow.activation_gain", CerebralBloodFlowParams{}.activation_gain}};
  const SuiteResult r = run_suite(c, o);
  ASSERT_EQ(r.results.size(), 2U);
  EXPECT_GT(r.results[0].simulated, 0.1);
  EXPECT_DOUBLE_EQ(r.results[1].simulated, r.results[0].simulated);
  fs::remove_all(dir);
}

// pool_arms: a study's one mean over sessions it ran separately is the mean of the arms' readings,
// each arm weighing the same; a comparison arm, a repeated arm or a curve reader is refused.
TEST(Suite, PoolArmsAveragesTheArmsReadings) {
  namespace fs = std::filesystem;
  const fs::path dir = suite_scratch_dir("brainload_suite_pool_test_");
  std::ofstream(dir / "scenarios" / "pool.toml") << scratch_scenario_head("suite_pool") << R"(
[protocol.easy]
blocks = [ { minutes = 6, vo2max = 0.40 } ]
[protocol.hard]
blocks = [ { minutes = 6, vo2max = 0.80 } ]
[[arm]]
name = "easy"
sessions = [ { day = 0, at = "10:00", protocol = "easy" } ]
[[arm]]
name = "hard"
sessions = [ { day = 0, at = "10:00", protocol = "hard" } ]
)";
  const auto target = [](const std::string& id, const std::string& arm, const std::string& extra) {
    return "[[target]]\nid = \"" + id + "\"\npathway = \"heart_rate\"\nquantity = \"q\"\n" +
           "scenario = \"scenarios/pool.toml\"\narm = \"" + arm + "\"\n" + extra +
           "reader = \"value_at\"\nobservable = \"heart_rate_bpm\"\nat_min = 65.0\n" +
           "published = 120.0\nlow = 100.0\nhigh = 140.0\ntolerance = \"inside\"\n" +
           "tolerance_basis = \"b\"\nrole = \"held_out\"\nevidence = \"data\"\nband = \"ci95\"\n" +
           "[target.source]\nauthors = \"A B\"\nyear = 2000\njournal = \"J\"\n" +
           "volume_pages = \"1:2\"\n";
  };
  const Catalogue c = parse_catalogue(target("x.easy", "easy", "") + target("x.hard", "hard", "") +
                                          target("x.pooled", "easy", "pool_arms = [\"hard\"]\n"),
                                      "t.toml", dir.string());
  ASSERT_EQ(c.targets[2].pool_arms, std::vector<std::string>{"hard"});
  const SuiteResult r = run_suite(c, {1, {}});
  ASSERT_EQ(r.results.size(), 3U);
  EXPECT_GT(r.results[1].simulated, r.results[0].simulated + 10.0);
  EXPECT_NEAR(r.results[2].simulated, 0.5 * (r.results[0].simulated + r.results[1].simulated),
              1e-9);
  EXPECT_NE(markdown_report(c, r, "v").find("mean with arms `hard`"), std::string::npos);
  const auto rejected = [&](const std::string& extra, const std::string& what) {
    try {
      (void)parse_catalogue(target("x.bad", "easy", extra), "t.toml", dir.string());
    } catch (const ScenarioError& e) {
      return std::string(e.what()).find(what) != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(rejected("pool_arms = [\"easy\"]\n", "repeats the target's own arm"));
  EXPECT_TRUE(
      rejected("pool_arms = [\"hard\"]\nvs_arm = \"hard\"\n", "pool_arms applies to acute"));
  EXPECT_TRUE(rejected("pool_arms = [1]\n", "expected a non-empty string"));
  std::string curve = target("x.curve", "easy", "pool_arms = [\"hard\"]\n");
  curve.replace(curve.find("reader = \"value_at\""), 19, "reader = \"curve_nrmse\"");
  curve.replace(curve.find("at_min = 65.0\n"), 14,
                "curve_t_min = [61.0, 63.0, 65.0]\ncurve_values = [100.0, 110.0, 120.0]\n"
                "curve_low = [90.0, 100.0, 110.0]\ncurve_high = [110.0, 120.0, 130.0]\n");
  curve.replace(curve.find("band = \"ci95\""), 13, "band = \"curve_ci\"");
  curve.replace(curve.find("published = 120.0\nlow = 100.0\nhigh = 140.0\n"), 43, "");
  std::string unpooled = curve;  // the same curve target without pool_arms loads
  unpooled.erase(unpooled.find("pool_arms = [\"hard\"]\n"), 21);
  EXPECT_EQ(parse_catalogue(unpooled, "t.toml", dir.string()).targets.size(), 1U);
  try {
    (void)parse_catalogue(curve, "t.toml", dir.string());
    ADD_FAILURE() << "pool_arms with curve_nrmse was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("other than curve_nrmse"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
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
  fitted_without_parameters.replace(fitted_without_parameters.find("role = \"held_out\""), 17,
                                    "role = \"fitted\"");
  EXPECT_THROW((void)parse_catalogue(fitted_without_parameters, "t.toml", "."), ScenarioError);
}

TEST(CatalogueParser, WorkAtLevelNeedsALevelAndStagesAndOnlyItTakesThem) {
  std::string ok = kMinimalTarget;
  ok.replace(ok.find("reader = \"peak\""), 15,
             "reader = \"work_at_level\"\nlevel = 2.5\nstage_min = 5.0");
  const Catalogue c = parse_catalogue(ok, "t.toml", BRAINLOAD_SOURCE_DIR);
  ASSERT_EQ(c.targets.size(), 1U);
  EXPECT_EQ(c.targets[0].reader, Reader::work_at_level);
  EXPECT_EQ(c.targets[0].level, 2.5);
  EXPECT_EQ(c.targets[0].stage_min, 5.0);

  std::string no_level = ok;
  no_level.replace(no_level.find("level = 2.5\n"), 12, "");
  EXPECT_THROW((void)parse_catalogue(no_level, "t.toml", "."), ScenarioError);
  std::string one_stage = ok;  // from 60 to 120: a 40-min stage leaves room for one only
  one_stage.replace(one_stage.find("stage_min = 5.0"), 15, "stage_min = 40.0");
  EXPECT_THROW((void)parse_catalogue(one_stage, "t.toml", "."), ScenarioError);
  std::string stray = kMinimalTarget;
  stray.replace(stray.find("reader = \"peak\""), 15, "reader = \"peak\"\nlevel = 2.5");
  EXPECT_THROW((void)parse_catalogue(stray, "t.toml", "."), ScenarioError);
  std::string population_stray = kMinimalTarget;  // a population reader is checked too
  const auto drop = [&](std::string_view line) {
    const auto at = population_stray.find(line);
    ASSERT_NE(at, std::string::npos) << line;
    population_stray.erase(at, line.size());
  };
  drop("observable = \"lactate_mmol_l\"\n");
  drop("from_min = 60.0\n");
  drop("to_min = 120.0\n");
  drop("reader = \"peak\"\n");
  population_stray.insert(population_stray.find("published"),
                          "reader = \"arm_change_mean\"\noutcome = \"vo2max_ml_kg_min\"\nday = "
                          "28\nstage_min = 5.0\n");
  const std::string e = parse_error(population_stray);
  EXPECT_NE(e.find("stage_min to work_at_level only"), std::string::npos) << e;
}

TEST(CatalogueParser, ReportsSyntaxErrorsWithFileAndLine) {
  const std::string e = parse_error("[[target]\nid = 1\n", "bad.toml");
  EXPECT_NE(e.find("bad.toml:1:"), std::string::npos) << e;
}

// The catalogue reads TOML through the scenario parser's reader (io/toml_reader.hpp): the copy
// it had lost the nesting-depth guard and the suggestions (issue 12).
TEST(CatalogueParser, regression_DeepNestingIsAnErrorNotACrash) {
  std::string deep = "x = ";
  for (int k = 0; k < 300; ++k) deep += "[";
  const std::string e = parse_error(deep + "\n", "deep.toml");
  EXPECT_NE(e.find("deep.toml:1:"), std::string::npos) << e;
  EXPECT_NE(e.find("nested more than 256 levels"), std::string::npos) << e;
}

TEST(CatalogueParser, regression_UnknownKeySuggestsTheNearOne) {
  std::string text = kMinimalTarget;
  text.replace(text.find("reader = \"peak\""), 6, "raeder");
  const std::string e = parse_error(text);
  EXPECT_NE(e.find("unknown key 'raeder'; did you mean 'reader'?"), std::string::npos) << e;
}

// ---------------------------------------------------------------------------------------------
// Band rules (docs/validation.md): a bad band is rejected at load time

// The minimal target with one line replaced (or extra lines added before [target.source]).
std::string with(std::string_view from, std::string_view to) {
  std::string text = kMinimalTarget;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  return text;
}
std::string with_text(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  return text;
}
std::string adding(std::string_view lines) {
  return with("[target.source]", std::string(lines) + "\n[target.source]");
}
bool rejected(const std::string& text, std::string_view message) {
  try {
    (void)parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR);
  } catch (const ScenarioError& e) {
    const bool found = std::string(e.what()).find(message) != std::string::npos;
    EXPECT_TRUE(found) << e.what();
    return found;
  }
  return false;
}

TEST(BandRules, EvidenceRoleAndBandAreRequiredAndTheOldFittedKeyIsRefused) {
  EXPECT_TRUE(rejected(with("evidence = \"data\"\n", ""), "evidence"));
  EXPECT_TRUE(rejected(with("role = \"held_out\"\n", ""), "role"));
  EXPECT_TRUE(rejected(with("band = \"ci95\"\n", ""), "band"));
  EXPECT_TRUE(rejected(adding("fitted = false"), "'fitted' is replaced by role"));
  EXPECT_TRUE(rejected(with("evidence = \"data\"", "evidence = \"hearsay\""), "unknown value"));
}

TEST(BandRules, AReviewOrExpertBandIsAtMostFiftyPercentOfTheValue) {
  // published 10, band [5, 20]: +100 % on the upper side.
  EXPECT_TRUE(rejected(with("evidence = \"data\"", "evidence = \"review\""), "±50 %"));
  EXPECT_TRUE(rejected(with("evidence = \"data\"", "evidence = \"expert\""), "±50 %"));
  std::string ok = with("evidence = \"data\"", "evidence = \"review\"");
  ok = ok.replace(ok.find("high = 20.0"), 11, "high = 15.0")
           .replace(ok.find("band = \"ci95\""), 13, "band = \"range\"");
  EXPECT_NO_THROW((void)parse_catalogue(ok, "t.toml", BRAINLOAD_SOURCE_DIR));
  // A range band is an opinion's: a data target may not use it.
  EXPECT_TRUE(rejected(with("band = \"ci95\"", "band = \"range\""), "review's or expert's"));
}

TEST(BandRules, ABandContainingZeroIsRejectedWhenThePublishedCIExcludesIt) {
  // An effect (peak minus baseline) with CI [5, 20]: widening it to reach 0 is refused.
  std::string text = with("reader = \"peak\"", "reader = \"peak_minus_baseline\"\nbase_min = 59.0");
  EXPECT_NO_THROW((void)parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR));
  const std::string widened = text.replace(
      text.find("[target.source]"), 15, "widen = 6.0\nwiden_basis = \"assay CV\"\n[target.source]");
  EXPECT_TRUE(rejected(widened, "contains the null value"));
  // A significant effect with an assumed ±50 % band is fine; with a factor band on a change it
  // cannot be used (published must be > 0 and the band would not contain 0): check `significant`.
  std::string sig =
      with("reader = \"peak\"", "reader = \"change_at\"\nat_min = 70.0\nbase_min = 59.0");
  sig = sig.replace(sig.find("low = 5.0"), 9, "low = -1.0");
  EXPECT_TRUE(
      rejected(sig.replace(sig.find("[target.source]"), 15, "significant = true\n[target.source]"),
               "contains the null value"));
}

TEST(BandRules, WideningNeedsItsSourcedBasis) {
  EXPECT_TRUE(rejected(adding("widen = 1.0"), "widen_basis"));
  EXPECT_NO_THROW(
      (void)parse_catalogue(adding("widen = 1.0\nwiden_basis = \"assay CV 5 %, X 2001\""), "t.toml",
                            BRAINLOAD_SOURCE_DIR));
}

// A population target: a change against the control arm (vs_arm) is a difference of the two arms'
// relative changes; other population readers refuse vs_arm. A no-gain share has threshold 0.
constexpr const char* kPopulationTarget = R"(
[[target]]
id = "x.population"
pathway = "training_adaptation"
quantity = "q"
scenario = "scenarios/validation/aerobic_year_midlife.toml"
arm = "exercise"
reader = "arm_change_relative"
outcome = "vo2max_ml_kg_min"
day = 365
published = 0.1
low = 0.05
high = 0.15
tolerance = "inside"
tolerance_basis = "b"
role = "held_out"
evidence = "data"
band = "assumed"
[target.source]
authors = "A B"
year = 2000
journal = "J"
volume_pages = "1:2"
)";

TEST(CatalogueParser, ArmChangesTakeAComparisonArmAndNoGainIsAThresholdOfZero) {
  std::string text = kPopulationTarget;
  text.replace(text.find("[target.source]"), 15, "vs_arm = \"control\"\n[target.source]");
  const Catalogue c = parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR);
  EXPECT_EQ(c.targets[0].vs_arm, "control");
  std::string smd = text;
  smd.replace(smd.find("arm_change_relative"), 19, "arm_change_smd");
  EXPECT_TRUE(rejected(smd, "vs_arm applies to acute readers"));
  std::string none = kPopulationTarget;
  none.replace(none.find("reader = \"arm_change_relative\""), 30,
               "reader = \"fraction_change_below\"\nfrom_day = 0\nthreshold_of_mean = 0.0");
  EXPECT_NO_THROW((void)parse_catalogue(none, "t.toml", BRAINLOAD_SOURCE_DIR));
  EXPECT_TRUE(rejected(with_text(none, "threshold_of_mean = 0.0", "threshold_of_mean = -0.1"),
                       "threshold_of_mean >= 0"));
}

// A share of agents below a level in a measure event: it needs the event's name, the level and
// the acute observable the event measures, and grades that observable.
TEST(CatalogueParser, EventFractionBelowNeedsItsEventLevelAndObservable) {
  std::string text = kPopulationTarget;
  text.replace(text.find("reader = \"arm_change_relative\""), 30,
               "reader = \"event_fraction_below\"\nevent_name = \"glucose_end\"\nlevel = 2.5\n"
               "observable = \"glucose_mmol_l\"");
  const Catalogue c = parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR);
  EXPECT_TRUE(c.targets[0].is_population());
  EXPECT_EQ(c.targets[0].event_name, "glucose_end");
  EXPECT_EQ(c.targets[0].graded_observable(), "glucose_mmol_l");
  EXPECT_TRUE(rejected(with_text(text, "event_name = \"glucose_end\"\n", ""), "needs event_name"));
  EXPECT_TRUE(rejected(with_text(text, "level = 2.5\n", ""), "needs level"));
  EXPECT_TRUE(rejected(with_text(text, "observable = \"glucose_mmol_l\"", "observable = \"x\""),
                       "the acute observable the event measures"));
}

TEST(BandRules, SdAndNGiveTheCIOfTheMean) {
  std::string text = with("low = 5.0\nhigh = 20.0\n", "sd = 2.0\nn = 16.0\n");
  text = text.replace(text.find("band = \"ci95\""), 13, "band = \"sd_n\"");
  const Catalogue c = parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR);
  EXPECT_NEAR(*c.targets[0].low, 10.0 - 1.959964 * 0.5, 1e-9);
  EXPECT_NEAR(*c.targets[0].high, 10.0 + 1.959964 * 0.5, 1e-9);
  // Giving low and high as well is refused (the band is computed).
  std::string both = with("band = \"ci95\"", "band = \"sd_n\"\nsd = 2.0\nn = 16.0");
  EXPECT_TRUE(rejected(both, "computes low and high"));
}

TEST(BandRules, AnAssumedBandIsAtMostFiftyPercent) {
  std::string text = with("low = 5.0\nhigh = 20.0\ntolerance = \"inside\"",
                          "tolerance = \"relative\"\ntolerance_value = 0.6");
  text = text.replace(text.find("band = \"ci95\""), 13, "band = \"assumed\"");
  EXPECT_TRUE(rejected(text, "at most ±50 %"));
  EXPECT_NO_THROW((void)parse_catalogue(
      text.replace(text.find("tolerance_value = 0.6"), 21, "tolerance_value = 0.5"), "t.toml",
      BRAINLOAD_SOURCE_DIR));
}

TEST(BandRules, AThresholdIsExactlyOnePublishedBound) {
  // Both bounds given: not a one-sided cut-off.
  EXPECT_TRUE(rejected(with("band = \"ci95\"", "band = \"threshold\""), "one published cut-off"));
  // Neither bound: nothing to compare with.
  std::string none = with("low = 5.0\nhigh = 20.0\n", "");
  none = none.replace(none.find("band = \"ci95\""), 13, "band = \"threshold\"");
  EXPECT_TRUE(rejected(none, "one published cut-off"));
  // One bound ("within 2 min", Hiura & Izumi 2010): accepted, open on the other side.
  std::string one = with("low = 5.0\n", "");
  one = one.replace(one.find("band = \"ci95\""), 13, "band = \"threshold\"");
  const Catalogue c = parse_catalogue(one, "t.toml", BRAINLOAD_SOURCE_DIR);
  EXPECT_FALSE(c.targets[0].low.has_value());
  EXPECT_DOUBLE_EQ(*c.targets[0].high, 20.0);
}

TEST(BandRules, AHeldOutTargetMayNotReadTheNumberAFittedOneReads) {
  std::string fitted = with("role = \"held_out\"", "role = \"fitted\"\nfitted_parameters = \"p\"");
  fitted = fitted.replace(fitted.find("id = \"x.one\""), 12, "id = \"x.fit\"");
  EXPECT_TRUE(rejected(fitted + kMinimalTarget, "make it derived"));
  std::string derived = kMinimalTarget;
  derived = derived.replace(derived.find("role = \"held_out\""), 17,
                            "role = \"derived\"\nfitted_parameters = \"same number\"");
  EXPECT_NO_THROW((void)parse_catalogue(fitted + derived, "t.toml", BRAINLOAD_SOURCE_DIR));
}

TEST(BandRules, ACurveGetsItsBandFromItsPointwiseCI) {
  std::string text = with(
      "reader = \"peak\"\nobservable = \"lactate_mmol_l\"\nfrom_min = 60.0\n"
      "to_min = 120.0\npublished = 10.0\nlow = 5.0\nhigh = 20.0\n",
      "reader = \"curve_nrmse\"\nobservable = \"lactate_mmol_l\"\n"
      "curve_t_min = [61.0, 65.0, 70.0]\ncurve_values = [2.0, 4.0, 6.0]\n"
      "curve_low = [1.0, 3.0, 5.0]\ncurve_high = [3.0, 5.0, 7.0]\n");
  text = text.replace(text.find("band = \"ci95\""), 13, "band = \"curve_ci\"");
  const Catalogue c = parse_catalogue(text, "t.toml", BRAINLOAD_SOURCE_DIR);
  EXPECT_DOUBLE_EQ(c.targets[0].published, 0.0);
  EXPECT_DOUBLE_EQ(*c.targets[0].high, 1.0 / 4.0);  // RMS half-width 1 over the range 4
  EXPECT_TRUE(rejected(
      text.replace(text.find("curve_high = [3.0, 5.0, 7.0]"), 28, "curve_high = [3.0, 5.0]"),
      "same length"));
}

TEST(BandRules, EveryBandOfTheShippedCatalogueFollowsTheRules) {
  // Loading applies the rules; on top, no opinion band is wider than ±50 %, every held-out target
  // names its evidence, and the counts issue 13 asks for hold.
  const Catalogue c = load_catalogue(kCatalogue);
  int held_out = 0;
  for (const Target& t : c.targets) {
    held_out += t.held_out() ? 1 : 0;
    if (t.evidence == Evidence::review || t.evidence == Evidence::expert) {
      const Band b = tolerance_band(t);
      EXPECT_LE(b.hi - t.published, 0.5 * std::abs(t.published) + 1e-9) << t.id;
      EXPECT_LE(t.published - b.lo, 0.5 * std::abs(t.published) + 1e-9) << t.id;
    }
  }
  EXPECT_GE(c.targets.size(), 100U);
  EXPECT_GE(held_out, 40);
}

// ---------------------------------------------------------------------------------------------
// Credibility grades

TEST(Credibility, GradesFollowTheHeldOutEvidence) {
  Catalogue c;
  const auto target = [](std::string observable, Role role, Evidence e) {
    Target t;
    t.reader = Reader::value_at;
    t.observable = std::move(observable);
    t.role = role;
    t.evidence = e;
    t.published = 10.0;
    t.low = 9.0;
    t.high = 11.0;
    return t;
  };
  // lactate: 3 held-out data targets, all pass → A; a fitted one does not count.
  for (int i = 0; i < 3; ++i)
    c.targets.push_back(target("lactate_mmol_l", Role::held_out, Evidence::data));
  c.targets.push_back(target("lactate_mmol_l", Role::fitted, Evidence::data));
  // cortisol: 2 data targets, 1 passes → B.
  c.targets.push_back(target("cortisol_nmol_l", Role::held_out, Evidence::data));
  c.targets.push_back(target("cortisol_nmol_l", Role::held_out, Evidence::data));
  // il6: one review target passes → C (no measured evidence).
  c.targets.push_back(target("il6_pg_ml", Role::held_out, Evidence::review));
  // arousal: fitted only → untested.
  c.targets.push_back(target("arousal", Role::fitted, Evidence::data));
  // heart rate: a pass for the wrong reason is a miss → C.
  c.targets.push_back(target("heart_rate_bpm", Role::held_out, Evidence::data));
  c.targets.back().wrong_reason = "too fast";
  const std::vector<bool> passed{true, true, true, true, true, false, true, true, true};
  const auto grades = grade_observables(c, passed);
  const auto grade = [&](std::string_view name) {
    for (const Credibility& g : grades) {
      if (g.observable == name) return g.grade;
    }
    return Grade::untested;
  };
  EXPECT_EQ(grade("lactate_mmol_l"), Grade::a);
  EXPECT_EQ(grade("cortisol_nmol_l"), Grade::b);
  EXPECT_EQ(grade("il6_pg_ml"), Grade::c);
  EXPECT_EQ(grade("arousal"), Grade::untested);
  EXPECT_EQ(grade("heart_rate_bpm"), Grade::c);
  EXPECT_EQ(grades.size(), kAcuteObservableCount + kChronicObservableCount);
}

TEST(Credibility, ANullValueBandIsNotGraded) {
  Target t;
  t.reader = Reader::relative_change_at;
  t.observable = "cerebral_blood_flow_rel";
  t.low = -0.01;
  t.high = 0.2;
  EXPECT_TRUE(band_contains_null(t));
  Catalogue c;
  c.targets.push_back(t);
  const auto grades = grade_observables(c, {true});
  for (const Credibility& g : grades) {
    if (g.observable == "cerebral_blood_flow_rel") {
      EXPECT_EQ(g.grade, Grade::untested);
      EXPECT_EQ(g.null_band, 1);
    }
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

TEST(Readers, WorkAtLevelInterpolatesBetweenTheStagesAroundTheCrossing) {
  // Three 4-min stages at 0.5, 0.6, 0.7 of VO2max from t = 10; the observable is 1.0, 2.0 and 3.5
  // at their ends (t = 14, 18, 22): 2.5 lies a third of the way from 2.0 to 3.5, so a third of
  // the way from 0.6 to 0.7.
  const Series work{{10, 14, 14.001, 18, 18.001, 22}, {0.5, 0.5, 0.6, 0.6, 0.7, 0.7}};
  const Series lactate{{10, 14, 18, 22}, {1.0, 1.0, 2.0, 3.5}};
  Target t = reading(Reader::work_at_level);
  t.from_min = 10.0;
  t.to_min = 22.0;
  t.stage_min = 4.0;
  t.level = 2.5;
  EXPECT_NEAR(work_at_level(t, lactate, work), 0.6 + 0.1 / 3.0, 1e-3);
  t.level = 0.5;  // the first stage already reaches it
  EXPECT_NEAR(work_at_level(t, lactate, work), 0.5, 1e-9);
  t.level = 4.0;  // never reached
  EXPECT_EQ(work_at_level(t, lactate, work), std::numeric_limits<double>::infinity());
  t.stage_min.reset();
  EXPECT_THROW((void)work_at_level(t, lactate, work), std::invalid_argument);
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
  // A rise towards 9: y = 9 − 8·2^(−t/10); the deficit below y(60) ≈ 9 halves every 10 min.
  Series rise;
  for (int k = 0; k <= 60; ++k) {
    rise.t.push_back(k);
    rise.y.push_back(9.0 - 8.0 * std::pow(2.0, -k / 10.0));
  }
  EXPECT_NEAR(exp_half_life(rise, 10.0, 40.0, 9.0), 10.0, 1e-12);
  EXPECT_THROW((void)exp_half_life(rise, 10.0, 40.0, 5.0), std::invalid_argument);  // crosses
  // A triangle: peak 10 at t = 10, then 6 at 20 and 2 at 30; half (5) is reached at 22.5.
  const Series tri{{0, 10, 20, 30}, {0, 10, 6, 2}};
  EXPECT_DOUBLE_EQ(half_life_after_peak(tri, 0.0, 30.0, 0.0), 12.5);
  EXPECT_DOUBLE_EQ(remaining_fraction(tri, 0.0, 30.0, 30.0, 0.0), 0.2);
  EXPECT_THROW((void)half_life_after_peak(tri, 0.0, 30.0, 20.0), std::invalid_argument);
}

TEST(Readers, CurveNrmseAgainstHandComputedPoints) {
  Target t;
  t.curve_t_min = {1.0, 2.0, 3.0};
  t.curve_values = {2.0, 2.0, 4.0};  // range 2
  t.base_min = 0.0;                  // y(0) = 1: simulated 2, 1, 4
  std::vector<double> sim;
  const double e = curve_nrmse(t, zigzag(), sim);
  ASSERT_EQ(sim.size(), 3U);
  EXPECT_DOUBLE_EQ(sim[1], 1.0);
  EXPECT_DOUBLE_EQ(e, std::sqrt(1.0 / 3.0) / 2.0);
}

TEST(Readers, DistributionReaders) {
  const std::vector<double> changes{1.0, 2.0, 3.0, 6.0};  // mean 3, sd sqrt(14/3)
  EXPECT_DOUBLE_EQ(coefficient_of_variation(changes), std::sqrt(14.0 / 3.0) / 3.0);
  EXPECT_DOUBLE_EQ(fraction_below_share_of_mean(changes, 0.5), 0.25);  // below 1.5: one of four
  EXPECT_THROW((void)coefficient_of_variation({1.0}), std::invalid_argument);
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
  c.targets.resize(6);
  c.targets[1].role = Role::fitted;
  c.targets[4].role = Role::derived;
  c.targets[5].wrong_reason = "too fast";
  c.targets[2].evidence = Evidence::review;
  std::vector<TargetResult> r(6);
  r[0].status = Status::pass;
  r[1].status = Status::pass;
  r[2].status = Status::known_miss;
  r[3].status = Status::fail;
  r[4].status = Status::pass;
  r[5].status = Status::pass;
  const SuiteSummary s = summarize_results(c, r);
  // Held-out passes come first; a wrong-reason pass is not one of them.
  EXPECT_EQ(summary_line(s),
            "validation: 6 targets (4 held out: 1 passed), 1 fitted, 1 derived, 3 passed in all, "
            "1 passed for the wrong reason, 1 failed, 1 known misses");
  EXPECT_EQ(s.by_kind.at(static_cast<std::size_t>(Evidence::data)).targets, 5);
  EXPECT_EQ(s.by_kind.at(static_cast<std::size_t>(Evidence::data)).held_out_passed, 1);
  EXPECT_EQ(s.by_kind.at(static_cast<std::size_t>(Evidence::review)).held_out, 1);
  // report.json says which passes are for the wrong reason, so its counts can be rebuilt.
  for (std::size_t i = 0; i < c.targets.size(); ++i) c.targets[i].id = fmt::format("x.{}", i);
  SuiteResult result;
  result.results = r;
  result.summary = s;
  const auto j = nlohmann::json::parse(json_report(c, result));
  EXPECT_TRUE(j.at("targets").at(5).at("wrong_reason").get<bool>());
  EXPECT_TRUE(j.at("targets").at(5).at("pass").get<bool>());
  EXPECT_FALSE(j.at("targets").at(0).at("wrong_reason").get<bool>());
  EXPECT_EQ(j.at("summary").at("wrong_reason"), 1);
  EXPECT_EQ(j.at("summary").at("held_out_passed"), 1);
}

TEST(Suite, RunsATargetAndKeepsAKnownMissVisible) {
  std::string text = kMinimalTarget;
  // The same target twice: once inside its band, once listed as a known miss with a band it
  // misses; both stay in the results, in order.
  std::string miss = kMinimalTarget;
  miss.replace(miss.find("id = \"x.one\""), 12, "id = \"x.two\"");
  miss.replace(miss.find("low = 5.0"), 9, "low = 50.0");
  miss.replace(miss.find("high = 20.0"), 11, "high = 60.0");
  miss.replace(miss.find("role = \"held_out\""), 17,
               "role = \"held_out\"\nknown_miss = \"because\"");
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
  // report.json in the schema of issue 13.
  const auto j = nlohmann::json::parse(json_report(c, r));
  ASSERT_EQ(j.at("targets").size(), 2U);
  const auto& row = j.at("targets").at(1);
  for (const char* key :
       {"id", "pathway", "observable", "source", "evidence", "role", "layer", "published",
        "simulated", "pass", "wrong_reason", "known_miss", "reason"}) {
    EXPECT_TRUE(row.contains(key)) << key;
  }
  EXPECT_FALSE(j.at("targets").at(0).at("wrong_reason").get<bool>());
  EXPECT_EQ(row.at("id"), "x.two");
  EXPECT_EQ(row.at("observable"), "lactate_mmol_l");
  EXPECT_EQ(row.at("layer"), "acute");
  EXPECT_FALSE(j.contains("comparison"));  // only with validate --compare
  EXPECT_EQ(row.at("role"), "held_out");
  EXPECT_EQ(row.at("evidence"), "data");
  EXPECT_DOUBLE_EQ(row.at("published").at("low").get<double>(), 50.0);
  EXPECT_FALSE(row.at("pass").get<bool>());
  EXPECT_TRUE(row.at("known_miss").get<bool>());
  EXPECT_EQ(row.at("reason"), "because");
  for (const char* key : {"targets", "held_out", "held_out_passed", "fitted", "derived", "passed",
                          "wrong_reason", "failed", "known_misses"}) {
    EXPECT_TRUE(j.at("summary").contains(key)) << key;
  }
  EXPECT_EQ(j.at("summary").at("passed"), 1);
  EXPECT_EQ(j.at("summary").at("wrong_reason"), 0);
  EXPECT_EQ(j.at("summary").at("held_out_passed"), 1);
  EXPECT_EQ(j.at("credibility").at("lactate_mmol_l"), "B");  // 1 of 2 held-out data targets
  EXPECT_EQ(j.at("credibility").at("arousal"), "untested");
}

// `validate --set`: the suite's overrides are applied over every scenario's own [parameters] and
// every report says the result is not the shipped model's.
TEST(Suite, ParameterOverridesChangeTheRunAndEveryReportNamesThem) {
  const Catalogue c = parse_catalogue(kMinimalTarget, "t.toml", BRAINLOAD_SOURCE_DIR);
  SuiteOptions o;
  o.threads = 1;
  const SuiteResult shipped = run_suite(c, o);
  o.parameter_overrides = {{"lactate.vlamax_mmol_l_s", 0.5}};
  const SuiteResult changed = run_suite(c, o);
  ASSERT_EQ(shipped.results.size(), 1U);
  ASSERT_EQ(changed.results.size(), 1U);
  // A lower maximal glycolytic rate lowers the post-Wingate peak.
  EXPECT_LT(changed.results[0].simulated, shipped.results[0].simulated - 1.0);
  EXPECT_EQ(changed.parameter_overrides, o.parameter_overrides);
  EXPECT_TRUE(shipped.parameter_overrides.empty());

  const auto j = nlohmann::json::parse(json_report(c, changed));
  EXPECT_DOUBLE_EQ(j.at("parameter_overrides").at("lactate.vlamax_mmol_l_s").get<double>(), 0.5);
  const auto j0 = nlohmann::json::parse(json_report(c, shipped));
  EXPECT_TRUE(j0.at("parameter_overrides").is_object());
  EXPECT_TRUE(j0.at("parameter_overrides").empty());
  const std::string md = markdown_report(c, changed, "brainload validate --set x");
  EXPECT_NE(md.find("**Parameter overrides** (`--set`): `lactate.vlamax_mmol_l_s=0.5`"),
            std::string::npos);
  EXPECT_NE(md.find("not those of the model as shipped"), std::string::npos);
  EXPECT_EQ(markdown_report(c, shipped, "brainload validate").find("Parameter overrides"),
            std::string::npos);
  const std::string html = html_report(c, changed, "brainload validate --set x");
  EXPECT_NE(html.find("lactate.vlamax_mmol_l_s=0.5"), std::string::npos);
  EXPECT_EQ(html_report(c, shipped, "brainload validate").find("Parameter overrides"),
            std::string::npos);
}

TEST(Report, NumbersHaveThreeSignificantDigits) {
  EXPECT_EQ(format_number(13.1234), "13.1");
  EXPECT_EQ(format_number(0.012345), "0.0123");
  EXPECT_EQ(format_number(162.46), "162");
  EXPECT_EQ(format_number(0.0), "0");
}

// --seeds: a population target is also read at the next seeds; the first replicate is the
// catalogue seed's value, the others differ (other agents, other test errors), and the report
// lists them (report.json "replicates", the Markdown "Seed robustness" section).
// A 4-week training scenario for the population tests of the suite: arm "a" rides three times a
// week, arm "b" (with `control_arm`) does nothing.
void write_training_scenario(const std::filesystem::path& file, std::string_view name,
                             bool control_arm) {
  std::ofstream(file) << fmt::format(R"(
[scenario]
name = "{}"
days = 29
start_clock = "07:00"
assess_days = [0, 28]
[population]
agents = 12
age_years = {{ min = 25, max = 35 }}
training_status = "untrained"
[protocol.ride]
blocks = [ {{ minutes = 40, vo2max = 0.70 }} ]
[[arm]]
name = "a"
weekly = [ {{ days = ["mon", "wed", "fri"], at = "10:00", protocol = "ride" }} ]
)",
                                     name)
                      << (control_arm ? "[[arm]]\nname = \"b\"\n" : "");
}

// A held-out population target on that scenario: arm "a"'s relative VO2max change to day 28.
std::string training_target(std::string_view id, int agents, int seed) {
  return fmt::format(R"(
[[target]]
id = "{}"
pathway = "training_adaptation"
quantity = "q"
scenario = "scenarios/train.toml"
arm = "a"
reader = "arm_change_relative"
outcome = "vo2max_ml_kg_min"
day = 28
from_day = 0
agents = {}
seed = {}
published = 0.02
low = -1.0
high = 1.0
tolerance = "inside"
tolerance_basis = "b"
role = "held_out"
evidence = "data"
band = "ci95"
[target.source]
authors = "A B"
year = 2000
journal = "J"
volume_pages = "1:2"
)",
                     id, agents, seed);
}

TEST(Suite, SeedReplicatesOfAPopulationTarget) {
  namespace fs = std::filesystem;
  const fs::path dir = suite_scratch_dir("brainload_suite_seeds_test_");
  write_training_scenario(dir / "scenarios" / "train.toml", "suite_seeds", false);
  const std::string text = training_target("x.seeds", 12, 5);
  const Catalogue c = parse_catalogue(text, "t.toml", dir.string());
  SuiteOptions o;
  o.threads = 2;
  o.seeds = 3;
  const SuiteResult r = run_suite(c, o);
  ASSERT_EQ(r.results.size(), 1U);
  const TargetResult& res = r.results[0];
  ASSERT_EQ(res.status, Status::pass) << res.message;
  ASSERT_EQ(res.replicates.size(), 3U);
  EXPECT_DOUBLE_EQ(res.replicates[0], res.simulated);
  EXPECT_NE(res.replicates[1], res.replicates[0]);
  EXPECT_NE(res.replicates[2], res.replicates[1]);
  EXPECT_EQ(replicates_inside(c.targets[0], res.replicates), 3);
  EXPECT_FALSE(seed_dependent(c.targets[0], res));
  EXPECT_EQ(robustness_line(c, r),
            "seed robustness (3 seeds): 1 population targets, 1 keep their status in every seed; "
            "1 of 1 held-out population passes hold in every seed");
  // The same run at one seed alone reads the same first value and keeps no replicates.
  SuiteOptions one;
  one.threads = 2;
  const SuiteResult single = run_suite(c, one);
  EXPECT_DOUBLE_EQ(single.results[0].simulated, res.simulated);
  EXPECT_TRUE(single.results[0].replicates.empty());
  EXPECT_TRUE(robustness_line(c, single).empty());
  // A band between the replicates makes the status seed-dependent, and the report says so.
  Target narrow = c.targets[0];
  const auto [lo, hi] = std::ranges::minmax(res.replicates);
  narrow.low = lo;
  narrow.high = 0.5 * (lo + hi);
  EXPECT_TRUE(seed_dependent(narrow, res));
  const auto j = nlohmann::json::parse(json_report(c, r));
  const auto& rep = j.at("targets").at(0).at("replicates");
  EXPECT_EQ(rep.at("first_seed"), 5);
  EXPECT_EQ(rep.at("values").size(), 3U);
  EXPECT_EQ(rep.at("inside"), 3);
  EXPECT_NE(markdown_report(c, r, "cmd").find("## Seed robustness"), std::string::npos);
  EXPECT_EQ(markdown_report(c, single, "cmd").find("## Seed robustness"), std::string::npos);
  fs::remove_all(dir);
}

// Runs of one scenario and seed that differ only in size: the smaller is read from the first agents
// of the larger, and gives exactly what running it on its own gives.
TEST(Suite, ASmallerPopulationIsTheFirstAgentsOfALargerOne) {
  namespace fs = std::filesystem;
  const fs::path dir = suite_scratch_dir("brainload_suite_prefix_test_");
  write_training_scenario(dir / "scenarios" / "train.toml", "suite_prefix", true);
  const auto target = [](const std::string& id, int agents) {
    return training_target(id, agents, 3);
  };
  SuiteOptions o;
  o.threads = 2;
  std::vector<std::string> log;
  o.log = [&](const std::string& line) { log.push_back(line); };
  const Catalogue both =
      parse_catalogue(target("x.small", 6) + target("x.large", 12), "t.toml", dir.string());
  const SuiteResult r = run_suite(both, o);
  ASSERT_EQ(r.results.size(), 2U);
  ASSERT_EQ(r.results[0].status, Status::pass) << r.results[0].message;
  ASSERT_EQ(r.results[1].status, Status::pass) << r.results[1].message;
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.front().find("1 population runs, 1 more read from their first agents"),
            std::string::npos)
      << log.front();
  // The 6 agents alone: the same number, bit for bit; the 12 agents read another.
  const Catalogue small = parse_catalogue(target("x.small", 6), "t.toml", dir.string());
  const SuiteResult alone = run_suite(small, o);
  ASSERT_EQ(alone.results[0].status, Status::pass) << alone.results[0].message;
  EXPECT_EQ(alone.results[0].simulated, r.results[0].simulated);
  EXPECT_NE(r.results[1].simulated, r.results[0].simulated);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace brainload::validation
