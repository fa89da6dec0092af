#!/usr/bin/python3
"""README snippet: check ratings with Python jsonschema against a rubricc rating form, with rubricc's messages.

    python3 validate_snippet.py generated-docs/image-edit/2.0.0 ratings.jsonl

Prints `line N: valid` or `line N: <instance path>: <message>` per rating.
"""
import json
import sys
from decimal import Decimal

from jsonschema import Draft202012Validator

folder, ratings_file = sys.argv[1], sys.argv[2]
with open(f"{folder}/rating-form.schema.json", encoding="utf-8") as f:
    schema = json.load(f, parse_float=Decimal)  # Decimal: numbers compared exactly, as rubricc does
with open(f"{folder}/rating-form.messages.json", encoding="utf-8") as f:
    messages = json.load(f)
validator = Draft202012Validator(schema)

with open(ratings_file, encoding="utf-8") as f:
    for n, line in enumerate((l for l in f.read().split("\n") if l), start=1):
        errors = sorted(validator.iter_errors(json.loads(line, parse_float=Decimal)), key=lambda e: list(e.absolute_path))
        if not errors:
            print(f"line {n}: valid")
        for error in errors:
            location = "#/" + "/".join(map(str, error.schema_path))
            message = messages.get(location, error.message)
            if message is not None:
                print(f"line {n}: /{'/'.join(map(str, error.absolute_path))}: {message}")
