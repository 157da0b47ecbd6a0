# Install rules and the CMake/pkg-config packages (owned by the install work; see issue #4).
