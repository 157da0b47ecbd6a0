# Installing tamis (docs/install.md): the public headers, libtamis.so with its SONAME links,
# libtamis.a, the CMake package (find_package(tamis)) and tamis.pc; plus a pkg-config file for
# the build tree. lib/ (the engine's headers) and tamis_core are never installed.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Oldest versions of the system libraries the static library is linked against, for a consumer's
# find_package and pkg_check_modules (the same minimums as the top-level CMakeLists.txt).
set(TAMIS_MIN_ICU 70)
set(TAMIS_MIN_LIBARCHIVE 3.6)
set(TAMIS_MIN_LIBXML2 2.9)
set(TAMIS_MIN_HYPERSCAN 5.4)

set(TAMIS_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tamis)

# Components, so that a packager can split the install (docs/install.md): runtime = the shared
# library's versioned files; shared = its development link and CMake targets; static = libtamis.a
# and its CMake targets; development = headers, package configuration, tamis.pc.
install(TARGETS tamis EXPORT tamis-shared-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tamis_runtime
                NAMELINK_COMPONENT tamis_shared
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS tamis_static EXPORT tamis-static-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tamis_static
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# Every public header (tamis.h, tamis.hpp, any added later), and nothing else from include/.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tamis DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT tamis_development FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

install(EXPORT tamis-shared-targets NAMESPACE tamis:: DESTINATION ${TAMIS_CMAKE_PACKAGE_DIR}
        COMPONENT tamis_shared)
install(EXPORT tamis-static-targets NAMESPACE tamis:: DESTINATION ${TAMIS_CMAKE_PACKAGE_DIR}
        COMPONENT tamis_static)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/tamisConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/cmake/tamisConfig.cmake
                              INSTALL_DESTINATION ${TAMIS_CMAKE_PACKAGE_DIR})
# 0.x releases follow the same rule: a new major version (SONAME) is an incompatible ABI.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/tamisConfigVersion.cmake
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/tamisConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/tamisConfigVersion.cmake
        DESTINATION ${TAMIS_CMAKE_PACKAGE_DIR} COMPONENT tamis_development)

# pkg-config. Libs.private names the libraries libtamis.a's objects call directly, as -l flags
# rather than Requires.private: pkg-config resolves Requires.private even without --static, which
# would make every shared-library user install Hyperscan's, ICU's and libarchive's headers.
set(TAMIS_PC_LIBS_PRIVATE "-lhs -licui18n -licuuc -licudata -larchive -lxml2 -lz -lstdc++ -lm -pthread")
set(TAMIS_PC_SANITIZE_LIBS "")
if(TAMIS_SANITIZE)
  set(TAMIS_PC_SANITIZE_LIBS " -fsanitize=address,undefined")
endif()

# Installed tamis.pc: paths relative to the file itself (${pcfiledir}), so that the tree stays
# right whatever `cmake --install --prefix` or DESTDIR puts it, and wherever it is moved.
set(TAMIS_PC_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${TAMIS_PC_INSTALL_DIR}")
  set(TAMIS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH TAMIS_PC_UP "/root/${TAMIS_PC_INSTALL_DIR}" "/root")
  string(REGEX REPLACE "/$" "" TAMIS_PC_UP "${TAMIS_PC_UP}")
  set(TAMIS_PC_PREFIX "\${pcfiledir}/${TAMIS_PC_UP}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(TAMIS_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(TAMIS_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/tamis.pc.in ${PROJECT_BINARY_DIR}/cmake/tamis.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/tamis.pc DESTINATION ${TAMIS_PC_INSTALL_DIR}
        COMPONENT tamis_development)

# Build-tree tamis.pc at this exact path: the binding tests use PKG_CONFIG_PATH=<build>/pkgconfig.
# file(GENERATE) writes the real directory of libtamis.so.
configure_file(${CMAKE_CURRENT_LIST_DIR}/tamis-build-tree.pc.in
               ${PROJECT_BINARY_DIR}/cmake/tamis-build-tree.pc.gen @ONLY)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/pkgconfig/tamis.pc
     INPUT ${PROJECT_BINARY_DIR}/cmake/tamis-build-tree.pc.gen)
