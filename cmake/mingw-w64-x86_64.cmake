# Cross-compiles for 64-bit Windows with Debian's mingw-w64 (g++-mingw-w64-x86-64-posix).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Header-only dependencies (Boost.Beast/Asio/Outcome, nlohmann_json, CLI11) come from the Debian host's
# /usr/include: they have no compiled parts, so the host copies serve the Windows build too.
set(ISOLENS_HOST_HEADER_ONLY_PREFIX /usr CACHE PATH "Where header-only dependencies are found")
# Static runtime: the test executables then run under Wine without copying mingw DLLs around.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# Tests of the cross build run under Wine (Debian's wine64), through ctest.
find_program(ISOLENS_WINE NAMES wine64 wine)
if(ISOLENS_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${ISOLENS_WINE})
endif()
