# rt_module(NAME DEPS <public deps...> PRIVATE_DEPS <private deps...>)
# One static library per folder lib/NAME; sources are the .cpp files in that folder.
# Headers are included as "NAME/File.h" (the include root is lib/).
set(RT_WARNINGS -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)

function(rt_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(sources)
    add_library(rt_${name} STATIC ${sources})
    target_include_directories(rt_${name} PUBLIC ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(rt_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    target_compile_options(rt_${name} PRIVATE ${RT_WARNINGS})
  else()
    add_library(rt_${name} INTERFACE)
    target_include_directories(rt_${name} INTERFACE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(rt_${name} INTERFACE ${ARG_DEPS})
  endif()
endfunction()
