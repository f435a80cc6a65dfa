"""The charts of the Tiers sheet, drawn for a number of tiers: the bars of the tiers' shares,
the Pareto curve, and the shares of each tier across the bands of the sweep (where the lines
meet, the tiers are harmonious). Each plots the cells of its block, placed by the schema."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series

from .. import method
from ..files.xlsx import column_letter
from ..method.exercise import PARETO_STEPS  # the points the exercise's Pareto curve has
from . import layout
from .words import SWEEP_CHART_TITLE, TITLES

BANDS_AT, PARETO_AT, SWEEP_AT, PLAN_AT = (
    layout.position(name) for name in (layout.OUT_BANDS, layout.OUT_PARETO, layout.OUT_SWEEP, layout.OUT_PLAN)
)
CHARTS_ROW = layout.position("charts")[0]  # below the bands at their longest


def draw_charts(wb: Workbook, lang: str, tiers: int) -> None:
    """(Re)draw the two charts of the Tiers sheet for ``tiers`` tiers."""
    ws = wb[layout.SHEETS["tiers"][lang]] if layout.SHEETS["tiers"][lang] in wb else None
    if ws is None:
        return
    # openpyxl (3.1.5, as locked) has no public way to remove a chart: its own list of them is
    # emptied (tests/test_zipbook.py fails the day openpyxl keeps them elsewhere)
    ws._charts = []
    r, c = BANDS_AT
    bar = BarChart()
    bar.type, bar.grouping = "col", "clustered"
    bar.title = TITLES["charts"][lang][0]
    bar.y_axis.numFmt = "0%"
    bar.y_axis.majorGridlines = None
    for col in (c + 4, c + 6):  # share of clients, share of gain
        bar.add_data(Reference(ws, min_col=col, min_row=r, max_row=r + tiers), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=c, min_row=r + 1, max_row=r + tiers))
    bar.height, bar.width = 8, 15
    ws.add_chart(bar, f"A{CHARTS_ROW}")
    r, c = PARETO_AT
    pareto = ScatterChart()
    pareto.title = TITLES["charts"][lang][1]
    pareto.style = 13
    pareto.scatterStyle = "lineMarker"  # required by the schema; openpyxl omits it when unset
    xs = Reference(ws, min_col=c, min_row=r + 1, max_row=r + 1 + PARETO_STEPS)
    ys = Reference(ws, min_col=c + 1, min_row=r, max_row=r + 1 + PARETO_STEPS)
    series = Series(ys, xs, title_from_data=True)
    series.marker.symbol = "circle"
    pareto.series.append(series)
    pareto.x_axis.title, pareto.y_axis.title = layout.TEXT[lang]["pareto"]
    pareto.x_axis.numFmt = pareto.y_axis.numFmt = "0%"
    pareto.x_axis.scaling.min = pareto.y_axis.scaling.min = 0
    pareto.x_axis.scaling.max = pareto.y_axis.scaling.max = 1
    pareto.legend = None
    pareto.height, pareto.width = 8, 15
    ws.add_chart(pareto, f"F{CHARTS_ROW}")
    # The tier shares across the sweep's bands: where the lines meet, the tiers are harmonious.
    r, c = SWEEP_AT
    shares = LineChart()
    shares.title = SWEEP_CHART_TITLE[lang]
    for j in range(tiers):  # one line per tier in use
        col = c + layout.share_column(j)
        shares.add_data(Reference(ws, min_col=col, min_row=r, max_row=r + len(method.SWEEP)), titles_from_data=True)
    shares.set_categories(Reference(ws, min_col=c, min_row=r + 1, max_row=r + len(method.SWEEP)))
    shares.y_axis.numFmt = "0%"
    shares.x_axis.numFmt = '"±"0%'
    shares.y_axis.scaling.min = 0
    shares.height, shares.width = 7.5, 15
    # to the right of the plan, a column apart: over none of its cells ("In the plan" included)
    ws.add_chart(shares, f"{column_letter(PLAN_AT[1] + len(layout.TEXT[lang]['plan']) + 1)}{PLAN_AT[0] - 1}")
