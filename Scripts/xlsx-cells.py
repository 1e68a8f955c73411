#!/usr/bin/env python3
"""Prints every sheet of an .xlsx as CSV rows, read by openpyxl (a real client): numbers as Python
prints them, text cells prefixed with ' (so a number stored as text shows), empty cells empty. Used by
the end-to-end test that compares a workbook with the CSV."""
import csv
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
book = openpyxl.load_workbook(sys.argv[1])
out = csv.writer(sys.stdout, lineterminator="\n")
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        out.writerow(["" if v is None else ("'" + v if isinstance(v, str) else repr(v)) for v in row])
