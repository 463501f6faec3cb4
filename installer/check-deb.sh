#!/usr/bin/env bash
# Checks the .deb on a machine without Java or Maven: a fresh Debian 12 root made by debootstrap,
# `dpkg -i` in a chroot (apt fetches the libraries it depends on), then `backbeat --help`,
# `backbeat score` on a short clip and the window under Xvfb (a screenshot is copied out). Then the
# fresh-process figure: `backbeat score` on a 30-s 1080p clip as a multiple of one plain decode,
# as `java -jar target/backbeat.jar` (outside) and through the installed launcher (inside).
# Not in CI: needs root and the network. Usage: sudo bash installer/check-deb.sh [ROOT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-/tmp/backbeat-deb-check}"
runs="${2:-5}"
deb=$(ls target/installer/backbeat_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "check-deb.sh: no .deb: run bash installer/package.sh deb first" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "check-deb.sh: run as root (debootstrap and chroot)" >&2; exit 1; }
command -v debootstrap > /dev/null || apt-get install -y -q debootstrap
if [ ! -x "$root/usr/bin/apt-get" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" || true' EXIT
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
in_root sh -c '! command -v java && ! command -v mvn' > /dev/null \
  || { echo "check-deb.sh: $root already has Java or Maven" >&2; exit 1; }

echo "== dpkg -i $(basename "$deb") ($(du -h "$deb" | cut -f1))"
cp "$deb" "$root/tmp/backbeat.deb"
in_root dpkg -i /tmp/backbeat.deb || in_root sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends -f'
in_root dpkg -s backbeat | grep -E '^(Status|Installed-Size|Depends)'
echo "installed: $(du -sh "$root/opt/backbeat" | cut -f1); class-data archive: $(ls "$root/opt/backbeat/lib/app/backbeat.jsa")"

echo "== backbeat --help"
in_root backbeat --help | head -3

# clips made outside with the bundled FFmpeg, as the tests make theirs
ffmpeg=$(java -jar target/backbeat.jar version --tools | sed -n 's/^ffmpeg: //p')
export LD_LIBRARY_PATH="$(dirname "$ffmpeg")"
clips="$root/tmp/clips"
mkdir -p "$clips"
[ -f "$clips/short.mp4" ] || "$ffmpeg" -nostdin -loglevel error -f lavfi -i "testsrc2=s=1280x720:r=30:d=8" \
  -f lavfi -i "sine=f=220:d=8" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$clips/short.mp4"
[ -f "$clips/clip30.mp4" ] || "$ffmpeg" -nostdin -loglevel error -f lavfi \
  -i "testsrc2=s=1920x1080:r=30:d=30,hue=h='90*floor(t/7)'" -f lavfi -i "sine=f=220:d=30" \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$clips/clip30.mp4"

echo "== backbeat score (8-s 720p clip)"
rm -f "$clips/short-scored.mp4"
in_root backbeat score /tmp/clips/short.mp4 -o /tmp/clips/short-scored.mp4
"${ffmpeg%ffmpeg}ffprobe" -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$clips/short-scored.mp4"

echo "== the window under Xvfb"
in_root sh -c 'command -v Xvfb > /dev/null || apt-get install -y -q --no-install-recommends xvfb imagemagick' > /dev/null
in_root sh -c 'Xvfb :77 -screen 0 1280x800x24 > /dev/null 2>&1 & xvfb=$!; sleep 2
  DISPLAY=:77 backbeat /tmp/clips/short.mp4 > /tmp/gui.log 2>&1 & app=$!; sleep 25
  DISPLAY=:77 import -window root /tmp/clips/window.png; kill $app; sleep 1; kill $xvfb'
cp "$root/tmp/clips/window.png" target/installer/deb-window.png
echo "screenshot: target/installer/deb-window.png; the window's log:"; head -5 "$root/tmp/gui.log"

echo "== fresh process: backbeat score on a 30-s 1080p clip vs one plain decode ($runs runs each, interleaved)"
times="$root/tmp/clips/times.txt"
rm -f "$times"
for i in $(seq "$runs"); do
  /usr/bin/time -a -o "$times" -f "decode %e %U %S" "$ffmpeg" -nostdin -loglevel error -i "$clips/clip30.mp4" -f null -
  rm -f "$clips/out.mp4"
  /usr/bin/time -a -o "$times" -f "java-jar %e %U %S" env -u LD_LIBRARY_PATH java -jar target/backbeat.jar score \
    "$clips/clip30.mp4" -o "$clips/out.mp4" > /dev/null
  rm -f "$clips/out.mp4"
  /usr/bin/time -a -o "$times" -f "launcher %e %U %S" chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin \
    backbeat score /tmp/clips/clip30.mp4 -o /tmp/clips/out.mp4 > /dev/null
done
# medians with sort (Debian's default awk has no asort)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
decode=$(awk '$1 == "decode" { print $2 }' "$times" | median)
for k in decode java-jar launcher; do
  wall=$(awk -v k="$k" '$1 == k { print $2 }' "$times" | median)
  cpu=$(awk -v k="$k" '$1 == k { print $3 + $4 }' "$times" | median)
  awk -v k="$k" -v w="$wall" -v c="$cpu" -v d="$decode" \
    'BEGIN { printf "%-9s median %.2f s wall, %.2f s CPU (user+sys); %.2f x the plain decode\n", k, w, c, w / d }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes these noisy)"
