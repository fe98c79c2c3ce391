# Windows builds (included by installer/CMakeLists.txt): LICENSE.txt and THIRD-PARTY-NOTICES.txt, written as
# CRLF text (Notepad, the setup's licence page) to ISOLENS_LICENCE_TEXT and ISOLENS_NOTICES_TEXT and installed
# beside the programs. The notices name only what this build links: the header-only libraries always, prometheus-cpp
# and civetweb with the exporter, Qt
# with the dashboard, OpenSSL with TLS, the GCC and mingw-w64 runtimes (linked statically) with mingw.
set(notices boost nlohmann_json cli11)
if(TARGET isolens_core_exporter)
    list(APPEND notices prometheus-cpp civetweb)
endif()
if(TARGET isolens)
    list(APPEND notices qt qt-charts)
endif()
if(ISOLENS_WITH_TLS)
    list(APPEND notices openssl)
endif()
if(MINGW)
    list(APPEND notices gcc-runtime mingw-w64)
endif()
set(notices_contents "")
set(notices_texts "")
set(notice_rule "==============================================================================")
foreach(notice IN LISTS notices)
    set(notice_file ${CMAKE_CURRENT_LIST_DIR}/notices/${notice}.txt)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${notice_file})
    file(READ ${notice_file} notice_text)
    string(REGEX MATCH "^[^\n]*" notice_title "${notice_text}")
    string(APPEND notices_contents "  - ${notice_title}\n")
    string(APPEND notices_texts "\n${notice_rule}\n${notice_text}")
endforeach()
string(CONCAT notices_text "IsoLens ${PROJECT_VERSION}: third-party notices\n\n"
    "IsoLens is free software under the GNU General Public License, version 3 or\n"
    "(at your option) any later version (GPL-3.0-or-later); its text is LICENSE.txt.\n"
    "The programs contain or link these components, each under its own licence,\n"
    "whose text follows its name below:\n\n" "${notices_contents}" "${notices_texts}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE licence_text)
set(ISOLENS_LICENCE_TEXT ${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt)
set(ISOLENS_NOTICES_TEXT ${CMAKE_CURRENT_BINARY_DIR}/THIRD-PARTY-NOTICES.txt)
function(isolens_write_crlf output text)
    string(REPLACE "\n" "\r\n" text "${text}")
    file(WRITE ${output}.new "${text}")
    configure_file(${output}.new ${output} COPYONLY) # rewritten only when it changes
endfunction()
isolens_write_crlf(${ISOLENS_LICENCE_TEXT} "${licence_text}")
isolens_write_crlf(${ISOLENS_NOTICES_TEXT} "${notices_text}")
install(FILES ${ISOLENS_LICENCE_TEXT} ${ISOLENS_NOTICES_TEXT} DESTINATION bin COMPONENT Runtime)
