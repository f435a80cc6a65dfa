"""A fixed sample of the fuzz campaign (``tests/fuzz.py``; ``make fuzz`` runs 1,500 cases):
150 cases, 30 of each family, every one a process of its own held to the campaign's rules
(exit 0 with finite outputs and a silent stderr, or exit 2 with one line that is no
"unexpected error"; under 60 s and 1 GB; nothing left behind; the input unchanged)."""

from __future__ import annotations

import os

import fuzz
import pytest

SAMPLE = fuzz.cases(150, seed=35)


@pytest.fixture(scope="module")
def results() -> dict[str, fuzz.Result]:
    return {r.case.id: r for r in fuzz.campaign(SAMPLE, jobs=max(2, os.cpu_count() or 2))}


@pytest.mark.parametrize("case", SAMPLE, ids=[c.id for c in SAMPLE])
def test_a_hostile_case_is_one_line_or_a_finite_workbook(results, case):
    r = results[case.id]
    assert not r.faults, f"{case.what}: {'; '.join(r.faults)}; said: {r.err[:500]}"


def test_the_sample_is_reproducible_and_reaches_both_ends():
    """The same seed makes the same cases, byte for byte; the sample both succeeds and refuses
    in every family (a generator that only ever made unreadable files would prove little)."""
    again = fuzz.cases(150, seed=35)
    assert [(c.what, c.args, c.files) for c in again] == [(c.what, c.args, c.files) for c in SAMPLE]
    for family in fuzz.FAMILIES:
        whats = {c.what for c in SAMPLE if c.family == family}
        assert len(whats) >= 10, family  # varied, not one mutation thirty times


def test_every_family_ends_both_ways(results):
    for family in fuzz.FAMILIES:
        statuses = {r.status for r in results.values() if r.case.family == family}
        assert {0, 2} <= statuses or family == "security", (family, statuses)
