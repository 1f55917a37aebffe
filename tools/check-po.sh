#!/bin/sh
# check-po.sh PO: fails when PO is malformed or has any untranslated or
# fuzzy message (meson test check-po-es).
set -eu
po=$1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
  echo "$stats"; echo "check-po: $po does not compile" >&2; exit 1; }
echo "$stats"
case "$stats" in
  *fuzzy*|*untranslated*)
    echo "check-po: $po has fuzzy or untranslated messages:" >&2
    msgattrib --only-fuzzy "$po" 2>/dev/null | grep '^msgid' | sed 1d >&2 || true
    msgattrib --untranslated "$po" 2>/dev/null | grep '^msgid' | sed 1d >&2 || true
    exit 1 ;;
esac
