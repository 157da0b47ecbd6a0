#!/usr/bin/env python3
"""Writes the hostile and unusual archive fixtures of corpus/formats/ (checked in; rerun only to
change them, then review corpus/expected/formats/ with TAMIS_UPDATE_EXPECTED=1).

Every fixture is small on disk and built so that a scanner without limits would spend minutes,
gigabytes or a crash on it. The values inside are synthetic (they pass the detectors' checksums
and belong to no one).
"""
import gzip
import io
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "formats")
SECRET_LINE = b"Employee SSN: 536-22-1849, card number 4329 0669 6704 9377\n"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")


def deflate_raw(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zip_of(members):
    """members: list of (name, bytes); deflated, in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def classic_zip_bomb():
    """42.zip's shape, two levels shallower: a zip of 16 zips of 16 leaves, each leaf a line with
    findings and 64 MiB of zeros: 16 GiB in all. Each level deflates well because deflated zeros are
    themselves repetitive."""
    leaf = SECRET_LINE + bytes(64 << 20)
    level = zip_of([(f"leaf{i:x}.txt", leaf) for i in range(16)])
    for depth in range(1):
        level = zip_of([(f"lib{depth}{i:x}.zip", level) for i in range(16)])
    write("zip_bomb.zip", level)


def overlapping_zip_bomb():
    """David Fifield's 'non-recursive zip bomb' in its simplest form: one local file (a text line
    followed by 64 MiB of zeros, deflated) and a central directory whose 1024 entries all point at
    it. A reader that trusts the directory inflates the same kernel 1024 times (64 GiB)."""
    content = SECRET_LINE + bytes(64 << 20)
    data = deflate_raw(content)
    crc = zlib.crc32(content) & 0xFFFFFFFF
    name = b"kernel.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data),
                        len(content), len(name), 0) + name
    body = local + data
    central = b""
    entries = 1024
    for i in range(entries):
        n = f"copy{i:04d}.txt".encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(data), len(content), len(n), 0, 0, 0, 0, 0, 0) + n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), len(body), 0)
    write("overlapping_zip_bomb.zip", body + central + end)


def nested_gzip(levels=50):
    data = SECRET_LINE
    for _ in range(levels):
        data = gzip.compress(data, mtime=0)
    write(f"nested_{levels}_levels.gz", data)


def sparse_tar():
    """GNU tar's sparse format: a 1 TiB member of which only two blocks hold data (findings at the
    start and at the very end). On disk the tar is a few KiB."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "disk.img")
        with open(path, "wb") as f:
            f.write(SECRET_LINE)
            f.seek((1 << 40) - len(SECRET_LINE))
            f.write(SECRET_LINE)
        out = os.path.join(tmp, "sparse.tar")
        subprocess.run(["tar", "--sparse", "--format=gnu", "--mtime=2024-01-01", "--owner=0",
                        "--group=0", "-C", tmp, "-cf", out, "disk.img"], check=True)
        with open(out, "rb") as f:
            write("sparse_1tib.tar", f.read())


def traversal_zip():
    """Names that would escape an extraction folder. tamis never writes members anywhere; it only
    reports their names, escaped where they hold control characters."""
    members = [
        ("../../etc/passwd", b"root:x:0:0:SSN 536-22-1849:/root:/bin/bash\n"),
        ("/etc/shadow", b"api token AKIA2OGYBAH6STMMNXNN\n"),
        ("C:\\Windows\\System32\\evil.txt", SECRET_LINE),
        ("safe/../../../tmp/x.txt", SECRET_LINE),
        ("name\x1b[31mwith-escape.txt", SECRET_LINE),
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo("x", (2024, 1, 1, 0, 0, 0))
            info.filename = name  # ZipInfo() would normalise the name; the point is not to
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    write("traversal_names.zip", out.getvalue())


def truncated_gzip():
    text = SECRET_LINE + b"".join(b"line %d of a long export\n" % i for i in range(20000))
    data = gzip.compress(text, mtime=0)
    write("truncated_export.txt.gz", data[: len(data) // 2])


def corrupt_zip():
    """The second member's deflate data is overwritten: the first member's findings stand, the
    second reports the fault, the third is still read if the format allows it."""
    members = [("first.txt", SECRET_LINE), ("second.txt", SECRET_LINE * 200),
               ("third.txt", SECRET_LINE)]
    data = bytearray(zip_of(members))
    second = data.find(b"second.txt") + len("second.txt")
    for i in range(second + 8, second + 40):
        data[i] ^= 0x5A
    write("corrupt_member.zip", bytes(data))


def main():
    os.makedirs(HERE, exist_ok=True)
    for make in (classic_zip_bomb, overlapping_zip_bomb, nested_gzip, sparse_tar, traversal_zip,
                 truncated_gzip, corrupt_zip):
        make()
    return 0


if __name__ == "__main__":
    sys.exit(main())
