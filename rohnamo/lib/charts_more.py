"""More charts as inline SVG, drawn on the server: lines over time, horizontal bars, a pyramid.

Like ``charts.bar_chart`` they need no JavaScript and no library, and every label is escaped. Each
chart is a picture only: the page shows the same numbers in a table next to it, for screen readers
and for anyone who wants the exact figures.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Colours that stay apart for the common kinds of colour blindness (Okabe–Ito).
COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"]
FONT = 'font-size="11" font-family="system-ui,sans-serif"'


def _svg(body, *, title, width, height):
    return mark_safe(  # noqa: S308 - labels are escaped, numbers are numbers
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" class="chart">{body}</svg>'
    )


def _nice_top(value):
    """A round number at or above ``value`` for the top of an axis: 1, 2, 5 × 10ⁿ."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def line_chart(labels, series, *, title, width=640, height=240, label_every=None):
    """Lines over ``labels`` (months, dates): ``series`` is ``[(name, [value per label])]``.

    Each point carries its value as a tooltip; the legend names the lines; every
    ``label_every``-th label is written under the axis so that they do not overlap.
    """
    if not labels or not series:
        return ""
    top = _nice_top(max((max(values, default=0) for _name, values in series), default=0))
    left, right, upper, axis = 44, 28, 24, 30
    plot_width, plot_height = width - left - right, height - upper - axis
    step = plot_width / max(len(labels) - 1, 1)
    label_every = label_every or max(1, round(len(labels) / 8))

    def x_of(index):
        return left + index * step

    def y_of(value):
        return upper + plot_height - plot_height * value / top

    parts = [
        # The frame of the plot: the zero line, half and the top, with their values.
        *(
            f'<line x1="{left}" y1="{y_of(level):.1f}" x2="{width - right}" y2="{y_of(level):.1f}" '
            f'stroke="#ccc"/><text x="{left - 4}" y="{y_of(level) + 4:.1f}" {FONT} '
            f'text-anchor="end">{level:g}</text>'
            # Counts are whole numbers: no half-way line at 2.5.
            for level in ((0, top // 2, top) if top % 2 == 0 else (0, top))
        ),
        *(
            f'<text x="{x_of(index):.1f}" y="{height - axis + 16}" {FONT} '
            f'text-anchor="middle">{escape(label)}</text>'
            for index, label in enumerate(labels)
            # Counted from the last label, which is always written: the latest is what
            # people look for.
            if (len(labels) - 1 - index) % label_every == 0
        ),
    ]
    for number, (name, values) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        points = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        parts.extend(
            f'<circle cx="{x_of(i):.1f}" cy="{y_of(v):.1f}" r="2.5" fill="{colour}">'
            f"<title>{escape(name)}, {escape(labels[i])}: {v}</title></circle>"
            for i, v in enumerate(values)
        )
        legend_x = left + number * 160
        parts.append(
            f'<rect x="{legend_x}" y="6" width="12" height="4" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="12" {FONT}>{escape(name)}</text>'
        )
    return _svg("".join(parts), title=title, width=width, height=height)


def horizontal_bar_chart(series, *, title, width=640, bar=18, label_width=200):
    """Bars of ``[(label, value)]`` from top to bottom, each labelled and carrying its value:
    long names (countries, districts) read better beside a bar than under it."""
    if not series:
        return ""
    top = max(value for _label, value in series) or 1
    gap, upper = 6, 4
    height = upper + len(series) * (bar + gap)
    room = width - label_width - 60
    parts = []
    for index, (label, value) in enumerate(series):
        y = upper + index * (bar + gap)
        length = room * value / top
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar * 0.72:.1f}" {FONT} '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" '
            f'fill="{COLOURS[0]}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + bar * 0.72:.1f}" '
            f"{FONT}>{value}</text>"
        )
    return _svg("".join(parts), title=title, width=width, height=height)


def pyramid_chart(bands, *, title, left_name, right_name, width=640, bar=14):
    """A population pyramid: ``bands`` is ``[(label, left value, right value)]`` from the
    youngest up; the youngest band is drawn at the bottom, ``left_name`` (men) to the left of the
    middle axis and ``right_name`` (women) to the right, on the same scale."""
    if not bands:
        return ""
    top = max(max(left, right) for _label, left, right in bands) or 1
    gap, upper, label_width = 3, 22, 56
    middle = width / 2
    room = middle - label_width / 2 - 40
    height = upper + len(bands) * (bar + gap)
    parts = [
        f'<text x="{middle - label_width / 2 - 4:.1f}" y="12" {FONT} text-anchor="end" '
        f'fill="{COLOURS[0]}">{escape(left_name)}</text>'
        f'<text x="{middle + label_width / 2 + 4:.1f}" y="12" {FONT} '
        f'fill="{COLOURS[1]}">{escape(right_name)}</text>'
    ]
    for index, (label, left, right) in enumerate(reversed(bands)):
        y = upper + index * (bar + gap)
        text_y = y + bar * 0.8
        left_length, right_length = room * left / top, room * right / top
        left_end = middle - label_width / 2
        right_start = middle + label_width / 2
        parts.append(
            f'<rect x="{left_end - left_length:.1f}" y="{y}" width="{left_length:.1f}" '
            f'height="{bar}" fill="{COLOURS[0]}"><title>{escape(left_name)}, {escape(label)}: '
            f"{left}</title></rect>"
            f'<text x="{left_end - left_length - 3:.1f}" y="{text_y:.1f}" {FONT} '
            f'text-anchor="end">{left or ""}</text>'
            f'<text x="{middle:.1f}" y="{text_y:.1f}" {FONT} text-anchor="middle">'
            f"{escape(label)}</text>"
            f'<rect x="{right_start:.1f}" y="{y}" width="{right_length:.1f}" height="{bar}" '
            f'fill="{COLOURS[1]}"><title>{escape(right_name)}, {escape(label)}: {right}</title>'
            f"</rect>"
            f'<text x="{right_start + right_length + 3:.1f}" y="{text_y:.1f}" {FONT}>'
            f"{right or ''}</text>"
        )
    return _svg("".join(parts), title=title, width=width, height=height)
