#include "runtime/udx/udx_host.h"

#include <any>

#include "runtime/data/string_ref.h"
#include "runtime/udx/udx_library.h"

namespace sluice::runtime::udx {

// Strings cross the boundary as they are: a library reads and writes StringRefs.
static_assert(sizeof(sluice_udx_string) == sizeof(StringRef) && sizeof(StringRef) == 16);
static_assert(offsetof(sluice_udx_string, length) == offsetof(StringRef, length));
static_assert(offsetof(sluice_udx_string, prefix) == offsetof(StringRef, prefix));
static_assert(offsetof(sluice_udx_string, rest) == offsetof(StringRef, rest));
static_assert(SLUICE_UDX_STRING_INLINE_LIMIT == StringRef::kInlineLimit);

namespace {

void hostFail(sluice_udx_call* call, int32_t code, const char* message) {
  std::string text = message != nullptr ? message : "failed";
  if (code == SLUICE_UDX_OUT_OF_MEMORY) text = "out of memory: " + text;
  if (code == SLUICE_UDX_UNAVAILABLE) text = "unavailable: " + text;
  functionCallOf(call)->fail(std::move(text));
}

void hostSetNull(sluice_udx_call* call) {
  functionCallOf(call)->setNull();
}

char* hostAllocate(sluice_udx_call* call, uint32_t bytes) {
  return functionCallOf(call)->arena().allocate(bytes);
}

void* hostState(sluice_udx_call* call) {
  const CallSite* site = functionCallOf(call)->site;
  const auto* state = std::any_cast<std::shared_ptr<UdxCallState>>(&site->state);
  return state != nullptr && *state ? (*state)->state : nullptr;
}

const char* hostConfig(const sluice_udx_open_context* context, const char* key) {
  const auto* open = reinterpret_cast<const UdxOpenContext*>(context);
  if (open == nullptr || open->configuration == nullptr || key == nullptr) return nullptr;
  auto it = open->configuration->find(key);
  return it == open->configuration->end() ? nullptr : it->second.c_str();
}

void hostEmitRow(sluice_udx_call* call, const sluice_udx_value* values, int32_t count) {
  FunctionCall* functionCall = functionCallOf(call);
  const auto* state = std::any_cast<std::shared_ptr<UdxCallState>>(&functionCall->site->state);
  if (state == nullptr || !*state || !(*state)->emitRow) {
    functionCall->fail("emit_row is for table functions");
    return;
  }
  (*state)->emitRow(*functionCall, values, count);
}

const sluice_udx_host kHost = {SLUICE_UDX_ABI_VERSION,
                               hostFail,
                               hostSetNull,
                               hostAllocate,
                               hostState,
                               hostConfig,
                               hostEmitRow};

}  // namespace

const sluice_udx_host* udxHost() {
  return &kHost;
}

UdxCallState::~UdxCallState() {
  if (opened && function != nullptr && function->entry->close != nullptr) {
    function->entry->close(state);
  }
}

}  // namespace sluice::runtime::udx
