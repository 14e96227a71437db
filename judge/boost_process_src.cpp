// Boost.Process v2 compiled once, here (BOOST_PROCESS_V2_SEPARATE_COMPILATION): Boost 1.81's
// header-only mode leaves process_environment::on_setup undefined at link time.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/process/v2/src.hpp>
