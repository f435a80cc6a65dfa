"""The Client ROI method: numbers in, numbers out (numpy and pandas only, no Excel, no files).

One module a step, in the order a reader learns the method of "Le client est R.O.I.":
:mod:`~client_roi.method.arguments` (what every function accepts, and how it refuses),
:mod:`~client_roi.method.sums` (correctly rounded sums), :mod:`~client_roi.method.compare`
(numbers compared as a spreadsheet compares them), :mod:`~client_roi.method.bands`,
:mod:`~client_roi.method.tiers`, :mod:`~client_roi.method.effort`,
:mod:`~client_roi.method.clients`, :mod:`~client_roi.method.loop`,
:mod:`~client_roi.method.exercise`, the whole exercise as one pure function, and, before it
for users with invoice lines, :mod:`~client_roi.method.periods`, :mod:`~client_roi.method.lines`
and :mod:`~client_roi.method.movement` (clients of a period, previous tiers, who moves):

1. **Reference gain.** The mean gain per customer, optionally after trimming the extremes
   (Excel ``TRIMMEAN``).
2. **Bands and tiers.** Thresholds at ``reference × (1 + offset)``; ±20 % gives three tiers.
   :func:`balanced_band` finds the offsets that make the tiers equal in size.
3. **CAC by tier.** The average customer-acquisition cost scaled by the same offsets: one
   prospecting-effort budget per tier; a prospect gets the budget of its tier.
4. **Effort in days.** A budget in money converted into working days of the person who spends it.
5. **Around it.** Who is a client (role), what a client returns (ROI), and how much the business
   depends on its largest clients (concentration, HHI).
6. **The decision loop.** Harmonious tiers without trial and error (:func:`band_sweep`,
   :func:`balance`, ``band='balanced'``); the prospect plan that spends the days available in
   order of potential (:func:`prospect_plan`, :func:`plan_summary`); effort spent against budget,
   the limit of concessions (:func:`days_left`, :func:`overrun`).

Conventions shared by every function
------------------------------------
* Value-like arguments accept a number, a (nested) list, a numpy array or a pandas Series and
  the result keeps the input's shape: a scalar gives a scalar, a Series a Series with the same
  index, anything else a numpy array of the same shape.
* **Blanks** (``None``, ``NaN``, empty or all-space text) are ignored in populations and give a
  blank result (``None``) element by element.
* Anything else that is not a number — text, booleans, Excel error values such as ``'#N/A'``,
  infinities — raises :class:`ClientRoiError` whose message names the argument, the 1-based item
  and the offending value. No value is ever guessed.

* **Blank optional arguments** (``None``, a blank cell, a range of blank cells) mean their
  default, as if the argument had not been given.
* **Numbers that cannot be right are refused**: a sum, mean, threshold, budget, ROI or number of
  days that overflows the double range raises :class:`ClientRoiError` naming what overflowed,
  never an infinity, a blank or a zero.
* **Losses hold no share of the gain.** Every *share of gain* (:func:`concentration`,
  :func:`hhi`, :func:`pareto`, the ``gain_share`` of :func:`tier_bands`) counts a negative gain
  as 0 and divides by the total of the positive gains; shares therefore lie in [0, 1] and add
  up to 1. Means, totals and tiers use the gains as they are. No positive gain at all: no share
  can be given, and the share functions raise.

Same input, same bits, everywhere
---------------------------------
Every sum is correctly rounded (:func:`exact_sum`, ``math.fsum``: the exact sum of the doubles,
rounded once), and every other result is one IEEE-754 operation on such values (a division, a
product, a comparison). So means, totals, shares, HHI, concentration, Pareto and band summaries
are **exact functions of the input**: the same bits with any numpy, on any CPU, and in Pyodide
(xlwings Lite); the committed templates are byte-identical wherever they are built. numpy's own
``sum``/``mean``/``dot`` are not used for results, because their pairwise and SIMD orderings
change with the numpy version and the processor. The only comparisons that carry a tolerance
are against other engines: Excel and LibreOffice add left to right without compensation, so
their ``AVERAGE``/``TRIMMEAN``/``SUM`` may differ from ours in the last bits (the tests allow a
relative 1e-12).
"""

from __future__ import annotations

from . import names, status
from .arguments import DIV0, EXCEL_ERRORS, ClientRoiError, blank_nan, describe, is_blank, numbers, parameter_number
from .bands import (
    BALANCED_WORDS,
    BAND_WORD,
    DEFAULT_BAND,
    MAX_TIERS,
    Bands,
    balanced_band,
    bands,
    is_balanced_word,
    percentile_inc,
    reference_gain,
    trimmed_mean,
)
from .clients import (
    HHI_CONCENTRATED,
    HHI_MODERATE,
    SINGLE_CUSTOMER_LIMIT,
    client_role,
    concentration,
    concentration_verdict,
    hhi,
    pareto,
    roi,
)
from .effort import LOAD_FACTOR, MARGIN_RATE, WORKING_DAYS, average_cac, cac_by_tier, effort_days, prospect_effort
from .exercise import INPUTS, Exercise, asks_no_estimate, exercise
from .lines import FromLines, LineTotals, customers_from_lines
from .loop import days_available_for_prospecting, days_left, overrun, plan_summary, prospect_plan
from .money import CURRENCIES, currency
from .movement import MOVES, mobility, movement
from .periods import Periods, periods
from .potential import Potential, potential
from .sums import exact_mean, exact_sum, exact_sums
from .tiers import SWEEP, balance, band_summary, band_sweep, most_balanced, shaped_sweep, tier, tier_bands

__all__ = [
    "BALANCED_WORDS",
    "BAND_WORD",
    "Bands",
    "CURRENCIES",
    "ClientRoiError",
    "DEFAULT_BAND",
    "DIV0",
    "EXCEL_ERRORS",
    "Exercise",
    "FromLines",
    "LineTotals",
    "MOVES",
    "Periods",
    "HHI_CONCENTRATED",
    "INPUTS",
    "HHI_MODERATE",
    "LOAD_FACTOR",
    "MARGIN_RATE",
    "MAX_TIERS",
    "SINGLE_CUSTOMER_LIMIT",
    "SWEEP",
    "WORKING_DAYS",
    "average_cac",
    "balance",
    "balanced_band",
    "band_summary",
    "band_sweep",
    "bands",
    "blank_nan",
    "cac_by_tier",
    "client_role",
    "concentration",
    "concentration_verdict",
    "currency",
    "customers_from_lines",
    "days_available_for_prospecting",
    "days_left",
    "describe",
    "effort_days",
    "exact_mean",
    "exact_sum",
    "exact_sums",
    "exercise",
    "hhi",
    "is_balanced_word",
    "is_blank",
    "mobility",
    "potential",
    "asks_no_estimate",
    "Potential",
    "names",
    "status",
    "most_balanced",
    "movement",
    "numbers",
    "parameter_number",
    "overrun",
    "pareto",
    "percentile_inc",
    "periods",
    "plan_summary",
    "prospect_effort",
    "prospect_plan",
    "reference_gain",
    "roi",
    "shaped_sweep",
    "tier",
    "tier_bands",
    "trimmed_mean",
]
