// brainload validate: runs the literature validation catalogue (validation/catalogue.toml),
// prints simulated against published values, writes report.md, report.html and report.json, and
// exits non-zero if any target fails (known misses do not fail).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/validation/catalogue.hpp"
#include "brainload/validation/compare.hpp"
#include "brainload/validation/report.hpp"
#include "brainload/validation/suite.hpp"
#include "cli/commands.hpp"
#include "cli/parameters.hpp"

namespace brainload::cli {

namespace {

// Exit status when at least one target fails (PRODUCT.md: `validate` exits non-zero then).
constexpr int kValidationFailed = 1;

struct ValidateOptions {
  std::string catalogue = "validation/catalogue.toml";
  std::string out = "output/validation";
  std::string filter;
  int threads = 0;
  int seeds = 1;
  bool quiet = false;
  bool check = false;
  std::string compare;            // an earlier report.json to compare this run with
  std::vector<std::string> sets;  // --set NAME=VALUE, applied to every target's scenario
};

// `validate --check`: every scenario the selected targets name loaded and checked (arms,
// assessment days; the catalogue loader has already enforced the band rules), then each target's
// role and band listed, so that a new held-out target can be committed with its band before any
// simulated number exists (docs/validation.md). Nothing is simulated and no report is written.
int check_catalogue(const validation::Catalogue& catalogue) {
  using namespace brainload::validation;
  ScenarioCheck check = check_scenarios(catalogue);
  if (!check.problems.empty()) throw ScenarioError(std::move(check.problems));

  const auto side = [](double v) {
    return std::isinf(v) ? std::string(v < 0 ? "-inf" : "+inf") : fmt::format("{:.4g}", v);
  };
  for (const Target& t : catalogue.targets) {
    const Band b = tolerance_band(t);
    fmt::print("{}  {}  {}  {}  published {:.4g}  band [{}, {}]\n", t.id, role_name(t.role),
               evidence_name(t.evidence), band_rule_name(t.band), t.published, side(b.lo),
               side(b.hi));
  }
  fmt::print("validate --check: {} targets and {} scenarios checked; nothing simulated\n",
             catalogue.targets.size(), check.scenarios);
  return 0;
}

int run_validate(const ValidateOptions& options) {
  using namespace brainload::validation;
  if (!std::filesystem::exists(options.catalogue)) {
    throw MissingInputError(fmt::format(
        "cannot read catalogue '{}': no such file (run from the repository root, or pass "
        "--catalogue PATH)",
        options.catalogue));
  }
  // --set is checked before the catalogue is read or anything runs (exit 2, as for run/trace).
  const ParameterOverrides overrides = parse_sets(options.sets);
  Catalogue catalogue = load_catalogue(options.catalogue);
  // --filter selects a target whose id or pathway contains the text, in the catalogue and in an
  // earlier report alike.
  const auto unselected = [&](const std::string& id, const std::string& pathway) {
    return id.find(options.filter) == std::string::npos &&
           pathway.find(options.filter) == std::string::npos;
  };
  if (!options.filter.empty()) {
    std::erase_if(catalogue.targets, [&](const Target& t) { return unselected(t.id, t.pathway); });
    if (catalogue.targets.empty()) {
      throw UsageError(
          fmt::format("--filter '{}' matches no target id or pathway", options.filter));
    }
  }
  if (options.check) return check_catalogue(catalogue);
  // The earlier report is read before anything runs: a bad file fails at once, and --out may be
  // the directory it lives in (its report.json is overwritten at the end). With --filter only
  // the earlier report's targets that the filter selects are compared.
  std::optional<EarlierReport> earlier;
  if (!options.compare.empty()) {
    earlier = read_report(options.compare);
    if (!options.filter.empty()) {
      std::erase_if(earlier->targets,
                    [&](const TargetRecord& r) { return unselected(r.id, r.pathway); });
    }
  }
  const std::filesystem::path out_dir(options.out);
  // Fail before the simulations if the report cannot be written.
  {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec || !std::filesystem::is_directory(out_dir)) {
      throw OutputError(fmt::format("cannot create output directory '{}'", options.out));
    }
  }

  SuiteOptions so;
  so.threads = options.threads;
  so.seeds = options.seeds;
  so.parameter_overrides = overrides;
  if (!options.quiet) so.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  const SuiteResult result = run_suite(catalogue, so);

  std::string command = "brainload validate";
  if (options.catalogue != "validation/catalogue.toml")
    command += " --catalogue " + options.catalogue;
  command += " --out " + options.out;
  if (!options.filter.empty()) command += " --filter " + options.filter;
  if (options.seeds > 1) command += fmt::format(" --seeds {}", options.seeds);
  for (const std::string& set : options.sets) command += " --set " + set;
  if (earlier) command += " --compare " + options.compare;
  std::optional<Comparison> comparison;
  if (earlier) {
    comparison =
        compare_reports(earlier->targets, target_records(catalogue, result), options.compare);
    comparison->overrides_before = earlier->parameter_overrides;
    comparison->overrides_after = overrides;
  }
  write_reports(out_dir, catalogue, result, command, comparison ? &*comparison : nullptr);

  if (!options.quiet) print_table(std::cout, catalogue, result);
  std::cout << summary_line(result.summary) << '\n';
  if (const std::string line = robustness_line(catalogue, result); !line.empty()) {
    std::cout << line << '\n';
  }
  if (!overrides.empty()) {
    std::cout << "parameter overrides: " << overrides_text(overrides)
              << " (not the model as shipped)\n";
  }
  if (comparison) std::cout << comparison_text(*comparison);
  std::cout.flush();
  fmt::print(stderr, "validate: {:.1f} s; report written to {}, {} and {}\n", result.seconds,
             (out_dir / "report.md").string(), (out_dir / "report.html").string(),
             (out_dir / "report.json").string());
  return result.summary.failed > 0 ? kValidationFailed : 0;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "run the literature validation suite: simulated against published values, pass/fail");
  cmd->add_option("--catalogue", options->catalogue, "validation catalogue (TOML)")
      ->default_val("validation/catalogue.toml");
  cmd->add_option("--out", options->out, "directory for report.md, report.html and report.json")
      ->default_val("output/validation");
  cmd->add_option("--filter", options->filter,
                  "run only targets whose id or pathway contains this text");
  cmd->add_option("--threads", options->threads, "worker threads (0 = all cores)")
      ->default_val(0)
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--seeds", options->seeds,
                  "run every population target at this many consecutive seeds, from its own, and "
                  "report which passes and misses depend on the seed (pass and miss are still "
                  "decided at the catalogue's seed; the population runs take this many times "
                  "longer)")
      ->default_val(1)
      ->check(CLI::Range(1, 100));
  cmd->add_option("--compare", options->compare,
                  "compare this run with the report.json of an earlier `validate` (e.g. before "
                  "a model change): held-out passes per pathway before and after, targets added, "
                  "removed or changing status, how many values moved and the largest change; "
                  "printed after the summary and added to report.md and report.json (with "
                  "--filter, only the earlier targets the filter selects)");
  add_set_option(*cmd, options->sets);
  cmd->add_flag("--quiet", options->quiet,
                "print only the summary line (and the robustness and comparison lines)");
  cmd->add_flag("--check", options->check,
                "load the catalogue (enforcing the band rules) and every scenario it names, check "
                "arms and assessment days, and list the selected targets with their roles and "
                "bands, without simulating anything or writing a report: for committing a "
                "held-out target before its first run");
  cmd->footer(
      "Exit status: 0 when no target fails (known misses do not fail), 1 when a target fails, "
      "65 for an invalid catalogue or scenario or an earlier report that is not a report.json, 66 "
      "when the catalogue or the earlier report is missing, 73 when the report cannot be written.");
  return {cmd, [options] { return run_validate(*options); }};
}

}  // namespace brainload::cli
