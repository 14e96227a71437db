#include "sandbox/status.hpp"

#include <cstring>

namespace pyjudge::sandbox {

std::string Status::describe() const {
  if (!call) return "ok";
  return std::string(call) + ": " + std::strerror(error);
}

}  // namespace pyjudge::sandbox
