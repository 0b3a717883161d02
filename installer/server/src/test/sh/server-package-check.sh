#!/usr/bin/env bash
# Checks the server package as an operator uses it: unpacks target/termvault-server-*.tar.gz, starts each role
# (keys, blobs) from bin/termvault-server on a free loopback port, asks GET /health over HTTPS (the role's own
# self-signed certificate, checked by its SHA-256 fingerprint as clients pin it), stops it with SIGTERM and checks
# that it exits and frees the port. Needs: java 21+ (JAVA_HOME or PATH), curl, openssl, tar.
# Build first: ./mvnw -Pinstaller -pl installer/server -am package -DskipTests
set -euo pipefail
module="$(cd "$(dirname "$0")/../../.." && pwd)"
fail() { echo "server package check FAILED: $*" >&2; exit 1; }

for tool in curl openssl tar; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
package=$(ls "$module"/target/termvault-server-*.tar.gz 2>/dev/null | head -n1 || true)
[ -n "$package" ] || fail "no package in $module/target (build it with ./mvnw -Pinstaller package)"

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

tar -xzf "$package" -C "$work"
home=$(ls -d "$work"/termvault-server-*)
for f in bin/termvault-server conf/keys.properties conf/blobs.properties conf/termvault-server.env \
         systemd/termvault-keys.service systemd/termvault-blobs.service README.md; do
  [ -e "$home/$f" ] || fail "the package has no $f"
done
[ -x "$home/bin/termvault-server" ] || fail "bin/termvault-server is not executable"
ls "$home"/lib/termvault-sync-server-*.jar >/dev/null 2>&1 || fail "lib/ has no server jar"

"$home/bin/termvault-server" --help | grep -q -- '--role' || fail "--help does not describe --role"
echo "ok: package layout and --help"

# The systemd units: valid for systemd (with the package's own path), and hardened.
if command -v systemd-analyze >/dev/null 2>&1; then
  for role in keys blobs; do
    unit="$work/termvault-$role.service"
    sed "s#/opt/termvault-server#$home#g" "$home/systemd/termvault-$role.service" >"$unit"
    out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify termvault-$role.service: $out"
    [ -z "$out" ] || fail "systemd-analyze verify termvault-$role.service: $out"
    systemd-analyze security --offline=yes --threshold=25 "$unit" >"$work/security-$role.txt" 2>&1 \
      || fail "termvault-$role.service: exposure above 2.5: $(tail -n1 "$work/security-$role.txt")"
    echo "ok: systemd/termvault-$role.service verifies; $(tail -n1 "$work/security-$role.txt" | sed 's/→ //')"
  done
else
  echo "NOTICE: systemd-analyze is not installed; the systemd units were not verified" >&2
fi

check_role() {
  local role="$1" log="$work/$1.log" url="" fingerprint="" i
  "$home/bin/termvault-server" --role "$role" --data "$work/data-$role" --port 0 >"$log" 2>"$work/$role.err" &
  pid=$!
  for i in $(seq 1 600); do
    url=$(sed -n 's/^Termvault server .* at \(https:\/\/[0-9.:]*\)$/\1/p' "$log")
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/$role.err" >&2; fail "role $role exited before it listened"; }
    sleep 0.1
  done
  [ -n "$url" ] || fail "role $role did not print its address within 60 s"
  grep -q "roles $role at" "$log" || fail "role $role started other roles: $(head -n1 "$log")"
  fingerprint=$(sed -n 's/^Certificate SHA-256 fingerprint: //p' "$log")
  [ -n "$fingerprint" ] || fail "role $role printed no certificate fingerprint"

  # The certificate the server presents must be the one whose fingerprint it printed.
  local served
  served=$(openssl s_client -connect "${url#https://}" </dev/null 2>/dev/null \
           | openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//')
  [ "$served" = "$fingerprint" ] || fail "role $role serves certificate $served, printed $fingerprint"

  local body status
  body=$(curl -sS --insecure --max-time 10 -w '\n%{http_code}' "$url/health")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  [ "$status" = 200 ] || fail "role $role: GET /health answered $status: $body"
  echo "$body" | grep -q '"status":"ok"' || fail "role $role: /health body $body"
  echo "$body" | grep -q "\"$role\"" || fail "role $role: /health names other roles: $body"
  echo "ok: role $role from the package answers /health at $url: $body"

  kill -TERM "$pid"
  local code=0
  for i in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && fail "role $role did not stop within 30 s of SIGTERM"
  wait "$pid" || code=$?
  pid=""
  [ "$code" = 0 ] || [ "$code" = 143 ] || fail "role $role exited with $code after SIGTERM"
  if curl -s --insecure --max-time 3 -o /dev/null "$url/health"; then
    fail "role $role still answers after it stopped"
  fi
  echo "ok: role $role stopped on SIGTERM (exit $code) and freed its port"
}

check_role keys
check_role blobs
echo "Server package check passed: $(basename "$package")"
