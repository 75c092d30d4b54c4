"""Charts as PNG bytes (matplotlib's Agg canvas, no pyplot state, so it is safe on the scheduler's thread)."""

from __future__ import annotations

import io
from collections.abc import Sequence

GRADE_COLOURS = {
    "outstanding": "#1b7837",
    "good": "#7fbf7b",
    "requires_improvement": "#f1a340",
    "inadequate": "#b2182b",
}


def grade_trend_png(title: str, week_labels: Sequence[str], weeks: Sequence[dict[str, int]],
                    labels: dict[str, str]) -> bytes:
    """Stacked bars of completed audits by grade, one bar per week: volume and quality in one picture."""
    return grade_bars_png(title, [f"W{label}" for label in week_labels], weeks, labels)


def grade_bars_png(title: str, bar_labels: Sequence[str], bars: Sequence[dict[str, int]],
                   labels: dict[str, str]) -> bytes:
    """Stacked bars of completed audits by grade, one bar per label (a week, or a team in a campaign report)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    positions = list(range(len(bar_labels)))
    bottoms = [0] * len(bar_labels)
    for grade, colour in GRADE_COLOURS.items():
        heights = [bar.get(grade, 0) for bar in bars]
        axes.bar(positions, heights, bottom=bottoms, color=colour, label=labels[grade], width=0.7)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_xticks(positions, list(bar_labels))
    axes.set_ylabel("Audits completed")
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    # The stubs give Locator.set_params no arguments; the y axis has an AutoLocator, a MaxNLocator, which takes this.
    axes.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=8, frameon=False, ncols=4)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
