"""Span and per-file scoring against hand-computed counts."""

from __future__ import annotations

import pytest

from corpus import TruthEntry
from metrics import Finding, score_files, score_spans

CARD = "CREDIT_CARD_NUMBER"
SSN = "USA_SOCIAL_SECURITY_NUMBER"

TRUTH = [
    TruthEntry("a.txt", 10, 26, CARD, "x", True),
    TruthEntry("a.txt", 50, 66, CARD, "y", False),  # no keyword: negative under Macie's rules
    TruthEntry("a.txt", 80, 91, SSN, "z", True),
    TruthEntry("b.txt", 0, 11, SSN, "w", True),
]


def test_overlap_type_and_path_decide_a_match():
    findings = [
        Finding("a.txt", 20, 30, "r", CARD),  # overlaps the keyword card
        Finding("a.txt", 26, 40, "r", CARD),  # touches its end only: no overlap
        Finding("a.txt", 80, 91, "r", CARD),  # right place, wrong type
        Finding("b.txt", 10, 26, "r", CARD),  # right range, wrong file
        Finding("a.txt", 85, 86, "r", SSN),  # inside the SSN
    ]
    scores = score_spans(findings, TRUTH, {CARD, SSN}, "macie")
    assert (scores[CARD].true_positives, scores[CARD].findings) == (1, 4)
    assert (scores[CARD].recalled, scores[CARD].positives) == (1, 1)
    assert scores[CARD].precision == pytest.approx(0.25)
    assert (scores[SSN].true_positives, scores[SSN].findings, scores[SSN].recalled, scores[SSN].positives) == (1, 1, 1, 2)
    assert scores[SSN].recall == pytest.approx(0.5)


def test_keyword_false_entries_are_negatives_for_macie_and_positives_for_any_valid():
    findings = [Finding("a.txt", 50, 66, "r", CARD)]
    macie = score_spans(findings, TRUTH, {CARD}, "macie")[CARD]
    any_valid = score_spans(findings, TRUTH, {CARD}, "any-valid")[CARD]
    assert (macie.true_positives, macie.findings, macie.recalled, macie.positives) == (0, 1, 0, 1)
    assert (any_valid.true_positives, any_valid.findings, any_valid.recalled, any_valid.positives) == (1, 1, 1, 2)


def test_two_findings_on_one_value_recall_it_once():
    findings = [Finding("b.txt", 0, 5, "r", SSN), Finding("b.txt", 3, 11, "r", SSN)]
    score = score_spans(findings, TRUTH, {SSN}, "macie")[SSN]
    assert (score.true_positives, score.findings, score.recalled, score.positives) == (2, 2, 1, 2)


def test_no_findings_and_no_positives_give_no_ratio():
    score = score_spans([], [], {CARD}, "macie")[CARD]
    assert score.precision is None and score.recall is None


def test_unknown_view_is_refused():
    with pytest.raises(ValueError, match="unknown view"):
        score_spans([], TRUTH, {CARD}, "regex")


def test_per_file_verdicts_count_files_once():
    findings = [
        Finding("a.txt", None, None, "Heuristics.Structured.SSN", SSN),
        Finding("a.txt", None, None, "Heuristics.Structured.SSN", SSN),
        Finding("c.txt", None, None, "Heuristics.Structured.SSN", SSN),
        Finding("a.txt", None, None, "Heuristics.Structured.CreditCardNumber", CARD),
    ]
    ssn = score_files(findings, TRUTH, {SSN, CARD}, "macie")[SSN]
    assert (ssn.true_positives, ssn.findings, ssn.recalled, ssn.positives) == (1, 2, 1, 2)
    card = score_files(findings, TRUTH, {CARD}, "macie")[CARD]
    assert (card.true_positives, card.findings, card.positives) == (1, 1, 1)
