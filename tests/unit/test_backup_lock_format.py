"""The locked backup's format as documented (docs/schemas/backup-locked-v1.schema.json), checked apart from the
browser code that makes it: the schema accepts the sample file and refuses damaged ones, and the sample's
passphrase check and checksum follow from its fields by the documented steps (PBKDF2-SHA-256, HKDF-SHA-256,
SHA-256), computed here with Python's standard library."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest

from tests.helpers import ROOT

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "schemas" / "backup-locked-v1.schema.json").read_text(encoding="utf-8"))
SAMPLE = json.loads((ROOT / "tests" / "js" / "fixtures" / "locked" / "full.locked.json").read_text(encoding="utf-8"))
PASSPHRASE = "open sesame, twice"


def hkdf_sha256(key: bytes, info: bytes, length: int) -> bytes:
    """HKDF (RFC 5869) with an empty salt."""
    pseudo_random = hmac.new(b"\0" * 32, key, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(pseudo_random, block + info + bytes([counter]), hashlib.sha256).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def header_text(file: dict) -> str:
    kdf, cipher = file["kdf"], file["cipher"]
    fields = [file["format"], file["version"], kdf["name"], kdf["hash"], kdf["iterations"], kdf["salt"],
              cipher["name"], cipher["iv"], cipher["tagLength"], file["check"]]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def test_the_schema_accepts_the_sample() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(SAMPLE)


@pytest.mark.parametrize("change", [
    {"version": 2}, {"kdf": {**SAMPLE["kdf"], "iterations": 100000}}, {"kdf": {**SAMPLE["kdf"], "hash": "SHA-1"}},
    {"cipher": {**SAMPLE["cipher"], "iv": "AAAA"}}, {"checksum": "0" * 63}, {"ciphertext": "not base64!"},
    {"note": "an extra field"},
], ids=["version", "iterations", "hash", "iv", "checksum", "ciphertext", "extra"])
def test_the_schema_refuses_a_changed_sample(change: dict) -> None:
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid({**SAMPLE, **change})


def test_the_check_and_checksum_follow_the_documented_steps() -> None:
    kdf = SAMPLE["kdf"]
    master = hashlib.pbkdf2_hmac("sha256", PASSPHRASE.encode(), base64.b64decode(kdf["salt"]), kdf["iterations"], 32)
    assert base64.b64encode(hkdf_sha256(master, b"passphrase check", 16)).decode() == SAMPLE["check"]
    body = f"{header_text(SAMPLE)}\n{SAMPLE['ciphertext']}".encode()
    assert hashlib.sha256(body).hexdigest() == SAMPLE["checksum"]
