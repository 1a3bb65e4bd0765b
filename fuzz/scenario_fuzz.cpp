// libFuzzer target for the scenario reader: what `brainload check` does to a file, on bytes
// the fuzzer makes up (docs/reliability.md "Fuzzing").
//
//   parse_scenario(text) → validate_scenario → expand_sessions for every arm
//
// The contract under test: any byte string either yields a scenario or throws ScenarioError
// (exit 65) whose every diagnostic names file:line:column. Anything else — another exception
// type, a crash, a sanitizer report, a hang (-timeout), unbounded memory (-rss_limit_mb) — is a
// bug, and the input that caused it becomes a regression test in
// tests/io/fuzz_regressions_test.cpp.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "brainload/error.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/validate.hpp"

namespace {

// A diagnostic without a position is useless to someone editing the file by hand.
void require_located(const brainload::ScenarioError& error) {
  for (const auto& diagnostic : error.diagnostics()) {
    if (diagnostic.where.file.empty() || diagnostic.where.line < 1 || diagnostic.where.column < 1) {
      std::fprintf(stderr, "diagnostic without file:line:column: %s\n",
                   diagnostic.format().c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const brainload::Scenario scenario = brainload::parse_scenario(text, "fuzz.toml");
    const auto diagnostics = brainload::validate_scenario(scenario);
    if (!diagnostics.empty()) {
      require_located(brainload::ScenarioError(diagnostics));
      return 0;
    }
    for (const auto& arm : scenario.arms) {
      (void)brainload::expand_sessions(scenario, arm);
    }
  } catch (const brainload::ScenarioError& error) {
    require_located(error);
  }
  // Any other exception escapes: libFuzzer reports it as a crash (uncaught exception → abort).
  return 0;
}
