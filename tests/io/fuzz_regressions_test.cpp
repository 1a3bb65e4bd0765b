// Inputs found by fuzz/scenario_fuzz and by the malformed-input table (docs/reliability.md
// "Fuzzing"), minimised, kept here so the bugs stay fixed: each must give a ScenarioError
// whose diagnostics name file:line:column, never a crash, another exception or a sanitizer
// report.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "brainload/error.hpp"
#include "brainload/io/scenario_toml.hpp"

namespace brainload {
namespace {

// The diagnostics of parsing `text` as "fuzz.toml"; a test failure if it parses or throws
// anything but ScenarioError.
std::vector<Diagnostic> rejection(std::string_view text) {
  try {
    (void)parse_scenario(text, "fuzz.toml");
  } catch (const ScenarioError& error) {
    for (const auto& d : error.diagnostics()) {
      EXPECT_EQ(d.where.file, "fuzz.toml");
      EXPECT_GE(d.where.line, 1) << d.format();
      EXPECT_GE(d.where.column, 1) << d.format();
    }
    return error.diagnostics();
  }
  ADD_FAILURE() << "parsed without a ScenarioError";
  return {};
}

std::string repeated(std::string_view part, std::string_view separator, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += separator;
    out += part;
  }
  return out;
}

// Bug: a table header or dotted key with tens of thousands of parts, `[a.a.a.…]`, made toml++
// build tables that deep and overflow the stack in its recursive update_region_ends()
// (SIGSEGV, exit 139 from `brainload check` with 50 000 parts in a Release build; 30 000
// passed). Found while filling the malformed-input table of docs/reliability.md, not by the
// fuzzer, whose inputs stayed under 5 kB. Fixed by detail::find_deep_nesting before parsing
// (sim/io/toml_nesting).
TEST(FuzzRegressions, regression_fuzz_deep_dotted_header) {
  const std::string text =
      "[scenario]\nname = \"x\"\n[" + repeated("a", ".", 50'000) + "]\n[[arm]]\nname = \"a\"\n";
  const auto diagnostics = rejection(text);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].where.line, 3);
  EXPECT_NE(diagnostics[0].message.find("nested more than 256 levels"), std::string::npos)
      << diagnostics[0].format();
}

TEST(FuzzRegressions, regression_fuzz_deep_dotted_key) {
  const std::string text = "[scenario]\nname = \"x\"\n" + repeated("a", ".", 50'000) + " = 1\n";
  const auto diagnostics = rejection(text);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].where.line, 3);
}

// The same depth reached by quoted parts, by a key under a deep header, and by dotted keys
// inside nested inline tables spread over the lines of an array.
TEST(FuzzRegressions, regression_fuzz_deep_nesting_variants) {
  rejection("[" + repeated("\"a\"", " . ", 20'000) + "]\n");
  rejection("[" + repeated("a", ".", 200) + "]\n" + repeated("b", ".", 200) + " = 1\n");
  std::string arrays = "x = [\n";
  for (int i = 0; i < 100; ++i) arrays += "{ " + repeated("k", ".", 100) + " = [\n";
  rejection(arrays);
}

// What the depth check must not reject: a real scenario's nesting, dots in values, strings
// and comments.
TEST(FuzzRegressions, regression_fuzz_depth_check_keeps_dots_in_values) {
  const std::string dots = repeated("0.5", ", ", 2000);
  const std::string text = "# " + repeated("a", ".", 1000) +
                           "\n[scenario]\nname = \"x\"\ndescription = \"" +
                           repeated("a", ".", 1000) + "\"\n[protocol.p]\nblocks = [ { minutes = " +
                           "30, vo2max = 0.5 } ]\n[teaching]\nquestions = ['''" +
                           repeated("q", ".", 1000) + "''']\n[[arm]]\nname = \"a\"\n";
  EXPECT_NO_THROW((void)parse_scenario(text, "fuzz.toml"));
  // An array of many floats on one line is rejected for its key, not for its dots.
  const auto diagnostics =
      rejection("[scenario]\nname = \"x\"\nassess_days = [" + dots + "]\n[[arm]]\nname = \"a\"\n");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].field.rfind("scenario.assess_days", 0), 0u) << diagnostics[0].format();
}

// Known toml++ 3.3 bug (marzer/tomlplusplus#190, #295; fixed upstream by #305): a non-ASCII
// character in U+00A1-U+0499, U+2C8E-U+3087 or U+FB06-U+FEFE right after a value reaches
// `default: TOML_UNREACHABLE` in is_non_ascii_horizontal_whitespace(). The fuzzer found it
// within a minute (UBSan: "execution reached an unreachable program point"). It is undefined
// behaviour, so what matters is what the shipped code does: Debian's gcc-built
// libtomlplusplus.so reports "invalid TOML" at the right place. The fuzzer leaves that one
// function uninstrumented (fuzz/ubsan_ignorelist.txt) so that it can go on past it.
TEST(FuzzRegressions, regression_fuzz_toml_unreachable_whitespace) {
  for (const std::string_view text :
       {std::string_view("[scenario]\nname = \"x\"\ndays = 1\xc3\xa9\n"),      // U+00E9 é
        std::string_view("[scenario]\nname = \"x\"\ndays = 1\xe3\x80\x81\n"),  // U+3001 、
        std::string_view("[scenario]\nname = \"x\"\ndays = 1\xd0\x96\n"),      // U+0416 Ж
        std::string_view("[scenario]\nx = true\xef\xad\x90\n"),                // U+FB50
        std::string_view("\xcc\xaa")}) {                                       // #295: U+032A
    const auto diagnostics = rejection(text);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_NE(diagnostics[0].message.find("invalid TOML"), std::string::npos)
        << diagnostics[0].format();
  }
  // #190: a line-ending backslash in a multi-line string before U+00A7 is valid TOML.
  EXPECT_NO_THROW((void)parse_scenario(
      "[scenario]\nname = \"x\"\ndescription = \"\"\"\\\n\xc2\xa7\"\"\"\n[[arm]]\nname = \"a\"\n",
      "fuzz.toml"));
}

}  // namespace
}  // namespace brainload
