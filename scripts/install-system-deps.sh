#!/usr/bin/env bash
# LibreOffice Calc (the tests' independent spreadsheet engine) and pdftoppm (workbook renders).
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui poppler-utils >/dev/null
