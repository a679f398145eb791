// The native library loader (runtime/udx): a good library's function table read into typed
// descriptors, one load per process, every refusal naming the library; the type strings a
// library may declare; and the compiler's choice among a native function's overloads.
#include "runtime/udx/udx_library.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/driver/job_compiler.h"
#include "compiler/functions/native_functions.h"
#include "compiler/physical/physical_planner.h"
#include "compiler/types/scalar_type_text.h"
#include "session/local_job.h"
#include "session/udx_loader.h"

namespace sluice::runtime::udx {
namespace {

std::string loadError(const std::string& path) {
  try {
    UdxLibrary::load(path);
  } catch (const UdxError& error) {
    return error.what();
  }
  return "";
}

TEST(UdxLibrary, ReadsTheFunctionTable) {
  auto library = UdxLibrary::load(SLUICE_TEST_UDX_LIBRARY);
  EXPECT_EQ(library->name(), "sluice-test-functions");
  ASSERT_EQ(library->functions().size(), 11u);
  const UdxFunction& countChar = library->functions()[0];
  EXPECT_EQ(countChar.describe(), "com.example.CountChar(STRING, STRING) -> BIGINT");
  EXPECT_TRUE(countChar.deterministic());
  EXPECT_FALSE(countChar.mayReturnNull());
  EXPECT_EQ(library->functions()[2].describe(), "com.example.Twice(DOUBLE) -> DOUBLE");
  EXPECT_TRUE(library->functions()[4].mayReturnNull());
  EXPECT_NE(library->functions()[6].entry->open, nullptr);
  // A table function's result is its row type, whose fields LATERAL TABLE makes columns.
  const UdxFunction& split = library->functions()[8];
  EXPECT_EQ(split.kind, static_cast<uint32_t>(SLUICE_UDX_TABLE));
  EXPECT_EQ(split.resultText, "ROW<word STRING>");
  ASSERT_EQ(split.result.kind(), TypeKind::Row);
  ASSERT_EQ(split.result.fields().size(), 1u);
  EXPECT_EQ(split.result.fields()[0].name, "word");
  const UdxFunction& joinWords = library->functions()[9];
  EXPECT_EQ(joinWords.kind, static_cast<uint32_t>(SLUICE_UDX_AGGREGATE));
  EXPECT_EQ(joinWords.describe(), "com.example.JoinWords(STRING) -> STRING");
  EXPECT_EQ(joinWords.entry->aggregate->retract, nullptr);
}

TEST(UdxLibrary, LoadsOncePerProcess) {
  EXPECT_EQ(UdxLibrary::load(SLUICE_TEST_UDX_LIBRARY), UdxLibrary::load(SLUICE_TEST_UDX_LIBRARY));
}

TEST(UdxLibrary, RefusesWithTheLibraryPath) {
  EXPECT_EQ(loadError("/nonexistent/lib.so"), "native library '/nonexistent/lib.so' not found");
  const std::string notElf = std::string(SLUICE_SOURCE_DIR) + "/tests/udx/test_functions.c";
  EXPECT_NE(loadError(notElf).find("cannot load native library '" + notElf + "': "),
            std::string::npos)
      << loadError(notElf);
  // A shared object that is not a UDX library.
  const std::string other = "/usr/lib/x86_64-linux-gnu/libffi.so.8";
  if (std::filesystem::exists(other)) {
    EXPECT_NE(loadError(other).find("does not export sluice_udx_library_v1"), std::string::npos)
        << loadError(other);
  }
  EXPECT_NE(loadError(SLUICE_TEST_UDX_OTHER_ABI)
                .find("was built for UDX ABI version 99, this "
                      "Sluice speaks version 1"),
            std::string::npos)
      << loadError(SLUICE_TEST_UDX_OTHER_ABI);
  const std::string badType = loadError(SLUICE_TEST_UDX_BAD_TYPE);
  EXPECT_NE(badType.find(SLUICE_TEST_UDX_BAD_TYPE), std::string::npos) << badType;
  EXPECT_NE(badType.find("('com.example.CountChar'): bad type 'DECIMAL(10, 2)'"), std::string::npos)
      << badType;
}

TEST(UdxTypeText, ParsesTheAbiTypes) {
  std::string error;
  auto types = parseScalarTypeList(
      "boolean, TINYINT,SMALLINT, INT, INTEGER, BIGINT, FLOAT, DOUBLE, STRING, VARCHAR(10), "
      "BYTES, VARBINARY(3), DATE, TIME, TIMESTAMP(3), TIMESTAMP_LTZ(9), TIMESTAMP(6) WITH LOCAL "
      "TIME ZONE",
      error);
  ASSERT_TRUE(types) << error;
  std::string printed;
  for (const DataType& type : *types) printed += type.toString() + ";";
  EXPECT_EQ(printed,
            "BOOLEAN;TINYINT;SMALLINT;INT;INT;BIGINT;FLOAT;DOUBLE;STRING;VARCHAR(10);"
            "BYTES;VARBINARY(3);DATE;TIME(0);TIMESTAMP(3);TIMESTAMP_LTZ(9);"
            "TIMESTAMP_LTZ(6);");
  EXPECT_TRUE(parseScalarTypeList("  ", error)->empty());
  EXPECT_FALSE(parseScalarTypeText("ARRAY<INT>", error));
  EXPECT_NE(error.find("bad type 'ARRAY<INT>'"), std::string::npos) << error;
  EXPECT_FALSE(parseScalarTypeText("TIMESTAMP(12)", error));
}

TEST(UdxTypeText, ParsesRowTypes) {
  std::string error;
  auto row = parseRowTypeText("ROW<word STRING, `the position` INT, at TIMESTAMP(3) WITH LOCAL "
                              "TIME ZONE, d DECIMAL_NOT>", error);
  EXPECT_FALSE(row);
  row = parseRowTypeText(" row< word STRING, `the position` INT, at TIMESTAMP(3) WITH LOCAL "
                         "TIME ZONE >", error);
  ASSERT_TRUE(row) << error;
  ASSERT_EQ(row->fields().size(), 3u);
  EXPECT_EQ(row->fields()[0].name, "word");
  EXPECT_EQ(row->fields()[1].name, "the position");
  EXPECT_EQ(row->fields()[1].type->toString(), "INT");
  EXPECT_EQ(row->fields()[2].type->toString(), "TIMESTAMP_LTZ(3)");
  EXPECT_TRUE(parseRowTypeText("ROW(a BIGINT)", error));
  EXPECT_FALSE(parseRowTypeText("ROW<>", error));
  EXPECT_FALSE(parseRowTypeText("ROW<a>", error));
  EXPECT_FALSE(parseRowTypeText("STRING", error));
}

TEST(NativeFunctions, PicksOverloadsAsFlink) {
  NativeLibraries libraries(session::udxLibraryLoader());
  libraries.load(SLUICE_TEST_UDX_LIBRARY);
  std::vector<NativeOverload> overloads;
  for (const NativeFunctionInfo& info : libraries.find("com.example.Twice"))
    overloads.push_back(info.overload);
  ASSERT_EQ(overloads.size(), 2u);
  const FunctionDefinition twice = nativeScalarDefinition("TWICE", overloads);
  auto typed = [&](DataType type) {
    std::vector<CallOperand> operands{CallOperand{std::move(type), std::nullopt, false}};
    return twice.infer(operands);
  };
  // Exact, then by implicit widening (INT to BIGINT rather than to DOUBLE).
  EXPECT_EQ(typed(DataType::bigInt().notNull())->result.toString(), "BIGINT NOT NULL");
  EXPECT_EQ(typed(DataType::integer())->operandTypes[0].toString(), "BIGINT");
  EXPECT_EQ(typed(DataType::floatType().notNull())->result.toString(), "DOUBLE NOT NULL");
  auto refused = typed(DataType::string());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(),
            "no overload of TWICE(STRING) matches; TWICE is TWICE(BIGINT) -> "
            "BIGINT or TWICE(DOUBLE) -> DOUBLE");
  EXPECT_EQ(splitLibraryPath(" a.so, b.so:c.so,"),
            (std::vector<std::string>{"a.so", "b.so", "c.so"}));
  EXPECT_TRUE(libraries.find("com.example.Unknown").empty());
}

// A plan names the libraries and entries its calls use: written as JSON and read back (what
// `sqlc compile` hands a server), it loads them again and runs; a library that no longer has the
// entry is refused when the job starts.
TEST(NativeFunctions, PlanArtifactLoadsTheLibraryAgain) {
  SourceFile file(
      "job.sql",
      std::string("SET 'sqlc.udx.path' = '") + SLUICE_TEST_UDX_LIBRARY + "';\n" +
          "CREATE FUNCTION twice AS 'com.example.Twice';\n"
          "SELECT twice(x), twice(CAST(x AS DOUBLE) / 4) FROM (VALUES (1), (2)) AS t(x);\n");
  DiagnosticSink diagnostics;
  CompileOptions compileOptions;
  compileOptions.loadLibrary = session::udxLibraryLoader();
  CompiledJob job = compileJob(file, diagnostics, compileOptions);
  ASSERT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  const auto runnable = physical::runnableStatements(job);
  ASSERT_EQ(runnable.size(), 1u);
  session::LocalRunOptions options;
  options.echoCaptured = false;
  options.settings["sqlc.jit.mode"] = "interpreted";
  const artifact::JobPlan plan = session::planForLocalRun(job, *runnable[0], "job.sql", options);
  ASSERT_EQ(plan.nativeFunctions.size(), 2u);
  std::string error;
  auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->nativeFunctions.size(), 2u);
  EXPECT_EQ(back->nativeFunctions[0].identifier, "com.example.Twice");
  EXPECT_EQ(back->nativeFunctions[0].library, UdxLibrary::load(SLUICE_TEST_UDX_LIBRARY)->path());
  const session::StatementRun run = session::runPlan(*back, options, nullptr);
  ASSERT_TRUE(run.report.succeeded) << run.report.error;
  std::vector<std::string> rows;
  for (const auto& [table, row] : run.captured) rows.push_back(row);
  EXPECT_EQ(rows, (std::vector<std::string>{"+I[2, 0.5]", "+I[4, 1.0]"}));

  artifact::JobPlan changed = *back;
  changed.nativeFunctions[0].index = 0;  // CountChar
  const session::StatementRun refused = session::runPlan(changed, options, nullptr);
  EXPECT_FALSE(refused.report.succeeded);
  EXPECT_NE(refused.report.error.find("changed since the job was compiled: entry 0 is no longer "
                                      "the scalar function 'com.example.Twice'"),
            std::string::npos)
      << refused.report.error;
}

}  // namespace
}  // namespace sluice::runtime::udx
