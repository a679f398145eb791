// The UDX C++ SDK (udx/include/sluice_udx.hpp) seen from the host's side of the C ABI: the test
// plays Sluice with a fake host, loads the example libraries (udx/examples) with dlopen, checks
// their descriptors and calls their row, batch, table and aggregate entries; functions defined in
// this file cover the rest of the SDK (types, NULLs, errors, open state, serialization).
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sluice_udx.hpp"

namespace {

// ---------------------------------------------------------------------------------------------
// The fake host.

struct Failure {
  int32_t code;
  std::string message;
};

// An emitted value, its string copied out.
struct EmittedValue {
  bool is_null;
  int64_t i64;
  double f64;
  std::string str;
};

// What the host keeps for one call site (sluice_udx_call is opaque: the test casts this).
struct FakeCall {
  std::vector<Failure> failures;
  int null_count = 0;
  std::vector<std::unique_ptr<char[]>> allocations;
  void* state = nullptr;
  std::vector<std::vector<EmittedValue>> rows;

  sluice_udx_call* raw() { return reinterpret_cast<sluice_udx_call*>(this); }
  bool took_null() {
    const bool result = null_count > 0;
    null_count = 0;
    return result;
  }
};

FakeCall& fake(sluice_udx_call* call) {
  return *reinterpret_cast<FakeCall*>(call);
}

using Config = std::map<std::string, std::string>;

const sluice_udx_open_context* contextOf(const Config& config) {
  return reinterpret_cast<const sluice_udx_open_context*>(&config);
}

const sluice_udx_host kHost = {
    SLUICE_UDX_ABI_VERSION,
    [](sluice_udx_call* call, int32_t code, const char* message) {
      fake(call).failures.push_back(Failure{code, message});
    },
    [](sluice_udx_call* call) { ++fake(call).null_count; },
    [](sluice_udx_call* call, uint32_t bytes) {
      auto& allocations = fake(call).allocations;
      allocations.push_back(std::make_unique<char[]>(bytes));
      return allocations.back().get();
    },
    [](sluice_udx_call* call) { return fake(call).state; },
    [](const sluice_udx_open_context* context, const char* key) -> const char* {
      const auto& config = *reinterpret_cast<const Config*>(context);
      auto it = config.find(key);
      return it == config.end() ? nullptr : it->second.c_str();
    },
    [](sluice_udx_call* call, const sluice_udx_value* values, int32_t count) {
      std::vector<EmittedValue> row;
      for (int32_t i = 0; i < count; ++i) {
        const sluice_udx_value& v = values[i];
        EmittedValue copy{v.is_null != 0, v.v.i64, v.v.f64, {}};
        if (!v.is_null) copy.str.assign(sluice_udx_string_data(&v.v.str), v.v.str.length);
        row.push_back(std::move(copy));
      }
      fake(call).rows.push_back(std::move(row));
    },
};

std::string textOf(const sluice_udx_string& s) {
  return std::string(sluice_udx_string_data(&s), s.length);
}

// Strings as the host passes them (views of `text`, which must outlive them).
sluice_udx_string view(std::string_view text) {
  return sluice_udx_string_of(text.data(), static_cast<uint32_t>(text.size()));
}

// A dlopen-ed example library.
class Library {
 public:
  explicit Library(const char* path) {
    handle_ = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) throw std::runtime_error(dlerror());
    auto entry = reinterpret_cast<sluice_udx_library_fn>(dlsym(handle_, SLUICE_UDX_LIBRARY_SYMBOL));
    if (entry == nullptr) throw std::runtime_error(std::string("no entry point in ") + path);
    library_ = entry(&kHost);
    if (library_ == nullptr) throw std::runtime_error(std::string("no library from ") + path);
  }
  ~Library() { dlclose(handle_); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const sluice_udx_library& operator*() const { return *library_; }
  const sluice_udx_library* operator->() const { return library_; }

  const sluice_udx_function& function(std::string_view identifier,
                                      std::string_view arguments) const {
    for (uint32_t i = 0; i < library_->function_count; ++i) {
      const sluice_udx_function& f = library_->functions[i];
      if (identifier == f.identifier && arguments == f.arguments) return f;
    }
    throw std::runtime_error("no function " + std::string(identifier) + "(" +
                             std::string(arguments) + ")");
  }

 private:
  void* handle_ = nullptr;
  const sluice_udx_library* library_ = nullptr;
};

template <class Fn>
Fn entry(void* pointer) {
  return reinterpret_cast<Fn>(pointer);
}

// ---------------------------------------------------------------------------------------------
// count_char: a scalar function.

using StringStringToBigint = int64_t (*)(sluice_udx_call*, const sluice_udx_string*,
                                         const sluice_udx_string*);

constexpr const char* kCountChar = "com.github.nexmark.flink.udf.CountChar";

TEST(UdxSdkExamples, CountCharDescriptor) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  EXPECT_EQ(library->abi_version, SLUICE_UDX_ABI_VERSION);
  EXPECT_STREQ(library->name, "nexmark");
  ASSERT_EQ(library->function_count, 1u);
  const sluice_udx_function& f = library->functions[0];
  EXPECT_EQ(f.kind, uint32_t{SLUICE_UDX_SCALAR});
  EXPECT_STREQ(f.identifier, kCountChar);
  EXPECT_STREQ(f.arguments, "STRING, STRING");
  EXPECT_STREQ(f.result, "BIGINT");
  EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_DETERMINISTIC});
  EXPECT_NE(f.row, nullptr);
  EXPECT_NE(f.batch, nullptr);
  EXPECT_EQ(f.open, nullptr);
  EXPECT_EQ(f.close, nullptr);
  EXPECT_EQ(f.aggregate, nullptr);
  // Only the entry point is exported: everything else stays inside the library.
  void* handle = dlopen(SLUICE_UDX_EXAMPLE_COUNT_CHAR, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(dlsym(handle, "_ZN6sluice3udx6detail6g_hostE"), nullptr);
  dlclose(handle);
}

TEST(UdxSdkExamples, CountCharRowEntry) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  auto countChar = entry<StringStringToBigint>(library.function(kCountChar, "STRING, STRING").row);
  auto count = [&](std::string_view text, std::string_view character) {
    FakeCall call;
    sluice_udx_string a = view(text), b = view(character);
    int64_t result = countChar(call.raw(), &a, &b);
    EXPECT_TRUE(call.failures.empty()) << call.failures.front().message;
    EXPECT_EQ(call.null_count, 0);
    return result;
  };
  EXPECT_EQ(count("hello", "l"), 2);
  EXPECT_EQ(count("hello world, hello sluice", "l"), 6);  // a string longer than 12 bytes
  EXPECT_EQ(count("lollipop", "lo"), 3);                  // only the first character counts
  EXPECT_EQ(count("naïve ïs ï", "ï"), 3);                 // a character is a UTF-8 code point
  EXPECT_EQ(count("abc", "z"), 0);
  EXPECT_EQ(count("", ""), 0);  // as Flink's: the character is not read for an empty string
}

TEST(UdxSdkExamples, CountCharEmptyCharacterFails) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  auto countChar = entry<StringStringToBigint>(library.function(kCountChar, "STRING, STRING").row);
  FakeCall call;
  sluice_udx_string a = view("abc"), b = view("");
  countChar(call.raw(), &a, &b);
  ASSERT_EQ(call.failures.size(), 1u);
  EXPECT_EQ(call.failures[0].code, SLUICE_UDX_INVALID_ARGUMENT);
  EXPECT_EQ(call.failures[0].message, "CountChar: the character argument is an empty string");
}

TEST(UdxSdkExamples, CountCharBatchEntryComputesSelectedRows) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  const sluice_udx_function& f = library.function(kCountChar, "STRING, STRING");
  std::vector<std::string> texts = {"banana", "skipped", "a long sentence about a cat", "xyz"};
  std::vector<std::string> characters = {"a", "s", "a", "x"};
  std::vector<sluice_udx_string> textColumn, characterColumn;
  for (const auto& t : texts) textColumn.push_back(view(t));
  for (const auto& c : characters) characterColumn.push_back(view(c));
  std::vector<uint8_t> valid(4, 1);
  sluice_udx_column arguments[2] = {{textColumn.data(), valid.data()},
                                    {characterColumn.data(), valid.data()}};
  std::vector<int64_t> values(4, -1);
  std::vector<uint8_t> resultValid(4, 1);
  sluice_udx_column result{values.data(), resultValid.data()};
  const int32_t rows[] = {0, 2, 3};
  FakeCall call;
  f.batch(call.raw(), arguments, rows, 3, &result);
  EXPECT_TRUE(call.failures.empty());
  EXPECT_EQ(values, (std::vector<int64_t>{3, -1, 4, 1}));
  EXPECT_EQ(resultValid, (std::vector<uint8_t>{1, 1, 1, 1}));
}

// The SDK runs a batch as runs of consecutive rows: every listed row is computed, whatever the
// gaps (single rows, long runs, a gap at either end), and no other row is touched.
TEST(UdxSdkExamples, CountCharBatchEntryComputesRunsOfRowsBetweenGaps) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  const sluice_udx_function& f = library.function(kCountChar, "STRING, STRING");
  constexpr int kRows = 200;
  std::vector<std::string> texts;
  for (int r = 0; r < kRows; ++r) texts.push_back(std::string(static_cast<size_t>(r % 5), 'a'));
  std::vector<sluice_udx_string> textColumn, characterColumn;
  for (const auto& t : texts) textColumn.push_back(view(t));
  for (int r = 0; r < kRows; ++r) characterColumn.push_back(view("a"));
  std::vector<uint8_t> valid(kRows, 1);
  sluice_udx_column arguments[2] = {{textColumn.data(), valid.data()},
                                    {characterColumn.data(), valid.data()}};
  std::vector<int32_t> rows;
  for (int32_t r = 1; r < kRows - 1; ++r) {
    const bool gap = r % 7 == 3 || (r >= 40 && r < 60 && r % 2 == 0) || r == 100 || r == 101;
    if (!gap) rows.push_back(r);
  }
  std::vector<int64_t> values(kRows, -1);
  std::vector<uint8_t> resultValid(kRows, 1);
  sluice_udx_column result{values.data(), resultValid.data()};
  FakeCall call;
  f.batch(call.raw(), arguments, rows.data(), static_cast<int32_t>(rows.size()), &result);
  EXPECT_TRUE(call.failures.empty());
  std::vector<int64_t> expected(kRows, -1);
  for (const int32_t r : rows) expected[static_cast<size_t>(r)] = r % 5;
  EXPECT_EQ(values, expected);
}

TEST(UdxSdkExamples, CountCharBatchEntryStopsAtAFailure) {
  Library library(SLUICE_UDX_EXAMPLE_COUNT_CHAR);
  const sluice_udx_function& f = library.function(kCountChar, "STRING, STRING");
  std::vector<sluice_udx_string> textColumn = {view("aa"), view("bb"), view("cc")};
  std::vector<sluice_udx_string> characterColumn = {view("a"), view(""), view("c")};
  std::vector<uint8_t> valid(3, 1);
  sluice_udx_column arguments[2] = {{textColumn.data(), valid.data()},
                                    {characterColumn.data(), valid.data()}};
  std::vector<int64_t> values(3, -1);
  std::vector<uint8_t> resultValid(3, 1);
  sluice_udx_column result{values.data(), resultValid.data()};
  const int32_t rows[] = {0, 1, 2};
  FakeCall call;
  f.batch(call.raw(), arguments, rows, 3, &result);
  ASSERT_EQ(call.failures.size(), 1u);
  EXPECT_EQ(call.failures[0].code, SLUICE_UDX_INVALID_ARGUMENT);
  EXPECT_EQ(values, (std::vector<int64_t>{2, -1, -1}));
}

// ---------------------------------------------------------------------------------------------
// split_words: a table function with two overloads.

constexpr const char* kSplitWords = "com.example.udx.SplitWords";

std::vector<std::pair<std::string, int64_t>> wordsOf(const FakeCall& call) {
  std::vector<std::pair<std::string, int64_t>> words;
  for (const auto& row : call.rows) {
    EXPECT_EQ(row.size(), 2u);
    EXPECT_FALSE(row[0].is_null);
    EXPECT_FALSE(row[1].is_null);
    words.emplace_back(row[0].str, row[1].i64);
  }
  return words;
}

TEST(UdxSdkExamples, SplitWordsDescriptors) {
  Library library(SLUICE_UDX_EXAMPLE_SPLIT_WORDS);
  EXPECT_STREQ(library->name, "split_words");
  ASSERT_EQ(library->function_count, 2u);
  for (const char* arguments : {"STRING, STRING", "STRING"}) {
    const sluice_udx_function& f = library.function(kSplitWords, arguments);
    EXPECT_EQ(f.kind, uint32_t{SLUICE_UDX_TABLE});
    EXPECT_STREQ(f.result, "ROW<word STRING, position INT>");
    EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_DETERMINISTIC});
    EXPECT_NE(f.row, nullptr);
    EXPECT_EQ(f.batch, nullptr);
    EXPECT_EQ(f.aggregate, nullptr);
  }
}

TEST(UdxSdkExamples, SplitWordsEmitsRows) {
  Library library(SLUICE_UDX_EXAMPLE_SPLIT_WORDS);
  using Split = void (*)(sluice_udx_call*, const sluice_udx_string*, const sluice_udx_string*);
  auto split = entry<Split>(library.function(kSplitWords, "STRING, STRING").row);
  FakeCall call;
  const std::string text = "--extraordinarily--long--words----and-short--";
  sluice_udx_string a = view(text), b = view("--");
  split(call.raw(), &a, &b);
  EXPECT_TRUE(call.failures.empty());
  using Words = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(wordsOf(call),
            (Words{{"extraordinarily", 1}, {"long", 2}, {"words", 3}, {"and-short", 4}}));

  using SplitOnSpace = void (*)(sluice_udx_call*, const sluice_udx_string*);
  auto splitOnSpace = entry<SplitOnSpace>(library.function(kSplitWords, "STRING").row);
  FakeCall spaces;
  sluice_udx_string c = view(" to be  or not ");
  splitOnSpace(spaces.raw(), &c);
  EXPECT_EQ(wordsOf(spaces), (Words{{"to", 1}, {"be", 2}, {"or", 3}, {"not", 4}}));

  FakeCall none;
  sluice_udx_string empty = view("");
  splitOnSpace(none.raw(), &empty);
  EXPECT_TRUE(none.rows.empty());
  EXPECT_TRUE(none.failures.empty());
}

TEST(UdxSdkExamples, SplitWordsEmptySeparatorFails) {
  Library library(SLUICE_UDX_EXAMPLE_SPLIT_WORDS);
  using Split = void (*)(sluice_udx_call*, const sluice_udx_string*, const sluice_udx_string*);
  auto split = entry<Split>(library.function(kSplitWords, "STRING, STRING").row);
  FakeCall call;
  sluice_udx_string a = view("a b"), b = view("");
  split(call.raw(), &a, &b);
  ASSERT_EQ(call.failures.size(), 1u);
  EXPECT_EQ(call.failures[0].code, SLUICE_UDX_INVALID_ARGUMENT);
  EXPECT_EQ(call.failures[0].message, "SplitWords: the separator is an empty string");
  EXPECT_TRUE(call.rows.empty());
}

// ---------------------------------------------------------------------------------------------
// weighted_avg: an aggregate function with two overloads.

constexpr const char* kWeightedAvg = "com.example.udx.WeightedAvg";

template <class V>
struct AggregateOf {
  using Accumulate = void (*)(sluice_udx_call*, void*, V, int32_t);
  using GetValue = double (*)(sluice_udx_call*, const void*);
  const sluice_udx_aggregate& a;
  Accumulate accumulate = entry<Accumulate>(a.accumulate);
  Accumulate retract = entry<Accumulate>(a.retract);
  GetValue get_value = entry<GetValue>(a.get_value);
};

TEST(UdxSdkExamples, WeightedAvgDescriptors) {
  Library library(SLUICE_UDX_EXAMPLE_WEIGHTED_AVG);
  ASSERT_EQ(library->function_count, 2u);
  for (const char* arguments : {"BIGINT, INT", "DOUBLE, INT"}) {
    const sluice_udx_function& f = library.function(kWeightedAvg, arguments);
    EXPECT_EQ(f.kind, uint32_t{SLUICE_UDX_AGGREGATE});
    EXPECT_STREQ(f.result, "DOUBLE");
    EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_DETERMINISTIC | SLUICE_UDX_MAY_RETURN_NULL});
    EXPECT_EQ(f.row, nullptr);
    EXPECT_EQ(f.batch, nullptr);
    ASSERT_NE(f.aggregate, nullptr);
    const sluice_udx_aggregate& a = *f.aggregate;
    EXPECT_NE(a.create, nullptr);
    EXPECT_NE(a.accumulate, nullptr);
    EXPECT_NE(a.retract, nullptr);
    EXPECT_NE(a.merge, nullptr);
    EXPECT_NE(a.get_value, nullptr);
    EXPECT_NE(a.serialize, nullptr);
    EXPECT_NE(a.deserialize, nullptr);
    EXPECT_NE(a.destroy, nullptr);
  }
}

TEST(UdxSdkExamples, WeightedAvgAccumulatesRetractsAndMerges) {
  Library library(SLUICE_UDX_EXAMPLE_WEIGHTED_AVG);
  const sluice_udx_aggregate& a = *library.function(kWeightedAvg, "BIGINT, INT").aggregate;
  AggregateOf<int64_t> agg{a};
  FakeCall call;
  void* acc = a.create(call.raw());
  ASSERT_NE(acc, nullptr);
  agg.get_value(call.raw(), acc);
  EXPECT_TRUE(call.took_null());  // no weight yet

  agg.accumulate(call.raw(), acc, 10, 2);
  agg.accumulate(call.raw(), acc, 20, 3);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), acc), 16.0);  // (20 + 60) / 5
  EXPECT_FALSE(call.took_null());
  agg.retract(call.raw(), acc, 10, 2);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), acc), 20.0);

  void* other = a.create(call.raw());
  agg.accumulate(call.raw(), other, 5, 1);
  a.merge(call.raw(), acc, other);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), acc), 65.0 / 4);

  agg.retract(call.raw(), acc, 20, 3);
  agg.retract(call.raw(), acc, 5, 1);
  agg.get_value(call.raw(), acc);
  EXPECT_TRUE(call.took_null());  // the total weight is 0 again
  EXPECT_TRUE(call.failures.empty());
  a.destroy(call.raw(), other);
  a.destroy(call.raw(), acc);
}

TEST(UdxSdkExamples, WeightedAvgSerializesItsAccumulator) {
  Library library(SLUICE_UDX_EXAMPLE_WEIGHTED_AVG);
  const sluice_udx_aggregate& a = *library.function(kWeightedAvg, "DOUBLE, INT").aggregate;
  AggregateOf<double> agg{a};
  FakeCall call;
  void* acc = a.create(call.raw());
  agg.accumulate(call.raw(), acc, 1.5, 2);
  agg.accumulate(call.raw(), acc, 3.0, 1);

  const uint32_t size = a.serialize(call.raw(), acc, nullptr, 0);  // asks for the size
  ASSERT_GT(size, 0u);
  std::vector<char> bytes(size);
  EXPECT_EQ(a.serialize(call.raw(), acc, bytes.data(), size), size);
  void* copy = a.deserialize(call.raw(), bytes.data(), size);
  ASSERT_NE(copy, nullptr);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), copy), 2.0);  // (3 + 3) / 3
  agg.accumulate(call.raw(), copy, 6.0, 1);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), copy), 3.0);
  EXPECT_DOUBLE_EQ(agg.get_value(call.raw(), acc), 2.0);  // the original is untouched
  EXPECT_TRUE(call.failures.empty());

  EXPECT_EQ(a.deserialize(call.raw(), bytes.data(), size - 1), nullptr);
  ASSERT_EQ(call.failures.size(), 1u);
  EXPECT_EQ(call.failures[0].code, SLUICE_UDX_INVALID_ARGUMENT);
  a.destroy(call.raw(), copy);
  a.destroy(call.raw(), acc);
}

// ---------------------------------------------------------------------------------------------
// The SDK in this process: functions defined here, the fake host bound directly.

namespace udx = sluice::udx;

class UdxSdkInProcess : public ::testing::Test {
 protected:
  void SetUp() override { udx::detail::bind_host(&kHost); }
};

// Every fixed-width type through the row and batch ABI: overloads picked by signature.
struct Next {
  static constexpr const char* identifier = "test.Next";
  bool eval(bool v) const { return !v; }
  int8_t eval(int8_t v) const { return static_cast<int8_t>(v + 1); }
  int16_t eval(int16_t v) const { return static_cast<int16_t>(v + 1); }
  float eval(float v) const { return v + 0.5f; }
  udx::Date eval(udx::Date v) const { return {v.days + 1}; }
  udx::Time eval(udx::Time v) const { return {v.millis + 1}; }
  udx::Timestamp eval(udx::Timestamp v) const { return {v.micros + 1}; }
  udx::TimestampLtz eval(udx::TimestampLtz v) const { return {v.micros + 1}; }
  udx::ByteString eval(udx::Bytes v) const { return {std::string(v.data) + '\xff'}; }
};

TEST_F(UdxSdkInProcess, TypesAreDeducedFromEval) {
  struct Expected {
    sluice_udx_function f;
    const char* type;
  };
  const Expected cases[] = {
      {udx::scalar<Next, bool(bool)>(), "BOOLEAN"},
      {udx::scalar<Next, int8_t(int8_t)>(), "TINYINT"},
      {udx::scalar<Next, int16_t(int16_t)>(), "SMALLINT"},
      {udx::scalar<Next, float(float)>(), "FLOAT"},
      {udx::scalar<Next, udx::Date(udx::Date)>(), "DATE"},
      {udx::scalar<Next, udx::Time(udx::Time)>(), "TIME"},
      {udx::scalar<Next, udx::Timestamp(udx::Timestamp)>(), "TIMESTAMP(6)"},
      {udx::scalar<Next, udx::TimestampLtz(udx::TimestampLtz)>(), "TIMESTAMP_LTZ(6)"},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(c.f.identifier, "test.Next");
    EXPECT_STREQ(c.f.arguments, c.type);
    EXPECT_STREQ(c.f.result, c.type);
  }
  const auto bytes = udx::scalar<Next, udx::ByteString(udx::Bytes)>();
  EXPECT_STREQ(bytes.arguments, "BYTES");
  EXPECT_STREQ(bytes.result, "BYTES");

  FakeCall call;
  EXPECT_EQ(entry<uint8_t (*)(sluice_udx_call*, uint8_t)>(cases[0].f.row)(call.raw(), 1), 0);
  EXPECT_EQ(entry<int8_t (*)(sluice_udx_call*, int8_t)>(cases[1].f.row)(call.raw(), 41), 42);
  EXPECT_EQ(entry<int16_t (*)(sluice_udx_call*, int16_t)>(cases[2].f.row)(call.raw(), -7), -6);
  EXPECT_EQ(entry<float (*)(sluice_udx_call*, float)>(cases[3].f.row)(call.raw(), 1.0f), 1.5f);
  EXPECT_EQ(entry<int32_t (*)(sluice_udx_call*, int32_t)>(cases[4].f.row)(call.raw(), 19000),
            19001);
  EXPECT_EQ(entry<int32_t (*)(sluice_udx_call*, int32_t)>(cases[5].f.row)(call.raw(), 999), 1000);
  EXPECT_EQ(entry<int64_t (*)(sluice_udx_call*, int64_t)>(cases[6].f.row)(call.raw(), 1), 2);
  EXPECT_EQ(entry<int64_t (*)(sluice_udx_call*, int64_t)>(cases[7].f.row)(call.raw(), 9), 10);
  sluice_udx_string in = view("abc"), out{};
  entry<void (*)(sluice_udx_call*, sluice_udx_string*, const sluice_udx_string*)>(bytes.row)(
      call.raw(), &out, &in);
  EXPECT_EQ(textOf(out), "abc\xff");
  EXPECT_TRUE(call.failures.empty());
  EXPECT_EQ(call.null_count, 0);

  // A batch over a BOOLEAN column.
  std::vector<uint8_t> values = {1, 0, 1}, valid = {1, 1, 1}, results = {7, 7, 7},
                       resultValid = {1, 1, 1};
  sluice_udx_column argument{values.data(), valid.data()},
      result{results.data(), resultValid.data()};
  const int32_t rows[] = {0, 1};
  cases[0].f.batch(call.raw(), &argument, rows, 2, &result);
  EXPECT_EQ(results, (std::vector<uint8_t>{0, 1, 7}));
}

// Long string results: copied into host memory, in row and batch entries; NULL results.
struct Repeat {
  static constexpr const char* identifier = "test.Repeat";
  std::optional<std::string> eval(std::string_view text, int32_t times) const {
    if (times < 0) return std::nullopt;
    std::string result;
    for (int32_t i = 0; i < times; ++i) result += text;
    return result;
  }
};

TEST_F(UdxSdkInProcess, StringResultsAndNulls) {
  const sluice_udx_function f = udx::scalar<Repeat>();
  EXPECT_STREQ(f.arguments, "STRING, INT");
  EXPECT_STREQ(f.result, "STRING");
  EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_DETERMINISTIC | SLUICE_UDX_MAY_RETURN_NULL});
  using Row = void (*)(sluice_udx_call*, sluice_udx_string*, const sluice_udx_string*, int32_t);
  auto repeat = entry<Row>(f.row);
  FakeCall call;
  sluice_udx_string text = view("abc"), out{};
  repeat(call.raw(), &out, &text, 2);
  EXPECT_EQ(textOf(out), "abcabc");
  EXPECT_TRUE(call.allocations.empty());  // 12 bytes or fewer are inline
  repeat(call.raw(), &out, &text, 5);
  EXPECT_EQ(textOf(out), "abcabcabcabcabc");
  ASSERT_EQ(call.allocations.size(), 1u);
  EXPECT_EQ(sluice_udx_string_data(&out), call.allocations[0].get());
  EXPECT_FALSE(call.took_null());
  repeat(call.raw(), &out, &text, -1);
  EXPECT_TRUE(call.took_null());

  std::vector<sluice_udx_string> texts = {view("x"), view("yz"), view("long enough")};
  std::vector<int32_t> times = {3, -1, 2};
  std::vector<uint8_t> valid(3, 1), resultValid(3, 1);
  std::vector<sluice_udx_string> results(3);
  sluice_udx_column arguments[2] = {{texts.data(), valid.data()}, {times.data(), valid.data()}};
  sluice_udx_column result{results.data(), resultValid.data()};
  const int32_t rows[] = {0, 1, 2};
  FakeCall batch;
  f.batch(batch.raw(), arguments, rows, 3, &result);
  EXPECT_EQ(resultValid, (std::vector<uint8_t>{1, 0, 1}));
  EXPECT_EQ(textOf(results[0]), "xxx");
  EXPECT_EQ(textOf(results[2]), "long enoughlong enough");
  EXPECT_EQ(batch.null_count, 0);  // a batch marks NULLs in the result validity
  EXPECT_TRUE(batch.failures.empty());
}

// Exceptions of every kind become host->fail; Call::fail with a code; Call::set_null.
struct Check {
  static constexpr const char* identifier = "test.Check";
  static constexpr bool deterministic = false;
  static constexpr bool may_return_null = true;
  int64_t eval(udx::Call& call, int64_t v) const {
    switch (v) {
      case 1: throw udx::Error(SLUICE_UDX_UNAVAILABLE, "service down");
      case 2: throw std::runtime_error("plain exception");
      case 3: throw 42;
      case 4: throw std::bad_alloc();
      case 5: call.fail(SLUICE_UDX_INVALID_ARGUMENT, "bad input"); return 0;
      case 6: call.set_null(); return 1;
      default: return v * 10;
    }
  }
};

TEST_F(UdxSdkInProcess, ErrorsCrossTheBoundaryAsCodes) {
  const sluice_udx_function f = udx::scalar<Check>();
  EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_MAY_RETURN_NULL});
  auto check = entry<int64_t (*)(sluice_udx_call*, int64_t)>(f.row);
  auto failureOf = [&](int64_t v) {
    FakeCall call;
    check(call.raw(), v);
    EXPECT_EQ(call.failures.size(), 1u);
    return call.failures.empty() ? Failure{0, ""} : call.failures[0];
  };
  Failure f1 = failureOf(1), f2 = failureOf(2), f3 = failureOf(3), f4 = failureOf(4),
          f5 = failureOf(5);
  EXPECT_EQ(f1.code, SLUICE_UDX_UNAVAILABLE);
  EXPECT_EQ(f1.message, "service down");
  EXPECT_EQ(f2.code, SLUICE_UDX_ERROR);
  EXPECT_EQ(f2.message, "plain exception");
  EXPECT_EQ(f3.code, SLUICE_UDX_ERROR);
  EXPECT_EQ(f3.message, "unknown exception");
  EXPECT_EQ(f4.code, SLUICE_UDX_OUT_OF_MEMORY);
  EXPECT_EQ(f5.code, SLUICE_UDX_INVALID_ARGUMENT);
  EXPECT_EQ(f5.message, "bad input");

  FakeCall call;
  check(call.raw(), 6);
  EXPECT_TRUE(call.took_null());
  EXPECT_EQ(check(call.raw(), 7), 70);
  EXPECT_FALSE(call.took_null());
  EXPECT_TRUE(call.failures.empty());
}

// open reads the configuration into per-call-site state; eval reads it through Call::state.
struct Prefix {
  static constexpr const char* identifier = "test.Prefix";
  struct State {
    std::string prefix;
    int* closed;
  };
  static inline int closed_count = 0;

  State open(udx::OpenContext& context) const {
    if (context.config("test.fail").has_value()) throw std::runtime_error("misconfigured");
    return State{context.config_or("test.prefix", "none") + ":", &closed_count};
  }
  void close(State& state) const { ++*state.closed; }
  std::string eval(udx::Call& call, std::string_view text) const {
    return call.state<State>().prefix + std::string(text);
  }
};

TEST_F(UdxSdkInProcess, OpenMakesStateFromConfiguration) {
  const sluice_udx_function f = udx::scalar<Prefix>();
  ASSERT_NE(f.open, nullptr);
  ASSERT_NE(f.close, nullptr);
  using Row = void (*)(sluice_udx_call*, sluice_udx_string*, const sluice_udx_string*);
  auto prefix = entry<Row>(f.row);
  sluice_udx_string text = view("x"), out{};

  Config config = {{"test.prefix", "p"}};
  FakeCall call;
  call.state = f.open(contextOf(config));
  ASSERT_NE(call.state, nullptr);
  prefix(call.raw(), &out, &text);
  EXPECT_EQ(textOf(out), "p:x");
  Config empty;
  FakeCall other;
  other.state = f.open(contextOf(empty));
  prefix(other.raw(), &out, &text);
  EXPECT_EQ(textOf(out), "none:x");
  EXPECT_TRUE(call.failures.empty());
  EXPECT_TRUE(other.failures.empty());
  Prefix::closed_count = 0;
  f.close(call.state);
  f.close(other.state);
  EXPECT_EQ(Prefix::closed_count, 2);

  // open cannot fail through the C ABI: its error fails the call site's first call.
  Config failing = {{"test.fail", "1"}};
  FakeCall failed;
  failed.state = f.open(contextOf(failing));
  prefix(failed.raw(), &out, &text);
  ASSERT_EQ(failed.failures.size(), 1u);
  EXPECT_EQ(failed.failures[0].message, "open failed: misconfigured");
  f.close(failed.state);
  EXPECT_EQ(Prefix::closed_count, 2);
}

// A table function with a nullable field and default field names.
struct Digits {
  static constexpr const char* identifier = "test.Digits";
  void eval(int64_t v, udx::Collector<int32_t, std::optional<double>, udx::Date>& out) const {
    for (; v > 0; v /= 10) {
      const auto digit = static_cast<int32_t>(v % 10);
      out.emit(digit, digit == 0 ? std::nullopt : std::optional<double>(1.0 / digit), {digit});
    }
  }
};

TEST_F(UdxSdkInProcess, TableFunctionFields) {
  const sluice_udx_function f = udx::table<Digits>();
  EXPECT_STREQ(f.arguments, "BIGINT");
  EXPECT_STREQ(f.result, "ROW<f0 INT, f1 DOUBLE, f2 DATE>");
  FakeCall call;
  entry<void (*)(sluice_udx_call*, int64_t)>(f.row)(call.raw(), 204);
  ASSERT_EQ(call.rows.size(), 3u);
  EXPECT_EQ(call.rows[0][0].i64, 4);
  EXPECT_DOUBLE_EQ(call.rows[0][1].f64, 0.25);
  EXPECT_EQ(call.rows[0][2].i64, 4);
  EXPECT_EQ(call.rows[1][0].i64, 0);
  EXPECT_TRUE(call.rows[1][1].is_null);
  EXPECT_EQ(call.rows[2][0].i64, 2);
}

// An aggregate with a non-trivially-copyable accumulator: its own serialization.
struct Concat {
  static constexpr const char* identifier = "test.Concat";
  using Accumulator = std::vector<std::string>;
  void accumulate(Accumulator& acc, std::string_view v) const { acc.emplace_back(v); }
  std::string get_value(const Accumulator& acc) const {
    std::string result;
    for (const auto& s : acc) result += (result.empty() ? "" : ",") + s;
    return result;
  }
  void serialize(const Accumulator& acc, std::string& out) const {
    for (const auto& s : acc) out += s + '\n';
  }
  Accumulator deserialize(std::string_view bytes) const {
    Accumulator acc;
    for (std::size_t end; (end = bytes.find('\n')) != std::string_view::npos;
         bytes.remove_prefix(end + 1)) {
      acc.emplace_back(bytes.substr(0, end));
    }
    return acc;
  }
};

TEST_F(UdxSdkInProcess, AggregateWithCustomSerialization) {
  const sluice_udx_function f = udx::aggregate<Concat>();
  EXPECT_STREQ(f.arguments, "STRING");
  EXPECT_STREQ(f.result, "STRING");
  EXPECT_EQ(f.flags, uint32_t{SLUICE_UDX_DETERMINISTIC});
  const sluice_udx_aggregate& a = *f.aggregate;
  EXPECT_EQ(a.retract, nullptr);
  EXPECT_EQ(a.merge, nullptr);
  auto accumulate =
      entry<void (*)(sluice_udx_call*, void*, const sluice_udx_string*)>(a.accumulate);
  auto getValue = entry<void (*)(sluice_udx_call*, sluice_udx_string*, const void*)>(a.get_value);
  FakeCall call;
  void* acc = a.create(call.raw());
  for (const char* word : {"alpha", "beta", "gamma"}) {
    sluice_udx_string s = view(word);
    accumulate(call.raw(), acc, &s);
  }
  char small[4];
  const uint32_t size = a.serialize(call.raw(), acc, small, sizeof small);
  EXPECT_EQ(size, 17u);  // "alpha\nbeta\ngamma\n": too large for 4 bytes
  std::vector<char> bytes(size);
  EXPECT_EQ(a.serialize(call.raw(), acc, bytes.data(), size), size);
  void* copy = a.deserialize(call.raw(), bytes.data(), size);
  sluice_udx_string out{};
  getValue(call.raw(), &out, copy);
  EXPECT_EQ(textOf(out), "alpha,beta,gamma");
  EXPECT_TRUE(call.failures.empty());
  a.destroy(call.raw(), copy);
  a.destroy(call.raw(), acc);
}

}  // namespace
