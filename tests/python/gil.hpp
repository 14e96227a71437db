// Python tests take the interpreter's lock: the judge's host releases it once started (it
// prepares tests on another thread), whoever started Python first.
#pragma once

#include "python/interpreter.hpp"

namespace pyjudge::testing {

struct Gil {
  PyGILState_STATE state;
  Gil() {
    python::initialize();
    state = PyGILState_Ensure();
  }
  ~Gil() { PyGILState_Release(state); }
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;
};

}  // namespace pyjudge::testing
