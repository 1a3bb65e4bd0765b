# The brainload executable as a user meets it (tests/cli/test_cli.py): exit codes, messages,
# the trace CSV, describe --json, and the physiology claims read from traces of the shipped
# scenarios. Included from tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_tests.cmake)
# Debian's /usr/bin/python3 is used on purpose: a python3 earlier on PATH may be a pyenv shim.
# The script needs only the standard library.
set(BRAINLOAD_TEST_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 that runs tests/cli")

# One ctest entry per unittest class, so ctest -j runs them side by side.
set(_brainload_cli_cases
  command_line CommandLine
  check Check
  trace_output TraceOutput
  describe Describe
  validate_check ValidateCheck
  validate_compare ValidateCompare
  validate_set ValidateSet
  parameters Parameters
  physiology_wingate PhysiologyWingate
  physiology_back_to_back_hiit PhysiologyBackToBackHiit
  physiology_compound_vs_isolation PhysiologyCompoundVsIsolation
  physiology_same_walk_after_training PhysiologySameWalkAfterTraining
  physiology_jumping_vs_cycling PhysiologyJumpingVsCycling
  physiology_cortisol_rest_day PhysiologyCortisolRestDay
  trial_design TrialDesign)

get_filename_component(_brainload_cli_root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
list(LENGTH _brainload_cli_cases _brainload_cli_n)
math(EXPR _brainload_cli_last "${_brainload_cli_n} - 1")
foreach(_i RANGE 0 ${_brainload_cli_last} 2)
  math(EXPR _j "${_i} + 1")
  list(GET _brainload_cli_cases ${_i} _name)
  list(GET _brainload_cli_cases ${_j} _class)
  add_test(NAME cli.${_name}
           COMMAND ${BRAINLOAD_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_cli.py
                   $<TARGET_FILE:brainload> ${_brainload_cli_root} ${_class})
  set_tests_properties(cli.${_name} PROPERTIES TIMEOUT 300 LABELS cli)
endforeach()
