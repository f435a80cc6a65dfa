"""Build the JSON bodies the xlwings Office.js client posts, and run them through the real
dispatch of xlwings.server (custom_functions_call). No fakes of xlwings or Excel."""

from __future__ import annotations

import asyncio
import json
import math

import xlwings as xw
from xlwings import server

ERROR_TYPES = {"#N/A": "NotAvailable", "#DIV/0!": "Div0", "#VALUE!": "Value", "#REF!": "Ref",
               "#NAME?": "Name", "#NUM!": "Num", "#NULL!": "Null"}


def cell(value, blank=""):
    """One cell as Office.js sends it: errors as Error objects, empty cells as '' (or null)."""
    if value is None:
        return blank
    if isinstance(value, str) and value in ERROR_TYPES:
        return {"type": "Error", "basicValue": value, "errorType": ERROR_TYPES[value]}
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("Excel cells cannot hold NaN or infinity")
    return value


def matrix(arg, blank=""):
    """A Python argument as the 2-D matrix Excel sends: a scalar is [[x]], a list a column."""
    if arg is None:
        return None  # omitted optional argument
    if hasattr(arg, "tolist"):
        arg = arg.tolist()
    if not isinstance(arg, (list, tuple)):
        return [[cell(arg, blank)]]
    if arg and isinstance(arg[0], (list, tuple)):
        return [[cell(v, blank) for v in row] for row in arg]
    return [[cell(v, blank)] for v in arg]


def body(func_name: str, args: list, caller="Sheet1!B2") -> dict:
    return {
        "func_name": func_name,
        "args": args,
        "caller_address": caller,
        "formula_name": func_name.upper(),
        "culture_info_name": "en-US",
        "date_format": "M/d/yyyy",
        "version": xw.__version__,
        "runtime": "1.4",
        "client": "Office.js",
    }


def call(module, func_name: str, *args, blank="") -> object:
    data = json.loads(json.dumps(body(func_name, [matrix(a, blank) for a in args])))
    return asyncio.run(server.custom_functions_call(data, module))


def call_raw(module, func_name: str, raw_args: list) -> object:
    return asyncio.run(server.custom_functions_call(body(func_name, raw_args), module))
