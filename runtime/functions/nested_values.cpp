#include "runtime/functions/nested_values.h"

#include "runtime/data/vector_copy.h"

namespace sluice::runtime {

void setNullValue(Vector& out, int row) {
  out.setNull(row, true);
  switch (out.physicalType()) {
    case PhysicalType::Array:
    case PhysicalType::Map:
      out.offsets()[row] = 0;
      out.sizes()[row] = 0;
      return;
    case PhysicalType::Row:
      for (Vector& field : out.children()) setNullValue(field, row);
      return;
    default: return;
  }
}

void copyValue(const Vector& from, int fromRow, Vector& to, int toRow) {
  if (from.physicalType() == PhysicalType::Null || from.isNull(fromRow)) {
    setNullValue(to, toRow);
    return;
  }
  gatherRows(from, &fromRow, 1, to, toRow);
}

int appendCollection(Vector& out, int row, int size) {
  const int first = out.appendChildRows(size);
  out.setNull(row, false);
  out.offsets()[row] = first;
  out.sizes()[row] = size;
  return first;
}

void dropCollections(Vector& vector) {
  switch (vector.physicalType()) {
    case PhysicalType::Array:
    case PhysicalType::Map: vector.clearChildRows(); break;
    case PhysicalType::Row: break;
    default: return;
  }
  for (Vector& child : vector.children()) dropCollections(child);
}

}  // namespace sluice::runtime
