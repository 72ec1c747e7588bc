"""Where the HSDS 3.0 specification's examples and compiled schemas are, for the tests.

The examples are copied, unchanged and with their licence, into ``hsds_examples/`` so that their
import is always tested. The compiled schemas (17 MB) live next to the project
(``../shared/standards/hsds-3.0``) or wherever ROHNAMO_HSDS_SPEC points; tests that need them are
skipped, saying why, when neither exists (the bundled table schemas are always checked).
"""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

SPEC = Path(
    os.environ.get(
        "ROHNAMO_HSDS_SPEC", Path(settings.BASE_DIR).parent / "shared/standards/hsds-3.0"
    )
)
EXAMPLES = Path(__file__).resolve().parent / "hsds_examples"

needs_spec = pytest.mark.skipif(
    not (SPEC / "schema" / "compiled").is_dir(),
    reason=f"the HSDS 3.0 specification is not at {SPEC}",
)


def compiled_validator(name):
    """A validator of the specification's compiled schema ``name`` (e.g. organization_package)."""
    schema = json.loads((SPEC / "schema" / "compiled" / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def compiled_errors(name, document):
    return [
        f"{error.json_path}: {error.message}"
        for error in compiled_validator(name).iter_errors(document)
    ]
