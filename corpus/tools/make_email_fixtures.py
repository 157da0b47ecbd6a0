#!/usr/bin/env python3
"""Writes corpus/formats/quarterly_report.eml: an email as mail clients send it, with the places
where sensitive data hides in email: an RFC 2047 encoded subject, a quoted-printable body, a base64
HTML alternative, a base64 zip attachment holding a CSV, and a forwarded message. Deterministic
(fixed boundaries and dates); the values are synthetic."""
import io
import os
import sys
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "formats")


def attachment_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        csv = (
            "name,ssn,iban\n"
            "Ana Ruiz,412-67-3390,GB59 UODD 7622 6374 5149 62\n"
            "Lee Chan,536-22-1849,\n"
        )
        z.writestr(zipfile.ZipInfo("export/employees.csv", (2024, 1, 1, 0, 0, 0)), csv)
    return out.getvalue()


def forwarded():
    inner = EmailMessage(policy=SMTP)
    inner["From"] = "Payroll <payroll@example.com>"
    inner["To"] = "hr@example.com"
    inner["Subject"] = "Bank details"
    inner["Date"] = "Mon, 04 Mar 2024 10:00:00 +0000"
    inner["Message-ID"] = "<inner-1@example.com>"
    inner.set_content("New account for the transfer: GB59 UODD 7622 6374 5149 62\n")
    return inner


def main():
    msg = EmailMessage(policy=SMTP)
    msg["From"] = "Rosa Martel <rosa@example.com>"
    msg["To"] = "Finance <finance@example.com>"
    msg["Subject"] = "Rapport trimestriel – numéro de carte 4329 0669 6704 9377"
    msg["Date"] = "Tue, 05 Mar 2024 09:30:00 +0100"
    msg["Message-ID"] = "<report-2024q1@example.com>"
    body = (
        "Hello,\n\n"
        "The quarterly report is attached. Lee's social security number is 536-22-1849;\n"
        "the corporate card number is 4329 0669 6704 9377 (please don't forward this).\n\n"
        "Merci, Rosa — équipe finance\n"
    )
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    msg.add_alternative(
        "<html><body><p>Lee&#39;s <b>SSN</b>: 536-22-1849</p>"
        "<p>card number <span>4329 0669 6704 9377</span></p></body></html>\n",
        subtype="html", charset="utf-8", cte="base64")
    msg.make_mixed()
    msg.add_attachment(attachment_zip(), maintype="application", subtype="zip",
                       filename="employees.zip")
    msg.add_attachment(forwarded())
    # Fixed boundaries, so the file does not change between runs.
    for n, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"==tamis-boundary-{n}==")
    data = msg.as_bytes()
    with open(os.path.join(HERE, "quarterly_report.eml"), "wb") as f:
        f.write(data)
    print(f"quarterly_report.eml: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
