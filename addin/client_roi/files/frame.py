"""A DataFrame in: the Python API is a door like the others.

:func:`read_frame` reads a notebook's DataFrame by the rules a customer file is read by
(:func:`~client_roi.files.customers.read_customers`), so that a customer is the same customer
whichever way it comes in:

* **Columns** are named by their keys (``customer``, ``gross_margin``…), their English or French
  headers (``Gross margin``, ``Marge brute``) or the aliases exports use (``name``, ``ARR``),
  and ``columns={"gross_margin": "Marge (k€)"}`` names any other; a percent is never money
  (``Gross Margin %`` is a margin rate). A frame without a customer or a margin column is
  refused naming what it has; a column that names none of ours is the user's own, kept.
* **Roles**: ``should_pay`` and ``has_paid``, else a ``status`` column (``status_map`` for the
  words no rule reads), else every customer is a paying client.
* **Values**: numbers as numbers (``Decimal``, what ``pd.read_sql`` gives for NUMERIC, rounded
  once to the nearest double; numpy and pandas' nullable integers and floats), ``None``,
  ``NaN``, ``pd.NA`` and ``NaT`` as blanks, numbers written as text by the whole column's
  evidence; a customer listed twice (by the one name rule) is refused, or its rows added up
  with ``merge_duplicates=True``.
* **Places**: a bad value is named by the frame's row (its position, as ``iloc`` counts) and
  column: ``DataFrame row 3 (customer 4), column 'gross_margin': is text 'n/a', not a number``.

:func:`exercise` is :func:`client_roi.method.exercise` behind this door, with the parameters
also taken as a user types them (``band="20%"``, ``labels="Or;Argent;Bronze"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import method
from ..messages import tr
from ..schema.columns import door_key
from . import options
from .rules import Reading, customer_frame
from .xlsx import InputFileError

#: How the frame is named in messages.
NAME = "DataFrame"


def read_frame(
    frame: pd.DataFrame,
    *,
    merge_duplicates: bool = False,
    columns: Mapping[str, str] | None = None,
    status: Mapping[str, str] | None = None,
    margin_rate: Any = None,
) -> pd.DataFrame:
    """The customers of ``frame`` with our columns by their keys, read by the rules of a
    customer file (see the module's rules).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer; columns by key, header or alias (see the module's rules).
    merge_duplicates : bool
        Add up the rows of a customer listed more than once instead of refusing them.
    columns : mapping of str to str, optional
        Our column (key or name) → the frame's column for it, when its name does not say it.
    status : mapping of str to str, optional
        A status word → its role (``client``, ``prospect``, ``lost``, ``user``).
    margin_rate : float, optional
        The rate a revenue column is multiplied by when the frame has no margin rate column.

    Returns
    -------
    pandas.DataFrame
        The input keys (``customer``, ``should_pay``, ``has_paid``, ``gross_margin``,
        ``expected_margin``, ``acquisition_cost``, ``days_spent``, and ``previous_tier`` and
        ``previous_margin`` when given) as object columns, then the user's own columns.

    Raises
    ------
    InputFileError
        A column or a value that cannot be read right, named by its row and column.

    Examples
    --------
    >>> import decimal
    >>> df = pd.DataFrame({"Name": ["Acme", "Beta"], "Gross margin": [decimal.Decimal("120.50"), 80]})
    >>> read_frame(df)[["customer", "should_pay", "gross_margin"]]
      customer should_pay gross_margin
    0     Acme        yes        120.5
    1     Beta        yes           80
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputFileError(tr("customers must be a pandas DataFrame, not {name}", name=type(frame).__name__))
    said = {(door_key(k, "customers") or k): v for k, v in (columns or {}).items()}
    header = [str(c) for c in frame.columns]
    rows = frame.to_numpy(dtype=object).tolist()
    try:
        reading = Reading(merge_duplicates=merge_duplicates, columns=said, status=status, margin_rate=margin_rate)
        return customer_frame(header, rows, NAME, 0, reading)  # a row is named by its position, as iloc counts
    except InputFileError as exc:
        raise InputFileError(in_python(str(exc))) from None


#: The way out a refusal names, as the command line says it → as Python says it.
_WAYS = (
    (re.compile(r'--column "([^"=]+)=([^"]+)"'), r'columns={"\1": "\2"}'),
    (re.compile(r'--status "([^"=]+)=([^"]+)"'), r'status={"\1": "\2"}'),
    (re.compile(r"--merge-duplicates"), "merge_duplicates=True"),
)


def in_python(message: str) -> str:
    """A refusal's way out in the words of this door: ``columns={…}`` for ``--column``.

    >>> in_python('say which: --column "Gross margin=ITS HEADER"')
    'say which: columns={"Gross margin": "ITS HEADER"}'
    """
    for pattern, words in _WAYS:
        message = pattern.sub(words, message)
    return message


def parameters(given: Mapping[str, Any]) -> dict[str, Any]:
    """The exercise's parameters, text read as on the command line: ``band="20%"`` or
    ``"-0,4;-0,2;0,2;0,4"`` or ``"balanced"``, ``labels="Or;Argent;Bronze"``, ``trim="10 %"``,
    a number as text (``annual_income="24 000"``); anything else as given, for the method to
    check."""
    out = dict(given)
    for name, value in given.items():
        if not isinstance(value, str):
            continue
        try:
            if name == "band":
                out[name] = options.parse_band(value, "band")
            elif name == "labels":
                out[name] = options.parse_labels(value)
            elif name == "prospecting_days" and value.strip().casefold() in options.NO_PLAN:
                out[name] = None
            elif name not in ("currency", "similar_by"):  # text the method reads
                out[name] = options.number(value, name, percent=name in ("trim", "margin_rate"))
        except options.OptionError as exc:
            raise method.ClientRoiError(str(exc), name) from None
    return out


def exercise(
    customers: pd.DataFrame,
    *,
    merge_duplicates: bool = False,
    columns: Mapping[str, str] | None = None,
    status: Mapping[str, str] | None = None,
    **given: Any,
) -> method.Exercise:
    """The exercise for a DataFrame of customers: :func:`read_frame`, then
    :func:`client_roi.method.exercise` with the parameters ``given`` (see :func:`parameters`).

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer (see :func:`read_frame` for the columns, their names and dtypes).
    merge_duplicates : bool
        Add up the numbers of a customer listed twice (else refused), as for :func:`read_frame`.
    columns : mapping of str to str, optional
        Our column (key or name) to the frame's column for it, as ``--column`` says it.
    status : mapping of str to str, optional
        A status word to its role (``{"Free trial": "prospect"}``), as ``--status`` says it.
    **given
        The workbook's parameters: ``band`` (0.2), ``trim`` (0), ``labels`` (A, B, C…),
        ``cac`` (the clients' average), ``annual_income`` (24000), ``margin_rate`` (0.5),
        ``working_days`` (218), ``load_factor`` (1.5), ``prospecting_days`` (None: no plan),
        ``currency`` (shown only); numbers or text as typed.

    Returns
    -------
    client_roi.method.Exercise
        Every result, as pandas objects.

    Raises
    ------
    InputFileError
        A column or a customer's value that cannot be read right, named by row and column.
    ClientRoiError
        A parameter that cannot be right, named.

    Examples
    --------
    >>> df = pd.DataFrame({"customer": ["a", "b", "c"], "gross_margin": [100, 200, 300],
    ...     "acquisition_cost": [50, 400, 100]})
    >>> ex = exercise(df, band="25%", labels="Or;Argent;Bronze")
    >>> ex.customers[["customer", "tier", "roi"]]
      customer    tier  roi
    0        a  Bronze  2.0
    1        b  Argent  0.5
    2        c      Or  3.0
    """
    params = parameters(given)
    read = read_frame(
        customers,
        merge_duplicates=merge_duplicates,
        columns=columns,
        status=status,
        margin_rate=params.get("margin_rate"),
    )
    try:
        return method.exercise(read, **params)
    except method.ClientRoiError as exc:
        where = read.attrs.get("where")
        if where is None or exc.item is None or exc.argument not in read.columns:
            raise
        raise InputFileError(
            tr("{place}: {cause}", place=where(exc.item, exc.argument), cause=exc.cause),
            exc.argument,
            exc.item,
            exc.cause,
        ) from None
