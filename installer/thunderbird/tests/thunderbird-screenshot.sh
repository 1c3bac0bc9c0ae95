#!/bin/sh
# Saves Thunderbird's window with the Sealcheck popup open (docs/images/thunderbird-verdict.png),
# for thunderbird-smoke.sh once the verdicts are shown. Needs xdotool and ImageMagick (import).
# The button's place is that of Thunderbird 153 in a 1280x800 screen: look at the picture.
# Usage: thunderbird-screenshot.sh DISPLAY OUT.png
set -eu
export DISPLAY="$1"
out=$2
win=$(xdotool search --onlyvisible --class thunderbird | tail -1)
xdotool windowfocus "$win" 2>/dev/null || true
sleep 1
xdotool mousemove 975 127 click 1 # the add-on's button in the message header: "✓ mybank.example"
sleep 2
xdotool mousemove 1270 790 # the pointer out of the picture
import -window root -crop 1152x800+0+0 +repage "$out"
