"""Rows of cells laid out as a spreadsheet shows them, with cells that span several rows and
columns (a web page's rowspan and colspan, an XML workbook's merges), and the sheets so laid out."""

from dataclasses import dataclass


@dataclass
class LaidOutSheet:
    """One worksheet: its name, rows of cell values (numbers, text, datetimes, None), the cells
    spanning several rows as (first column, first row, last column, last row), columns from 0
    and rows from 1, whether its program hides it, and the legacy font (.VnTime, VNI-Times) of
    text typed in its encoding and read as Unicode."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]]
    hidden: bool
    legacy_font: str | None = None


class SpannedRows:
    """Rows filled left to right: a cell spanning several columns and rows holds its value in
    its first cell, and a later row's cells go past the columns a span from above covers."""

    def __init__(self) -> None:
        self.rows: list[list[object]] = []
        # The cells spanning several rows as (first column, first row, last column, last row),
        # columns from 0 and rows from 1, as reader.Sheet keeps merged cells.
        self.merged: list[tuple[int, int, int, int]] = []
        self._taken: set[tuple[int, int]] = set()  # (row, column) under a span from above

    def start_row(self) -> None:
        """Begin the next row."""
        self.rows.append([])

    def place(self, column: int, value: object, across: int = 1, down: int = 1) -> int:
        """Put `value` in the current row at `column` or the first column after it that no span
        from above covers, spanning `across` columns and `down` rows; the column after it."""
        number = len(self.rows)
        while (number, column) in self._taken:
            column += 1
        line = self.rows[-1]
        line.extend([None] * (column + across - len(line)))
        line[column] = value
        for below in range(number + 1, number + down):
            self._taken.update((below, c) for c in range(column, column + across))
        if down > 1:
            self.merged.append((column, number, column + across - 1, number + down - 1))
        return column + across

    def padded(self) -> list[list[object]]:
        """The rows, each as wide as the widest."""
        return padded(self.rows)


def padded(rows: list[list[object]]) -> list[list[object]]:
    """The rows, each as wide as the widest."""
    width = max(map(len, rows), default=0)
    return [line + [None] * (width - len(line)) for line in rows]
