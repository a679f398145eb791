// Flink's collection functions (docs: "Collection Functions"): CARDINALITY, ELEMENT, ARRAY_* and
// MAP_*. The constructors ARRAY[..] and MAP[..] are in builtin_constructor_functions.cpp.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

ArgSpec arrayOfStringArg() {
  return ArgSpec{"ARRAY<STRING>", [](const CallOperand& op) -> std::optional<DataType> {
                   if (op.type.kind() != TypeKind::Array) return std::nullopt;
                   if (!op.type.elementType().isCharacterString()) return std::nullopt;
                   return op.type;
                 }};
}

ArgSpec commonArrayArg() {
  ArgSpec spec = arrayArg();
  spec.label = "COMMON_ARRAY";
  return spec;
}

ArgSpec commonMapArg() {
  ArgSpec spec = mapArg();
  spec.label = "COMMON_MAP";
  return spec;
}

// The element type of array operand i.
ResultRule elementOf(size_t i) {
  return [i](const CallArgs& args) -> Result<DataType> {
    const DataType& t = args.type(i);
    if (t.kind() != TypeKind::Array && t.kind() != TypeKind::Multiset) {
      return fail("expected an ARRAY");
    }
    return t.elementType();
  };
}

// ARRAY<K>, ARRAY<V> or ARRAY<ROW<key K, value V>> of map operand 0.
enum class MapPart { Keys, Values, Entries };
ResultRule mapPart(MapPart part) {
  return [part](const CallArgs& args) -> Result<DataType> {
    const DataType& map = args.type(0);
    if (map.kind() != TypeKind::Map) return fail("expected a MAP");
    switch (part) {
      case MapPart::Keys: return DataType::array(map.keyType());
      case MapPart::Values: return DataType::array(map.valueType());
      case MapPart::Entries:
        return DataType::array(DataType::row({{"key", map.keyType()}, {"value", map.valueType()}}));
    }
    return fail("unknown map part");
  };
}

ResultRule mapFromArrays() {
  return [](const CallArgs& args) -> Result<DataType> {
    return DataType::map(args.type(0).elementType(), args.type(1).elementType());
  };
}

// Functions of an array and a value of its elements (Flink's ARRAY_ELEMENT_ARG): the value must
// have a common type with the element type; it is converted to the element type when it can be.
// `result(array, value, merged)` gets the merged element type.
using ArrayValueResult =
    std::function<DataType(const DataType& array, const DataType& value, const DataType& merged)>;

FunctionDefinition arrayWithValue(const std::string& name, ArrayValueResult result) {
  std::vector<std::string> signatures{name + "(ARRAY, ARRAY_ELEMENT)"};
  return custom(name, FunctionKind::Scalar, signatures,
                [name, signatures, result](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  if (ops.size() != 2 || ops[0].type.kind() != TypeKind::Array ||
                      isKeyword(ops[1]) || ops[1].type.kind() == TypeKind::Descriptor) {
                    return invalidArguments(name, ops, signatures);
                  }
                  const DataType& element = ops[0].type.elementType();
                  const DataType& value = ops[1].type;
                  auto merged = leastRestrictiveType(std::vector<DataType>{element, value});
                  if (!merged) return invalidArguments(name, ops, signatures);
                  DataType valueType = value;
                  if (canCastImplicitly(value.withNullable(true), element.withNullable(true))) {
                    valueType = convertedTo(value, element);
                  }
                  return CallTyping{result(ops[0].type, value, *merged), {ops[0].type, valueType}};
                });
}

void registerArrayValueFunctions(FunctionRegistry& r) {
  const auto nullableIf = [](const DataType& t, bool nullable) { return t.withNullable(nullable); };
  r.add(arrayWithValue("ARRAY_CONTAINS", [=](const DataType& a, const DataType&, const DataType&) {
    return nullableIf(DataType::boolean(), a.nullable());
  }));
  r.add(
      arrayWithValue("ARRAY_POSITION", [=](const DataType& a, const DataType& v, const DataType&) {
        return nullableIf(DataType::integer(), a.nullable() || v.nullable());
      }));
  r.add(arrayWithValue("ARRAY_REMOVE", [](const DataType& a, const DataType&, const DataType&) {
    return a.withTimeAttribute(TimeAttribute::None);
  }));
  for (const char* name : {"ARRAY_APPEND", "ARRAY_PREPEND"}) {
    r.add(arrayWithValue(name, [](const DataType& a, const DataType& v, const DataType& merged) {
      return DataType::array(merged).withNullable(a.nullable() || v.nullable());
    }));
  }
}

}  // namespace

void registerCollectionFunctions(FunctionRegistry& r) {
  r.add(scalar("CARDINALITY", {sig({collectionArg()}, nullableIfArgs(DataType::integer()))}));
  r.add(scalar("ELEMENT", {sig({arrayArg()}, forceNullable(elementOf(0)))}));
  registerArrayValueFunctions(r);
  for (const char* name : {"ARRAY_DISTINCT", "ARRAY_REVERSE"}) {
    r.add(scalar(name, {sig({arrayArg()}, nullableIfArgs(argType(0)))}));
  }
  r.add(scalar("ARRAY_SORT",
               {sig({arrayArg()}, nullableIfArgs(argType(0))),
                sig({arrayArg(), booleanArg()}, nullableIfArgs(argType(0))),
                sig({arrayArg(), booleanArg(), booleanArg()}, nullableIfArgs(argType(0)))}));
  r.add(scalar("ARRAY_SLICE", {sig({arrayArg(), intArg()}, nullableIfArgs(argType(0))),
                               sig({arrayArg(), intArg(), intArg()}, nullableIfArgs(argType(0)))}));
  for (const char* name : {"ARRAY_UNION", "ARRAY_EXCEPT", "ARRAY_INTERSECT"}) {
    r.add(scalar(
        name, {unified(sig({commonArrayArg(), commonArrayArg()}, nullableIfArgs(commonType())))}));
  }
  r.add(scalar("ARRAY_CONCAT", {unified(varying({commonArrayArg()}, commonArrayArg(),
                                                nullableIfArgs(commonType())))}));
  for (const char* name : {"ARRAY_MAX", "ARRAY_MIN"}) {
    r.add(scalar(name, {sig({arrayArg()}, forceNullable(elementOf(0)))}));
  }
  r.add(scalar(
      "ARRAY_JOIN",
      {sig({arrayOfStringArg(), stringArg()}, nullableIfArgs(DataType::string())),
       sig({arrayOfStringArg(), stringArg(), stringArg()}, nullableIfArgs(DataType::string()))}));

  r.add(scalar("MAP_KEYS", {sig({mapArg()}, nullableIfArgs(mapPart(MapPart::Keys)))}));
  r.add(scalar("MAP_VALUES", {sig({mapArg()}, nullableIfArgs(mapPart(MapPart::Values)))}));
  r.add(scalar("MAP_ENTRIES", {sig({mapArg()}, nullableIfArgs(mapPart(MapPart::Entries)))}));
  r.add(
      scalar("MAP_FROM_ARRAYS", {sig({arrayArg(), arrayArg()}, nullableIfArgs(mapFromArrays()))}));
  r.add(scalar("MAP_UNION", {unified(varying({commonMapArg()}, commonMapArg(), commonType()))}));
}

}  // namespace sluice::builtin
