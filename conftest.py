"""Root conftest: runs before any test or doctest module imports xlwings.

xlwings.server's Office.js dispatch runs on Linux only in server mode. The noncommercial key
is valid for this open-source project (PolyForm Noncommercial); both must be set before
xlwings is first imported.
"""

import os

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
