"""Generate addin/client_roi/data/sample_customers.csv (run once; the output is committed).

A realistic small-firm export: ~200 rows of clients (paying), prospects (should pay, have not)
and users (do not pay); gains log-normal with a few extreme accounts, some loss-making clients,
and blanks where a real export has them. Deterministic: same seed, same file.

    python scripts/make_sample_customers.py
"""

from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "addin" / "client_roi" / "data" / "sample_customers.csv"

PREFIXES = [
    "Atelier",
    "Boulangerie",
    "Cabinet",
    "Studio",
    "Garage",
    "Maison",
    "Ferme",
    "Pharmacie",
    "Agence",
    "Librairie",
    "Clinique",
    "Hôtel",
    "Brasserie",
    "Menuiserie",
]
NAMES = [
    "Dupont",
    "Martin",
    "Leroy",
    "Moreau",
    "Lefèvre",
    "Garnier",
    "Rousseau",
    "Blanc",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Marchand",
    "Duval",
    "Perrin",
    "Morel",
]


def build(seed: int = 2026) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_clients, n_prospects, n_users = 124, 48, 28
    names = [f"{p} {n}" for p in PREFIXES for n in NAMES]
    rng.shuffle(names)
    rows = []
    for i in range(n_clients):
        margin = round(float(rng.lognormal(mean=8.3, sigma=0.55)))
        cost = round(float(rng.lognormal(mean=7.0, sigma=0.5)))
        rows.append([names[i], "yes", "yes", margin, None, cost])
    # A few extreme accounts: the dependence risk the concentration block measures.
    rows[0][3], rows[1][3], rows[2][3] = 48_500, 31_200, 22_800
    # Loss-making clients: negative margin, or a margin below what they cost to win.
    rows[3][3], rows[4][3] = -850, -120
    rows[5][3], rows[5][5] = 900, 2_400
    rows[6][3], rows[6][5] = 1_300, 3_100
    for i in rng.choice(np.arange(10, n_clients), size=9, replace=False):
        rows[i][5] = None  # acquisition cost not recorded
    for j in range(n_prospects):
        expected = round(float(rng.lognormal(mean=8.2, sigma=0.7)))
        rows.append(
            [names[n_clients + j], "Oui" if j % 5 == 0 else "yes", "no", None, expected if j % 9 else None, None]
        )
    for j in range(n_users):
        rows.append([names[n_clients + n_prospects + j], "no", "", None, None, None])
    order = rng.permutation(len(rows))
    frame = pd.DataFrame(
        [rows[i] for i in order],
        columns=["Customer", "Should pay", "Has paid", "Gross margin", "Expected margin", "Acquisition cost"],
    )
    # Days already spent on some prospects (a stream of its own: the columns above stay as they were),
    # a few of them beyond their budget.
    days = np.random.default_rng(seed + 1)
    prospects = frame.index[(frame["Has paid"] == "no") & frame["Expected margin"].notna()]
    spent = [round(float(days.uniform(0.5, 7.0)), 1) if days.random() < 0.6 else None for _ in prospects]
    frame["Days spent"] = pd.Series(spent, index=prospects, dtype="Float64")
    return frame.astype({"Gross margin": "Int64", "Expected margin": "Int64", "Acquisition cost": "Int64"})


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().to_csv(OUT, index=False, lineterminator="\n")
    print(f"wrote {OUT}")
