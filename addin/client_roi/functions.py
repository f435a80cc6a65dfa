"""The Excel functions under the module name that add-ins and servers are configured with
(``UDF Modules = client_roi.functions``); they live in :mod:`client_roi.excel.functions`."""

from .excel.functions import *  # noqa: F403
from .excel.functions import __all__  # noqa: F401
