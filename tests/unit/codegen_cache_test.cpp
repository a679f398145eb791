// The on-disk cache of compiled Calc code (`sqlc.codegen.cache-dir`): a compile stores the
// object, a fresh compiler links it without generating code and computes the same rows, and a
// damaged entry is recompiled and replaced rather than linked.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/data/value.h"
#include "runtime/execution/compiled_calc.h"
#include "tests/unit/calc_test_support.h"

namespace sluice {
namespace {

using test::outputTypes;
using test::rowsOf;

namespace fs = std::filesystem;
using artifact::Expression;

const std::vector<DataType> kInputTypes{DataType::bigInt().notNull(), DataType::string()};

// WHERE $0 > 2, SELECT $0 + 10, CONCAT(UPPER($1), '<a literal too long to inline>'): an inline
// comparison and addition, two kernel calls and a string constant the object refers to.
artifact::Node makeCalc() {
  artifact::Node calc;
  calc.id = 2;
  calc.kind = artifact::NodeKind::Calc;
  calc.inputs = {1};
  calc.location = "codegen_cache_test.sql:1:1";
  const Expression id = Expression::columnRef(0, kInputTypes[0]);
  const Expression name = Expression::columnRef(1, kInputTypes[1]);
  calc.condition =
      Expression::call(">", {id, Expression::constant("2", DataType::bigInt().notNull())},
                       DataType::boolean().notNull());
  calc.projections.push_back(
      Expression::call("+", {id, Expression::constant("10", DataType::bigInt().notNull())},
                       DataType::bigInt().notNull()));
  const std::string suffix = "-with-a-suffix-longer-than-inline";
  calc.projections.push_back(Expression::call(
      "CONCAT",
      {Expression::call("UPPER", {name}, DataType::string()),
       Expression::constant(suffix,
                            DataType::charType(static_cast<int32_t>(suffix.size())).notNull())},
      DataType::string()));
  calc.schema = {{"id", calc.projections[0].type}, {"label", calc.projections[1].type}};
  return calc;
}

runtime::Batch makeInput() {
  runtime::Batch batch(kInputTypes, 8);
  const std::vector<std::pair<int64_t, std::optional<std::string>>> rows{
      {1, "a"}, {3, "abc"}, {5, std::nullopt}, {7, "Mixed case, long enough not to inline"}};
  for (size_t i = 0; i < rows.size(); ++i) {
    const int row = static_cast<int>(i);
    runtime::writeValue(batch.column(0), row, runtime::Value::ofInteger(rows[i].first),
                        batch.arena());
    runtime::writeValue(
        batch.column(1), row,
        rows[i].second ? runtime::Value::ofBytes(*rows[i].second) : runtime::Value::null(),
        batch.arena());
    batch.rowKinds()[row] = runtime::RowKind::Insert;
  }
  batch.setSize(static_cast<int>(rows.size()));
  return batch;
}


// The rows `code` writes for makeInput().
std::vector<std::string> runCompiled(const artifact::Node& calc,
                                     std::shared_ptr<const runtime::CompiledCalcCode> code) {
  runtime::TaskContext task;
  const auto& registry = runtime::ScalarFunctionRegistry::builtins();
  runtime::CompiledCalc compiled(
      std::move(code), std::make_unique<runtime::InterpretedCalc>(calc, registry, task), task);
  const runtime::Batch input = makeInput();
  runtime::Batch output(outputTypes(calc), input.capacity());
  compiled.process(input, output);
  return rowsOf(output);
}

std::vector<std::string> runInterpreted(const artifact::Node& calc) {
  runtime::TaskContext task;
  runtime::InterpretedCalc interpreted(calc, runtime::ScalarFunctionRegistry::builtins(), task);
  const runtime::Batch input = makeInput();
  runtime::Batch output(outputTypes(calc), input.capacity());
  interpreted.process(input, output);
  return rowsOf(output);
}

class CodegenCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "sluice-codegen-cache-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { fs::remove_all(directory_); }

  codegen::CodegenOptions cached() const {
    codegen::CodegenOptions options;
    options.cacheDirectory = directory_.string();
    return options;
  }

  std::shared_ptr<const runtime::CompiledCalcCode> compileWith(
      codegen::LlvmCalcCompiler& compiler) {
    std::string reason;
    auto code = compiler.compile(calc_, kInputTypes, reason);
    EXPECT_NE(code, nullptr) << reason;
    return code;
  }

  // The cache's entries; fails the test on a leftover temporary file.
  std::vector<fs::path> entries() const {
    std::vector<fs::path> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory_)) {
      EXPECT_EQ(entry.path().extension(), ".o") << entry.path();
      found.push_back(entry.path());
    }
    return found;
  }

  // Rows of the same Calc compiled without any disk cache.
  std::vector<std::string> uncachedRows() {
    codegen::LlvmCalcCompiler compiler({});
    auto code = compileWith(compiler);
    if (!code) return {};
    EXPECT_FALSE(code->fromDiskCache);
    return runCompiled(calc_, code);
  }

  // A damaged `entry` (whole, it was `goodSize` bytes): recompiled, correctly, and replaced by
  // a good entry that a later compiler links.
  void expectRecompiledAndReplaced(const fs::path& entry, uintmax_t goodSize) {
    const std::vector<std::string> expected = uncachedRows();
    codegen::LlvmCalcCompiler second(cached());
    auto code = compileWith(second);
    ASSERT_NE(code, nullptr);
    EXPECT_FALSE(code->fromDiskCache);
    EXPECT_NE(code->diskCacheProblem.find("damaged"), std::string::npos) << code->diskCacheProblem;
    EXPECT_EQ(runCompiled(calc_, code), expected);
    EXPECT_EQ(fs::file_size(entry), goodSize);

    codegen::LlvmCalcCompiler third(cached());
    auto again = compileWith(third);
    ASSERT_NE(again, nullptr);
    EXPECT_TRUE(again->fromDiskCache);
    EXPECT_EQ(again->diskCacheProblem, "");
    EXPECT_EQ(runCompiled(calc_, again), expected);
  }

  fs::path directory_;
  const artifact::Node calc_ = makeCalc();
};

TEST_F(CodegenCacheTest, UncachedCodeMatchesTheInterpreter) {
  const std::vector<std::string> rows = uncachedRows();
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows, runInterpreted(calc_));
}

TEST_F(CodegenCacheTest, CompileStoresTheObject) {
  codegen::LlvmCalcCompiler compiler(cached());
  auto code = compileWith(compiler);
  ASSERT_NE(code, nullptr);
  EXPECT_FALSE(code->fromDiskCache);
  EXPECT_EQ(code->diskCacheProblem, "");
  EXPECT_NE(code->optimizedIr, "");
  const std::vector<fs::path> stored = entries();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_GT(fs::file_size(stored[0]), 32u);
  EXPECT_NE(stored[0].filename().string().find("-llvm"), std::string::npos) << stored[0];
}

TEST_F(CodegenCacheTest, JobConfigurationSetsTheDirectory) {
  codegen::LlvmCalcCompiler compiler({});
  compiler.configure({{"sqlc.codegen.cache-dir", directory_.string()}});
  ASSERT_NE(compileWith(compiler), nullptr);
  EXPECT_EQ(entries().size(), 1u);
}

TEST_F(CodegenCacheTest, FreshCompilerLinksTheStoredObject) {
  {
    codegen::LlvmCalcCompiler first(cached());
    ASSERT_NE(compileWith(first), nullptr);
  }
  codegen::LlvmCalcCompiler second(cached());
  auto code = compileWith(second);
  ASSERT_NE(code, nullptr);
  EXPECT_TRUE(code->fromDiskCache);
  EXPECT_EQ(code->diskCacheProblem, "");
  EXPECT_EQ(code->optimizedIr, "");  // nothing was optimized
  EXPECT_EQ(runCompiled(calc_, code), uncachedRows());
  EXPECT_EQ(entries().size(), 1u);
}

TEST_F(CodegenCacheTest, OtherOptimizationLevelIsAnotherEntry) {
  {
    codegen::LlvmCalcCompiler first(cached());
    ASSERT_NE(compileWith(first), nullptr);
  }
  codegen::CodegenOptions options = cached();
  options.optimizationLevel = 2;
  codegen::LlvmCalcCompiler second(options);
  auto code = compileWith(second);
  ASSERT_NE(code, nullptr);
  EXPECT_FALSE(code->fromDiskCache);
  EXPECT_EQ(entries().size(), 2u);
}

TEST_F(CodegenCacheTest, TruncatedEntryIsRecompiled) {
  {
    codegen::LlvmCalcCompiler first(cached());
    ASSERT_NE(compileWith(first), nullptr);
  }
  const std::vector<fs::path> stored = entries();
  ASSERT_EQ(stored.size(), 1u);
  const uintmax_t size = fs::file_size(stored[0]);
  fs::resize_file(stored[0], size / 2);
  expectRecompiledAndReplaced(stored[0], size);
}

TEST_F(CodegenCacheTest, CorruptedEntryIsRecompiled) {
  {
    codegen::LlvmCalcCompiler first(cached());
    ASSERT_NE(compileWith(first), nullptr);
  }
  const std::vector<fs::path> stored = entries();
  ASSERT_EQ(stored.size(), 1u);
  const uintmax_t size = fs::file_size(stored[0]);
  {
    // Same length, every byte of the object's code and headers overwritten.
    std::ofstream out(stored[0], std::ios::binary | std::ios::trunc);
    out << std::string(size, '\xcc');
  }
  expectRecompiledAndReplaced(stored[0], size);
}

TEST_F(CodegenCacheTest, EmptyEntryIsRecompiled) {
  {
    codegen::LlvmCalcCompiler first(cached());
    ASSERT_NE(compileWith(first), nullptr);
  }
  const std::vector<fs::path> stored = entries();
  ASSERT_EQ(stored.size(), 1u);
  const uintmax_t size = fs::file_size(stored[0]);
  fs::resize_file(stored[0], 0);
  expectRecompiledAndReplaced(stored[0], size);
}

}  // namespace
}  // namespace sluice
