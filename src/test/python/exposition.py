"""Parses a /metrics answer (stdin) with the Prometheus project's own parsers, from its Python client.

Usage: python3 exposition.py openmetrics|text < body
Prints one JSON object per sample: {"family", "type", "name", "labels", "value"}; values are strings that Java's
Double.parseDouble reads (NaN, Infinity). Exits 1 with the parser's message when the body does not parse.
The OpenMetrics parser is the strict one (names, suffixes, bucket order, +Inf bucket, # EOF); the text format
parser checks the lines and values.
"""
import json
import math
import sys


def number(value):
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("openmetrics", "text"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if sys.argv[1] == "openmetrics":
            from prometheus_client.openmetrics.parser import text_string_to_metric_families
        else:
            from prometheus_client.parser import text_string_to_metric_families
    except ImportError as e:
        print(f"{e}: install the Prometheus Python client (Debian: apt-get install python3-prometheus-client)",
              file=sys.stderr)
        return 3
    body = sys.stdin.read()
    try:
        for family in text_string_to_metric_families(body):
            for sample in family.samples:
                print(json.dumps({"family": family.name, "type": family.type, "name": sample.name,
                                  "labels": sample.labels, "value": number(sample.value)}))
    except Exception as e:  # the parsers raise ValueError, and KeyError or IndexError on some broken lines
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
