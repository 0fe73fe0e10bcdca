"""Rows laid out with cells spanning rows and columns."""

from dashboard.spans import SpannedRows


def test_a_cell_below_a_span_goes_past_the_columns_it_covers():
    grid = SpannedRows()
    grid.start_row()
    after = grid.place(0, "a", across=2, down=2)
    assert grid.place(after, "b") == 3
    grid.start_row()
    assert grid.place(0, "c") == 3  # columns 0-1 are under "a": "c" goes to column 2
    grid.start_row()
    grid.place(0, "d")
    assert grid.padded() == [["a", None, "b"], [None, None, "c"], ["d", None, None]]
    assert grid.merged == [(0, 1, 1, 2)]  # spans over one row are not merges of rows
