#!/usr/bin/env python3
"""Reads the Surefire XML reports and fails unless every test ran and passed:
at least one test, 0 failures, 0 errors and 0 skipped (a skipped test is a
failure of the target, never silent)."""
import pathlib
import sys
import xml.etree.ElementTree as ET

reports = sorted(pathlib.Path(sys.argv[1]).glob("TEST-*.xml"))
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for report in reports:
    suite = ET.parse(report).getroot()
    for key in totals:
        totals[key] += int(suite.get(key, "0"))
    for case in suite.iter("testcase"):
        for bad in ("failure", "error", "skipped"):
            if case.find(bad) is not None:
                print(f"{bad}: {case.get('classname')}.{case.get('name')}", file=sys.stderr)
failed = totals["failures"] + totals["errors"]
print(f"kotlin: {len(reports)} suites; {totals['tests'] - failed - totals['skipped']} passed, "
      f"{failed} failed, {totals['skipped']} skipped")
if not reports or totals["tests"] == 0 or failed or totals["skipped"]:
    sys.exit(1)
