# The fuzzer is run by hand (python tests/fuzz/fuzz_clean.py), never by the default test run.
collect_ignore_glob = ["*.py"]
