"""Issue 34, item 5: the output blocks are schema data (client_roi.schema.blocks): their places
come from their sizes, the template puts each where the schema says, no two overlap, and the
largest outputs (ten tiers, movement, a full sweep) fit in the room the schema gives them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from client_roi.files.xlsx import column_index
from client_roi.method import exercise
from client_roi.schema.blocks import BLOCKS, MAX_TIERS, block, position
from client_roi.workbook import blocks as outputs
from client_roi.workbook import layout

TEMPLATES = Path(__file__).parents[1] / "workbook_templates"
NAMED = [b for b in BLOCKS if b.name != "charts"]


@pytest.mark.parametrize("template", ["three_tier_exercise.xlsx", "three_tier_exercise.fr.xlsx"])
def test_the_template_puts_each_block_where_the_schema_says(template):
    wb = openpyxl.load_workbook(TEMPLATES / template)
    lang = "fr" if ".fr." in template else "en"
    for b in NAMED:
        ((sheet, ref),) = wb.defined_names[b.name].destinations
        letters = ref.replace("$", "").rstrip("0123456789")
        assert (int(ref.replace("$", "")[len(letters) :]), column_index(letters)) == position(b.name), b.name
        assert sheet == layout.SHEETS[b.sheet][lang]


def test_no_two_blocks_overlap():
    """Each block at its largest, its title row included, on its sheet."""

    def box(b):
        row, col = position(b.name)
        top = row - (1 if b.titled else 0)
        return b.sheet, top, row + b.rows - 1 + (50 if b.listed else 0), col - b.labels, col + max(b.columns, 1) - 1

    boxes = [box(b) for b in BLOCKS]
    for i, (s1, t1, b1, l1, r1) in enumerate(boxes):
        for s2, t2, b2, l2, r2 in boxes[i + 1 :]:
            assert s1 != s2 or b1 < t2 or b2 < t1 or r1 < l2 or r2 < l1, (BLOCKS[i].name, (s2, t2, l2))


def test_the_largest_outputs_fit_their_blocks():
    """Ten tiers, previous tiers on every customer, prospects and a plan: every block's cells
    within the rows and columns the schema gives it (what a refresh clears)."""
    rng = np.random.default_rng(7)
    n = 400
    gains = rng.lognormal(8, 1, n)
    customers = pd.DataFrame(
        {
            "customer": [f"c{i}" for i in range(n)],
            "should_pay": ["yes"] * n,
            "has_paid": ["yes"] * (n - 50) + ["no"] * 50,
            "gross_margin": list(gains[: n - 50]) + [None] * 50,
            "expected_margin": [None] * (n - 50) + list(gains[n - 50 :]),
            "acquisition_cost": rng.uniform(100, 5000, n),
            "previous_margin": gains * rng.uniform(0.5, 1.5, n),
        }
    )
    offsets = [-0.8, -0.6, -0.4, -0.2, 0.2, 0.4, 0.8, 1.6, 3.2]
    ex = exercise(customers, band=offsets, prospecting_days=60)
    assert ex.band.k == MAX_TIERS
    out = outputs.blocks(ex, "en")
    for b in NAMED:
        cells = getattr(out, b.name.removeprefix("out_"))
        if b.listed or b.name == "out_inputs":
            continue
        assert len(cells) <= b.rows, b.name
        assert max(len(r) for r in cells) <= b.columns, b.name
    assert len(out.mobility) == block("out_mobility").rows and len(out.plan) == block("out_plan").rows
