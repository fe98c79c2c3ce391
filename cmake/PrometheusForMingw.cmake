# The mingw-w64 cross build's exporter libraries: prometheus-cpp 1.0.1 and civetweb 1.15 for Windows,
# static, built once by cmake/prometheus-mingw/prometheus-for-mingw.sh from Debian's source packages into
# a cache outside the build tree (keyed by the version and the hash of the script and the toolchain file).
# Puts their prefix where find_package(civetweb) and find_package(prometheus-cpp) then look.
# Run at every configure (a few milliseconds once cached), and again when the script changes.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_LIST_DIR}/prometheus-mingw/prometheus-for-mingw.sh)
execute_process(
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/prometheus-mingw/prometheus-for-mingw.sh
    OUTPUT_VARIABLE _isolens_prometheus_output
    OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _isolens_prometheus_result)
if(NOT _isolens_prometheus_result EQUAL 0)
    message(FATAL_ERROR "prometheus-cpp and civetweb for mingw-w64 are not available "
                        "(cmake/prometheus-mingw/prometheus-for-mingw.sh failed, see above)")
endif()
string(REGEX REPLACE ".*\n" "" _isolens_prometheus_prefix "${_isolens_prometheus_output}")
if(ISOLENS_PROMETHEUS_MINGW_PREFIX AND NOT ISOLENS_PROMETHEUS_MINGW_PREFIX STREQUAL _isolens_prometheus_prefix)
    # Another build of them (the script changed): forget where the previous one's packages were found.
    unset(civetweb_DIR CACHE)
    unset(prometheus-cpp_DIR CACHE)
endif()
set(ISOLENS_PROMETHEUS_MINGW_PREFIX ${_isolens_prometheus_prefix} CACHE INTERNAL
    "prometheus-cpp and civetweb for mingw-w64 (from cmake/prometheus-mingw/prometheus-for-mingw.sh)")
# The toolchain file re-roots every search below CMAKE_FIND_ROOT_PATH: the prefix must be a root too.
list(APPEND CMAKE_FIND_ROOT_PATH ${ISOLENS_PROMETHEUS_MINGW_PREFIX})
list(APPEND CMAKE_PREFIX_PATH ${ISOLENS_PROMETHEUS_MINGW_PREFIX})
