// A problem as its author wrote it: problem.yaml, loaded and checked with file:line errors.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "judge/author_worker.hpp"
#include "protocol/messages.hpp"

namespace pyjudge {

/// A mistake in a problem spec, located in its file.
class SpecError : public std::runtime_error {
 public:
  SpecError(std::filesystem::path file, int line, std::string field, const std::string& message);
  const std::filesystem::path& file() const { return file_; }
  int line() const { return line_; }
  const std::string& field() const { return field_; }

 private:
  std::filesystem::path file_;
  int line_;
  std::string field_;
};

/// A problem's own files (its spec, test data, a package's files) are bounded far above any real
/// problem.
inline constexpr std::size_t kMaxProblemFile = std::size_t{1} << 30;

/// A problem's own file, whole; one that cannot be read (missing, not a regular file, over
/// kMaxProblemFile) is a SpecError naming it and why.
std::string read_problem_file(const std::filesystem::path& file);

/// Where something was written: a spec file and a 1-based line.
struct Location {
  std::filesystem::path file;
  int line = 0;
  std::string str() const { return file.string() + ":" + std::to_string(line); }
};

enum class CompareMode { Exact, Unordered, Float, Tokens, Lines, Checker };

struct CompareOptions {
  double abs_tol = 1e-9;
  double rel_tol = 1e-9;
  bool case_sensitive = true;
  int unordered_depth = 1;  ///< how many levels of nesting `unordered` ignores the order of
  // Output tokens (judge/default_validator.hpp): a tolerance applies only when set, whatever its
  // size; white space must match exactly when space_change_sensitive.
  std::optional<double> float_abs_tol = std::nullopt, float_rel_tol = std::nullopt;
  bool space_change_sensitive = false;
};

struct TestCase {
  std::string name;
  bool sample = false;
  bool custom = false;  ///< the user's own input (`run --args ...`): shown in full, like a sample
  Location origin;     ///< where the test is written (a generated test: its generate entry)
  RunTest input;       ///< everything the box receives for this test, and nothing more
  // What the judge expects; never sent to the box.
  std::optional<Value> expected;
  std::optional<std::string> expected_output;  ///< stdout, compared with the problem's mode
  std::string raises;                          ///< exception class the code must raise
  // Scoring (batch grading): a test's own points, or the group it belongs to (a group scores
  // its points only if every test in it passes, as in DMOJ's batched cases).
  std::int64_t points = 0;
  std::string group;
  // A problem package's test (judge/kattis_package.hpp): its files on disk, which a custom
  // output validator reads, and its group's validator flags.
  std::optional<std::filesystem::path> input_file, answer_file;
  std::optional<std::string> interaction;  ///< an interactive sample's .interaction file, for `show`
  std::optional<CompareOptions> compare_options;  ///< the group's default-validator flags
  std::vector<std::string> validator_args;        ///< the group's custom-validator arguments
};

/// A problem package's custom output validator, ready to run (judge/output_validator.hpp).
struct OutputValidator {
  std::filesystem::path source;      ///< its file or folder, as messages name it
  std::vector<std::string> command;  ///< argv before `input answer feedback_dir [args]`
};

/// What an ICPC/Kattis problem package adds to a problem (judge/kattis_package.hpp).
struct PackageInfo {
  std::string format;                  ///< "legacy", "2023-07" or "2025-09"
  double time_multiplier = 5;          ///< time limit = slowest accepted submission x this
  double time_safety_margin = 2;       ///< rejected submissions get limit x this: "OK with extra time"
  bool time_limit_given = false;       ///< false: derive it from submissions/accepted
  bool scoring = false;
  bool interactive = false;  ///< the output validator is an interactor (judge/interactive.hpp)
  std::vector<std::filesystem::path> input_validators;  ///< input_validators/ entries
};

struct GeneratorSpec {
  std::filesystem::path file;
  std::int64_t seed = 0;
  int count = 1;
  std::vector<std::int64_t> sizes;
  Location origin;
  std::string group;  ///< the scoring group of every test it generates
};

/// A generated test's name: `<file stem>-<size>-<n>` (gen- prefixed), n counting from 1 while
/// the generator's `i` counts from 0.
std::string generated_test_name(const GeneratorSpec& g, std::int64_t size, int index);

/// `complexity:` in problem.yaml: which generator and sizes the complexity report measures, and
/// the hand-written classes of the problem's solutions (labels, checked by the report's tests).
struct ComplexitySpec {
  std::optional<std::filesystem::path> generator;  ///< default: the generator of the largest sizes
  std::int64_t min_size = 0, max_size = 0;         ///< `sizes: [min, max]`; 0: from the generator
  /// "accepted/hashmap.py" (relative to solutions/) -> its class, "n", "n^2", ... (`time:`)
  std::map<std::string, std::string> time_labels;
  std::map<std::string, std::string> memory_labels;  ///< extra memory, the same way (`memory:`)
};

struct Problem {
  std::filesystem::path dir;
  std::filesystem::path spec_file;
  std::string id, title, difficulty;
  std::vector<std::string> topics;
  Mode mode = Mode::Function;
  std::string entry;
  Prelude prelude = Prelude::Leetcode;
  Isolation isolation = Isolation::Shared;  ///< `isolation: shared | process`
  Limits limits;
  CompareMode compare = CompareMode::Exact;
  CompareOptions compare_options;
  std::int64_t compare_arg = -1;  ///< function mode: judge this argument (in place) instead of the return
  std::optional<std::filesystem::path> checker;
  host::AuthorBudget author_limits;  ///< `author_limits`: what one generator or checker call may take
  std::optional<std::filesystem::path> reference;
  std::vector<TestCase> tests;  ///< written tests; generated ones are added by generate_tests()
  std::vector<GeneratorSpec> generators;
  std::map<std::string, std::int64_t> groups;  ///< scoring group -> points
  std::filesystem::path statement_file;        ///< what `show` prints (statement.md natively)
  std::optional<OutputValidator> output_validator;  ///< a package's custom output validator
  std::optional<PackageInfo> package;               ///< set when loaded from a Kattis package
  std::optional<ComplexitySpec> complexity;         ///< `complexity:` (judge/complexity.hpp)
};

/// A mistake in one test's input for the problem's mode (design: ops and argument lists must
/// pair up; script: code is required), as {field, message}; nullopt when the input is well
/// formed. Written and generated tests are held to the same rules.
struct InputMistake {
  std::string field, message;
};
std::optional<InputMistake> check_test_input(const Problem& problem, const TestCase& test);

class TestCache;

/// Loads `path`: a problem folder or its problem.yaml. Throws SpecError. With a cache, a big
/// test file (`- file: large.yaml`) is parsed once and read back from the cache afterwards.
Problem load_problem(const std::filesystem::path& path, const TestCache* cache = nullptr);

const char* mode_name(Mode m);
const char* compare_name(CompareMode m);

}  // namespace pyjudge
