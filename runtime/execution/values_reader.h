// The source of a Values node (a bare SELECT without FROM, VALUES (..), (..)): its literal rows,
// once, from the first instance.
#pragma once

#include "runtime/connector/connector.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

class ValuesReader final : public SourceReader {
 public:
  ValuesReader(const artifact::Node& node, const ScalarFunctionRegistry& registry,
               TaskContext& task, int subtask);
  ReadStatus read(Batch& batch) override;

 private:
  const artifact::Node& node_;
  const ScalarFunctionRegistry& registry_;
  TaskContext& task_;
  bool done_;
};

}  // namespace sluice::runtime
