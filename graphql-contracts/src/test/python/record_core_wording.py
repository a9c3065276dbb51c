#!/usr/bin/env python3
"""Records what graphql-core itself reports for the checker's wording cases.

Each case under src/test/resources/dev/subpact/graphql/check/cases/ holds a schema, an operation,
its operationName and example variables. This script runs graphql-core on it as Strawberry does
(validate with the specified rules, then coerce_variable_values; the warnings are
NoDeprecatedCustomRule's) and prints the case with its "expected" block recorded; with --write it
rewrites the case file instead. GraphqlCoreWordingTest then holds subpact to exactly these words.

Needs graphql-core 3.2.8 (pip install graphql-core==3.2.8). From graphql-contracts/:

    python3 src/test/python/record_core_wording.py src/test/resources/dev/subpact/graphql/check/cases/*.json
    python3 src/test/python/record_core_wording.py --write src/test/resources/dev/subpact/graphql/check/cases/new-case.json
"""
import json
import pathlib
import sys

import graphql
from graphql import build_schema, parse, validate
from graphql.execution.values import get_variable_values
from graphql.utilities import get_operation_ast
from graphql.validation import NoDeprecatedCustomRule

EXPECTED_VERSION = "3.2.8"
MODULE = pathlib.Path(__file__).resolve().parents[3]
CHECK = MODULE / "src/test/resources/dev/subpact/graphql/check"
CLASSPATH_ROOTS = [MODULE / "src/test/resources", MODULE.parent / "incident/src/main/resources"]


def schema_text(name):
    if not name.startswith("/"):
        return (CHECK / name).read_text(encoding="utf-8")
    for root in CLASSPATH_ROOTS:
        candidate = root / name.lstrip("/")
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise SystemExit(f"schema {name} is not under {', '.join(map(str, CLASSPATH_ROOTS))}")


def locations(error):
    return [[loc.line, loc.column] for loc in (error.locations or [])]


def record(case):
    schema = build_schema(schema_text(case["schema"]))
    document = parse(case["query"])
    errors = [{"message": e.message, "locations": locations(e)} for e in validate(schema, document)]
    operation = get_operation_ast(document, case["operationName"])
    if operation is not None:
        coerced = get_variable_values(schema, operation.variable_definitions, case["variables"] or {})
        if isinstance(coerced, list):
            errors += [{"message": e.message, "locations": locations(e)} for e in coerced]
    warnings = [e.message for e in validate(schema, document, [NoDeprecatedCustomRule])]
    return {
        "by": f"graphql-core {graphql.__version__} (validate, then coerce_variable_values; warnings from NoDeprecatedCustomRule)",
        "errors": errors,
        "warnings": warnings,
    }


def main(args):
    if graphql.__version__ != EXPECTED_VERSION:
        raise SystemExit(f"graphql-core {EXPECTED_VERSION} records the cases; this python has {graphql.__version__}")
    write = "--write" in args
    for path in [pathlib.Path(a) for a in args if a != "--write"]:
        case = json.loads(path.read_text(encoding="utf-8"))
        case["expected"] = record(case)
        text = json.dumps(case, indent=2, ensure_ascii=False) + "\n"
        if write:
            path.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(f"== {path.name}\n{text}")


if __name__ == "__main__":
    main(sys.argv[1:])
