// Conversion between Python objects and Values.
//
// from_python() accepts only *exact* builtin types: a list subclass with an __eq__ that always
// returns True, or an int subclass with a lying __repr__, is refused rather than trusted.
#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <optional>
#include <string>

#include "protocol/value.hpp"

namespace pyjudge::python {

/// A new reference to a fresh Python object equal to `v`; nullptr with a Python error set.
PyObject* to_python(const Value& v);

/// A new reference to the Python object encoded in `encoded` (one Value, protocol/value.hpp),
/// built straight from the bytes with decode_value's caps; nullptr with a Python error set when
/// they are malformed.
PyObject* decode_to_python(std::string_view encoded, std::size_t max_values = kMaxTrustedValues);

/// Appends the encoding of `obj` as a Value (protocol/value.hpp) to `out`, without building the
/// Value; false with `why_not` saying which part is not plain data (`out` is then incomplete).
bool encode_python(PyObject* obj, Writer& out, std::string& why_not);

/// The Value of `obj`, or nullopt with `why_not` saying which part is not plain data.
std::optional<Value> from_python(PyObject* obj, std::string& why_not);

}  // namespace pyjudge::python
