# Warnings and sanitizers for Usher's own targets. Call usher_target_settings(target) on each.

include(UsherBuildSpeed)

set(USHER_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2 -Wmissing-declarations)

function(usher_target_settings target)
    target_compile_options(${target} PRIVATE ${USHER_WARNING_FLAGS})
    if(USHER_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
        # GCC 12 at -O3 (Release) reports -Wrestrict inside libstdc++'s std::string operator+ for
        # code that is correct (GCC bug 105329); keep it a warning there so Release builds with
        # USHER_WERROR, as docs/performance.md does, still succeed.
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
            target_compile_options(${target} PRIVATE -Wno-error=restrict)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS QT_NO_KEYWORDS)
    usher_build_speed_settings(${target})
endfunction()

if(USHER_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
