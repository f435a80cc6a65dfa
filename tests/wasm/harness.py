"""Inside Pyodide: load main.py the way xlwings Lite's runtime does and answer the test's calls.

Mirrors xlwings-server's ``wasm_runtime.py`` (the code Lite runs): ``XLWINGS_ON_SERVER`` is set
before xlwings is imported, main.py is exec'd as the module ``main``, and every call goes
through ``xlwings.server``'s ``custom_functions_meta``/``custom_functions_call`` and, for scripts,
``xw.Book(json=payload)`` + ``custom_scripts_call``. Returns one JSON document.
"""

import os

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import importlib.util
import json
import sys

import numpy
import pandas
import xlwings as xw
import xlwings.server


def create_module_from_string(module_string, module_name):
    spec = importlib.util.spec_from_loader(module_name, loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(module_string, module.__dict__)
    sys.modules[module_name] = module
    return module


async def _answer(request):
    main = create_module_from_string(request["main"], "main")
    out = {
        "versions": {
            "python": sys.version.split()[0],
            "platform": sys.platform,
            "numpy": numpy.__version__,
            "pandas": pandas.__version__,
            "xlwings": xw.__version__,
        },
        "meta": xlwings.server.custom_functions_meta(main),
        "calls": [],
        "scripts": [],
    }
    for data in request["calls"]:
        try:
            out["calls"].append(await xlwings.server.custom_functions_call(data, main))
        except Exception as exc:
            out["calls"].append(f"{type(exc).__name__}: {exc}")
    for payload in request["scripts"]:
        book = xw.Book(json=payload)
        try:
            await xlwings.server.custom_scripts_call(main, "refresh", typehint_to_value={xw.Book: book})
            out["scripts"].append(book.json()["actions"])
        except Exception as exc:
            out["scripts"].append(f"{type(exc).__name__}: {exc}")
    return json.dumps(out)


if __name__ == "__main__" and sys.platform != "emscripten":  # the same answers from CPython
    import asyncio

    with open(sys.argv[1], encoding="utf-8") as f:
        print(asyncio.run(_answer(json.load(f))))
