"""The identifier screen as it was before issue #12 (bot/privacy.py at f97789d), kept only as the bench baseline."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
           "nov(ember)?|dec(ember)?")
_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_DATE_PATTERNS = (
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b"),
    re.compile(r"\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b"),
    re.compile(rf"\b\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE),
    re.compile(rf"\b({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}\b", re.IGNORECASE),
    re.compile(r"\b(d\.?o\.?b\.?|date of birth|born on)\b", re.IGNORECASE),
)
_POSTCODE = re.compile(r"\b(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+-])(\+44|\(?0)[\d\s()-]{8,16}\d(?![\w-])")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_ADDRESS_PATTERNS = (
    re.compile(r"\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z'-]+\s+){1,3}(road|street|avenue|lane|drive|crescent|gardens|"
               r"terrace|grove|mews|square)\b", re.IGNORECASE),
    re.compile(r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][A-Za-z'-]*\s+){1,3}(Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|"
               r"Way|Court|Place|Walk|Hill|Park|Rise|View|Row)\b"),
)
_WORD = re.compile(r"\b[A-Z][a-z'’-]+\b")
_NAME_PARTS = re.compile(r"['’-]")  # "Oliver's" and "Smith-Jones" are checked part by part


@dataclass(frozen=True)
class Finding:
    """One kind of identifier found: `kind` for code, `label` for the person; never the text itself."""

    kind: str
    label: str


LABELS = {
    "nhs_number": "an NHS number",
    "date": "a date that could be a date of birth",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
    "name": "a name",
    "address": "an address",
}


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit: 10 digits whose weighted sum gives the last one."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_identifiers(text: str, names: frozenset[str] = frozenset()) -> list[Finding]:
    """Every kind of identifier in `text`, each kind once, in a fixed order.

    Names are matched only as whole words written with a capital letter, so 'mason' the job is not a name
    but 'Mason' is; `names` are lower-case (settings.names).
    """
    text = text or ""
    kinds: list[str] = []
    if any(nhs_number_is_valid("".join(m.groups())) for m in _NHS.finditer(text)):
        kinds.append("nhs_number")
    if any(pattern.search(text) for pattern in _DATE_PATTERNS):
        kinds.append("date")
    if _POSTCODE.search(text) and any(_looks_like_postcode(m.group(0)) for m in _POSTCODE.finditer(text)):
        kinds.append("postcode")
    if any(_phone_digits(m.group(0)) for m in _PHONE.finditer(text)):
        kinds.append("phone")
    if _EMAIL.search(text):
        kinds.append("email")
    if names and any(part.lower() in names for word in _WORD.findall(text) for part in _NAME_PARTS.split(word)):
        kinds.append("name")
    if any(pattern.search(text) for pattern in _ADDRESS_PATTERNS):
        kinds.append("address")
    return [Finding(kind, LABELS[kind]) for kind in kinds]


def _phone_digits(candidate: str) -> bool:
    """UK numbers have 10 or 11 digits from the leading 0 (9 or 10 after +44)."""
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+44"):
        digits = digits[2:].removeprefix("0")
        return len(digits) in (9, 10)
    return digits.startswith("0") and len(digits) in (10, 11)


def _looks_like_postcode(candidate: str) -> bool:
    """Case references such as 'CR 1AB' are rare; a postcode's inward part is a digit and two letters."""
    compact = candidate.replace(" ", "").upper()
    return 5 <= len(compact) <= 7 and compact[-3].isdigit() and compact[-2:].isalpha()


