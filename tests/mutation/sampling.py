"""The statistics of a sampled mutation run: which mutants to run, and how sure the score is.

A full run of every module costs thousands of oracle runs, so ``run.py --sample N --seed S`` runs N mutants
drawn at random in each module (a stratified sample: every module is a stratum). Drawing must be
reproducible from the seed alone, whatever order cosmic-ray stores its work items in (its job ids are
random), so the mutants are put in a stable order first: by operator and occurrence, which name a mutant
uniquely within a module.

A score measured on a sample is an estimate; the report gives it with its 95 % Wilson score interval,
which, unlike the normal approximation, stays inside [0, 1] and stays honest for the small samples and
scores near 100 % that mutation testing produces.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

Z_95 = 1.959963984540054  # the standard normal quantile for a two-sided 95 % interval


def draw(items: Sequence[T], size: int, *, seed: int, stratum: str, key: Callable[[T], tuple[str, int]]) -> list[T]:
    """``size`` of ``items`` at random (all of them when there are no more), the same ones for the same seed.

    ``stratum`` (the module) is part of the seed, so that each module's draw is independent of which other
    modules run with it; ``key`` gives the stable order the draw is made from.
    """
    if size < 1:
        raise ValueError(f"a sample needs at least one mutant, not {size}")
    ordered = sorted(items, key=key)
    return random.Random(f"{seed}:{stratum}").sample(ordered, min(size, len(ordered)))


def wilson(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``successes / trials`` (95 % for the default ``z``)."""
    if not 0 <= successes <= trials or trials == 0:
        raise ValueError(f"no interval for {successes} of {trials}")
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def sample_arguments(argv: list[str]) -> tuple[list[str], tuple[int, int] | None]:
    """``argv`` without ``--sample N --seed S``, and ``(N, S)`` (None for a full run)."""
    rest, values = [], {}
    args = iter(argv)
    for arg in args:
        if arg in ("--sample", "--seed"):
            value = next(args, None)
            if value is None or not value.isdigit():
                raise SystemExit(f"{arg} needs a whole number, not {value!r}")
            values[arg] = int(value)
        else:
            rest.append(arg)
    if "--sample" not in values and "--seed" not in values:
        return rest, None
    if "--sample" not in values or "--seed" not in values:
        raise SystemExit("--sample N and --seed S go together: a sample is reproducible only from its seed")
    if values["--sample"] < 1:
        raise SystemExit("--sample needs at least one mutant per module")
    return rest, (values["--sample"], values["--seed"])
