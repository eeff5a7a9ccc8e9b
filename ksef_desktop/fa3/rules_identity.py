"""Rules on NIP check digits, dates (P_1 not in the future) and the reference of corrections."""

from __future__ import annotations

import functools
from datetime import date

from lxml import etree

from ksef_desktop.domain.identifiers import nip_checksum_ok
from ksef_desktop.fa3.faview import FaView, first_child
from ksef_desktop.fa3.problems import (
    NS,
    Problem,
    Severity,
    element_path,
    local_name,
    problem_at,
)
from ksef_desktop.support.i18n import tr

_PARTY_LABELS = {
    "Podmiot1": tr("seller"),
    "Podmiot2": tr("buyer"),
    "Podmiot3": tr("third party"),
    "PodmiotUpowazniony": tr("authorised entity"),
    "Podmiot1K": tr("seller before the correction"),
    "Podmiot2K": tr("buyer before the correction"),
}
_IDS = NS + "DaneIdentyfikacyjne"
_ID_TAGS = frozenset({NS + "NIP", NS + "IDWew"})
CORRECTION_KINDS = frozenset({"KOR", "KOR_ZAL", "KOR_ROZ"})


#: The same NIPs (the seller's above all) come back invoice after invoice.
_checksum_ok = functools.lru_cache(maxsize=4096)(nip_checksum_ok)


def _nip_problem(element: etree._Element, digits: str, label: str) -> Problem | None:
    if len(digits) != 10 or not digits.isdigit() or _checksum_ok(digits):
        return None  # a malformed NIP is already an XSD problem
    return problem_at(
        element,
        "nip-checksum",
        tr(
            "The {party}'s NIP {nip} has a wrong check digit, so KSeF will reject it. "
            "Look for a typing error."
        ).format(party=label, nip=digits),
    )


def nip_problems(root: etree._Element, view: FaView | None) -> list[Problem]:
    """Check-digit problems of every party's NIP, including the NIP inside IDWew."""
    parties: list[tuple[etree._Element, str]] = []
    for child in root:  # a party's name is matched in any namespace
        label = _PARTY_LABELS.get(local_name(child.tag))
        if label is not None:
            parties.append((child, label))
    if view is not None:
        for party in view.corrected_parties:
            parties.append((party, _PARTY_LABELS[local_name(party.tag)]))
    problems: list[Problem] = []
    for party, label in parties:
        ids = first_child(party, _IDS)
        if ids is None:
            continue
        for element in ids:
            if element.tag in _ID_TAGS:
                digits = (element.text or "").strip()[:10]
                problem = _nip_problem(element, digits, label)
                if problem is not None:
                    problems.append(problem)
    return problems


def _date(element: etree._Element | None) -> date | None:
    if element is None or not element.text:
        return None
    try:
        return date.fromisoformat(element.text.strip())
    except ValueError:
        return None  # reported by the XSD check


def date_problems(view: FaView, today: date) -> list[Problem]:
    """P_1 not after today; billing period in order; corrected invoice not after P_1."""
    problems: list[Problem] = []
    issue_el = view.fields.get("P_1")
    issued = _date(issue_el)
    if issued is not None and issued > today:
        problems.append(
            problem_at(
                issue_el,
                "date-future",
                tr(
                    "The issue date P_1 ({issued}) is in the future (today is {today}); KSeF "
                    "rejects an invoice dated after it is received. Use today's date or an "
                    "earlier one."
                ).format(issued=issued.isoformat(), today=today.isoformat()),
            )
        )
    period = view.fields.get("OkresFa")
    if period is not None:
        start_el, end_el = period.find(NS + "P_6_Od"), period.find(NS + "P_6_Do")
        start, end = _date(start_el), _date(end_el)
        if start is not None and end is not None and start > end:
            problems.append(
                problem_at(
                    end_el,
                    "date-invalid",
                    tr(
                        "The billing period ends ({end}) before it starts ({start}). Swap or "
                        "correct the dates."
                    ).format(start=start.isoformat(), end=end.isoformat()),
                )
            )
    if issued is not None:
        for ref in view.corrected_invoices:
            ref_el = ref.find(NS + "DataWystFaKorygowanej")
            ref_date = _date(ref_el)
            if ref_date is not None and ref_date > issued:
                problems.append(
                    problem_at(
                        ref_el,
                        "date-invalid",
                        tr(
                            "The corrected invoice is dated {ref}, after this correction's "
                            "issue date {issued}. Check both dates."
                        ).format(ref=ref_date.isoformat(), issued=issued.isoformat()),
                        severity=Severity.WARNING,
                    )
                )
    return problems


def _reference_complete(ref: etree._Element) -> bool:
    def filled(name: str) -> bool:
        element = ref.find(NS + name)
        return element is not None and bool((element.text or "").strip())

    in_ksef = filled("NrKSeF") and filled("NrKSeFFaKorygowanej")
    return (
        filled("DataWystFaKorygowanej")
        and filled("NrFaKorygowanej")
        and (in_ksef or filled("NrKSeFN"))
    )


def correction_problems(view: FaView) -> list[Problem]:
    """A correction (KOR, KOR_ZAL, KOR_ROZ) must name the invoice it corrects."""
    if view.kind not in CORRECTION_KINDS:
        return []
    refs = view.corrected_invoices
    message = tr(
        "A {kind} correction must name the invoice it corrects (DaneFaKorygowanej: its "
        "number, issue date and KSeF number, or NrKSeFN = 1 if it was issued outside KSeF). "
        "Add the corrected invoice's data."
    ).format(kind=view.kind)
    if not refs:
        anchor = view.fields.get("RodzajFaktury", view.fa)
        path = element_path(view.fa) + "/DaneFaKorygowanej[1]"
        return [problem_at(anchor, "correction-reference-missing", message, path=path)]
    return [
        problem_at(ref, "correction-reference-missing", message)
        for ref in refs
        if not _reference_complete(ref)
    ]
