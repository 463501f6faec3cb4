#!/usr/bin/env bash
# Installs the Debian packages the test suite uses and the app itself does not: aubio-tools
# (an independent onset detector that judges the rendered music). Run by `mvn verify` before the
# tests; does nothing when the tools are there already.
set -u
missing=()
command -v aubio >/dev/null 2>&1 || missing+=(aubio-tools)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-tools: please install ${missing[*]} (Debian/Ubuntu package names) to run the tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "test-tools: run 'sudo apt-get install ${missing[*]}' once; the tests that need it will fail until then" >&2
    exit 0
  fi
fi
echo "test-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update -qq >/dev/null 2>&1
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || echo "test-tools: could not install ${missing[*]}" >&2
fi
exit 0
