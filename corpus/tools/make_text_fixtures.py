#!/usr/bin/env python3
"""Writes the encoded-text fixtures of corpus/formats/: a UTF-16 big-endian CSV with a byte-order
mark and CRLF lines (corpus/samples/ has the little-endian one). Values are synthetic."""
import os
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "formats")


def main():
    text = ("employee,ssn,notes\r\n"
            "Rosa Martel,536-22-1849,\"remote, EU\"\r\n"
            "Lee Chan,412-67-3390,\u00e9quipe finance\r\n")
    data = b"\xfe\xff" + text.encode("utf-16-be")
    with open(os.path.join(HERE, "staff_utf16be.csv"), "wb") as f:
        f.write(data)
    print(f"staff_utf16be.csv: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
