"""Charts as PNG images, drawn on the server by vl-convert: sharp (scale 2), Vietnamese numbers,
the same title and data-as-of line as on the screen."""

import altair as alt
import vl_convert

from dashboard.charts import VN_LOCALE

SCALE = 2


def png(chart: alt.TopLevelMixin, width: int = 1100, scale: int = SCALE) -> bytes:
    """A chart as PNG bytes, `width` CSS pixels wide before scaling."""
    spec = chart.to_dict()
    spec["width"] = width  # the chart fits its width (charts.finish), here the picture's
    return vl_convert.vegalite_to_png(
        spec, scale=scale, format_locale=VN_LOCALE["number"], time_format_locale=VN_LOCALE["time"]
    )
