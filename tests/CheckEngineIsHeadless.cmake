# Fails when any engine source includes a Qt Gui / Qt Widgets header or a ui/ header.
file(GLOB_RECURSE sources ${ENGINE_DIR}/*.cpp ${ENGINE_DIR}/*.h)
set(bad "")
foreach(source ${sources})
    file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line ${lines})
        if(line MATCHES "<(QtGui|QtWidgets|QtOpenGL|QtPrintSupport|QtCharts)[/>]"
           OR line MATCHES "<Q(Widget|Painter|Application|GuiApplication|Image|Pixmap|Color|Font|Icon|Brush|Pen|Window)>"
           OR line MATCHES "\"(\\.\\./)*ui/")
            string(APPEND bad "  ${source}: ${line}\n")
        endif()
    endforeach()
endforeach()
if(bad)
    message(FATAL_ERROR "engine/ must stay free of Qt Gui, Qt Widgets and ui/:\n${bad}")
endif()
list(LENGTH sources count)
message(STATUS "engine/ is headless (${count} files checked)")
