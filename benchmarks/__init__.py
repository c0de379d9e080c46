"""fwtui's benchmark suite (issue 5): ``python -m benchmarks`` or ``make bench``.

It measures fwtui, installed from a wheel and compiled, against the floors that
bound it (``tomllib``, a bare Textual app, Rich alone) and writes
``docs/performance.md``. Nothing here is imported by fwtui or its tests, except
the smoke test that runs the suite on a tiny catalog.
"""
