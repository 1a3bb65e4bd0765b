# `brainload plot`, `brainload report`, the scenario library and the teaching demos
# (tests/viz/test_viz.py), and the report page in headless Chromium
# (tests/viz/test_report_browser.py, skipped when Chromium is not installed). Included from
# tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/viz/viz_tests.cmake)
# Debian's /usr/bin/python3 is used on purpose (matplotlib, numpy, h5py); a python3 earlier on
# PATH may be a pyenv shim without them.
set(BRAINLOAD_TEST_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 that runs tests/cli")

# One ctest entry per unittest class, so ctest -j runs them side by side.
set(_brainload_viz_cases
  plot_trace PlotTrace
  plot_run PlotRun
  report Report
  report_events EventContrastReport
  scenario_library ScenarioLibrary
  teaching_demos TeachingDemos)

get_filename_component(_brainload_viz_root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
list(LENGTH _brainload_viz_cases _brainload_viz_n)
math(EXPR _brainload_viz_last "${_brainload_viz_n} - 1")
foreach(_i RANGE 0 ${_brainload_viz_last} 2)
  math(EXPR _j "${_i} + 1")
  list(GET _brainload_viz_cases ${_i} _name)
  list(GET _brainload_viz_cases ${_j} _class)
  add_test(NAME viz.${_name}
           COMMAND ${BRAINLOAD_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_viz.py
                   $<TARGET_FILE:brainload> ${_brainload_viz_root} ${_class})
  set_tests_properties(viz.${_name} PROPERTIES TIMEOUT 300 LABELS viz)
endforeach()

# The screenshot and the page it shows are kept in <build>/viz/ to look at.
add_test(NAME viz.report_browser
         COMMAND ${BRAINLOAD_TEST_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_report_browser.py
                 $<TARGET_FILE:brainload> ${_brainload_viz_root} ${CMAKE_BINARY_DIR}/viz)
set_tests_properties(viz.report_browser PROPERTIES TIMEOUT 300 LABELS viz)
