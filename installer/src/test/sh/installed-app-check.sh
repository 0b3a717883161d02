#!/usr/bin/env bash
# Installs the desktop app's .deb on this machine, checks what it installed, starts the INSTALLED app under a
# virtual X display (Xvfb) with an empty data folder, checks that it reaches the first-run screen and writes a
# screenshot of it, then removes the package and checks that nothing is left on the PATH or in /opt.
#
# Needs root (it installs a package) and Xvfb; without them it skips with a notice, unless CI=true, where a
# missing requirement fails. Build the package first: ./mvnw -Pinstaller -pl installer -am package -DskipTests
# The screenshot is kept in installer/target/installed-first-run.png.
set -euo pipefail
module="$(cd "$(dirname "$0")/../../.." && pwd)"
fail() { echo "installed-app check FAILED: $*" >&2; exit 1; }
skip() {
  if [ "${CI:-}" = true ]; then fail "$*"; fi
  echo "NOTICE: installed-app check skipped: $*" >&2
  exit 0
}

[ "$(id -u)" = 0 ] || skip "it installs a package, which needs root"
command -v Xvfb >/dev/null 2>&1 || skip "Xvfb is not installed (Debian package xvfb)"
command -v apt-get >/dev/null 2>&1 || skip "apt-get is not available (not a Debian-based system)"
deb=$(ls "$module"/target/jpackage/packages/termvault_*.deb 2>/dev/null | head -n1 || true)
[ -n "$deb" ] || fail "no .deb in $module/target/jpackage/packages (build it with ./mvnw -Pinstaller package)"

# The package must name what JavaFX's native code needs (GTK 3 above all): jpackage cannot see it in the jars.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-3-0 libgl1 libxtst6 libxxf86vm1 libpango-1.0-0 xdg-utils; do
  grep -q "\b$lib\b" <<<"$depends" || fail "the package does not depend on $lib: $depends"
done

work=$(mktemp -d)
xvfb_pid=""
installed=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  if [ -n "$installed" ]; then dpkg --purge termvault >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Whether dpkg has the package in any state but "not-installed" (installed, half-configured, config-files...).
known_to_dpkg() {
  local status
  status=$(dpkg-query -W -f='${Status}' termvault 2>/dev/null || true)
  [ -n "$status" ] && [ "${status##* }" != not-installed ]
}

if known_to_dpkg; then
  echo "termvault is known to dpkg already ($(dpkg-query -W -f='${Status}' termvault)); purging it first"
  dpkg --purge termvault >/dev/null
fi
command -v termvault >/dev/null 2>&1 && fail "a termvault command is on the PATH before the install: $(command -v termvault)"

# Install: apt-get resolves the package's dependencies (GTK 3 and the rest) from the configured archives.
export DEBIAN_FRONTEND=noninteractive
echo "Installing $(basename "$deb")"
if ! apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { tail -n 30 "$work/apt.log" >&2; fail "apt-get install failed"; }
fi
installed=yes
dpkg -s termvault | grep -q '^Status: install ok installed' || fail "dpkg does not list termvault as installed"

# The command on the PATH, the desktop entry and the icon.
[ "$(command -v termvault)" = /usr/bin/termvault ] || fail "termvault is not on the PATH as /usr/bin/termvault"
[ "$(readlink -f /usr/bin/termvault)" = /opt/termvault/bin/Termvault ] || fail "/usr/bin/termvault does not lead to the installed launcher"
desktop=$(ls /usr/share/applications/*ermvault*.desktop 2>/dev/null | head -n1 || true)
[ -n "$desktop" ] || desktop=/opt/termvault/lib/termvault-Termvault.desktop
for key in Name Comment Exec Icon Categories; do
  grep -q "^$key=." "$desktop" || fail "the desktop entry $desktop has no $key"
done
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$icon" ] || [ -n "$(ls /usr/share/icons/hicolor/*/apps/"$icon".png 2>/dev/null)" ] || fail "the desktop entry's icon $icon is missing"
echo "ok: installed; /usr/bin/termvault -> /opt/termvault/bin/Termvault; desktop entry $desktop"

# The command line from the installed launcher, with no display.
env -u DISPLAY -u WAYLAND_DISPLAY termvault --version >"$work/version.txt" 2>&1 || { cat "$work/version.txt" >&2; fail "termvault --version failed"; }
grep -qi termvault "$work/version.txt" || fail "termvault --version printed: $(cat "$work/version.txt")"
echo "ok: the installed command line answers: $(head -n1 "$work/version.txt")"

# A virtual display: the first free number from 90.
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || fail "no free X display number"
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
  [ -e "/tmp/.X11-unix/X$display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { cat "$work/xvfb.log" >&2; fail "Xvfb did not start"; }
  sleep 0.1
done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb did not open display :$display"

# Start the installed app with an empty data folder: it must show the first-run screen.
shot="$work/first-run.png"
status=0
env DISPLAY=":$display" XDG_DATA_HOME="$work/data" TERMVAULT_SCREENSHOT="$shot" \
  timeout 180 termvault >"$work/app.out" 2>"$work/app.err" || status=$?
[ "$status" = 0 ] || { cat "$work/app.out" "$work/app.err" >&2; fail "the installed app exited with $status"; }
grep -q '^first-scene screen=first-run ' "$work/app.out" || { cat "$work/app.out" "$work/app.err" >&2; fail "the installed app did not report the first-run screen"; }
[ -s "$shot" ] || fail "no screenshot was written"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
read -r width height < <(od -An -tu1 -j16 -N8 "$shot" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
[ "$width" -ge 720 ] && [ "$height" -ge 480 ] || fail "the screenshot is ${width}x$height, smaller than the window's minimum"
# An empty or one-colour window compresses to a few kilobytes; the first-run form with its text does not.
[ "$(stat -c %s "$shot")" -gt 10000 ] || fail "the screenshot is $(stat -c %s "$shot") bytes: an empty window?"
[ ! -e "$work/data/termvault" ] || [ -z "$(ls -A "$work/data/termvault")" ] || fail "showing the first-run screen wrote to the data folder"
mkdir -p "$module/target"
cp "$shot" "$module/target/installed-first-run.png"
echo "ok: the installed app showed the first-run screen ($(grep '^first-scene' "$work/app.out")); screenshot ${width}x$height in installer/target/installed-first-run.png"

# Remove it: nothing may stay on the PATH or in /opt.
apt-get remove --purge -y -qq termvault >"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log" >&2; fail "apt-get remove failed"; }
installed=""
! known_to_dpkg || fail "dpkg still knows termvault after removal: $(dpkg-query -W -f='${Status}' termvault)"
hash -r
command -v termvault >/dev/null 2>&1 && fail "termvault is still on the PATH after removal: $(command -v termvault)"
[ ! -e /usr/bin/termvault ] && [ ! -L /usr/bin/termvault ] || fail "/usr/bin/termvault is left after removal"
[ ! -e /opt/termvault/bin/Termvault ] || fail "/opt/termvault/bin/Termvault is left after removal"
[ -z "$(ls /usr/share/applications/*ermvault*.desktop 2>/dev/null)" ] || fail "the desktop entry is left after removal"
echo "ok: removed (and purged); no termvault on the PATH, no launcher in /opt, no desktop entry"
echo "Installed-app check passed: $(basename "$deb")"
