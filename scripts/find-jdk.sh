#!/usr/bin/env bash
# Prints the home of a JDK of version 21 or later, preferring the newest; exits 1 when there is none.
# Looked at, in order: $JAVA_HOME, the java on the PATH, then the usual install folders.

jdk_major() { # $1 = JDK home; prints its feature version, or nothing
  local release="$1/release" v
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  fi
  [ "$v" = "1" ] && v=8
  printf '%s' "$v"
}

find_jdk() {
  local candidates=() best="" best_v=0 c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best="$c"; best_v="$v"
    fi
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  find_jdk || { echo "No JDK 21 or later found. Install one (e.g. Temurin 25) or set JAVA_HOME." >&2; exit 1; }
fi
