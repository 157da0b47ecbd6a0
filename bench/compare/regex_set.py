"""The patterns ripgrep runs: the raw regex ceiling, without validators or keywords.

CARD_PATTERNS are tamis's own card-shaped digit groups (lib/catalog/managed/financial.cc), so
`rg-cc` measures what the card pattern alone costs. TYPE_PATTERNS is one plain regex per truth type
for `rg-set`, which runs them together in one pass. The syntax is the common subset of Rust's regex
crate and Python's re, so a match reported by rg is classified again here with re.fullmatch.
"""

from __future__ import annotations

import re

CARD_PATTERNS = (
    r"[2-6]\d{12,18}",
    r"[2-6]\d{3} \d{4} \d{4} \d{4}(?: \d{3})?",
    r"[2-6]\d{3}-\d{4}-\d{4}-\d{4}(?:-\d{3})?",
    r"3\d{3} \d{6} \d{4,5}",
    r"3\d{3}-\d{6}-\d{4,5}",
)

# Order matters where two patterns can match at the same place: ripgrep takes the first alternative.
TYPE_PATTERNS = {
    "PKCS": r"-----BEGIN (?:RSA |DSA |EC |ENCRYPTED )?PRIVATE KEY-----",
    "OPENSSH_PRIVATE_KEY": r"-----BEGIN OPENSSH PRIVATE KEY-----",
    "TAMIS_DATABASE_URL_PASSWORD": r"[a-z][a-z0-9+]*://[^:/@\s]+:[^@/\s]+@",
    "HTTP_BASIC_AUTH_HEADER": r"(?i:authorization): *Basic +[A-Za-z0-9+/]+=*",
    "AWS_CREDENTIALS": r"(?i:aws_secret_access_key|secret_access_key|secret key)[\x22\x27]? *[:=] *[\x22\x27]?[A-Za-z0-9/+]{40}",
    "TAMIS_AWS_ACCESS_KEY_ID": r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",
    "TAMIS_GITHUB_TOKEN": r"\bgh[pousr]_[A-Za-z0-9]{36}\b",
    "TAMIS_SLACK_TOKEN": r"\bxox[abprs]-[A-Za-z0-9-]{10,}",
    "STRIPE_CREDENTIALS": r"\b[srp]k_(?:live|test)_[A-Za-z0-9]{16,}",
    "JSON_WEB_TOKEN": r"\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*",
    "EMAIL_ADDRESS": r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b",
    "IBAN": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b",
    "UK_NATIONAL_INSURANCE_NUMBER": r"\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
    "USA_SOCIAL_SECURITY_NUMBER": r"\b\d{3}-\d{2}-\d{4}\b",
    "CREDIT_CARD_NUMBER": r"\b(?:" + "|".join(CARD_PATTERNS) + r")\b",
    "PHONE_NUMBER": r"(?:\+1[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b",
    "USA_PASSPORT_NUMBER": r"\b[A-Z]?\d{8,9}\b",
}

_COMPILED = {name: re.compile(pattern) for name, pattern in TYPE_PATTERNS.items()}


def classify(text: str) -> str | None:
    """The first truth type whose pattern matches the whole of text, as ripgrep chose it."""
    for name, pattern in _COMPILED.items():
        if pattern.fullmatch(text):
            return name
    return None


def card_only_arguments() -> list[str]:
    return [arg for pattern in CARD_PATTERNS for arg in ("-e", pattern)]


def type_set_arguments() -> list[str]:
    return [arg for pattern in TYPE_PATTERNS.values() for arg in ("-e", pattern)]
