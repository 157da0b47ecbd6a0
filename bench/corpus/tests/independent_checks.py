"""Format rules for each planted type, written from the public specifications and independently
of the generator's C++ code, so a generator bug cannot validate itself."""

import base64
import binascii
import json
import re
import zlib

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
IBAN_LENGTHS = {"DE": 22, "FR": 27, "GB": 22, "ES": 24, "IT": 27}


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def card_brand_ok(digits):
    n = len(digits)
    if digits[0] == "4":
        return n in (13, 16, 19)
    if 51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720:
        return n == 16
    if digits[:2] in ("34", "37"):
        return n == 15
    if digits[:4] == "6011" or digits[:2] == "65":
        return n == 16
    if 3528 <= int(digits[:4]) <= 3589:
        return n == 16
    return False


def credit_card(value):
    groups = re.fullmatch(r"\d+|(\d+)(?:([ -])\d+)+", value)
    if not groups:
        return False
    digits = re.sub(r"[ -]", "", value)
    separators = set(re.findall(r"[ -]", value))
    return len(separators) <= 1 and luhn_ok(digits) and card_brand_ok(digits)


def usa_ssn(value):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", value)
    if not m:
        return False
    area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


def usa_passport(value):
    return re.fullmatch(r"[0-9]{9}|[A-Z][0-9]{8}", value) is not None


def uk_nino(value):
    compact = value.replace(" ", "")
    m = re.fullmatch(r"([A-Z])([A-Z])\d{6}[A-D]", compact)
    if not m or (value != compact and re.fullmatch(r"[A-Z]{2} \d\d \d\d \d\d [A-D]", value) is None):
        return False
    first, second = m.group(1), m.group(2)
    return (first not in "DFIQUV" and second not in "DFIQUVO"
            and first + second not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))


def iban(value):
    compact = value.replace(" ", "")
    if value != compact and value != " ".join(compact[i:i + 4] for i in range(0, len(compact), 4)):
        return False
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not re.fullmatch(r"[A-Z0-9]+", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def aws_access_key_id(value):
    return re.fullmatch(r"AKIA[A-Z2-7]{16}", value) is not None


def aws_secret_key(value):
    return (re.fullmatch(r"[A-Za-z0-9/+]{40}", value) is not None
            and re.search(r"[A-Z]", value) and re.search(r"[a-z]", value)
            and not value.endswith("EXAMPLEKEY"))


def github_token(value):
    m = re.fullmatch(r"ghp_([A-Za-z0-9]{30})([A-Za-z0-9]{6})", value)
    if not m:
        return False
    checksum = 0
    for ch in m.group(2):
        checksum = checksum * 62 + BASE62.index(ch)
    return checksum == zlib.crc32(m.group(1).encode())


def slack_token(value):
    return re.fullmatch(r"xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,40}", value) is not None


def stripe_key(value):
    m = re.fullmatch(r"(?:sk|rk)_live_([A-Za-z0-9]{24,247})", value)
    return bool(m) and len({c.isdigit() or c.isupper() for c in m.group(1)}) == 2


def pem_block(value, begin, end):
    lines = value.replace("\\n", "\n").split("\n")
    body = "".join(line.strip() for line in lines[1:-1])
    if lines[0].strip() != begin or lines[-1].strip() != end or not body:
        return False
    try:
        base64.b64decode(body, validate=True)
    except binascii.Error:
        return False
    return True


def pkcs(value):
    return (pem_block(value, "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----")
            or pem_block(value, "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"))


def openssh(value):
    return (pem_block(value, "-----BEGIN OPENSSH PRIVATE KEY-----",
                      "-----END OPENSSH PRIVATE KEY-----")
            and value.split("KEY-----", 1)[1].lstrip("\\n \n").startswith("b3BlbnNzaC1rZXktdjE"))


def basic_auth(value):
    m = re.fullmatch(r"(?i)authorization: basic ([A-Za-z0-9+/]+={0,2})", value)
    if not m:
        return False
    try:
        decoded = base64.b64decode(m.group(1), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return decoded.index(":") > 0 if ":" in decoded else False


def database_url(value):
    m = re.fullmatch(r"([a-z][a-z0-9+.-]*)://([^:@/\s]+):([^@/\s]+)@([A-Za-z0-9][A-Za-z0-9.-]*)", value)
    return bool(m) and m.group(3).lower() not in ("password", "changeme", "secret")


def jwt(value):
    parts = value.split(".")
    if len(parts) != 3 or not all(re.fullmatch(r"[A-Za-z0-9_-]+", p) for p in parts):
        return False
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        return False
    return isinstance(header, dict) and "alg" in header and isinstance(payload, dict)


def email(value):
    return re.fullmatch(r"[a-z0-9._]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value) is not None


def phone(value):
    digits = re.sub(r"\D", "", value)
    if digits.startswith("1") and len(digits) == 11:
        digits = digits[1:]
    return (len(digits) == 10 and digits[0] in "23456789" and digits[3] in "23456789"
            and digits[3:6] != "555")


CHECKS = {
    "CREDIT_CARD_NUMBER": credit_card,
    "USA_SOCIAL_SECURITY_NUMBER": usa_ssn,
    "USA_PASSPORT_NUMBER": usa_passport,
    "UK_NATIONAL_INSURANCE_NUMBER": uk_nino,
    "GERMANY_BANK_ACCOUNT_NUMBER": iban,
    "FRANCE_BANK_ACCOUNT_NUMBER": iban,
    "UK_BANK_ACCOUNT_NUMBER": iban,
    "SPAIN_BANK_ACCOUNT_NUMBER": iban,
    "ITALY_BANK_ACCOUNT_NUMBER": iban,
    "TAMIS_AWS_ACCESS_KEY_ID": aws_access_key_id,
    "AWS_CREDENTIALS": aws_secret_key,
    "TAMIS_GITHUB_TOKEN": github_token,
    "TAMIS_SLACK_TOKEN": slack_token,
    "STRIPE_CREDENTIALS": stripe_key,
    "PKCS": pkcs,
    "OPENSSH_PRIVATE_KEY": openssh,
    "HTTP_BASIC_AUTH_HEADER": basic_auth,
    "TAMIS_DATABASE_URL_PASSWORD": database_url,
    "JSON_WEB_TOKEN": jwt,
    "EMAIL_ADDRESS": email,
    "PHONE_NUMBER": phone,
}
IBAN_COUNTRY_OF_TYPE = {"GERMANY_BANK_ACCOUNT_NUMBER": "DE", "FRANCE_BANK_ACCOUNT_NUMBER": "FR",
                        "UK_BANK_ACCOUNT_NUMBER": "GB", "SPAIN_BANK_ACCOUNT_NUMBER": "ES",
                        "ITALY_BANK_ACCOUNT_NUMBER": "IT"}
