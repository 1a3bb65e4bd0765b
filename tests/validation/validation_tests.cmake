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

# docs/validation.md's known-misses table against the report the suite just wrote
# (validation/check_known_misses.py): every known miss named in a row, no passing target listed
# as a miss; and the summary line (there and in the README), the credibility grades, the
# per-pathway held-out counts and the acute and chronic held-out sentences against the same
# report. All are written by hand and went stale before these checks existed.
set_tests_properties(validation.suite PROPERTIES FIXTURES_SETUP validation_report)
add_test(NAME validation.known_miss_table
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/validation/check_known_misses.py
                 ${CMAKE_BINARY_DIR}/validation/report.json ${PROJECT_SOURCE_DIR}/docs/validation.md
                 ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(validation.known_miss_table PROPERTIES
                     FIXTURES_REQUIRED validation_report
                     TIMEOUT 60
                     LABELS validation)

# validation/miss_taxonomy.toml against the same report (validation/miss_taxonomy.py): every
# held-out target the summary line does not count as a pass is classified, no entry is left for a
# target that now passes, and docs/validation.md and the README quote the script's digest line.
add_test(NAME validation.miss_taxonomy
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/validation/miss_taxonomy.py
                 ${CMAKE_BINARY_DIR}/validation/report.json
                 --doc ${PROJECT_SOURCE_DIR}/docs/validation.md --doc ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(validation.miss_taxonomy PROPERTIES
                     FIXTURES_REQUIRED validation_report
                     TIMEOUT 60
                     LABELS validation)
