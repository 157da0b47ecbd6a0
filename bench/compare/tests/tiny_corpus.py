"""A tiny corpus in tamis_corpus's layout, with its truth computed from where values are planted.

Each file is written from segments: plain text, or a planted value (type, value, keyword flag);
truth offsets are the byte positions the values end up at, so they are right by construction.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def luhn_complete(prefix: str) -> str:
    """prefix plus the check digit that makes it pass the Luhn test."""
    total = 0
    for index, char in enumerate(reversed(prefix)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return prefix + str((10 - total % 10) % 10)


def github_token(entropy: str) -> str:
    value = zlib.crc32(entropy.encode())
    digits = ""
    while value:
        value, remainder = divmod(value, 62)
        digits = BASE62[remainder] + digits
    return "ghp_" + entropy + digits.rjust(6, "0")


CARD = luhn_complete("492912345678901")
CARD_SPACED = " ".join(CARD[i : i + 4] for i in range(0, 16, 4))
CARD_NO_KEYWORD = luhn_complete("535512348765432")
SSN = "536-22-1849"
SSN_CSV = "412-67-3390"
AWS_KEY_ID = "AKIA2QWERTYUIOPZXCVB"
AWS_SECRET = "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"
GITHUB = github_token("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5")
SLACK = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
DB_URL = "postgres://app:Tr0ub4dor-3@db.internal.example:5432/app"
EMAIL = "jordan.avery@example.org"
PKCS_BLOCK = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAwJ2Hc3q9R0yV8fLk1pN6tXz4mQ7sB5dE2gH1jK0lZ9xW3vU8\n"
    "yT6rE4wQ2aS0dF1gH3jK5lZ7xC9vB1nM3qW5eR7tY9uI1oP3aS5dF7gH9jK1lZ3x\n"
    "-----END RSA PRIVATE KEY-----"
)

P = "plain"


def files() -> dict[str, list[tuple]]:
    """Relative path -> segments: (P, text) or (type, value, keyword)."""
    return {
        "prose/notes.txt": [
            (P, "Customer called about an order.\nThe visa card on file is "),
            ("CREDIT_CARD_NUMBER", CARD_SPACED, True),
            (P, " and it expires soon.\nAn old reference number "),
            ("CREDIT_CARD_NUMBER", CARD_NO_KEYWORD, False),
            (P, " appears in the ledger without any explanation at all.\nHer ssn: "),
            ("USA_SOCIAL_SECURITY_NUMBER", SSN, True),
            (P, " was verified.\nReply to "),
            ("EMAIL_ADDRESS", EMAIL, True),
            (P, " for details.\n"),
        ],
        "logs/app.log": [
            (P, "2024-05-01T10:00:00Z INFO boot aws key id="),
            ("TAMIS_AWS_ACCESS_KEY_ID", AWS_KEY_ID, True),
            (P, "\n2024-05-01T10:00:01Z INFO github token "),
            ("TAMIS_GITHUB_TOKEN", GITHUB, True),
            (P, "\n2024-05-01T10:00:02Z WARN slack "),
            ("TAMIS_SLACK_TOKEN", SLACK, True),
            (P, "\n2024-05-01T10:00:03Z DEBUG connecting to "),
            ("TAMIS_DATABASE_URL_PASSWORD", DB_URL, True),
            (P, "\n2024-05-01T10:00:04Z INFO request done in 12 ms\n"),
        ],
        "csv/export.csv": [
            (P, "id,name,ssn,city\n1,Jordan Avery,"),
            ("USA_SOCIAL_SECURITY_NUMBER", SSN_CSV, True),
            (P, ",Springfield\n2,Sam Whitfield,,Shelbyville\n"),
        ],
        "jsonl/events.jsonl": [
            (P, '{"event":"signup","user":"u-1"}\n{"event":"payment","credit_card":"'),
            ("CREDIT_CARD_NUMBER", CARD, True),
            (P, '","amount":12}\n'),
        ],
        "source/settings.py": [
            (P, 'REGION = "eu-west-1"\naws_secret_access_key = "'),
            ("AWS_CREDENTIALS", AWS_SECRET, True),
            (P, '"\nKEY = """\n'),
            ("PKCS", PKCS_BLOCK, True),
            (P, '\n"""\n'),
        ],
        "gz/archive.log.gz": [
            (P, "2024-04-01 payroll run\nemployee ssn "),
            ("USA_SOCIAL_SECURITY_NUMBER", "341-18-2264", True),
            (P, " updated\n"),
        ],
    }


def write_tiny_corpus(root: Path) -> list[dict]:
    """Writes the corpus under root and returns its truth records."""
    truth = []
    for relative, segments in files().items():
        content = bytearray()
        for segment in segments:
            if segment[0] == P:
                content += segment[1].encode()
                continue
            type_name, value, keyword = segment
            start = len(content)
            content += value.encode()
            truth.append(
                {"path": relative, "start": start, "end": len(content), "type": type_name, "value": value, "keyword": keyword}
            )
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.compress(bytes(content), mtime=0) if relative.endswith(".gz") else bytes(content))
    (root / "truth.jsonl").write_text("".join(json.dumps(record) + "\n" for record in truth))
    (root / "manifest.json").write_text(json.dumps({"generator": "bench/compare/tests/tiny_corpus.py"}) + "\n")
    return truth


if __name__ == "__main__":
    import sys

    write_tiny_corpus(Path(sys.argv[1]))
