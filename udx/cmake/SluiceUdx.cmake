# sluice_add_udx(<target> SOURCES <file>... [OUTPUT_NAME <name>])
#
# Builds a Sluice UDX library: a loadable module (lib<target>.so, or lib<OUTPUT_NAME>.so) compiled
# as C++20 with position-independent code and hidden visibility, so that it exports only the entry
# point SLUICE_UDX_LIBRARY defines (sluice_udx_library_v1). It links nothing of Sluice: the
# library sees Sluice only through the host table it is handed. Usable from any project:
#
#   include(/path/to/sluice/udx/cmake/SluiceUdx.cmake)
#   sluice_add_udx(my_functions SOURCES my_functions.cpp)
include_guard(GLOBAL)

set(SLUICE_UDX_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/../include" CACHE INTERNAL
    "Directory of sluice_udx.h and sluice_udx.hpp")

function(sluice_add_udx target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_NAME" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "sluice_add_udx(${target}): no SOURCES")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "sluice_add_udx(${target}): unexpected arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  add_library(${target} MODULE ${ARG_SOURCES})
  target_include_directories(${target} PRIVATE "${SLUICE_UDX_INCLUDE_DIR}")
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_NAME)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME "${ARG_OUTPUT_NAME}")
  endif()
  # A UDX is a hot loop of a job: optimize it as Sluice optimizes its compiled pipelines (O3,
  # which vectorizes the batch entry's loops), unless the build asks for no optimization.
  if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(${target} PRIVATE -O3)
  endif()
  # Every symbol must resolve in the library or its dependencies: a UDX cannot call into Sluice.
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE "LINKER:-z,defs")
  endif()
endfunction()
