// `--udx LIBRARY`, accepted by every command that compiles a job.
#include "session/udx_loader.h"
#include "tools/sqlc/commands.h"

namespace sluice {

bool takeUdxOptions(std::vector<std::string>& args, CompileOptions& options, std::string& error) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--udx") {
      rest.push_back(args[i]);
      continue;
    }
    if (i + 1 >= args.size()) {
      error = "--udx needs a library path";
      return false;
    }
    options.libraries.push_back(args[++i]);
  }
  args = std::move(rest);
  options.loadLibrary = session::udxLibraryLoader();
  return true;
}

}  // namespace sluice
