"""Arguments and blanks: what every function of the method accepts, and how it refuses.

Value-like arguments accept a number, a (nested) list, a numpy array or a pandas Series; the
result keeps the input's shape. Blanks (``None``, ``NaN``, empty or all-space text) are
ignored in populations and give a blank result element by element; blank optional arguments
mean their default. Anything else that is not a number (text, booleans, Excel error values,
infinities) raises :class:`ClientRoiError`, whose message names the argument, the 1-based
item and the value, and whose ``argument`` and ``item`` let a caller holding the cells name
the cell. No value is ever guessed; a result that overflows the double range is refused.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from ..schema.errors import ClientRoiError as ClientRoiError  # the one error of every door, re-exported
from ..schema.parameters import interval, parameter

#: The element-level marker :func:`roi` returns where the acquisition cost is zero. It is the
#: text of Excel's error value, which the Excel layer turns into a real ``#DIV/0!``.
DIV0 = "#DIV/0!"


EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


def _item_error(name: str, i: int, shape: tuple[int, ...], cause: str) -> ClientRoiError:
    return ClientRoiError(
        tr("{name} item {position} {cause}", name=name, position=_position(i, shape), cause=cause),
        argument=name,
        item=i,
        cause=cause,
    )


def describe(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)):
        return tr("a boolean ({value})", value=tr("TRUE") if value else tr("FALSE"))  # as Excel shows it
    if isinstance(value, str):
        text = value.strip()
        if text.upper() in EXCEL_ERRORS:
            return tr("the error value {upper}", upper=text.upper())
        shown = value if len(value) <= 40 else value[:37] + "..."
        return tr("text {shown!r}", shown=shown)
    if isinstance(value, (float, np.floating)) and math.isinf(value):
        return tr("infinite ({value})", value=value)
    return f"{type(value).__name__} {value!r}"


def is_blank(value: Any) -> bool:
    """The module's blank: None, NaN, or empty/all-space text."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return value is pd.NA or value is pd.NaT


def _position(index: int, shape: tuple[int, ...]) -> str:
    """'3' for 1-D input; '5 (row 3, column 1)' for a 2-D range: the item's number."""
    if len(shape) == 2 and shape[1] > 1:
        row, col = divmod(index, shape[1])
        return tr("{index} (row {row}, column {col})", index=index + 1, row=row + 1, col=col + 1)
    return f"{index + 1}"


def _as_array(values: Any) -> np.ndarray:
    if isinstance(values, (pd.Series, pd.Index)):
        values = values.to_numpy(dtype=object) if values.dtype == object else values.to_numpy()
    elif isinstance(values, pd.DataFrame):
        values = values.to_numpy()
    if isinstance(values, np.ndarray):
        return values
    if isinstance(values, (list, tuple)):
        # object dtype: numpy would silently turn True into 1 and '1.5' into a number
        return np.array(values, dtype=object)
    arr = np.empty((), dtype=object)
    arr[()] = values
    return arr


_PLAIN_NUMBER_TYPES = {int, float, type(None)}


def numbers(values: Any, name: str) -> np.ndarray:
    """``values`` as a flat float64 array, NaN for blanks; anything else raises, naming
    ``name`` and the item (see the module's conventions).

    >>> numbers([1, None, 2.5], "gain")
    array([1. , nan, 2.5])
    """
    return _numbers(values, name)[0]


#: The largest magnitude of a number given to the method: 10**15, where Excel's 15 significant
#: digits stop holding every unit. Every sum, product and square the method makes of a million
#: such numbers stays far inside the double range, so that no result, and no cell written from
#: one, is ever infinite: a number beyond it is refused by its item, the input that would cause it.
MAX_MAGNITUDE = 1e15


def _too_big(value: Any) -> str:
    return (
        tr("is {value}", value=describe(value))
        if math.isinf(value)
        else tr("is {value:g}, beyond ±1e15 (Excel's 15 digits)", value=value)
    )


def _finite(out: np.ndarray, name: str, shape: tuple[int, ...]) -> tuple[np.ndarray, bool]:
    """``out`` if every item is within ±:data:`MAX_MAGNITUDE` (else raise), and whether it has
    no blank (NaN) either."""
    # the common case in two reductions and no temporary array (a NaN makes both NaN: then the
    # item-by-item look below, which tells a blank from a number out of range)
    if out.size == 0 or (out.min() >= -MAX_MAGNITUDE and out.max() <= MAX_MAGNITUDE):
        return out, True
    with np.errstate(invalid="ignore"):
        within = np.abs(out) <= MAX_MAGNITUDE
    bad = ~within & ~np.isnan(out)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _item_error(name, i, shape, _too_big(out[i]))
    return out, False


def _numbers(values: Any, name: str) -> tuple[np.ndarray, tuple[int, ...]]:
    """Flat float64 array of ``values`` (NaN = blank) and the input's shape.

    Raises ClientRoiError naming ``name`` and the item for any non-blank that is not a finite
    real number.
    """
    return _read(values, name)[:2]


def _read(values: Any, name: str) -> tuple[np.ndarray, tuple[int, ...], bool]:
    """:func:`_numbers`, and whether there is no blank (known for free on the fast paths)."""
    arr = _as_array(values)
    shape = arr.shape
    flat = arr.reshape(-1)
    if flat.dtype.kind in "fiu":
        out, full = _finite(flat.astype(np.float64, copy=False), name, shape)
        return out, shape, full
    items = flat.tolist()
    if set(map(type, items)) <= _PLAIN_NUMBER_TYPES:  # Excel ranges: one C-speed pass
        out, full = _finite(np.array(items, dtype=np.float64), name, shape)  # None -> NaN
        return out, shape, full
    out = np.empty(flat.size, dtype=np.float64)
    for i, v in enumerate(items):
        if isinstance(v, Real) and not isinstance(v, bool):
            f = float(v)
            if abs(f) > MAX_MAGNITUDE:  # NaN, a blank, is not
                raise _item_error(name, i, shape, _too_big(f))
            out[i] = f
        elif is_blank(v):
            out[i] = np.nan
        else:
            raise _item_error(name, i, shape, tr("is {value}", value=describe(v)))
    return out, shape, False


def _shaped(flat: np.ndarray, shape: tuple[int, ...], like: Any) -> Any:
    """Give ``flat`` the shape and container type of the original argument ``like``."""
    if shape == ():
        item = flat[0]
        return item.item() if isinstance(item, np.generic) else item
    if isinstance(like, pd.Series):
        return pd.Series(flat, index=like.index, name=like.name)
    return flat.reshape(shape)


def _population(population: Any, name: str = "population") -> np.ndarray:
    gains, _, full = _read(population, name)
    if not full:
        gains = gains[~np.isnan(gains)]
    if gains.size == 0:
        raise ClientRoiError(tr("{name} has no numbers (only blanks)", name=name))
    return gains


def _scalar(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = True,
    high_open: bool = False,
) -> float:
    """A parameter that must be one finite number within bounds (open or closed)."""
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)) and np.size(value) == 1:
        value = np.asarray(value, dtype=object).reshape(-1)[0]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise ClientRoiError(
            tr("{name} must be a number, got {value}", name=name, value=describe(value)), argument=name
        )
    x = float(value)
    if not math.isfinite(x):
        raise ClientRoiError(tr("{name} must be a finite number, got {x}", name=name, x=x), argument=name)
    lo = "(" if low_open else "["
    hi = ")" if high_open else "]"
    rng = f"{lo}{'-inf' if low is None else _g(low)}, {'inf' if high is None else _g(high)}{hi}"
    if low is not None and (x < low or (low_open and x == low)):
        raise ClientRoiError(tr("{name} must be in {rng}, got {x:g}", name=name, rng=rng, x=x), argument=name)
    if high is not None and (x > high or (high_open and x == high)):
        raise ClientRoiError(tr("{name} must be in {rng}, got {x:g}", name=name, rng=rng, x=x), argument=name)
    return x


def parameter_number(value: Any, name: str) -> float:
    """The parameter ``name`` (``trim``, ``annual_income``…) as one finite number that its
    schema's constraint (:class:`~client_roi.schema.parameters.Interval`) holds; a blank is
    its schema default, or refused for a parameter the schema says is required. The one check
    of a parameter for the method, the functions and the command line's options alike; the
    template's data validation says the same rule.

    >>> parameter_number(None, "working_days"), parameter_number(0.25, "trim")
    (218.0, 0.25)
    """
    p, rule = parameter(name), interval(name)
    if p.required and _default(value, None) is None:
        raise ClientRoiError(tr("{name} is blank: give a number", name=name), argument=name)
    x = _scalar(_default(value, p.default[0]), name)
    if not rule.holds(x):
        raise ClientRoiError(tr("{name} must be in {rng}, got {x:g}", name=name, rng=rule.text(), x=x), argument=name)
    return x


def _g(x: float) -> str:
    return f"{x:g}"


def _finite_result(x: Any, what: str) -> Any:
    """``x`` (a number or an array) if every element is finite, else ClientRoiError."""
    if not np.all(np.isfinite(x) | np.isnan(x)):
        raise ClientRoiError(
            tr("{what} overflows (beyond ±{max:.3g}); check the magnitudes", what=what, max=np.finfo(float).max)
        )
    return x


def _default(value: Any, default: Any) -> Any:
    """``default`` for a blank argument: None, a blank cell, or a range of blanks."""
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        flat = _as_array(value).reshape(-1).tolist()
        return default if all(is_blank(v) for v in flat) else value
    return default if is_blank(value) else value


def blank_nan(x: np.ndarray) -> np.ndarray:
    """Float results keep NaN for blanks unless some are blank: then None, as an object array."""
    if np.isnan(x).any():
        obj = x.astype(object)
        obj[np.isnan(x)] = None
        return obj
    return x
