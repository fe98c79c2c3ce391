# Shared by the installer tests (sourced): `check DESCRIPTION COMMAND...` runs the command and records
# a failure instead of stopping, so one run reports every problem; `finish_checks NAME` ends the run.
failures=0
check() {
    local what=$1
    shift
    if "$@"; then
        echo "ok: $what"
    else
        echo "FAIL: $what" >&2
        failures=$((failures + 1))
    fi
}
finish_checks() {
    if ((failures > 0)); then
        echo "$1: $failures checks failed" >&2
        exit 1
    fi
    echo "$1: all checks passed"
}
