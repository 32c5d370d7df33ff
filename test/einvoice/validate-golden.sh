#!/usr/bin/env bash
# Checks every UBL and CII golden file with the official rules (development only: needs Java, see docs/einvoice.md).
# Usage: test/einvoice/validate-golden.sh [path/to/validate]   (default ../shared/einvoice/validate)
set -u
VALIDATE=${1:-$(dirname "$0")/../../../shared/einvoice/validate}
cd "$(dirname "$0")/golden" || exit 2
status=0
for f in *.ubl.xml; do [ -e "$f" ] && { "$VALIDATE" "$f" || status=1; }; done
for f in *.peppol.xml; do [ -e "$f" ] && { "$VALIDATE" --peppol "$f" || status=1; }; done
for f in *.xrechnung.xml; do [ -e "$f" ] && { "$VALIDATE" --xrechnung "$f" || status=1; }; done
for f in *.cii.xml; do [ -e "$f" ] && { "$VALIDATE" "$f" || status=1; }; done
for f in *.xrechnung-cii.xml; do [ -e "$f" ] && { "$VALIDATE" --xrechnung "$f" || status=1; }; done
exit $status
