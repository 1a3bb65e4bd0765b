// `validate --compare`: an earlier report.json against this run, target by target. The counts
// per pathway are the held-out passes the summary line counts (a pass for the wrong reason is
// not one); a bad earlier report is refused with its file and position or field.
#include "brainload/validation/compare.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/validation/catalogue.hpp"

namespace brainload::validation {
namespace {

TargetRecord record(std::string id, std::string pathway, std::string role, bool pass,
                    double simulated, bool wrong_reason = false, std::string layer = "") {
  TargetRecord r;
  r.id = std::move(id);
  r.pathway = std::move(pathway);
  r.role = std::move(role);
  r.layer = std::move(layer);
  r.pass = pass;
  r.wrong_reason = wrong_reason;
  r.simulated = simulated;
  return r;
}

const PathwayHeldOut& pathway(const Comparison& c, const std::string& name) {
  for (const PathwayHeldOut& p : c.held_out) {
    if (p.pathway == name) return p;
  }
  throw std::runtime_error("no pathway " + name);
}

TEST(Compare, CountsHeldOutPassesPerPathwayBeforeAndAfter) {
  const std::vector<TargetRecord> before = {
      record("lactate.a", "lactate", "held_out", false, 4.0),
      record("lactate.b", "lactate", "held_out", true, 2.0),
      record("lactate.fit", "lactate", "fitted", true, 13.0),
      record("hpa.a", "hpa", "held_out", true, 1.0, /*wrong_reason=*/true),
      record("hpa.gone", "hpa", "held_out", true, 5.0)};
  // The earlier report has no layer field (as before it existed): each common target takes its
  // layer from this run; hpa.gone, removed since, counts in "all" only.
  const std::vector<TargetRecord> after = {
      record("lactate.a", "lactate", "held_out", true, 9.0, false, "acute"),
      record("lactate.b", "lactate", "held_out", true, 2.0, false, "acute"),
      record("lactate.fit", "lactate", "fitted", true, 13.0 * (1.0 + 1e-12), false, "acute"),
      record("hpa.a", "hpa", "held_out", true, 1.0, false, "acute"),
      record("vegf.new", "vegf", "held_out", false, 0.1, false, "chronic")};
  const Comparison c = compare_reports(before, after, "old/report.json");

  EXPECT_EQ(c.common, 4);
  ASSERT_EQ(c.added.size(), 1u);
  EXPECT_EQ(c.added[0].id, "vegf.new");
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].id, "hpa.gone");
  // lactate.a turned to a pass; hpa.a lost its wrong-reason flag (now a sound pass).
  ASSERT_EQ(c.status_changes.size(), 2u);
  EXPECT_EQ(c.status_changes[0].id, "lactate.a");
  EXPECT_FALSE(c.status_changes[0].pass_before);
  EXPECT_TRUE(c.status_changes[0].pass_after);
  EXPECT_EQ(c.status_changes[1].id, "hpa.a");
  EXPECT_TRUE(c.status_changes[1].wrong_reason_before);
  EXPECT_FALSE(c.status_changes[1].wrong_reason_after);

  const PathwayHeldOut& lactate = pathway(c, "lactate");
  EXPECT_EQ(lactate.before_passed, 1);
  EXPECT_EQ(lactate.before_total, 2);
  EXPECT_EQ(lactate.after_passed, 2);
  EXPECT_EQ(lactate.after_total, 2);
  const PathwayHeldOut& hpa = pathway(c, "hpa");
  EXPECT_EQ(hpa.before_passed, 1);  // hpa.gone; hpa.a passed for the wrong reason
  EXPECT_EQ(hpa.before_total, 2);
  EXPECT_EQ(hpa.after_passed, 1);
  EXPECT_EQ(hpa.after_total, 1);
  const PathwayHeldOut& vegf = pathway(c, "vegf");
  EXPECT_EQ(vegf.before_total, 0);
  EXPECT_EQ(vegf.after_total, 1);
  EXPECT_EQ(c.acute.before_passed, 1);  // lactate.b
  EXPECT_EQ(c.acute.before_total, 3);   // lactate.a, lactate.b, hpa.a
  EXPECT_EQ(c.acute.after_passed, 3);
  EXPECT_EQ(c.acute.after_total, 3);
  EXPECT_EQ(c.chronic.before_total, 0);
  EXPECT_EQ(c.chronic.after_passed, 0);
  EXPECT_EQ(c.chronic.after_total, 1);
  EXPECT_EQ(c.all.before_passed, 2);
  EXPECT_EQ(c.all.before_total, 4);
  EXPECT_EQ(c.all.after_passed, 3);
  EXPECT_EQ(c.all.after_total, 4);

  // Two values moved (lactate.a by 5/9, the fitted one by round-off); the largest is named.
  EXPECT_EQ(c.values_changed, 2);
  EXPECT_EQ(c.largest_change_id, "lactate.a");
  EXPECT_NEAR(c.largest_relative_change, 5.0 / 9.0, 1e-12);

  const std::string text = comparison_text(c);
  EXPECT_NE(text.find("5 → 5 targets (1 added, 1 removed); 2 status changes; 2 of 4 common"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("* lactate"), std::string::npos) << text;
  EXPECT_NE(text.find("lactate.a  held_out  miss → pass  4.00 → 9.00"), std::string::npos) << text;
  EXPECT_NE(text.find("hpa.a  held_out  pass (wrong reason) → pass"), std::string::npos) << text;
  const std::string md = comparison_markdown(c);
  EXPECT_NE(md.find("| lactate (changed) | 1 / 2 | 2 / 2 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **acute** (changed) | 1 / 3 | 3 / 3 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **chronic** (changed) | - | 0 / 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **all** (changed) | 2 / 4 | 3 / 4 |"), std::string::npos) << md;
}

TEST(Compare, IdenticalReportsShowNoChange) {
  const std::vector<TargetRecord> records = {
      record("a", "lactate", "held_out", true, 1.0),
      record("b", "lactate", "held_out", false, std::numeric_limits<double>::quiet_NaN())};
  const Comparison c = compare_reports(records, records, "same.json");
  EXPECT_TRUE(c.added.empty());
  EXPECT_TRUE(c.removed.empty());
  EXPECT_TRUE(c.status_changes.empty());
  EXPECT_EQ(c.values_changed, 0);  // NaN against NaN is no change
  EXPECT_NE(comparison_text(c).find("No simulated value changed"), std::string::npos);
  EXPECT_NE(comparison_text(c).find("    lactate"), std::string::npos);  // unmarked
}

TEST(Compare, LayerFollowsTheGradedObservable) {
  const Catalogue c =
      load_catalogue(std::string(BRAINLOAD_SOURCE_DIR) + "/validation/catalogue.toml");
  const auto layer_of = [&](const std::string& id) {
    for (const Target& t : c.targets) {
      if (t.id == id) return target_layer(t);
    }
    return std::string("no such target");
  };
  EXPECT_EQ(layer_of("lactate.wingate30.peak_rise"), "acute");
  EXPECT_EQ(layer_of("catecholamines.galbo.epinephrine_at_vo2max"), "acute");
  // A population reader of an acute observable's event is acute (Felig et al.'s glucose).
  EXPECT_EQ(layer_of("glucose.felig.share_hypoglycaemic_at_exhaustion"), "acute");
  EXPECT_EQ(layer_of("vo2max.heritage.response_cv"), "chronic");
  EXPECT_EQ(layer_of("hippocampus.balbim.aerobic_smd"), "chronic");
}

class CompareFile : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("brainload_compare_" + std::to_string(::getpid()));
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::filesystem::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  static std::string refusal(const std::filesystem::path& p) {
    try {
      (void)read_report_targets(p);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "accepted";
  }
};

TEST_F(CompareFile, ReadsTheTargetsOfAReport) {
  const auto p = write("report.json", R"({"targets": [
    {"id": "a", "pathway": "lactate", "role": "held_out", "pass": true, "wrong_reason": true,
     "simulated": 2.5, "other": "ignored"},
    {"id": "b", "pathway": "hpa", "role": "fitted", "layer": "chronic", "pass": false,
     "simulated": null}],
    "summary": {}})");
  const std::vector<TargetRecord> r = read_report_targets(p);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].id, "a");
  EXPECT_TRUE(r[0].wrong_reason);
  EXPECT_FALSE(r[0].held_out_pass());
  EXPECT_DOUBLE_EQ(r[0].simulated, 2.5);
  EXPECT_EQ(r[0].layer, "");  // absent in reports from before the layer field
  EXPECT_EQ(r[1].role, "fitted");
  EXPECT_EQ(r[1].layer, "chronic");
  EXPECT_FALSE(r[1].wrong_reason);  // absent in reports from before the wrong-reason rule
  EXPECT_TRUE(std::isnan(r[1].simulated));
}

TEST_F(CompareFile, MissingFileIsAMissingInput) {
  EXPECT_THROW((void)read_report_targets(dir_ / "nope.json"), MissingInputError);
}

TEST_F(CompareFile, InvalidJsonNamesFileLineAndColumn) {
  const auto p = write("bad.json", "{\"targets\": [\n  {\"id\": \"a\",,}\n]}");
  const std::string why = refusal(p);
  EXPECT_NE(why.find(p.string() + ":2:"), std::string::npos) << why;
  EXPECT_NE(why.find("not valid JSON"), std::string::npos) << why;
}

TEST_F(CompareFile, MissingFieldIsNamed) {
  const auto p = write("field.json", R"({"targets": [
    {"id": "a", "pathway": "lactate", "role": "held_out", "pass": true, "simulated": 1},
    {"id": "b", "pathway": "lactate", "role": "held_out", "simulated": 1}]})");
  const std::string why = refusal(p);
  EXPECT_NE(why.find("targets[1].pass: missing or not true/false"), std::string::npos) << why;
}

TEST_F(CompareFile, SomethingElseIsNotAReport) {
  const auto p = write("scenario.json", R"({"scenario": {"name": "x"}})");
  const std::string why = refusal(p);
  EXPECT_NE(why.find("targets: missing or not an array"), std::string::npos) << why;
}

// `validate --set`: an earlier report names the overrides it ran with, and the comparison says
// so whenever either run had any, so a variant is not read as the shipped model.
TEST_F(CompareFile, ReadsAnEarlierReportsParameterOverrides) {
  const std::string row =
      R"({"id": "a", "pathway": "lactate", "role": "held_out", "pass": true, "simulated": 1})";
  const auto with = write(
      "with.json", R"({"targets": [)" + row + R"(], "parameter_overrides": {"lactate.k": 0.5}})");
  const EarlierReport r = read_report(with);
  ASSERT_EQ(r.targets.size(), 1u);
  ASSERT_EQ(r.parameter_overrides.size(), 1u);
  EXPECT_EQ(r.parameter_overrides[0].first, "lactate.k");
  EXPECT_DOUBLE_EQ(r.parameter_overrides[0].second, 0.5);
  // Reports from before the field: the shipped model.
  EXPECT_TRUE(
      read_report(write("old.json", R"({"targets": [)" + row + "]}")).parameter_overrides.empty());
  const auto bad = write(
      "bad.json", R"({"targets": [)" + row + R"(], "parameter_overrides": {"lactate.k": "x"}})");
  try {
    (void)read_report(bad);
    ADD_FAILURE() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("parameter_overrides.lactate.k: not a number"),
              std::string::npos)
        << e.what();
  }

  Comparison c = compare_reports(r.targets, r.targets, "with.json");
  EXPECT_EQ(comparison_text(c).find("parameter overrides"), std::string::npos);
  c.overrides_before = r.parameter_overrides;
  const std::string text = comparison_text(c);
  EXPECT_NE(text.find("parameter overrides: earlier lactate.k=0.5 → now none (the model as "
                      "shipped)"),
            std::string::npos)
      << text;
  EXPECT_NE(comparison_markdown(c).find("parameter overrides: earlier lactate.k=0.5"),
            std::string::npos);
}

}  // namespace
}  // namespace brainload::validation
