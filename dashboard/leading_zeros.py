"""Codes of digits that Excel stripped of their leading zeros: a commune's 00004, typed into a
number cell or read back from a CSV, comes back as 4."""

from collections import Counter
from collections.abc import Iterable


def by_number(codes: Iterable[str]) -> dict[int, str]:
    """Each code of digits that starts with 0, by the number it is; a number two codes share
    ("04", "004") stands for neither."""
    zeroed = [c for c in codes if c.isascii() and c.isdigit() and c.startswith("0")]
    shared = Counter(int(code) for code in zeroed)
    return {int(code): code for code in zeroed if shared[int(code)] == 1}


def restored(cell: object, numbered: dict[int, str]) -> str | None:
    """The code `cell` is with its leading zeros put back, or None: only a cell of digits
    alone, and only as one of `numbered` (by_number)."""
    written = str(cell).strip() if cell is not None else ""
    if not (written.isascii() and written.isdigit()):
        return None
    return numbered.get(int(written))


def told(column: str, label: str, listed: str) -> str:
    """The warning at a column whose codes were read with their zeros put back (`listed`:
    formatting.read_as); `label`: "mã đơn vị", "mã chỉ tiêu"."""
    return (
        f"Cột {column} ghi {label} thiếu số 0 ở đầu (Excel bỏ số 0 đầu của ô kiểu số): đã nhận "
        f"theo mã trong danh mục ({listed}). Định dạng cột là Văn bản (Text) trước khi gõ mã để "
        "giữ số 0."
    )
