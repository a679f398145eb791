// What operators rely on from a batch's arena across clear(): strings written before clear() stay
// valid while another batch shares the arena, and an arena no one else holds is reused rather
// than reallocated (its first chunk stays, so a batch refilled every few microseconds allocates
// nothing).
#include <gtest/gtest.h>

#include <string>

#include "runtime/data/arena.h"
#include "runtime/data/batch.h"

namespace sluice::runtime {
namespace {

const std::string kLong(100, 'x');  // longer than StringRef's inline limit: it lives in the arena

#if !defined(__SANITIZE_ADDRESS__)  // the sanitizer build frees cleared arenas instead
TEST(BatchArena, ClearReusesAnArenaNobodyElseHolds) {
  Batch batch({DataType::string()}, 4);
  const Arena* before = &batch.arena();
  const StringRef first = batch.arena().copy(kLong);
  batch.clear();
  EXPECT_EQ(&batch.arena(), before);
  const StringRef again = batch.arena().copy(kLong);
  EXPECT_EQ(again.data(), first.data());  // the same chunk, from its start
}
#endif

TEST(BatchArena, ClearLeavesASharedArenaToItsOtherHolders) {
  Batch batch({DataType::string()}, 4);
  Batch downstream({DataType::string()}, 4);
  const StringRef kept = batch.arena().copy(kLong);
  downstream.shareArenasOf(batch);
  batch.clear();
  batch.arena().copy(std::string(100, 'y'));
  EXPECT_EQ(kept.view(), kLong);  // still the bytes written before clear()
}

TEST(BatchArena, ResetDropsHugeChunks) {
  Arena arena;
  arena.copy(std::string(4 * 1024 * 1024, 'z'));
  arena.reset();
  EXPECT_EQ(arena.bytesAllocated(), 0u);
  arena.copy(kLong);
  EXPECT_GT(arena.bytesAllocated(), 0u);
}

}  // namespace
}  // namespace sluice::runtime
