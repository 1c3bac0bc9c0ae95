#!/usr/bin/env bash
# The desktop program opening a 20 MB and a 200 MB mbox (issue 22), as a person does with File ▸
# Open: tests/bench/bench_openmbox drives the real main window on the offscreen platform. Not a
# test: the figures go in docs/performance.md.
#
#   scripts/bench-desktop.sh BUILD_DIR CORPUS_DIR [RUNS=3]
#
# CORPUS_DIR is the corpus scripts/bench.sh makes (tests/bench/make-corpus): its whole-10k.mbox
# (2,000 messages of 10 KB, made by scripts/bench-whole.sh), zone.db and DONE (the clock). The
# 200 MB mbox is ten copies of it, made once in CORPUS_DIR. Each size is opened RUNS times; the
# median of each figure is printed.
set -euo pipefail
BUILD=$1 CORPUS=$2 RUNS=${3:-3}
BENCH=$BUILD/tests/bench_openmbox
[ -x "$BENCH" ] || { echo "bench-desktop.sh: build $BENCH first (ninja -C $BUILD bench_openmbox)" >&2; exit 2; }
SMALL=$CORPUS/whole-10k.mbox
[ -s "$SMALL" ] || { echo "bench-desktop.sh: $SMALL is missing (scripts/bench.sh makes it)" >&2; exit 2; }
LARGE=$CORPUS/whole-10k-x10.mbox
if [ ! -s "$LARGE" ]; then
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$SMALL"; done > "$LARGE.tmp" && mv "$LARGE.tmp" "$LARGE"
fi
NOW=$(sed -n 's/.*now=\([0-9]*\).*/\1/p' "$CORPUS/DONE")
RELAY=$(sed -n 's/.*relay=\([^ ]*\).*/\1/p' "$CORPUS/DONE")
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for mbox in "$SMALL" "$LARGE"; do
  out=$(mktemp -d)
  for run in $(seq "$RUNS"); do
    "$BENCH" "$mbox" "$CORPUS/zone.db" "$NOW" "$RELAY" | sed -n 's/^RESULT //p' | tr ' ' '\n' > "$out/$run"
  done
  size=$(( $(stat -c %s "$mbox") / 1000000 ))
  printf '%s (%s MB):' "${mbox##*/}" "$size"
  for key in messages authenticated first_rows_ms verified_ms key_busy_ms_median key_busy_ms_max filter_ms_during \
             filter_ms_after_median peak_rss_mb; do
    printf ' %s=%s' "$key" "$(cat "$out"/* | sed -n "s/^$key=//p" | median)"
  done
  echo
  rm -rf "$out"
done
