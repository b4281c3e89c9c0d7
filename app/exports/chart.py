"""The vote as a PNG bar chart for the Word memo and the printable page.

Drawn with matplotlib's Agg backend (no display needed on a server). One colour
from the Okabe–Ito palette, which stays distinguishable for colour-blind readers;
nothing depends on colour anyway: every bar has its score written at its end, and
ties are said in the labels. The default DejaVu Sans has the Nordic letters.
"""

from __future__ import annotations

import io
import textwrap

from ..plotting import plain_figure
from .summary import BallotSummary

#: Okabe–Ito blue: 4.9:1 on white, safe for the common colour-vision deficiencies.
BAR_COLOUR = "#0072B2"
TEXT_COLOUR = "#1b1f24"
#: Long Finnish theme titles wrap at this many characters.
LABEL_WIDTH = 42
WIDTH_INCHES = 7.0
DPI = 150


def _label(rank: int, title: str, tied: str | None) -> str:
    """ "4. Wellbeing (tied)", wrapped to fit beside the bars."""
    text = f"{rank}. {title}" + (f" ({tied})" if tied else "")
    return textwrap.fill(text, LABEL_WIDTH)


def vote_chart_png(ballot: BallotSummary, *, tied_text: str, score_label: str) -> bytes:
    """A horizontal bar per theme, the highest ranked at the top.

    Every text is drawn as it is written (``PLAIN_TEXT``: no mathtext).

    :param tied_text: the word for a shared rank ("tied"), already translated.
    :param score_label: the x axis' title ("Votes", "Points"...), already translated.
    """
    return _draw(ballot, tied_text=tied_text, score_label=score_label)


def _draw(ballot: BallotSummary, *, tied_text: str, score_label: str) -> bytes:
    rows = ballot.rows
    labels = [
        _label(row.rank, row.title, tied_text if row.tied else None) for row in rows
    ]
    scores = [row.score for row in rows]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = max(2.0, 0.9 + 0.16 * lines + 0.12 * len(rows))
    with plain_figure(WIDTH_INCHES, height, DPI) as figure:
        axes = figure.subplots()
        positions = list(range(len(rows)))
        axes.barh(positions, scores, color=BAR_COLOUR, height=0.6)
        axes.set_yticks(positions, labels=labels, fontsize=9, color=TEXT_COLOUR)
        axes.invert_yaxis()  # rank 1 on top, as people read a list
        scale = max(1, max(scores, default=0))
        axes.set_xlim(0, scale * 1.15)
        for position, score in zip(positions, scores, strict=True):
            axes.text(
                score + scale * 0.01,
                position,
                str(score),
                va="center",
                fontsize=9,
                color=TEXT_COLOUR,
            )
        axes.set_xlabel(score_label, color=TEXT_COLOUR)
        axes.xaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
