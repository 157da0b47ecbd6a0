"""Engine construction from each kind of configuration, configuration errors, and lifetime."""

from __future__ import annotations

import json

import pytest

import tamis
from conftest import SENSITIVE_TEXT, SSN_CONFIG


def test_library_is_loaded_and_versioned(library_file):
    assert tamis.library_version() == tamis.__version__
    assert tamis.library_path() == str(library_file)


@pytest.mark.parametrize(
    "config",
    [SSN_CONFIG, json.dumps(SSN_CONFIG), json.dumps(SSN_CONFIG).encode()],
    ids=["dict", "str", "bytes"],
)
def test_config_kinds_build_the_same_engine(config):
    with tamis.Engine(config) as engine:
        assert engine.scan(SENSITIVE_TEXT).counts() == {"USA_SOCIAL_SECURITY_NUMBER": 2}


def test_config_from_a_path(tmp_path):
    path = tmp_path / "config.json"
    path.write_text(json.dumps(SSN_CONFIG))
    with tamis.Engine(path) as engine:
        assert engine.scan(SENSITIVE_TEXT).types() == ["USA_SOCIAL_SECURITY_NUMBER"]


def test_default_config_finds_recommended_identifiers(default_engine):
    result = default_engine.scan("Card number: 4329 0669 6704 9377\nSSN: 536-22-4871\n")
    assert {"CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"} <= set(result.types())


def test_custom_identifier_config():
    config = {
        "managedDataIdentifierSelector": "NONE",
        "customDataIdentifiers": [
            {"name": "EmployeeId", "regex": "EMP-[0-9]{6}", "keywords": ["employee"]}
        ],
    }
    with tamis.Engine(config) as engine:
        result = engine.scan("employee EMP-123456\n")
    (finding,) = result.findings
    assert finding.type == "EmployeeId"
    assert finding.custom and finding.category is tamis.Category.CUSTOM_IDENTIFIER
    assert finding.severity is tamis.Severity.MEDIUM


def test_syntax_error_names_the_position():
    with pytest.raises(tamis.ConfigError) as caught:
        tamis.Engine('{"managedDataIdentifierSelector": ')
    error = caught.value
    assert error.status == -3 and error.status_name == "TAMIS_E_CONFIG"
    assert "line 1" in error.message
    assert isinstance(error, tamis.Error) and isinstance(error, ValueError)


def test_bad_value_names_the_field():
    with pytest.raises(tamis.ConfigError, match="managedDataIdentifierSelector"):
        tamis.Engine({"managedDataIdentifierSelector": "SOMETIMES"})


def test_bad_custom_regex_is_a_config_error():
    config = {"customDataIdentifiers": [{"name": "Broken", "regex": "([a-z"}]}
    with pytest.raises(tamis.ConfigError, match="Broken"):
        tamis.Engine(config)


@pytest.mark.parametrize("config", [42, ["a"], 1.5])
def test_config_of_the_wrong_type_is_a_type_error(config):
    with pytest.raises(TypeError, match="config must be"):
        tamis.Engine(config)


def test_missing_config_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        tamis.Engine(tmp_path / "absent.json")


def test_close_is_idempotent_and_closed_engine_refuses_work():
    engine = tamis.Engine(SSN_CONFIG)
    assert not engine.closed
    engine.close()
    engine.close()
    assert engine.closed
    with pytest.raises(ValueError, match="closed Engine"):
        engine.scan("x")
    with pytest.raises(ValueError, match="closed Engine"):
        engine.scanner()
    with pytest.raises(ValueError, match="closed Engine"):
        engine.serialize()


def test_scanner_outlives_its_engine():
    engine = tamis.Engine(SSN_CONFIG)
    scanner = engine.scanner()
    engine.close()
    with scanner:
        assert scanner.scan(SENSITIVE_TEXT).counts() == {"USA_SOCIAL_SECURITY_NUMBER": 2}
    assert scanner.closed
    with pytest.raises(ValueError, match="closed Scanner"):
        scanner.scan("x")


def test_engines_dropped_without_close_are_freed():
    # The __del__ safety net: nothing leaks or double-frees when objects are just dropped.
    for _ in range(3):
        engine = tamis.Engine(SSN_CONFIG)
        engine.scan(SENSITIVE_TEXT)
        scanner = engine.scanner()
        del engine
        assert scanner.scan(SENSITIVE_TEXT).counts()["USA_SOCIAL_SECURITY_NUMBER"] == 2
        del scanner
