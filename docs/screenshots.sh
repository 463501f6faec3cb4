#!/usr/bin/env bash
# Takes the README's screenshots of the real app under Xvfb, driven with xdotool the way a person
# would: open a demo clip, ask for a title in the chat, press Space to play, zoom the timeline, open
# the variations, select a title; then starts it again in 简体中文 (asking in Chinese) and in the light
# theme; last the start screen with recent projects. Usage: bash docs/screenshots.sh [OUT_DIR]   (default: docs/)
# Needs Xvfb, xdotool and ImageMagick's import; installs them with apt-get when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath "${1:-docs}")
WAIT=${SHOT_WAIT:-1}   # multiply the waits on a slow or busy machine

need() { command -v "$1" >/dev/null 2>&1; }
if ! need Xvfb || ! need xdotool || ! need import; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      xvfb xdotool imagemagick libgtk-3-0 libxtst6 libgl1 fonts-dejavu-core fonts-noto-cjk >/dev/null
  else
    echo "Install xvfb, xdotool and imagemagick first (sudo apt-get install xvfb xdotool imagemagick)." >&2
    exit 2
  fi
fi
# the 简体中文 window needs a font with Chinese glyphs (the app picks it through fontconfig; none ships)
if ! fc-list :lang=zh | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk >/dev/null
  else
    echo "Install a Chinese font first (sudo apt-get install fonts-noto-cjk)." >&2
    exit 2
  fi
fi
[ -f target/backbeat.jar ] || mvn -B -ntp -q package -DskipTests
JAR=$(realpath target/backbeat.jar)

WORK=$(mktemp -d /tmp/backbeat-shots-XXXXXX)
APP=""; XVFB=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# a demo clip: five shots (cuts at 4, 7.5, 10.5, 13.5 s), a voice from 6 s, room tone
FF=$(java -jar "$JAR" version --tools | sed -n 's/^ffmpeg: //p')
export LD_LIBRARY_PATH="$(dirname "$FF")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
CLIP="$WORK/harbour-days.mp4"
"$FF" -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=s=1280x720:r=30:d=4:speed=0.03:c0=0x1e3c72:c1=0xff7e5f:c2=0xfeb47b:n=3" \
  -f lavfi -i "gradients=s=1280x720:r=30:d=3.5:speed=0.05:c0=0x134e5e:c1=0x71b280:type=radial" \
  -f lavfi -i "life=s=320x180:r=30:mold=10:ratio=0.2:life_color=#ffcc66:death_color=#22335a,scale=1280:720:flags=neighbor,trim=duration=3,setpts=PTS-STARTPTS" \
  -f lavfi -i "gradients=s=1280x720:r=30:d=3:speed=0.04:c0=0x0f2027:c1=0x2c5364:c2=0x66a6ff:n=3:type=circular" \
  -f lavfi -i "gradients=s=1280x720:r=30:d=4.5:speed=0.02:c0=0x833ab4:c1=0xfd1d1d:c2=0xfcb045:n=3:type=spiral" \
  -i src/test/resources/dev/backbeat/engine/speech.wav \
  -f lavfi -i "anoisesrc=d=18:c=pink:a=0.02" \
  -filter_complex "[0:v][1:v][2:v][3:v][4:v]concat=n=5:v=1:a=0,format=yuv420p[v];[5:a]adelay=6000|6000,apad[s];[6:a][s]amix=inputs=2:duration=first:normalize=0[a]" \
  -map "[v]" -map "[a]" -c:v libx264 -preset veryfast -crf 20 -c:a aac -shortest "$CLIP"

export DISPLAY=:$(( 90 + RANDOM % 100 ))
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & XVFB=$!
sleep 1
BACKBEAT_CONFIG_DIR="$WORK/config" XDG_STATE_HOME="$WORK/state" java -jar "$JAR" "$CLIP" >"$WORK/app.log" 2>&1 & APP=$!
WIN=$(xdotool search --sync --onlyvisible --name "Backbeat" | head -1)
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 800
pause() { sleep "$(echo "$1 * $WAIT" | bc)"; }
shot() { import -window root "$OUT/$1"; echo "wrote $OUT/$1"; }
click() { xdotool mousemove "$1" "$2" click 1; }

pause 25                                   # the clip is read and scored (the launch rehearsal gives way)
click 1045 494; xdotool type --delay 20 "add the title 'Harbour Days' for 3 s"; xdotool key Return
pause 6
click 312 381                              # Play
pause 7; shot screenshot.png               # playing, the playhead mid-way, the title lane filled
xdotool key Escape space                   # leave the chat field, pause
pause 1
for i in 1 2 3; do click 163 533; sleep 0.3; done   # zoom in three steps
pause 1; shot screenshot-timeline.png      # waveform, bars and beats, sections, cut marks
click 91 533; pause 1                      # Fit
click 175 759; pause 1                     # select the title
click 1085 638; xdotool key ctrl+a; xdotool type "1.5"; click 1076 668   # start at 1.5 s, Apply
pause 2; shot screenshot-inspector.png
click 294 533                              # Variations…
pause 12; shot screenshot-variations.png

# starts the app again on the clip with its own settings file ($1: the settings, $2: a name)
restart() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  for _ in $(seq 20); do xdotool search --name "Backbeat" >/dev/null 2>&1 || break; sleep 0.5; done   # the old window is gone
  rm -f "$WORK/state/backbeat/open-project"   # killed on purpose: no project to reopen, the clip comes fresh
  mkdir -p "$WORK/config-$2"
  printf '%s\n' "$1" > "$WORK/config-$2/settings.json"
  BACKBEAT_CONFIG_DIR="$WORK/config-$2" XDG_STATE_HOME="$WORK/state" java -jar "$JAR" "$CLIP" >"$WORK/app-$2.log" 2>&1 & APP=$!
  WIN=$(xdotool search --sync --onlyvisible --name "Backbeat" | head -1)
  xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 800
}

restart '{"backend": "LOCAL", "language": "zh-CN", "theme": "dark"}' zh
pause 25                                   # read and scored; the chat greets in 简体中文
click 1045 494; xdotool type --delay 40 "从10秒开始更激昂"; xdotool key Return
pause 14; shot screenshot-zh.png           # the window in 简体中文, the answer in Chinese

restart '{"backend": "LOCAL", "language": "en", "theme": "light"}' light
pause 25
click 1045 494; xdotool type --delay 20 "add the title 'Harbour Days' for 3 s"; xdotool key Return
pause 6; shot screenshot-light.png         # the light theme

# the start screen: the app started with no clip, three recent projects (copies, under three
# names, of the project the run above autosaved)
kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""
SAVED=$(ls "$WORK"/state/backbeat/autosave/*.backbeat | head -1)
mkdir -p "$WORK/projects"
: >"$WORK/state/backbeat/recent-projects"
for name in "Harbour Days" "Weekend in Lisbon" "Product teaser"; do
  cp "$SAVED" "$WORK/projects/$name.backbeat"
  echo "$WORK/projects/$name.backbeat" >>"$WORK/state/backbeat/recent-projects"
  sleep 1
done
rm -f "$WORK/state/backbeat/open-project"     # a clean start: nothing to reopen
BACKBEAT_CONFIG_DIR="$WORK/config" XDG_STATE_HOME="$WORK/state" java -jar "$JAR" >"$WORK/app2.log" 2>&1 & APP=$!
WIN=$(xdotool search --sync --onlyvisible --name "Backbeat" | head -1)
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 800
pause 6; shot screenshot-start.png
