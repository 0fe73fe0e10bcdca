"""Charts as PNG: sharp, sized, Vietnamese."""

import io

import altair as alt
import pandas as pd
from PIL import Image

from dashboard import charts, images


def test_png_is_drawn_at_twice_the_width():
    chart = charts.finish(
        alt.Chart(pd.DataFrame({"x": ["Hội An"], "y": [1234.5]}))
        .mark_bar()
        .encode(x="x:N", y="y:Q"),
        "Tiêu đề",
        "Nguồn",
    )
    image = Image.open(io.BytesIO(images.png(chart, width=800)))
    assert image.width == 1600 and image.height > 200
    assert len(image.convert("RGB").resize((32, 32)).getcolors(1024)) > 3
