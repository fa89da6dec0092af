#!/usr/bin/env bash
# Installs what the form tests (src/test/js, src/test/python) need, and only what is missing:
#   - Debian's chromium (the browser playwright-core drives; playwright's own download is not used)
#   - Debian's python3-jsonschema (the Python validator of the agreement test)
#   - node_modules/ from package-lock.json (npm ci), when absent or older than the lock file
# Idempotent and quiet when there is nothing to do; run as root on Debian (mvn -B verify runs it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

fail() {
    echo "install.sh: $1" >&2
    [ -s "$log" ] && tail -n 30 "$log" >&2
    exit 1
}

command -v node >/dev/null || fail "node is not installed (Node 20 or later is needed)"
command -v npm >/dev/null || fail "npm is not installed"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || fail "missing ${missing[*]}, and apt-get is not available to install them"
    [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}: run as root, or: sudo apt-get install -y ${missing[*]}"
    echo "install.sh: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >"$log" 2>&1 || fail "apt-get update failed"
    apt-get install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1 \
        || fail "apt-get install ${missing[*]} failed"
    [ -x /usr/bin/chromium ] || fail "chromium was installed but /usr/bin/chromium is missing"
    /usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || fail "python3 still cannot import jsonschema"
fi

stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1) || fail "npm ci failed in $here"
    touch "$stamp"
fi
