# Build time (docs/design/ci-time.md). CI builds everything from scratch on two cores without ccache:
# its cost is CPU, and much of that is the same Qt headers parsed again in every translation unit.
#
# USHER_UNITY: the libraries compile in unity batches (CMake's UNITY_BUILD, 8 sources a batch), so a
#   batch parses its headers once. Off by default: an edit recompiles its whole batch, which suits a
#   cold build (CI, scripts/test-all) and not an edit-compile loop. A source that cannot share a
#   batch (a clash of file-local names) is listed in usher_unity_skip().
# USHER_PCH: each group of test executables with the same compile flags reuses one precompiled
#   <QTest> (with Qt Core, and Qt Widgets for the UI tests). On by default, off when the compiler
#   runs through ccache: ccache does not cache a translation unit that uses a precompiled header
#   unless its sloppiness is configured for it, and it already makes a rebuild cheap.
# CMAKE_DISABLE_PRECOMPILE_HEADERS=ON also turns the precompiled headers off.
# USHER_LINKER: the linker GCC runs (-fuse-ld=). lld links a test executable in about a third of the
#   CPU time of ld.bfd, the default (gold: half); scripts/install-deps installs it. Empty: the default.

if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
    set(usher_pch_default OFF)
else()
    set(usher_pch_default ON)
endif()
option(USHER_PCH "Precompiled Qt Test headers for the test executables" ${usher_pch_default})
option(USHER_UNITY "Compile the libraries in unity batches (for cold builds such as CI)" OFF)

find_program(USHER_LLD_EXECUTABLE ld.lld)
if(USHER_LLD_EXECUTABLE)
    set(usher_linker_default lld)
else()
    set(usher_linker_default "")
endif()
set(USHER_LINKER "${usher_linker_default}" CACHE STRING "Linker for -fuse-ld= (lld, gold, bfd); empty: the compiler's default")
if(USHER_LINKER)
    add_link_options(-fuse-ld=${USHER_LINKER})
endif()

# Called by usher_target_settings() on every target.
function(usher_build_speed_settings target)
    get_target_property(type ${target} TYPE)
    if(USHER_UNITY AND type STREQUAL "STATIC_LIBRARY")
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
endfunction()

# usher_unity_skip(<sources...>): these sources of the current folder's library compile on their own.
function(usher_unity_skip)
    set_source_files_properties(${ARGN} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()

# What the test executables include most; the headers of the project itself stay out (an edit to one
# of them would rebuild every test).
set(USHER_TEST_PCH_HEADERS <QTest> <QSignalSpy> <QCoreApplication> <QDir> <QElapsedTimer> <QFile>
    <QFileInfo> <QJsonArray> <QJsonDocument> <QJsonObject> <QProcess> <QTemporaryDir> <QThread>
    <algorithm> <atomic> <cstring> <functional> <map> <memory> <set> <string> <thread> <vector>)
set(USHER_TEST_PCH_WIDGET_HEADERS <QApplication> <QCheckBox> <QComboBox> <QLabel> <QLineEdit>
    <QPushButton> <QSpinBox> <QTableWidget>)

# usher_test_pch(<test> <libs>): <test> reuses the precompiled headers of a host target with the same
# compile flags: the same folder (Qt Test's QT_TESTCASE_BUILDDIR) and the same libraries (their
# QT_<module>_LIB macros decide what <QTest> includes). A mismatch is a -Winvalid-pch error, never a
# silently slower build. A folder with few tests sets USHER_TEST_PCH to OFF: a host costs about as
# much CPU as it saves five tests.
function(usher_test_pch test libs)
    if(NOT USHER_PCH OR (DEFINED USHER_TEST_PCH AND NOT USHER_TEST_PCH))
        return()
    endif()
    string(MD5 key "${CMAKE_CURRENT_SOURCE_DIR};${libs}")
    string(SUBSTRING ${key} 0 8 key)
    set(host usher_test_pch_${key})
    if(NOT TARGET ${host})
        set(source ${CMAKE_CURRENT_BINARY_DIR}/${host}.cpp)
        file(CONFIGURE OUTPUT ${source} CONTENT "// Hosts the precompiled headers of some tests (cmake/UsherBuildSpeed.cmake).\n")
        add_library(${host} OBJECT ${source})
        target_link_libraries(${host} PRIVATE usher_test_support ${libs})
        usher_target_settings(${host})
        set_target_properties(${host} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        set(headers ${USHER_TEST_PCH_HEADERS})
        if("usher_ui" IN_LIST libs)
            list(APPEND headers ${USHER_TEST_PCH_WIDGET_HEADERS})
        endif()
        target_precompile_headers(${host} PRIVATE ${headers})
    endif()
    target_precompile_headers(${test} REUSE_FROM ${host})
    # AUTOMOC's mocs_compilation.cpp is all but empty for a test (it includes its own .moc): loading
    # the precompiled header would cost it more than it has to compile.
    set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${test}_autogen/mocs_compilation.cpp
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()
