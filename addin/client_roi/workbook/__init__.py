"""What goes out as a workbook: what it holds and what it is called (:mod:`.layout`), the
exercise's results as rows in the user's words (:mod:`.blocks`), the refresh pipeline
(:mod:`.refresh`: read → :func:`client_roi.method.exercise` → write), the template
(:mod:`.template`) and the adapters the pipeline writes through: :mod:`.zipbook` (files, with
:mod:`.sheet_patch` and :mod:`.recalc`), :mod:`.openpyxl_book` and :mod:`.xw_book`."""
