"""Build the JSON bodies the xlwings Office.js client posts, and run them through the real
dispatch of xlwings.server (custom_functions_call). No fakes of xlwings or Excel."""

from __future__ import annotations

import asyncio
import json
import math

import xlwings as xw
from xlwings import server

ERROR_TYPES = {
    "#N/A": "NotAvailable",
    "#DIV/0!": "Div0",
    "#VALUE!": "Value",
    "#REF!": "Ref",
    "#NAME?": "Name",
    "#NUM!": "Num",
    "#NULL!": "Null",
}


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


def _json_value(v):
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def book_payload(wb, book_name="book.xlsx") -> dict:
    """The book JSON the xlwings Office.js client sends for an openpyxl workbook: each sheet's
    values from A1 to its used end, its tables, and the workbook-level names."""
    from openpyxl.utils.cell import range_boundaries

    sheets = []
    for ws in wb.worksheets:
        values = [
            [_json_value(v) for v in row]
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=1, max_col=ws.max_column, values_only=True)
        ]
        tables = []
        for table in ws.tables.values():
            left, top, right, bottom = range_boundaries(table.ref)
            head = f"{_col(left)}{top}:{_col(right)}{top}"
            body = f"{_col(left)}{top + 1}:{_col(right)}{bottom}" if bottom > top else None
            tables.append(
                {
                    "name": table.displayName,
                    "range_address": table.ref,
                    "header_row_range_address": head,
                    "data_body_range_address": body,
                    "total_row_range_address": None,
                    "show_headers": True,
                    "show_totals": False,
                    "table_style": "TableStyleMedium2",
                    "show_autofilter": True,
                }
            )
        sheets.append({"name": ws.title, "values": values, "pictures": [], "tables": tables})
    titles = [ws.title for ws in wb.worksheets]
    names = []
    for name, defined in wb.defined_names.items():
        sheet, ref = next(iter(defined.destinations))
        names.append(
            {
                "name": name,
                "sheet_index": titles.index(sheet),
                "address": ref.replace("$", ""),
                "scope_sheet_name": None,
                "scope_sheet_index": None,
                "book_scope": True,
            }
        )
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": book_name, "active_sheet_index": 0, "selection": "A1"},
        "names": names,
        "sheets": sheets,
    }


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def run_script(module, name: str, payload: dict) -> list[dict]:
    """Run a custom script on the book the payload describes; return the actions for Excel."""
    book = xw.Book(json=json.loads(json.dumps(payload)))
    asyncio.run(server.custom_scripts_call(module, name, typehint_to_value={xw.Book: book}))
    return book.json()["actions"]
