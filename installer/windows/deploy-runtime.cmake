# Run by `cmake --install` (installer/CMakeLists.txt): puts beside the installed programs the Qt plugins the
# dashboard loads and every DLL that the programs and those plugins import, found from the files' own import
# tables (what windeployqt does, for any toolchain). A DLL that is neither found in the Qt and compiler
# folders nor provided by Windows fails the install: nothing is missing, and nothing is copied that no file
# imports.
#
# Set by the caller: ISOLENS_DEPLOY_PROGRAMS (file names in bin/), ISOLENS_DEPLOY_QT_PLUGINS (paths relative
# to the Qt plugins folder, e.g. platforms/qwindows.dll), ISOLENS_DEPLOY_QT_PLUGIN_DIR, ISOLENS_DEPLOY_DIRS
# (where DLLs are searched), ISOLENS_DEPLOY_OBJDUMP (cross builds: the target's objdump),
# ISOLENS_DEPLOY_SYSTEM_IMPORT_LIB_DIR (cross builds: mingw-w64's import libraries, which name what Windows
# provides), ISOLENS_DEPLOY_STRIP (a strip program: debugging sections are left out of the copies),
# ISOLENS_DEPLOY_LIST (a file that receives the deployed files, one per line), ISOLENS_DEPLOY_WORK_DIR (a
# scratch folder in the build tree).
set(bin ${CMAKE_INSTALL_PREFIX}/bin)

set(executables)
foreach(program IN LISTS ISOLENS_DEPLOY_PROGRAMS)
    if(EXISTS ${bin}/${program})
        list(APPEND executables ${bin}/${program})
    endif()
endforeach()
set(modules)
foreach(plugin IN LISTS ISOLENS_DEPLOY_QT_PLUGINS)
    get_filename_component(folder ${plugin} DIRECTORY)
    file(INSTALL ${ISOLENS_DEPLOY_QT_PLUGIN_DIR}/${plugin} DESTINATION ${bin}/${folder})
    list(APPEND modules ${bin}/${plugin})
endforeach()

function(deploy_strip file)
    if(ISOLENS_DEPLOY_STRIP)
        execute_process(COMMAND ${ISOLENS_DEPLOY_STRIP} --strip-debug ${file} COMMAND_ERROR_IS_FATAL ANY)
    endif()
endfunction()
foreach(module IN LISTS modules)
    deploy_strip(${module})
endforeach()

if(ISOLENS_DEPLOY_OBJDUMP)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM windows+pe)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL objdump)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND ${ISOLENS_DEPLOY_OBJDUMP})
endif()
# Windows' file names are case-blind and CMake looks for imports in lower case: on a case-sensitive file
# system (cross-compiling), search a folder of lower-case links to the DLLs instead.
set(search_dirs ${ISOLENS_DEPLOY_DIRS})
if(ISOLENS_DEPLOY_OBJDUMP)
    set(folded ${ISOLENS_DEPLOY_WORK_DIR}/deploy-lowercase)
    file(REMOVE_RECURSE ${folded})
    file(MAKE_DIRECTORY ${folded})
    set(search_dirs ${folded})
    foreach(dir IN LISTS ISOLENS_DEPLOY_DIRS)
        file(GLOB dlls ${dir}/*.dll ${dir}/*.DLL)
        foreach(dll IN LISTS dlls)
            get_filename_component(name ${dll} NAME)
            string(TOLOWER ${name} name)
            if(NOT EXISTS ${folded}/${name})
                file(CREATE_LINK ${dll} ${folded}/${name} SYMBOLIC)
            endif()
        endforeach()
    endforeach()
endif()
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${executables}
    MODULES ${modules}
    DIRECTORIES ${search_dirs}
    # API sets are names, not files: Windows maps them to its own DLLs.
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "[/\\\\][Ss]ystem32[/\\\\]" "[/\\\\][Ww]indows[/\\\\]"
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    CONFLICTING_DEPENDENCIES_PREFIX conflicting)

set(missing)
foreach(dll IN LISTS unresolved)
    # Cross-compiling, Windows' own DLLs are not on this machine: mingw-w64 ships an import library for each.
    string(TOLOWER ${dll} name)
    string(REGEX REPLACE "\\.dll$" "" name ${name})
    if(NOT ISOLENS_DEPLOY_SYSTEM_IMPORT_LIB_DIR OR NOT EXISTS ${ISOLENS_DEPLOY_SYSTEM_IMPORT_LIB_DIR}/lib${name}.a)
        list(APPEND missing ${dll})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "deploy: found neither in ${ISOLENS_DEPLOY_DIRS} nor among Windows' own DLLs: ${missing}")
endif()
if(conflicting_FILENAMES)
    message(FATAL_ERROR "deploy: more than one copy found of ${conflicting_FILENAMES}")
endif()

set(deployed ${modules})
foreach(dll IN LISTS resolved)
    file(REAL_PATH ${dll} original)
    get_filename_component(name ${original} NAME)
    file(COPY_FILE ${original} ${bin}/${name})
    deploy_strip(${bin}/${name})
    list(APPEND deployed ${bin}/${name})
endforeach()
list(SORT deployed)
set(listing)
foreach(file IN LISTS deployed)
    file(RELATIVE_PATH relative ${bin} ${file})
    string(APPEND listing "${relative}\n")
endforeach()
if(ISOLENS_DEPLOY_LIST)
    file(WRITE ${ISOLENS_DEPLOY_LIST} "${listing}")
endif()
list(LENGTH deployed count)
message(STATUS "deploy: ${count} runtime files beside the programs")
