# The literature validation suite as a test: runs `brainload validate` on the shipped catalogue
# (validation/catalogue.toml, scenarios/validation/) and fails if any target fails; known misses
# do not fail (docs/validation.md). Included from tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/validation/validation_tests.cmake)
# It runs from the repository root (the catalogue's default path) and writes its report into
# the build tree.
add_test(NAME validation.suite
         COMMAND $<TARGET_FILE:brainload> validate --out ${CMAKE_BINARY_DIR}/validation)
set_tests_properties(validation.suite PROPERTIES
                     TIMEOUT 600
                     WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                     LABELS validation)
