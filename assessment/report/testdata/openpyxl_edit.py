"""Edit cells of a workbook with openpyxl, as scripts and many tools do.

openpyxl keeps formulas but drops their cached values, so a workbook it
saves holds, for a boolean LibreOffice wrote as the formula TRUE(), the
formula alone.

Usage: openpyxl_edit.py IN.xlsx OUT.xlsx [SHEET CELL KIND VALUE]...
KIND is int, float or str.
"""
import sys

import openpyxl


def main(args):
    src, dst, edits = args[0], args[1], args[2:]
    wb = openpyxl.load_workbook(src)
    for i in range(0, len(edits), 4):
        sheet, ref, kind, value = edits[i:i + 4]
        wb[sheet][ref] = {"int": int, "float": float, "str": str}[kind](value)
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1:])
