"""Byte positions of CSV cells and JSON Lines records."""

from __future__ import annotations

from cell_locator import csv_cell_starts, guess_delimiter, line_starts, locate_in_line


def test_plain_csv_cells():
    content = b"id,ssn\n1,536-22-1849\n"
    rows = csv_cell_starts(content)
    assert len(rows) == 2
    start, end = rows[1][1]
    assert content[start:end] == b"536-22-1849"


def test_quoted_cells_hold_delimiters_newlines_and_doubled_quotes():
    content = b'a,b\r\n"x, ""y""\nz",4111\r\n'
    rows = csv_cell_starts(content)
    assert [content[s:e] for s, e in rows[0]] == [b"a", b"b"]
    assert [content[s:e] for s, e in rows[1]] == [b'x, ""y""\nz', b"4111"]


def test_last_line_without_newline_and_semicolons():
    content = b"n;v\n1;2"
    assert guess_delimiter(content) == ord(";")
    rows = csv_cell_starts(content)
    assert [content[s:e] for s, e in rows[1]] == [b"1", b"2"]


def test_record_text_is_found_in_its_line_else_the_whole_line_is_used():
    content = b'{"a":1}\n{"card":"4929123456789012"}\n'
    starts = line_starts(content)
    start, end = locate_in_line(content, starts, 1, "4929123456789012")
    assert content[start:end] == b"4929123456789012"
    assert locate_in_line(content, starts, 1, "absent") == (8, len(content))
    assert locate_in_line(content, starts, 7, "x") is None
