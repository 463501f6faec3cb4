#!/usr/bin/env bash
# Installs the Debian packages holding the source SoundFonts that assets/soundfonts/backbeat-gm.sf2 is
# built from (see assets/soundfonts/README.md and manifest.tsv). Only needed to audit the banks or to
# rebuild the shipped file; the app and the tests use the committed subset. Prints where each file is.
#   fluid-soundfont-gm                   FluidR3_GM.sf2            MIT
#   musescore-general-soundfont-lossless MuseScore_General_Full.sf2 MIT (SF2 only: Gervill renders SF3 as noise)
#   csound-soundfont                     sf_GMbank.sf2             public domain
set -eu
packages=(fluid-soundfont-gm musescore-general-soundfont-lossless csound-soundfont)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "soundfont-sources: run 'apt-get install ${missing[*]}' as root" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
for f in /usr/share/sounds/sf2/FluidR3_GM.sf2 /usr/share/sounds/sf2/MuseScore_General_Full.sf2 \
         /usr/share/sounds/sf2/sf_GMbank.sf2; do
  if [ -f "$f" ]; then echo "$f"; else echo "soundfont-sources: $f is missing" >&2; exit 1; fi
done
