import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from libreoffice import soffice


@pytest.fixture
def need_libreoffice():
    """LibreOffice tests run in CI (which installs it); elsewhere they skip, saying why."""
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (make test installs it)")
        pytest.skip("LibreOffice not installed")
