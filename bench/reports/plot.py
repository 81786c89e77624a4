"""Precision-recall curves drawn as plain SVG (no plotting library), for `bench curve --plot` and the report.

A curve is drawn as scikit-learn's ``PrecisionRecallDisplay`` draws it: a step line through the
points from the highest threshold down, precision on the y axis, recall on the x axis, average
precision in the legend, and a dot at the best-F1 threshold. PNG needs ``cairosvg``; without it a
``.png`` path is refused with a message saying so.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.core.annotation import atomic_write

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
PANEL_W, PANEL_H = 380, 330
LEFT, TOP, PLOT = 48, 30, 240  # the axes box is PLOT x PLOT pixels


class PlotError(Exception):
    """A plot that cannot be written; the message names the file and why."""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _xy(recall: float, precision: float) -> tuple[float, float]:
    return LEFT + recall * PLOT, TOP + (1 - precision) * PLOT


def _steps(points: Sequence[Mapping]) -> str:
    """The step path: from recall 0 at the first point's precision, across and down at each point."""
    drawn = [p for p in points if p["recall"] is not None and p["precision"] is not None]
    if not drawn:
        return ""
    x, y = _xy(0.0, drawn[0]["precision"])
    path = [f"M{x:.1f},{y:.1f}"]
    for p in drawn:
        x, y = _xy(p["recall"], p["precision"])
        path.append(f"H{x:.1f}V{y:.1f}")
    return "".join(path)


def pr_panel(title: str, series: Sequence[tuple[str, Mapping]], x: int = 0, y: int = 0) -> str:
    """One axes box: a step line per (name, section curve) that has points."""
    parts = [f'<g transform="translate({x},{y})" class="pr-panel" data-title="{_esc(title)}">']
    parts.append(f'<text x="{LEFT}" y="{TOP - 12}" font-size="13" font-weight="bold">{_esc(title)}</text>')
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{PLOT}" height="{PLOT}" fill="none" stroke="#999"/>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        tx, ty = _xy(tick, tick)
        parts.append(
            f'<line x1="{tx:.1f}" y1="{TOP + PLOT}" x2="{tx:.1f}" y2="{TOP + PLOT + 4}" stroke="#999"/>'
            f'<text x="{tx:.1f}" y="{TOP + PLOT + 15}" font-size="10" text-anchor="middle">{tick:g}</text>'
            f'<line x1="{LEFT - 4}" y1="{ty:.1f}" x2="{LEFT}" y2="{ty:.1f}" stroke="#999"/>'
            f'<text x="{LEFT - 6}" y="{ty + 3:.1f}" font-size="10" text-anchor="end">{tick:g}</text>'
        )
    parts.append(
        f'<text x="{LEFT + PLOT / 2}" y="{TOP + PLOT + 30}" font-size="11" text-anchor="middle">recall</text>'
        f'<text x="12" y="{TOP + PLOT / 2}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 12 {TOP + PLOT / 2})">precision</text>'
    )
    legend_y = TOP + PLOT + 46
    for i, (name, curve) in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        if curve.get("status") != "curve":
            note = "no scores" if curve.get("status") == "unscored" else "absent"
            parts.append(
                f'<text x="{LEFT}" y="{legend_y + 14 * i}" font-size="11" fill="#666">{_esc(name)}: {note}</text>'
            )
            continue
        path = _steps(curve["points"])
        parts.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.6" class="pr-line" '
            f'data-system="{_esc(name)}"><title>{_esc(name)}</title></path>'
        )
        best = curve.get("best")
        if best and best["recall"] is not None and best["precision"] is not None:
            bx, by = _xy(best["recall"], best["precision"])
            parts.append(
                f'<circle cx="{bx:.1f}" cy="{by:.1f}" r="3.5" fill="{colour}"><title>{_esc(name)} best F1 '
                f"{_fmt(best['f1'])} at threshold {_fmt(best['threshold'])}</title></circle>"
            )
        parts.append(
            f'<line x1="{LEFT}" y1="{legend_y + 14 * i - 4}" x2="{LEFT + 16}" y2="{legend_y + 14 * i - 4}" '
            f'stroke="{colour}" stroke-width="2"/><text x="{LEFT + 20}" y="{legend_y + 14 * i}" font-size="11">'
            f"{_esc(name)}: AP {_fmt(curve['average_precision'])}, best F1 {_fmt(best and best['f1'])} "
            f"at {_fmt(best and best['threshold'])}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


def pr_svg(panels: Sequence[tuple[str, Sequence[tuple[str, Mapping]]]], per_row: int = 2) -> str:
    """A standalone SVG of panels (title, series), ``per_row`` across."""
    legend = 14 * max((len(series) for _, series in panels), default=1)
    height_one = PANEL_H + legend
    rows = (len(panels) + per_row - 1) // per_row or 1
    width = PANEL_W * min(per_row, max(len(panels), 1))
    body = "".join(
        pr_panel(title, series, PANEL_W * (i % per_row), height_one * (i // per_row))
        for i, (title, series) in enumerate(panels)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height_one * rows}" '
        f'viewBox="0 0 {width} {height_one * rows}" role="img" aria-label="precision-recall curves" '
        f'font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>{body}</svg>'
    )


def write_plot(path: Path, svg: str) -> None:
    """Write ``svg`` to ``path``: as it is for ``.svg``, rasterised for ``.png`` when cairosvg is installed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        atomic_write(path, svg + "\n")
        return
    if suffix != ".png":
        raise PlotError(f"{path}: a plot is written as .svg or .png, not {suffix or 'a name without a suffix'}")
    try:
        import cairosvg
    except ImportError:
        raise PlotError(
            f"{path}: PNG needs the cairosvg package, which is not installed (pip install cairosvg); "
            "write .svg instead, which every browser opens"
        ) from None
    atomic_write(path, cairosvg.svg2png(bytestring=svg.encode("utf-8")))
