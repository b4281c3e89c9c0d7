"""PNG charts with matplotlib, loaded only when a chart is drawn.

matplotlib costs about 40 MB in each process that imports it; most web workers
never draw a chart, so it is imported at the first drawing, not with the app.
Labels are people's text: a "$" must not start matplotlib's mathtext (where an odd
count is an error and a crafted formula costs seconds to lay out), so every figure
is drawn with ``PLAIN_TEXT``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PLAIN_TEXT = {"text.parse_math": False, "text.usetex": False}


@contextmanager
def plain_figure(width: float, height: float, dpi: int) -> Iterator[Figure]:
    """A Figure of its own (not pyplot's global state: requests in threads never
    draw on each other's chart, and nothing needs closing), every text plain."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib.figure import Figure

    with matplotlib.rc_context(PLAIN_TEXT):
        yield Figure(figsize=(width, height), dpi=dpi)
