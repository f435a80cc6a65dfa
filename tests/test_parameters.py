"""Issue 34: a parameter's constraint is one rule, in the schema, that the method checks, the
command line's options apply and the template's Excel data validation says; its defaults are
the method's signature's. Each boundary is tried at every door, and the template's validations
are computed by LibreOffice, not read back as strings."""

from __future__ import annotations

import inspect
from pathlib import Path

import openpyxl
import pytest

import client_roi.method as method
from client_roi import cli, messages
from client_roi.schema.parameters import DEFAULTS, PARAMETERS, Interval, Text, parameter

TEMPLATES = Path(__file__).parents[1] / "workbook_templates"
NUMBERS = [p for p in PARAMETERS if isinstance(p.constraint, Interval) and p.name != "band"]


def _edges(rule: Interval) -> list[float]:
    """Each bound, and a hair either side of it; a value well inside."""
    out = [1e6 if rule.high is None else (rule.high + (rule.low or 0)) / 2]
    for bound in (rule.low, rule.high):
        if bound is not None:
            out += [bound, bound - 1e-9, bound + 1e-9]
    return out


CASES = [(p.name, x) for p in NUMBERS for x in _edges(p.constraint)]  # type: ignore[arg-type]


def test_every_rule_by_hand():
    """The rules themselves, written out (so a changed bound is a decision, not a slip)."""
    said = {p.name: p.constraint.text() for p in NUMBERS}  # type: ignore[union-attr]
    assert said == {
        "trim": "[0, 1)",
        "cac": "[0, inf)",
        "annual_income": "(0, inf)",
        "margin_rate": "(0, 1]",
        "working_days": "(0, 366]",
        "load_factor": "(0, inf)",
        "prospecting_days": "[0.1, inf)",
    }
    assert parameter("labels").constraint == Text(20)
    assert parameter("band").constraint == Interval(-1, None, "neither")


@pytest.mark.parametrize("name, x", CASES)
def test_the_method_holds_each_parameter_to_its_constraint(name, x):
    rule = parameter(name).constraint
    assert isinstance(rule, Interval)
    if rule.holds(x):
        assert method.parameter_number(x, name) == x
    else:
        with pytest.raises(method.ClientRoiError, match=rf"^{name} must be in "):
            method.parameter_number(x, name)


@pytest.mark.parametrize("name, x", CASES)
def test_the_command_line_holds_each_option_to_the_same_constraint(name, x, tmp_path, capsys):
    """``client-roi demo --OPTION X``: accepted exactly where the method accepts X."""
    out = tmp_path / "demo.xlsx"
    code = cli.main(["demo", f"--{name.replace('_', '-')}={x!r}", "-o", str(out)])
    err = capsys.readouterr().err
    held = parameter(name).constraint.holds(x)  # type: ignore[union-attr]
    assert (code == 0) == held, err
    if not held:
        assert f"--{name.replace('_', '-')}: {name} must be in " in err and out.exists() is False


def test_a_blank_is_the_schema_default_except_where_required():
    assert method.parameter_number(None, "working_days") == DEFAULTS["working_days"] == 218
    assert method.parameter_number("", "margin_rate") == 0.5
    with pytest.raises(method.ClientRoiError, match="annual_income is blank: give a number"):
        method.parameter_number(None, "annual_income")


def test_the_methods_defaults_are_the_schemas():
    """exercise() and effort_days() take their defaults from the schema, not literals of their own."""
    signature = inspect.signature(method.exercise).parameters
    for name in ("band", "trim", "annual_income", "margin_rate", "working_days", "load_factor"):
        assert signature[name].default == DEFAULTS[name], name
    effort = inspect.signature(method.effort_days).parameters
    assert [effort[n].default for n in ("margin_rate", "working_days", "load_factor")] == [0.5, 218, 1.5]


def test_labels_hold_to_the_same_length_as_the_template_validates():
    method.bands(band=0.2, labels=["x" * 20, "B", "C"], reference=1.0)
    with pytest.raises(method.ClientRoiError, match=r"labels item 1 .* is over 20 characters"):
        method.bands(band=0.2, labels=["x" * 21, "B", "C"], reference=1.0)


def test_band_offsets_hold_to_the_constraint():
    method.bands(band=[-0.999, 0.5], reference=1.0)
    with pytest.raises(method.ClientRoiError, match="band item 1 is -1; offsets must be > -1"):
        method.bands(band=[-1, 0.5], reference=1.0)


def _as_formula(validation: tuple, cell: str) -> str:
    """An Excel data validation as the formula that is TRUE where it lets a value in."""
    kind, op, f1, f2 = validation
    if kind == "custom":
        return f"={f1}"
    assert kind == "decimal"
    test = {
        "between": f"AND({cell}>={f1},{cell}<={f2})",
        "greaterThan": f"{cell}>{f1}",
        "greaterThanOrEqual": f"{cell}>={f1}",
    }[op]
    return f"=AND(ISNUMBER({cell}),{test})"


def test_the_templates_validations_let_in_what_the_method_does(tmp_path, need_libreoffice):
    """Each number parameter's cell in both templates carries the validation derived from its
    constraint; that validation, computed by LibreOffice at each edge, is TRUE exactly where the
    method accepts the value."""
    from libreoffice import recalculated

    for lang, name in (("en", "three_tier_exercise.xlsx"), ("fr", "three_tier_exercise.fr.xlsx")):
        book = openpyxl.load_workbook(TEMPLATES / name)
        ws = book["Parameters" if lang == "en" else "Paramètres"]
        for p in NUMBERS:
            _, ref = next(iter(book.defined_names[p.name].destinations))
            cell = ref.replace("$", "")
            dv = next(v for v in ws.data_validations.dataValidation if cell in v.sqref)
            assert (dv.type, dv.operator, dv.formula1, dv.formula2) == p.constraint.validation(cell), p.name  # type: ignore[union-attr]
            assert dv.error == messages.tr(p.invalid, lang) and dv.allow_blank

    wb = openpyxl.Workbook()
    ws = wb.active
    for row, (name, x) in enumerate(CASES, start=1):
        ws.cell(row, 1, x)
        ws.cell(row, 2, _as_formula(parameter(name).constraint.validation(f"A{row}"), f"A{row}"))  # type: ignore[union-attr]
    wb.save(tmp_path / "edges.xlsx")
    computed = openpyxl.load_workbook(recalculated(tmp_path / "edges.xlsx", tmp_path), data_only=True).active
    for row, (name, x) in enumerate(CASES, start=1):
        held = parameter(name).constraint.holds(x)  # type: ignore[union-attr]
        assert computed.cell(row, 2).value is held, (name, x)
