"""Edit cells of a workbook in LibreOffice Calc itself, through UNO, as a
user typing in Calc would, and save it as .xlsx.

Usage: uno_edit.py SOFFICE PROFILE_DIR IN.xlsx OUT.xlsx [SHEET CELL KIND VALUE]...
KIND is int, float or str (str is entered as a user types it, so a number
typed as text follows Calc's own parsing).
"""
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(args):
    soffice, profile, src, dst, edits = args[0], args[1], args[2], args[3], args[4:]
    pipe = "ccsa" + uuid.uuid4().hex
    proc = subprocess.Popen([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                             "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        for i in range(0, len(edits), 4):
            sheet, ref, kind, value = edits[i:i + 4]
            c = doc.Sheets.getByName(sheet).getCellRangeByName(ref)
            if kind == "str":
                c.setFormula(value)  # what a user types in the cell
            else:
                c.setValue({"int": int, "float": float}[kind](value))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main(sys.argv[1:])
