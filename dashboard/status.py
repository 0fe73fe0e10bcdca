"""The statuses of progress: Vietnamese names and the colours every chart and table uses."""

# Blue for good, orange-red for bad: apart for the common colour-blindnesses, and their
# lightness steps keep them apart in grey print (checked in tests/test_status.py).
STATUSES = {
    "done": ("Hoàn thành", "#08306b"),
    "on_track": ("Đúng tiến độ", "#4292c6"),
    "behind": ("Chậm tiến độ", "#fd8d3c"),
    "at_risk": ("Nguy cơ không đạt", "#a50f15"),
    "no_data": ("Chưa báo cáo", "#d9d9d9"),
    "no_target": ("Chưa giao kế hoạch", "#ffffff"),
}

ORDER = list(STATUSES)
LABELS = {code: label for code, (label, _) in STATUSES.items()}
COLOURS = {code: colour for code, (_, colour) in STATUSES.items()}


def label(code: str) -> str:
    """The Vietnamese name of a status code."""
    return LABELS[code]


def text_colour(code: str) -> str:
    """Black or white, whichever reads on the status colour."""
    return "#ffffff" if relative_luminance(COLOURS[code]) < 0.25 else "#000000"


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour, 0 (black) to 1 (white)."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def lightness(hex_colour: str) -> float:
    """CIE L* (0..100) of a colour: how light it prints in grey."""
    y = relative_luminance(hex_colour)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27
