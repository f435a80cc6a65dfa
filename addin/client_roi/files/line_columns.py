"""The columns of invoice lines: which of a file's headers is which of our columns (by name, in
English or French, any case, accents or units; ``--column`` says any other), the refusal of a
file that lacks one (naming it in the file's language, with the ``--column`` way out), and what
the summary says was used and left."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import method
from ..messages import language, tr
from ..method.lines import AMOUNT, MARGIN
from ..schema.columns import LINE_COLUMNS, LINE_KEYS, door_key, normalize, says_percent
from .xlsx import InputFileError


def _header(key: str, lang: str = "en") -> str:
    return next(c.name(lang) for c in LINE_COLUMNS if c.key == key)


def _keys(header: list[Any], columns: Mapping[str, str]) -> dict[str, int]:
    """Our keys → positions in ``header`` (``columns``: --column mappings, said first)."""
    mapped = {normalize(text): key for key, text in columns.items()}
    keys: dict[str, int] = {}
    for i, h in enumerate(header):
        key = mapped.get(normalize(h))
        if key is None:
            key = LINE_KEYS.get(normalize(h))
            if key in mapped.values() or (key in (MARGIN, AMOUNT) and says_percent(h)):
                continue  # said otherwise; or a percent, which is never money (Marge %)
        if key is None or key in keys:
            continue
        keys[key] = i
    return keys


def _names_lines(row: list[Any], columns: Mapping[str, str]) -> bool:
    keys = _keys(row, columns)
    return ("customer" in keys or "customer_id" in keys) and "date" in keys and ("margin" in keys or "amount" in keys)


def _check_keys(name: str, header: list[Any], columns: Mapping[str, str]) -> dict[str, int]:
    for wanted, text in columns.items():
        if wanted not in {c.key for c in LINE_COLUMNS}:
            raise InputFileError(
                tr(
                    "--column: '{wanted}' is not a column of invoice lines ({value})",
                    wanted=wanted,
                    value=", ".join(c.name(language()) for c in LINE_COLUMNS),
                )
            )
        if normalize(text) not in {normalize(h) for h in header}:
            raise InputFileError(
                tr(
                    "{name}: has no column '{text}' for '{wanted}' (found: {header})",
                    name=name,
                    text=text,
                    wanted=_header(wanted),
                    header=_found(header),
                )
            )
        if wanted in (MARGIN, AMOUNT) and says_percent(text):
            raise InputFileError(
                tr("{name}: column '{text}' holds percents, and a percent is never money", name=name, text=text)
            )
    keys = _keys(header, columns)
    if "customer_id" in keys and "customer" not in keys:  # a code alone: the code is the customer
        keys["customer"] = keys.pop("customer_id")
    missing = [k for k in ("customer", "date") if k not in keys]
    if "margin" not in keys and "amount" not in keys:
        missing.append("margin")
    if missing:
        fr = sum(normalize(h) in {normalize(c.fr) for c in LINE_COLUMNS} for h in header) > sum(
            normalize(h) in {normalize(c.en) for c in LINE_COLUMNS} for h in header
        )
        names = [_header(k, "fr" if fr else "en") for k in missing]
        amount = _header("amount", "fr" if fr else "en")
        quoted = [f"'{n}'" for n in names]
        if "margin" in missing:
            quoted[-1] = tr("'{margin}' or '{amount}'", margin=names[-1], amount=amount)
        what = ", ".join(quoted)
        raise InputFileError(
            tr(
                (
                    "{name}: no column for {what} (found: {header}); if one of them is it, say "
                    'which: --column "{names}=ITS HEADER"'
                ),
                name=name,
                what=what,
                header=_found(header),
                names=names[0],
            )
        )
    return keys


def _found(header: list[Any]) -> str:
    return ", ".join(str(h) for h in header if not method.is_blank(h)) or tr("nothing")


def _column_map(columns: Mapping[str, str] | None) -> dict[str, str]:
    """--column mappings, keyed by our line keys (``Gross margin=…`` → ``margin``)."""
    out: dict[str, str] = {}
    for ours, theirs in (columns or {}).items():
        out[door_key(ours, "lines") or ours] = theirs  # an unknown one is refused with the file's header
    return out


def _used(header: list[Any], keys: dict[str, int], kind: str) -> dict[str, str]:
    return {k: str(header[keys[k]]) for k in ("customer", "customer_id", "date", kind) if k in keys}


def _unused(header: list[Any], keys: dict[str, int], kind: str) -> list[str]:
    used = {keys[k] for k in ("customer", "customer_id", "date", kind, "invoice") if k in keys}
    return [str(h) for i, h in enumerate(header) if i not in used and not method.is_blank(h)]
