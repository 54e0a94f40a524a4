"""Drawing a random sample of files that anyone can draw again from its seed.

Pure Python: given the population's primary keys, a size, a seed and optionally each
person's stratum, the same inputs always give the same sample. The population is put in
primary-key order first, so the order a query returns rows in cannot change the draw.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from secrets import randbelow

SEED_LIMIT = 1_000_000  # six digits: short enough to read out and type in again


def new_seed() -> int:
    return randbelow(SEED_LIMIT)


def proportional_quotas(size: int, counts: Mapping[str, int]) -> dict[str, int]:
    """Share ``size`` between strata in proportion to their counts (largest remainder method).

    Each stratum first gets the whole part of its share; the places left over go to the
    strata with the largest fractional parts, ties to the stratum that sorts first, so the
    answer never depends on dictionary order.
    """
    total = sum(counts.values())
    if total == 0 or size <= 0:
        return {key: 0 for key in counts}
    size = min(size, total)
    exact = {key: size * n / total for key, n in counts.items()}
    quotas = {key: int(share) for key, share in exact.items()}
    left = size - sum(quotas.values())
    by_remainder = sorted(counts, key=lambda key: (-(exact[key] - quotas[key]), key))
    for key in by_remainder[:left]:
        quotas[key] += 1
    return quotas


def draw_sample(
    population: Sequence[int], size: int, seed: int, strata: Mapping[int, str] | None = None
) -> list[int]:
    """``size`` primary keys from ``population`` (all of it if smaller), in primary-key order.

    With ``strata`` (primary key -> stratum), each stratum gives its proportional share and
    the strata are drawn from in sorted order with one generator, so a stratified draw is
    reproducible too.
    """
    ordered = sorted(set(population))
    rng = random.Random(seed)
    size = max(0, min(size, len(ordered)))
    if not strata:
        return sorted(rng.sample(ordered, size))
    groups: dict[str, list[int]] = defaultdict(list)
    for pk in ordered:
        groups[strata.get(pk, "")].append(pk)
    quotas = proportional_quotas(size, {key: len(members) for key, members in groups.items()})
    chosen: list[int] = []
    for key in sorted(groups):
        chosen.extend(rng.sample(groups[key], quotas[key]))
    return sorted(chosen)
