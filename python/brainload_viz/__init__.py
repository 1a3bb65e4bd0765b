"""Plots and HTML reports from brainload outputs (trace CSVs and run HDF5 files).

Run by the `brainload plot` and `brainload report` subcommands with Debian's /usr/bin/python3
(matplotlib, numpy, h5py); the modules also run on their own:

    /usr/bin/python3 python/brainload_viz/plot.py --help
    /usr/bin/python3 python/brainload_viz/report.py --help
"""
