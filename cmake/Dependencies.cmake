# Every third-party package is found here, once. Debian 12 packages only
# (scripts/install-deps installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(embree 3 REQUIRED)
find_package(TBB REQUIRED)
find_package(Imath REQUIRED)
find_package(OpenEXR REQUIRED)
find_package(Boost REQUIRED COMPONENTS program_options)
find_package(tinyobjloader REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(GTest REQUIRED)
# Debian's OpenImageIO CMake config names /usr/include/opencv4, which does not exist
# without OpenCV; pkg-config has no such problem.
pkg_check_modules(OIIO REQUIRED IMPORTED_TARGET OpenImageIO)
pkg_check_modules(LUA REQUIRED IMPORTED_TARGET lua5.4)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(MURMURHASH REQUIRED IMPORTED_TARGET libmurmurhash)  # Cryptomatte ids
