"""Hypothesis profiles for the robustness (fuzz) tests.

``ci`` is the default: every run of ``make test`` draws the same examples
(``derandomize``), so a failure in CI is a failure on every machine. ``long``
is for hunting: 25 times as many examples, freshly random on every run, and a
``@reproduce_failure`` blob printed for anything it finds::

    FWTUI_FUZZ_PROFILE=long make pytest PYTEST_ARGS=tests/test_loader_fuzz.py

The profiles are applied test by test through :func:`fuzz_settings`, never
loaded globally, so the other property tests keep their own settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_ENV = "FWTUI_FUZZ_PROFILE"

#: How many times the ``ci`` example counts each profile runs.
SCALE = {"ci": 1, "long": 25}

_COMMON = {
    "deadline": None,
    "database": None,  # nothing written to .hypothesis/ in the working tree
    "print_blob": True,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}

settings.register_profile("fwtui-fuzz-ci", derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("fwtui-fuzz-long", derandomize=False, **_COMMON)  # type: ignore[arg-type]


def profile_name() -> str:
    """The profile chosen by ``FWTUI_FUZZ_PROFILE`` (default ``ci``)."""
    name = os.environ.get(PROFILE_ENV, "").strip() or "ci"
    if name not in SCALE:
        raise ValueError(f"{PROFILE_ENV}={name!r}: expected one of {', '.join(SCALE)}")
    return name


def fuzz_examples(ci_examples: int) -> int:
    """The number of examples a test of ``ci_examples`` runs in this profile."""
    return ci_examples * SCALE[profile_name()]


def fuzz_settings(ci_examples: int) -> settings:
    """Settings for one fuzz test: ``ci_examples`` in CI, scaled in the long profile."""
    return settings(
        settings.get_profile(f"fwtui-fuzz-{profile_name()}"),
        max_examples=fuzz_examples(ci_examples),
    )
