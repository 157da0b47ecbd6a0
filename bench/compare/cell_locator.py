"""Byte positions of CSV cells and JSON Lines records, to turn tamis's structured occurrences
(`cells`: row and column; `records`: record index) back into byte ranges of the file.
"""

from __future__ import annotations

_DELIMITERS = b",;\t|"


def guess_delimiter(content: bytes) -> int:
    first_line = content.split(b"\n", 1)[0]
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else _DELIMITERS[0]


def csv_cell_starts(content: bytes) -> list[list[tuple[int, int]]]:
    """For each record (row 1 = the first line), the (start, end) byte range of each field's text,
    quotes excluded. Quoted fields may hold delimiters and newlines (RFC 4180)."""
    delimiter = guess_delimiter(content)
    rows: list[list[tuple[int, int]]] = []
    row: list[tuple[int, int]] = []
    position, length = 0, len(content)
    while position <= length:
        if position < length and content[position] == ord('"'):
            start = position + 1
            cursor = start
            while cursor < length:
                if content[cursor] == ord('"'):
                    if cursor + 1 < length and content[cursor + 1] == ord('"'):
                        cursor += 2
                        continue
                    break
                cursor += 1
            row.append((start, cursor))
            position = cursor + 1
            while position < length and content[position] not in (delimiter, ord("\n")):
                position += 1
        else:
            start = position
            while position < length and content[position] not in (delimiter, ord("\n")):
                position += 1
            end = position - 1 if position > start and content[position - 1] == ord("\r") else position
            row.append((start, end))
        if position >= length:
            if row != [(length, length)]:
                rows.append(row)
            break
        if content[position] == ord("\n"):
            rows.append(row)
            row = []
        position += 1
    return rows


def line_starts(content: bytes) -> list[int]:
    """Byte offset of the start of every line (record i of a JSON Lines file is line i)."""
    starts = [0]
    index = content.find(b"\n")
    while index != -1:
        starts.append(index + 1)
        index = content.find(b"\n", index + 1)
    return starts


def locate_in_line(content: bytes, starts: list[int], line_index: int, text: str) -> tuple[int, int] | None:
    """The byte range of text inside line line_index, or the whole line when text is not there
    verbatim (JSON escapes); None when the line does not exist."""
    if not 0 <= line_index < len(starts):
        return None
    begin = starts[line_index]
    finish = starts[line_index + 1] if line_index + 1 < len(starts) else len(content)
    found = content.find(text.encode("utf-8"), begin, finish) if text else -1
    if found == -1:
        return begin, finish
    return found, found + len(text.encode("utf-8"))
