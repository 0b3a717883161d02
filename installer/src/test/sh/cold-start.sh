#!/usr/bin/env bash
# Cold start of the desktop app: the time from process start to the first scene shown (first-run screen, fresh
# data folder each run), as the app reports it (TERMVAULT_EXIT_AFTER_FIRST_SCENE=1), under Xvfb.
#   installer/src/test/sh/cold-start.sh RUNS COMMAND...
#   e.g. cold-start.sh 10 ./termvault          (the jar and its libraries, through the launcher script)
#        cold-start.sh 10 /usr/bin/termvault   (the installed jlink image)
# Prints each run's milliseconds, then the median, minimum and maximum. "Cold" means a new JVM each time;
# the operating system's file cache stays warm (a first run after boot is slower).
set -euo pipefail
runs="${1:?usage: cold-start.sh RUNS COMMAND...}"
shift
[ $# -gt 0 ] || { echo "usage: cold-start.sh RUNS COMMAND..." >&2; exit 2; }
command -v Xvfb >/dev/null 2>&1 || { echo "Xvfb is not installed (Debian package xvfb)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || { echo "no free X display number" >&2; exit 1; }
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

# One run that is not counted: builds the jar if the launcher script needs to, unpacks JavaFX's native cache.
env DISPLAY=":$display" XDG_DATA_HOME="$work/warmup" TERMVAULT_EXIT_AFTER_FIRST_SCENE=1 "$@" >/dev/null 2>&1 || true

times=()
for i in $(seq 1 "$runs"); do
  line=$(env DISPLAY=":$display" XDG_DATA_HOME="$work/data-$i" TERMVAULT_EXIT_AFTER_FIRST_SCENE=1 \
         timeout 120 "$@" 2>/dev/null | grep '^first-scene ' || true)
  ms=$(sed -n 's/^first-scene screen=first-run ms=\([0-9]*\)$/\1/p' <<<"$line")
  [ -n "$ms" ] || { echo "run $i: no first-run report (${line:-nothing})" >&2; exit 1; }
  echo "run $i: $ms ms"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
  m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
  printf "runs %d  median %d ms  min %d ms  max %d ms\n", NR, m, a[1], a[NR] }'
