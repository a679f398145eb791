#include <gtest/gtest.h>

#include "compiler/diagnostics/diagnostics.h"

namespace sluice {
namespace {

TEST(DiagnosticSinkTest, RendersLocationLineAndCaret) {
  SourceFile file("job.sql", "SELECT a\nFROM nosuch\n");
  DiagnosticSink sink;
  sink.error({2, 6}, "table 'nosuch' not found");
  EXPECT_EQ(sink.render(file),
            "job.sql:2:6: error: table 'nosuch' not found\n"
            "  FROM nosuch\n"
            "       ^\n");
  EXPECT_TRUE(sink.hasErrors());
}

TEST(DiagnosticSinkTest, LineOutOfRangeIsEmpty) {
  SourceFile file("job.sql", "SELECT 1");
  EXPECT_EQ(file.line(1), "SELECT 1");
  EXPECT_EQ(file.line(2), "");
  EXPECT_EQ(file.line(0), "");
}

}  // namespace
}  // namespace sluice
