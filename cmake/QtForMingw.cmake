# The mingw-w64 cross build's Qt: Qt 6.4.2 for Windows, made once by cmake/qt-mingw/qt-for-mingw.sh into a
# cache outside the build tree (keyed by the Qt version and the script's hash), with Debian's own Qt 6.4.2
# as the host Qt (moc, rcc, uic). Sets what find_package(Qt6) then needs.
# Run at every configure (about 10 ms once cached), and again when the script changes: its hash is the key.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/qt-mingw/qt-for-mingw.sh)
execute_process(
    COMMAND ${PROJECT_SOURCE_DIR}/cmake/qt-mingw/qt-for-mingw.sh
    OUTPUT_VARIABLE _isolens_qt_output
    OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _isolens_qt_result)
if(NOT _isolens_qt_result EQUAL 0)
    message(FATAL_ERROR "Qt for mingw-w64 is not available (cmake/qt-mingw/qt-for-mingw.sh failed, see above); "
                        "or configure with -DISOLENS_BUILD_GUI=OFF for the CLI alone")
endif()
string(REGEX REPLACE ".*\n" "" _isolens_qt_prefix "${_isolens_qt_output}")
if(ISOLENS_QT_MINGW_PREFIX AND NOT ISOLENS_QT_MINGW_PREFIX STREQUAL _isolens_qt_prefix)
    # Another Qt (the script changed): forget where the previous one's packages were found.
    get_cmake_property(_isolens_cache_variables CACHE_VARIABLES)
    foreach(_isolens_variable IN LISTS _isolens_cache_variables)
        if(_isolens_variable MATCHES "^(Qt6|WrapAtomic|WrapVulkanHeaders).*_DIR$")
            unset(${_isolens_variable} CACHE)
        endif()
    endforeach()
endif()
set(ISOLENS_QT_MINGW_PREFIX ${_isolens_qt_prefix} CACHE INTERNAL "Qt for mingw-w64 (from cmake/qt-mingw/qt-for-mingw.sh)")
list(APPEND CMAKE_FIND_ROOT_PATH ${ISOLENS_QT_MINGW_PREFIX})
list(APPEND CMAKE_PREFIX_PATH ${ISOLENS_QT_MINGW_PREFIX})
set(QT_HOST_PATH /usr CACHE PATH "The host Qt (Debian's) for moc, rcc and uic")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake CACHE PATH "The host Qt's CMake packages")

# The GCC runtime (libstdc++, libgcc_s) and winpthreads, which the Qt DLLs import: deployed beside the
# programs by the setup, and put on WINEPATH for the tests.
set(ISOLENS_MINGW_RUNTIME_DIRS)
foreach(_isolens_dll libstdc++-6.dll libwinpthread-1.dll)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_isolens_dll}
        OUTPUT_VARIABLE _isolens_path OUTPUT_STRIP_TRAILING_WHITESPACE)
    get_filename_component(_isolens_dir ${_isolens_path} DIRECTORY)
    get_filename_component(_isolens_dir ${_isolens_dir} ABSOLUTE)
    list(APPEND ISOLENS_MINGW_RUNTIME_DIRS ${_isolens_dir})
endforeach()
