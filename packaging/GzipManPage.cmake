# cmake -DSOURCE=usherd.8 -DOUTPUT=usherd.8.gz -DVERSION=x.y.z -P GzipManPage.cmake
# Puts the project's version into the .TH line and gzips the page (-n: no name or time stamp, so
# the package is reproducible), as Debian wants man pages.
file(READ ${SOURCE} page)
string(REGEX REPLACE "(\n\\.TH [^\n]*\")Usher [0-9.]+(\")" "\\1Usher ${VERSION}\\2" page "${page}")
get_filename_component(name ${SOURCE} NAME)
set(staged ${OUTPUT}.tmp/${name})
file(WRITE ${staged} "${page}")
execute_process(COMMAND gzip -9 -n -c ${staged} OUTPUT_FILE ${OUTPUT} RESULT_VARIABLE result)
file(REMOVE_RECURSE ${OUTPUT}.tmp)
if(NOT result EQUAL 0)
    file(REMOVE ${OUTPUT})
    message(FATAL_ERROR "gzip ${SOURCE}: ${result}")
endif()
