"""Line charts drawn on the server as SVG, so they print in the board's PDF and need no script.

Each chart sits beside a table of the same figures, which is what screen readers use: the
SVG is one image with a title and a short description. Series differ by marker shape and
dash as well as colour (WCAG 1.4.1: colour is not the only way to tell them apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# GOV.UK Design System colours that keep 3:1 contrast against white (WCAG 1.4.11).
_STYLES = (
    ("#1d70b8", "", "circle"),
    ("#d4351c", "6 3", "square"),
    ("#00703c", "2 3", "triangle"),
    ("#4c2c92", "10 3 2 3", "diamond"),
)
WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 24, 16, 56
FONT = 'font-family="Arial, Helvetica, sans-serif" fill="#0b0c0c"'


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        return f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z" fill="{colour}"/>'
    return f'<path d="M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z" fill="{colour}"/>'


def line_chart(title: str, labels: list[str], series: list[Series], *, percent: bool = True, chart_id: str) -> str:
    """An SVG line chart; ``None`` values leave a gap. Percent charts run 0 to 100."""
    known = [v for s in series for v in s.values if v is not None]
    top = 100.0 if percent else max([*known, 1.0]) * 1.2
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels) - 1, 1)

    def x(i: int) -> float:
        return LEFT + i * step

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 12 + 22 * ((len(series) + 1) // 2)}" '
        f'class="lc-chart" role="img" {FONT} aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_describe(labels, series, percent))}</desc>',
    ]
    for tick in range(5):
        value = top * tick / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#b1b4b6" stroke-width="1"/>')
        text = f"{value:.0f}%" if percent else f"{value:.0f}"
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="14">{text}</text>')
    for i, label in enumerate(labels):
        # "Q3 2024-25" on two lines, so eight quarters fit side by side.
        first, _, second = label.partition(" ")
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle" font-size="13">'
                     f'<tspan x="{x(i):.1f}">{escape(first)}</tspan>'
                     f'<tspan x="{x(i):.1f}" dy="15">{escape(second)}</tspan></text>')
    for n, s in enumerate(series):
        colour, dash, shape = _STYLES[n % len(_STYLES)]
        points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{'M' if j == 0 else 'L'}{px:.1f} {py:.1f}" for j, (px, py) in enumerate(points))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.extend(_marker(shape, px, py, colour) for px, py in points)
        lx, ly = LEFT + (n % 2) * 250, HEIGHT + 4 + 22 * (n // 2)
        parts.append(_marker(shape, lx + 6, ly - 5, colour))
        parts.append(f'<text x="{lx + 18}" y="{ly}" font-size="14">{escape(s.name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _describe(labels: list[str], series: list[Series], percent: bool) -> str:
    unit = "%" if percent else ""
    said = []
    for s in series:
        pairs = [(label, v) for label, v in zip(labels, s.values, strict=True) if v is not None]
        if pairs:
            (first_label, first), (last_label, last) = pairs[0], pairs[-1]
            said.append(f"{s.name}: {first:g}{unit} in {first_label}, {last:g}{unit} in {last_label}")
        else:
            said.append(f"{s.name}: no figures")
    return "; ".join(said) + ". The table beside the chart has every figure."
