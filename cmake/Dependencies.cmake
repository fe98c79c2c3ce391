# Finds the third-party libraries once, for every target.
#
# Native builds use the packages' CMake configs (Debian packages, or vcpkg on Windows). The mingw-w64
# cross build has no Windows packages for the header-only libraries, so it uses the Debian host's
# headers through a folder that holds only them (adding /usr/include itself would shadow mingw's libc).
find_package(Threads REQUIRED)

if(CMAKE_CROSSCOMPILING AND ISOLENS_HOST_HEADER_ONLY_PREFIX)
    set(_isolens_headers ${CMAKE_BINARY_DIR}/host-header-only)
    file(MAKE_DIRECTORY ${_isolens_headers})
    foreach(_dir boost nlohmann CLI)
        if(NOT EXISTS ${ISOLENS_HOST_HEADER_ONLY_PREFIX}/include/${_dir})
            message(FATAL_ERROR "${ISOLENS_HOST_HEADER_ONLY_PREFIX}/include/${_dir} is missing: run .ci/install-deps.sh")
        endif()
        file(CREATE_LINK ${ISOLENS_HOST_HEADER_ONLY_PREFIX}/include/${_dir} ${_isolens_headers}/${_dir} SYMBOLIC)
    endforeach()
    add_library(Boost::headers INTERFACE IMPORTED GLOBAL)
    target_include_directories(Boost::headers SYSTEM INTERFACE ${_isolens_headers})
    add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
    target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${_isolens_headers})
    add_library(CLI11::CLI11 INTERFACE IMPORTED GLOBAL)
    target_include_directories(CLI11::CLI11 SYSTEM INTERFACE ${_isolens_headers})
else()
    find_package(Boost 1.74 REQUIRED)
    find_package(nlohmann_json 3.10 REQUIRED)
    find_package(CLI11 REQUIRED)
endif()

# The exporter (isolens-cli serve): prometheus-cpp's registry and text format, civetweb's HTTP server.
# Native builds use Debian's packages (or vcpkg's); the mingw-w64 cross build, for which Debian has none,
# builds both from Debian's source packages once (cmake/PrometheusForMingw.cmake).
# Debian's prometheus-cpp config ships no version file, so none is asked for.
if(WIN32 AND CMAKE_CROSSCOMPILING)
    include(PrometheusForMingw)
endif()
find_package(civetweb 1.15 CONFIG REQUIRED)
find_package(prometheus-cpp CONFIG REQUIRED)
if(WIN32)
    # civetweb uses Windows sockets, but its FindWinSock fails when cross-compiling and its target then
    # lacks ws2_32: added here once, so that no consumer has to.
    get_target_property(_isolens_civetweb_libraries civetweb::civetweb INTERFACE_LINK_LIBRARIES)
    string(TOLOWER "${_isolens_civetweb_libraries}" _isolens_civetweb_libraries)
    if(NOT _isolens_civetweb_libraries MATCHES "ws2_32|winsock::")
        set_property(TARGET civetweb::civetweb APPEND PROPERTY INTERFACE_LINK_LIBRARIES ws2_32)
    endif()
endif()

if(ISOLENS_WITH_TLS)
    find_package(OpenSSL REQUIRED)
endif()

if(ISOLENS_BUILD_TESTS)
    if(CMAKE_CROSSCOMPILING)
        # No GoogleTest for mingw in Debian: build it from the sources Debian's googletest package ships.
        set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
        set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
        set(gtest_disable_pthreads OFF CACHE BOOL "" FORCE)
        add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
    else()
        find_package(GTest REQUIRED)
    endif()
endif()
