// The malformed-input table of docs/reliability.md, as tests: every fixture under
// tests/data/malformed/ gives a ScenarioError whose diagnostic names file:line:column and the
// field, and `brainload check` on it exits 65 with that message; the fixtures under
// tests/data/edge/ (byte-order mark, CRLF, non-ASCII text) are accepted; unreadable paths
// give MissingInputError (exit 66).
//
// These fixtures live apart from tests/data/bad/ because tests/cli/test_cli.py requires every
// file there to be listed in its BAD_FIXTURES.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/validate.hpp"

namespace brainload {
namespace {

namespace fs = std::filesystem;

const fs::path kMalformed = fs::path(BRAINLOAD_SOURCE_DIR) / "tests" / "data" / "malformed";
const fs::path kEdge = fs::path(BRAINLOAD_SOURCE_DIR) / "tests" / "data" / "edge";

struct Expected {
  std::string_view fixture;  // tests/data/malformed/<fixture>.toml
  int line;
  int column;
  std::string_view field;    // "" for syntax-level errors (toml++ or the nesting check)
  std::string_view message;  // a part of the message
};

// One row per category of docs/reliability.md; the columns are toml++'s (code points) or,
// for the nesting check, bytes.
constexpr std::array<Expected, 23> kExpected{{
    // syntax
    {"duplicate_key", 5, 8, "",
     "invalid TOML: error while parsing key-value pair: cannot "
     "redefine existing integer 'days'"},
    {"triple_bracket", 5, 3, "", "invalid TOML: error while parsing key"},
    {"unclosed_array", 4, 22, "", "expected comma or closing ']', saw '}'"},
    {"comments_only", 1, 1, "", "empty scenario"},
    // types
    {"date_for_days", 4, 8, "scenario.days", "expected an integer from 1 to 36500, got a date"},
    {"string_for_array", 5, 15, "scenario.assess_days", "got \"0, 1\""},
    // ranges
    {"zero_days", 4, 8, "scenario.days", "expected an integer from 1 to 36500, got 0"},
    {"bad_clock", 7, 30, "arm[0].sessions[0].at", "from 00:00 to 23:59, got \"24:30\""},
    // unknown names
    {"unknown_event_type", 7, 44, "arm[0].events[0].type",
     "expected one of: cognitive_test, learn, recall, measure, got \"exam\""},
    // huge numbers
    {"huge_float", 4, 13, "", "'1e400' could not be interpreted as a value"},
    {"huge_integer", 6, 30, "", "'99999999999999999999' is not representable in 64 bits"},
    {"int64_max_days", 4, 8, "scenario.days", "got 9223372036854775807"},
    // NaN and infinity
    {"nan_days", 4, 8, "scenario.days", "must be a finite number"},
    {"inf_fraction", 6, 19, "population.female_fraction", "must be a finite number"},
    {"negative_inf_age", 6, 21, "population.age_years.min", "got -inf"},
    // binary and encoding
    {"binary", 1, 1, "", "invalid utf-8 sequence; expected a UTF-8 text file without NUL bytes"},
    {"invalid_utf8", 1, 27, "", "invalid utf-8 sequence"},
    {"nul_byte", 3, 12, "", "unescaped control characters"},
    {"unreachable_whitespace", 4, 9, "", "expected digit, saw 'é'"},
    // deep nesting
    {"deep_arrays", 4, 269, "", "nested more than 256 levels deep"},
    {"deep_inline_tables", 6, 1537, "", "nested more than 256 levels deep"},
    {"deep_table_header", 5, 520, "", "nested more than 256 levels deep"},
    // long lines
    {"long_line_name", 3, 8, "scenario.name", "of at most 100 characters, got 10000 characters"},
}};

// What `brainload check` does, without the executable.
std::vector<Diagnostic> check_diagnostics(const fs::path& path) {
  try {
    require_valid(load_scenario_file(path.string()));
  } catch (const ScenarioError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << path << ": no ScenarioError";
  return {};
}

struct Outcome {
  int exit_code = -1;
  std::string output;  // standard output and error together
};

// `brainload check PATH`, run through `prefix` (e.g. "setpriv ... ") when given.
Outcome run_check(const fs::path& path, const std::string& prefix = "") {
  const std::string command =
      prefix + "'" + BRAINLOAD_EXE + "' check '" + path.string() + "' </dev/null 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return outcome;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    outcome.output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  return outcome;
}

TEST(MalformedInputs, EveryFixtureIsInTheTable) {
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(kMalformed)) {
    if (entry.path().extension() == ".toml") on_disk.insert(entry.path().stem().string());
  }
  std::set<std::string> listed;
  for (const auto& e : kExpected) listed.insert(std::string(e.fixture));
  EXPECT_EQ(on_disk, listed) << "tests/data/malformed/*.toml and kExpected disagree";
}

TEST(MalformedInputs, EachGivesOneLocatedDiagnostic) {
  for (const auto& e : kExpected) {
    SCOPED_TRACE(e.fixture);
    const fs::path path = kMalformed / (std::string(e.fixture) + ".toml");
    const auto diagnostics = check_diagnostics(path);
    ASSERT_EQ(diagnostics.size(), 1u);
    const Diagnostic& d = diagnostics.front();
    EXPECT_EQ(d.where.file, path.string());
    EXPECT_EQ(d.where.line, e.line) << d.format();
    EXPECT_EQ(d.where.column, e.column) << d.format();
    EXPECT_EQ(d.field, e.field) << d.format();
    EXPECT_NE(d.message.find(e.message), std::string::npos) << d.format();
  }
}

TEST(MalformedInputs, CheckExits65WithFileLineColumnAndField) {
  for (const auto& e : kExpected) {
    SCOPED_TRACE(e.fixture);
    const fs::path path = kMalformed / (std::string(e.fixture) + ".toml");
    const Outcome outcome = run_check(path);
    EXPECT_EQ(outcome.exit_code, 65) << outcome.output;
    std::string where =
        path.string() + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": ";
    if (!e.field.empty()) where += std::string(e.field) + ": ";
    EXPECT_EQ(outcome.output.rfind(where, 0), 0u) << outcome.output.substr(0, 400);
  }
}

TEST(MalformedInputs, EdgeCasesAreAccepted) {
  for (const std::string_view name : {"bom", "crlf", "unicode_text"}) {
    SCOPED_TRACE(name);
    const fs::path path = kEdge / (std::string(name) + ".toml");
    Scenario s;
    ASSERT_NO_THROW(s = load_scenario_file(path.string()));
    EXPECT_EQ(s.name, name);
    EXPECT_NO_THROW(require_valid(s));
    const Outcome outcome = run_check(path);
    EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  }
}

// CRLF and the byte-order mark again in memory, in case a checkout rewrites the fixtures.
TEST(MalformedInputs, CrlfAndByteOrderMarkInMemory) {
  const std::string lf = "[scenario]\nname = \"x\"\ndays = 2\n\n[[arm]]\nname = \"a\"\n";
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(parse_scenario(crlf, "t.toml").days, 2);
  EXPECT_EQ(parse_scenario("\xef\xbb\xbf" + lf, "t.toml").days, 2);
  // A lone CR is not a line ending in TOML.
  std::string cr = lf;
  for (char& c : cr) c = c == '\n' ? '\r' : c;
  EXPECT_THROW((void)parse_scenario(cr, "t.toml"), ScenarioError);
}

// A 1 MB line in a string is fine; the same length in a name is not.
TEST(MalformedInputs, VeryLongLines) {
  const std::string big(1'000'000, 'x');
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"x\"\ndescription = \"" + big + "\"\n[[arm]]\nname = \"a\"\n", "t.toml");
  EXPECT_EQ(s.description.size(), big.size());
  try {
    (void)parse_scenario("[scenario]\nname = \"" + big + "\"\n[[arm]]\nname = \"a\"\n", "t.toml");
    ADD_FAILURE() << "a 1 MB name was accepted";
  } catch (const ScenarioError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].field, "scenario.name");
  }
}

// Unreadable paths: exit 66 (MissingInputError), never 65 or a crash.
TEST(MalformedInputs, MissingFileDirectoryAndUnreadableFile) {
  struct TempDir {
    fs::path path = fs::temp_directory_path() / ("brainload-malformed-" + std::to_string(getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } temp;
  const fs::path& dir = temp.path;
  EXPECT_THROW((void)load_scenario_file((dir / "missing.toml").string()), MissingInputError);
  EXPECT_THROW((void)load_scenario_file(dir.string()), MissingInputError);
  EXPECT_EQ(run_check(dir / "missing.toml").exit_code, 66);
  EXPECT_EQ(run_check(dir).exit_code, 66);

  const fs::path locked = dir / "locked.toml";
  std::ofstream(locked) << "[scenario]\nname = \"x\"\n[[arm]]\nname = \"a\"\n";
  chmod(locked.c_str(), 0);
  if (geteuid() == 0) {
    // root reads files regardless of their mode (CAP_DAC_OVERRIDE), so the check runs as
    // nobody where setpriv (util-linux) can switch to it.
    EXPECT_NO_THROW((void)load_scenario_file(locked.string()));
    const Outcome as_nobody =
        run_check(locked, "setpriv --reuid=65534 --regid=65534 --clear-groups ");
    if (as_nobody.exit_code == 126 || as_nobody.exit_code == 127) {
      GTEST_SKIP() << "cannot run brainload as nobody here: " << as_nobody.output;
    }
    EXPECT_EQ(as_nobody.exit_code, 66) << as_nobody.output;
    EXPECT_NE(as_nobody.output.find("Permission denied"), std::string::npos) << as_nobody.output;
  } else {
    EXPECT_THROW((void)load_scenario_file(locked.string()), MissingInputError);
    EXPECT_EQ(run_check(locked).exit_code, 66);
  }
}

}  // namespace
}  // namespace brainload
