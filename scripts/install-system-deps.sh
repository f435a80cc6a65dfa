#!/usr/bin/env bash
# What the tests need beyond Python: LibreOffice Calc (the independent spreadsheet engine),
# pdftoppm (workbook renders), Node.js with npm (real Pyodide, the runtime of xlwings Lite),
# PostgreSQL (a throwaway server for the database route of invoice lines), Java 17 (Spark) and
# the Carlito font (Calibri's metrics), GNU time (peak memory).
set -euo pipefail
need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v java >/dev/null || need+=(openjdk-17-jre-headless)
# GNU time: the peak memory of each case of the fuzz campaign (tests/fuzz.py) and of benchmarks
[ -x /usr/bin/time ] || need+=(time)
# Carlito: Calibri's metrics, so that renders and the fit test measure text as Excel shows it
[ -f /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need+=(fonts-crosextra-carlito)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
