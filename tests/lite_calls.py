"""Calls answered by both the package and the Lite bundle (imported without the package)."""

import json

from officejs import call_raw, matrix

LITE_CALLS = [
    ("tier", [matrix([130, 100, None, 10]), matrix([100, 100]), None, None, None]),
    ("tier", [matrix(36), matrix([10, 20, 30, 40, 1000]), None, [[0.4]], None]),
    ("tier_bands", [matrix([200, 120, 100, 90, 60, 30]), [[-0.3, 0.1]], None, [["Hi", "Mid", "Lo"]]]),
    ("balanced_band", [matrix([10, 20, 30, 40, 100]), [[4]], None]),
    ("band_sweep", [matrix([10, 20, 30, 40, 100, 55, 61]), None, None]),
    ("band_sweep", [matrix([10, 20, 30, 40, 100]), [[0.1, 0.3, ""]], [[0.2]]]),
    ("cac_by_tier", [matrix([500, 1500]), None, None]),
    ("prospect_effort", [matrix([130, 100, 10]), matrix([100, 100]), [[1000]], None, None]),
    ("effort_days", [matrix([1000, None]), [[24000]], None, None, None]),
    ("client_role", [matrix(["yes", "no", "o"]), matrix(["yes", "", "n"])]),
    ("client_roi", [matrix([300, 10]), matrix([100, 0])]),
    ("concentration", [matrix([50, 30, 20]), [[2]]]),
    ("hhi", [matrix([50, 30, 20])]),
    ("tier_mobility", [matrix(["A", "A", "B", None, "C"]), matrix(["A", None, "A", "B", "C"]), None, None]),
    (
        "prospect_potential",
        [
            [["Pharmacie", 12], ["Garage", 3], ["Boulangerie", 7]],
            [[s, e] for s, e in zip(["Pharmacie", "Garage"] * 15, range(30), strict=True)],
            matrix([9000 + 37 * i if i % 2 == 0 else 2500 + 11 * i for i in range(30)]),
        ],
    ),
    ("tier", [matrix(100), matrix([1, "abc"]), None, None, None]),  # an error
]


def answers(module):
    out = []
    for name, args in LITE_CALLS:
        try:
            out.append(call_raw(module, name, args))
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")
    return json.loads(json.dumps(out))
