"""The real components the suite runs against, required: a test that needs one that is missing
fails, whatever the environment (CI or not). A developer without one opts out by its name,
``CLIENT_ROI_WITHOUT_LIBREOFFICE=1`` and so on; its tests are then skipped, and the run's last
line says what it ran without (conftest.py). Any other skip fails the run (issue 36)."""

from __future__ import annotations

import os

import pytest

#: Each component: what it is, and what installs it.
COMPONENTS = {
    "libreoffice": "LibreOffice Calc (make test installs it: scripts/install-system-deps.sh)",
    "pyodide": "Node.js and Pyodide (make test installs Node and fetches Pyodide)",
    "postgresql": "PostgreSQL (make test installs Debian's postgresql)",
    "java": "Java 17 (make test-spark installs Debian's openjdk-17-jre-headless)",
    "carlito": "the Carlito font (fonts-crosextra-carlito: scripts/install-system-deps.sh)",
    "dataset": "the CDNow dataset (scripts/fetch_test_assets.py; make test runs it)",
}
#: What a skip of an opted-out component's test says first (conftest.py counts them).
WITHOUT = "[without {}]"


def variable(component: str) -> str:
    return f"CLIENT_ROI_WITHOUT_{component.upper()}"


def opted_out(component: str) -> bool:
    return os.environ.get(variable(component), "") not in ("", "0")


def require(component: str, missing: str) -> None:
    """``missing`` (why the component cannot be used) fails the test, unless the developer opted
    out of ``component``: then the test is skipped, saying so."""
    assert component in COMPONENTS, component
    if opted_out(component):
        pytest.skip(f"{WITHOUT.format(component)} {missing}")
    pytest.fail(f"{missing}: {COMPONENTS[component]} is required; to run without it, set {variable(component)}=1")
