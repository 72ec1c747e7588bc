"""Charts as inline SVG, drawn on the server: no JavaScript, no external library, prints well."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def bar_chart(series, *, title, width=640, height=220):
    """A vertical bar chart of ``[(label, value)]``; each bar carries its value as text."""
    if not series:
        return ""
    top = max(value for _label, value in series) or 1
    margin, axis = 8, 36
    slot = (width - 2 * margin) / len(series)
    bar_width = max(4, slot * 0.7)
    plot_height = height - axis - margin
    bars = []
    for index, (label, value) in enumerate(series):
        bar_height = plot_height * value / top
        x = margin + index * slot + (slot - bar_width) / 2
        y = margin + plot_height - bar_height
        centre = x + bar_width / 2
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{bar_height:.1f}" '
            f'fill="#0b6e4f"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{centre:.1f}" y="{max(y - 3, 10):.1f}" font-size="11" '
            f'text-anchor="middle">{value}</text>'
            f'<text x="{centre:.1f}" y="{height - axis + 16:.1f}" font-size="11" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    return mark_safe(  # noqa: S308 - labels are escaped, numbers are numbers
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" class="chart">{"".join(bars)}</svg>'
    )
