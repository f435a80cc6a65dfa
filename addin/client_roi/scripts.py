"""The refresh script under the module name xlwings Server is configured with; it lives in
:mod:`client_roi.excel.scripts`."""

from .excel.scripts import *  # noqa: F403
from .excel.scripts import __all__  # noqa: F401
