"""Which truth type each peer's rule or entity name stands for.

A name maps to a tuple of candidate truth types: one for most rules, several when the peer has one
rule for what tamis splits (gitleaks' `private-key` covers PKCS and OpenSSH keys; detect-secrets'
`AWS Access Key` covers key ids and secret keys). A candidate list is resolved per finding by
`resolve_type`: the candidate of a truth entry the finding overlaps, else the first candidate.
Names absent from a table (Presidio's PERSON, detect-secrets' high-entropy strings...) have no truth
counterpart: they count as findings but enter no precision or recall.
"""

from __future__ import annotations

from corpus import TruthEntry

GITLEAKS = {
    "aws-access-token": ("TAMIS_AWS_ACCESS_KEY_ID",),
    "github-pat": ("TAMIS_GITHUB_TOKEN",),
    "github-oauth": ("TAMIS_GITHUB_TOKEN",),
    "github-app-token": ("TAMIS_GITHUB_TOKEN",),
    "github-refresh-token": ("TAMIS_GITHUB_TOKEN",),
    "slack-bot-token": ("TAMIS_SLACK_TOKEN",),
    "slack-user-token": ("TAMIS_SLACK_TOKEN",),
    "slack-app-token": ("TAMIS_SLACK_TOKEN",),
    "slack-config-access-token": ("TAMIS_SLACK_TOKEN",),
    "slack-config-refresh-token": ("TAMIS_SLACK_TOKEN",),
    "slack-legacy-bot-token": ("TAMIS_SLACK_TOKEN",),
    "slack-legacy-workspace-token": ("TAMIS_SLACK_TOKEN",),
    "slack-legacy-token": ("TAMIS_SLACK_TOKEN",),
    "stripe-access-token": ("STRIPE_CREDENTIALS",),
    "private-key": ("PKCS", "OPENSSH_PRIVATE_KEY"),
    "jwt": ("JSON_WEB_TOKEN",),
    # gitleaks has no rule for AWS secret access keys: its generic-api-key rule (a key-like name
    # followed by a high-entropy value) is what finds them, so it is scored as AWS_CREDENTIALS and
    # its precision there is a lower bound (it also fires on other secrets).
    "generic-api-key": ("AWS_CREDENTIALS",),
}

DETECT_SECRETS = {
    "AWS Access Key": ("TAMIS_AWS_ACCESS_KEY_ID", "AWS_CREDENTIALS"),
    "GitHub Token": ("TAMIS_GITHUB_TOKEN",),
    "Slack Token": ("TAMIS_SLACK_TOKEN",),
    "Stripe Access Key": ("STRIPE_CREDENTIALS",),
    "Private Key": ("PKCS", "OPENSSH_PRIVATE_KEY"),
    "JSON Web Token": ("JSON_WEB_TOKEN",),
    # detect-secrets' BasicAuthDetector finds user:password@ in URLs, not Authorization headers.
    "Basic Auth Credentials": ("TAMIS_DATABASE_URL_PASSWORD",),
}

PRESIDIO = {
    "CREDIT_CARD": ("CREDIT_CARD_NUMBER",),
    "US_SSN": ("USA_SOCIAL_SECURITY_NUMBER",),
    "US_PASSPORT": ("USA_PASSPORT_NUMBER",),
    "UK_NINO": ("UK_NATIONAL_INSURANCE_NUMBER",),
    "EMAIL_ADDRESS": ("EMAIL_ADDRESS",),
    "PHONE_NUMBER": ("PHONE_NUMBER",),
    "IBAN_CODE": ("IBAN",),
}

CLAMAV = {
    "Heuristics.Structured.CreditCardNumber": ("CREDIT_CARD_NUMBER",),
    "Heuristics.Structured.SSN": ("USA_SOCIAL_SECURITY_NUMBER",),
}

TABLES = {"gitleaks": GITLEAKS, "detect-secrets": DETECT_SECRETS, "presidio": PRESIDIO, "clamav": CLAMAV}


def supported_types(table: dict[str, tuple[str, ...]]) -> set[str]:
    return {t for candidates in table.values() for t in candidates}


def resolve_type(
    candidates: tuple[str, ...], path: str, start: int | None, end: int | None, truth_by_path: dict[str, list[TruthEntry]]
) -> str | None:
    """The candidate type this finding stands for (see the module comment)."""
    if not candidates:
        return None
    if len(candidates) > 1 and start is not None and end is not None:
        for entry in truth_by_path.get(path, []):
            if entry.type in candidates and start < entry.end and entry.start < end:
                return entry.type
    return candidates[0]
