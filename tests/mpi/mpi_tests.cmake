# `brainload run` under mpirun (tests/mpi/test_mpi.py), registered only in an MPI build
# (-DBRAINLOAD_MPI=ON); ci/mpi.sh runs them. Included from tests/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/mpi/mpi_tests.cmake)
# They compare with the default build's executable, BRAINLOAD_DEFAULT_EXE (ci/mpi.sh builds
# it in build/ first).
include_guard(GLOBAL)
if(BRAINLOAD_MPI)
  set(BRAINLOAD_DEFAULT_EXE "${PROJECT_SOURCE_DIR}/build/brainload" CACHE FILEPATH
      "brainload of the default (non-MPI) build, which the MPI tests compare with")
  # ctest entry: unittest classes.
  foreach(entry IN ITEMS ranks_agree:RanksAgree,RanksAgreeManyChunks interrupt:Interrupt
                         failures:Failures full_disk:FullDisk
                         checkpoint:Checkpoint)
    string(REPLACE ":" ";" entry ${entry})
    list(GET entry 0 name)
    list(GET entry 1 classes)
    string(REPLACE "," ";" classes ${classes})
    add_test(NAME mpi.${name}
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/test_mpi.py
                     $<TARGET_FILE:brainload> ${BRAINLOAD_DEFAULT_EXE} ${PROJECT_SOURCE_DIR}
                     ${MPIEXEC_EXECUTABLE} ${classes})
    # Each starts several processes on every core, and the interrupt test needs them on time.
    set_tests_properties(mpi.${name} PROPERTIES TIMEOUT 600 RUN_SERIAL TRUE ENVIRONMENT
                         "BRAINLOAD_FAULT_INJECT=$<TARGET_FILE:brainload_fault_inject>")
  endforeach()
endif()
