#!/usr/bin/env python3
"""Prints, as JSON, how real clients read a bulletin workbook: per sheet, the title cell (A1) and the
header row (row 2) as openpyxl reads them, the columns and rows pandas.read_excel(header=1) returns
(row count, first-column labels, rows without any value), the number formats of the numeric cells and
the print setup; and every text cell of the workbook. Used by the test of the committed workbooks."""
import json
import sys
import warnings

import openpyxl
import pandas

warnings.simplefilter("ignore")
path = sys.argv[1]
book = openpyxl.load_workbook(path)
out = {"sheets": [], "text": []}
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        out["text"] += [v for v in row if isinstance(v, str)]
    frame = pandas.read_excel(path, sheet_name=sheet.title, header=1)
    formats = sorted({c.number_format for row in sheet.iter_rows(min_row=3) for c in row
                      if isinstance(c.value, (int, float))})
    setup = sheet.sheet_properties.pageSetUpPr
    out["sheets"].append({
        "name": sheet.title,
        "title": sheet["A1"].value,
        "header": [c.value for c in sheet[2] if c.value is not None],
        "columns": [str(c) for c in frame.columns],
        "rows": len(frame),
        "labels": [str(v) for v in frame.iloc[:, 0]] if len(frame.columns) else [],
        "emptyRows": int(frame.isna().all(axis=1).sum()),
        "formats": formats,
        "fitToPage": bool(setup is not None and setup.fitToPage),
        "fitToWidth": sheet.page_setup.fitToWidth,
        "orientation": sheet.page_setup.orientation,
        "printTitles": sheet.print_title_rows,
    })
json.dump(out, sys.stdout, ensure_ascii=False)
