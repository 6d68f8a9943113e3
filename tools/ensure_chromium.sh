#!/usr/bin/env bash
# The browser tests (tests/test_browser_*) drive Debian's `chromium` with Playwright. `make test` runs this
# first: it installs chromium with apt when neither it nor $IPANALYSIS_CHROMIUM is there (as root, or with
# passwordless sudo), and fails loudly when it cannot; the tests themselves never skip.
set -euo pipefail

have_chromium() {  # as the tests look for it (shutil.which): an executable chromium or chromium-browser on PATH
    local exe
    for exe in chromium chromium-browser; do
        exe="$(type -P "$exe")" && [ -x "$exe" ] && return 0
    done
    return 1
}

if [ -z "${IPANALYSIS_CHROMIUM:-}" ] && ! have_chromium; then
    echo "ci: installing chromium (apt) for the browser tests" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
    log="$(mktemp)"
    if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1; then
        cat "$log" >&2
        echo "ci: ERROR: could not install chromium with apt-get (output above); the browser tests need it" >&2
        exit 1
    fi
    rm -f "$log"
    have_chromium || { echo "ci: ERROR: apt-get installed chromium but there is no executable chromium on PATH" >&2; exit 1; }
fi
