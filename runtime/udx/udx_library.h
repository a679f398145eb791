// Native function libraries (UDX, udx/include/sluice_udx.h): loading a shared object, checking
// its ABI version and reading its function table into typed descriptors. A library is loaded
// once per process (by canonical path) and stays loaded: compiled pipelines hold its row entries'
// addresses, and its host table must stay valid as long as the library may call it.
//
// The compiler reads the descriptors to type calls (through session/udx_loader.h, since the
// compiler includes no runtime header); the runtime turns scalar descriptors into kernels
// (runtime/udx/udx_kernels.h), table descriptors into table kernels (udx_table_kernels.h).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"
#include "udx/include/sluice_udx.h"

namespace sluice::runtime::udx {

// A library that cannot be used; the message names its path.
class UdxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct UdxSignature;  // the libffi call interface of a row entry (udx_call_interface.h)

// One entry of a library's function table.
struct UdxFunction {
  int index = 0;  // position in the library's table: what a job plan records
  uint32_t kind = SLUICE_UDX_SCALAR;
  std::string identifier;
  // The declared types; a table function's result is its row type ("ROW<word STRING, ..>").
  std::vector<DataType> arguments;
  DataType result;
  std::string argumentText;
  std::string resultText;
  uint32_t flags = 0;
  const sluice_udx_function* entry = nullptr;  // the library's own descriptor
  // Scalar and table functions: how to call `entry->row` with arguments known only at run time
  // (the interpreter's fallback when a scalar library has no batch entry; every table call).
  std::shared_ptr<const UdxSignature> signature;

  bool mayReturnNull() const { return (flags & SLUICE_UDX_MAY_RETURN_NULL) != 0; }
  bool deterministic() const { return (flags & SLUICE_UDX_DETERMINISTIC) != 0; }
  std::string describe() const;  // "identifier(STRING, STRING) -> BIGINT"
};

class UdxLibrary {
 public:
  // The library at `path`, loaded on first use; throws UdxError (missing file, dlopen error,
  // missing symbol, ABI version mismatch, a bad type string), each naming the path.
  static std::shared_ptr<const UdxLibrary> load(const std::string& path);

  const std::string& path() const { return path_; }  // canonical
  const std::string& name() const { return name_; }
  const std::vector<UdxFunction>& functions() const { return functions_; }

  UdxLibrary(const UdxLibrary&) = delete;
  UdxLibrary& operator=(const UdxLibrary&) = delete;

 private:
  UdxLibrary() = default;
  static std::shared_ptr<const UdxLibrary> open(const std::string& canonical);

  std::string path_;
  std::string name_;
  std::vector<UdxFunction> functions_;
};

}  // namespace sluice::runtime::udx
