"""Draw a grouped bar chart as a standalone SVG file, with no library: one group per connection count, one bar per
candidate (the median), and a whisker from the lowest to the highest round."""
from xml.sax.saxutils import escape

COLOURS = ["#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896", "#9467bd",
           "#8c564b", "#c49c94", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


def bars(path, title, candidates, series):
    """Write the chart: series maps candidate -> {connections: (median, low, high)}."""
    groups = sorted({conns for values in series.values() for conns in values})
    top = max((high for values in series.values() for (_, _, high) in values.values()), default=1.0) or 1.0
    top = nice_ceiling(top)
    width, height, left, right, upper, lower = 960, 480, 80, 220, 40, 50
    plot_w, plot_h = width - left - right, height - upper - lower
    group_w = plot_w / max(1, len(groups))
    bar_w = group_w * 0.8 / max(1, len(candidates))
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="sans-serif" font-size="12">' % (width, height, width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="15">%s</text>' % (left, escape(title))]
    for step in range(6):
        value = top * step / 5
        y = upper + plot_h - plot_h * step / 5
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (left, y, left + plot_w, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (left - 6, y + 4, "{:,.0f}".format(value)))
    for index, conns in enumerate(groups):
        x0 = left + index * group_w + group_w * 0.1
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%d connections</text>'
                   % (left + index * group_w + group_w / 2, height - lower + 20, conns))
        for position, candidate in enumerate(candidates):
            if conns not in series.get(candidate, {}):
                continue
            median, low, high = series[candidate][conns]
            x = x0 + position * bar_w
            y = upper + plot_h - plot_h * median / top
            out.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s, %d connections: '
                       '%s req/s</title></rect>' % (x, y, bar_w * 0.9, upper + plot_h - y,
                                                    COLOURS[position % len(COLOURS)], escape(candidate), conns,
                                                    "{:,.0f}".format(median)))
            centre = x + bar_w * 0.45
            y_low, y_high = (upper + plot_h - plot_h * v / top for v in (low, high))
            out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="black"/>'
                       % (centre, y_low, centre, y_high))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>'
               % (left, upper + plot_h, left + plot_w, upper + plot_h))
    for position, candidate in enumerate(candidates):
        y = upper + 10 + position * 20
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                   % (width - right + 20, y, COLOURS[position % len(COLOURS)]))
        out.append('<text x="%d" y="%d">%s</text>' % (width - right + 38, y + 11, escape(candidate)))
    out.append("</svg>")
    with open(path, "w") as target:
        target.write("\n".join(out) + "\n")


def nice_ceiling(value):
    """Round up to 1, 2 or 5 times a power of ten, so that the axis has round numbers."""
    magnitude = 10 ** (len("%d" % int(value)) - 1)
    for factor in (1, 2, 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude
