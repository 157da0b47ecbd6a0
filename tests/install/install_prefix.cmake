# cmake -DBUILD_DIR=... -DPREFIX=... -DCONFIG=... [-DCOMPONENTS=a,b] -P install_prefix.cmake
# Installs the build tree into a fresh PREFIX, all of it or only COMPONENTS, as a user would.
foreach(var BUILD_DIR PREFIX CONFIG)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_prefix.cmake: ${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${PREFIX}")

function(install_into_prefix)
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                          --config "${CONFIG}" ${ARGN}
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} ${ARGN} failed: ${result}")
  endif()
endfunction()

if(DEFINED COMPONENTS)
  # `cmake --install` takes one component at a time.
  string(REPLACE "," ";" COMPONENTS "${COMPONENTS}")
  foreach(component IN LISTS COMPONENTS)
    install_into_prefix(--component ${component})
  endforeach()
else()
  install_into_prefix()
endif()
