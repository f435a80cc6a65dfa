import os
import sys
from pathlib import Path

# xlwings.server's Office.js dispatch runs on Linux only in server mode. The noncommercial key
# is valid for this open-source project (PolyForm Noncommercial); both must be set before
# xlwings is first imported.
os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

from libreoffice import soffice  # noqa: E402


@pytest.fixture
def need_libreoffice():
    """LibreOffice tests run in CI (which installs it); elsewhere they skip, saying why."""
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (make test installs it)")
        pytest.skip("LibreOffice not installed")
