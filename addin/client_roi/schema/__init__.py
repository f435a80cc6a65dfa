"""What the workbook and its doors are, as data: the lowest layer, below the method (the
standard library only). :mod:`.columns`: every column (its key, its names in English and
French, the aliases exports use, its role at each door) and the one rule by which a header,
a DataFrame's column or a ``--column`` names it."""
