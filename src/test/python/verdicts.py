#!/usr/bin/python3
"""Usage: /usr/bin/python3 src/test/python/verdicts.py SCHEMA CORPUS.jsonl

Prints one line per rating of CORPUS (JSON Lines): `true` when Python jsonschema's
Draft202012Validator (no format checker: format is an annotation) accepts it against SCHEMA,
`false` otherwise. Numbers are read as Decimal (schema and ratings), so they are compared
exactly, as rubricc compares them. A line that is not one JSON value, has duplicate keys, or
uses NaN/Infinity is `false`, as rubricc reports it malformed-json.
"""
import json
import sys
from decimal import Decimal

from jsonschema import Draft202012Validator


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def no_constants(name):
    raise ValueError("not JSON: " + name)


def load(text):
    return json.loads(text, parse_float=Decimal, parse_constant=no_constants, object_pairs_hook=no_duplicates)


def main(argv):
    if len(argv) != 3:
        print("usage: verdicts.py SCHEMA CORPUS.jsonl", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = load(f.read())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    out = []
    with open(argv[2], encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline does not start another line
    for line in lines:
        try:
            rating = load(line)
        except ValueError:
            out.append("false")
            continue
        out.append("true" if validator.is_valid(rating) else "false")
    sys.stdout.write("".join(v + "\n" for v in out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
