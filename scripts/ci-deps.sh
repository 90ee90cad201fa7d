#!/usr/bin/env bash
# The Debian tools the test suites run wirefeed's output through: xmllint
# (libxml2-utils), Python's feedparser (for /usr/bin/python3), newsboat (and
# sqlite3 to read its cache) and jing (RELAX NG) for the conformance suite, with
# gofeed (its Go source, built offline with golang-go) and the W3C Feed
# Validation Service's own code (../shared/feedvalidator, which imports
# html5lib and rdflib); chromium for the browser tests (playwright-core
# downloads no browser of its own); coreutils' stdbuf, through which the
# bench's tests read workerd's garbage-collection trace (Essential in Debian,
# so checked, not expected to be missing). Installs only what is missing, so a warm
# machine skips apt; a fresh one (CI) gets everything.
set -euo pipefail

missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)
/usr/bin/python3 -c 'import html5lib' >/dev/null 2>&1 || missing+=(python3-html5lib)
/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1 || missing+=(python3-rdflib)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
[ -d /usr/share/gocode/src/github.com/mmcdole/gofeed ] || missing+=(golang-github-mmcdole-gofeed-dev)
command -v newsboat >/dev/null 2>&1 || missing+=(newsboat)
command -v jing >/dev/null 2>&1 || missing+=(jing)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v stdbuf >/dev/null 2>&1 || missing+=(coreutils)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-deps: xmllint, python3-feedparser, python3-html5lib, python3-rdflib, golang-go, gofeed, newsboat, jing, sqlite3, chromium and stdbuf are installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ci-deps: missing ${missing[*]}; run this script as root (apt-get install)" >&2
  exit 1
fi

echo "ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
