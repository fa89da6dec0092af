#!/usr/bin/python3
"""Usage: /usr/bin/python3 src/test/python/pattern_verdicts.py CASES.jsonl

Each line of CASES is {"p": PATTERN, "t": [TEXT, ...]}. Prints one line per case: for each text, 1 when
`re.search(p, text)` finds a match (how python-jsonschema checks `pattern`), 0 otherwise. Warnings are
errors: a pattern Python warns about is not portable.
"""
import json
import re
import sys
import warnings


def main(argv):
    warnings.simplefilter("error")
    out = []
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            compiled = re.compile(case["p"])
            out.append("".join("1" if compiled.search(t) else "0" for t in case["t"]))
    sys.stdout.write("".join(o + "\n" for o in out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
