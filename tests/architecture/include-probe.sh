#!/usr/bin/env bash
# include-probe.sh COMPILER fails|builds SOURCE "DIR;DIR;..."
# Compiles SOURCE (syntax only) with exactly the include folders given. "fails": passes when the
# compiler stops because an isolens header is not on that path; "builds": passes when it compiles.
set -uo pipefail
compiler=$1 expect=$2 source=$3 dirs=$4
args=(-std=c++20 -fsyntax-only)
IFS=';' read -r -a folders <<< "$dirs"
for dir in "${folders[@]}"; do
    [[ -n "$dir" ]] && args+=(-I "$dir")
done
output=$("$compiler" "${args[@]}" "$source" 2>&1)
status=$?
case $expect in
fails)
    if (( status == 0 )); then
        echo "FAIL: $source compiled with only: $dirs"
        exit 1
    fi
    if ! grep -Eq "isolens/core/[a-z]+/[a-z_]+\.hpp.*(No such file|not found)|(No such file|not found).*isolens/core/" <<< "$output"; then
        echo "FAIL: $source did not compile, but not for a missing isolens header:"
        echo "$output"
        exit 1
    fi
    echo "as expected, the include is refused:"
    grep -E "No such file|not found" <<< "$output" | head -3
    ;;
builds)
    if (( status != 0 )); then
        echo "FAIL: $source does not compile with: $dirs"
        echo "$output"
        exit 1
    fi
    echo "compiles with: $dirs"
    ;;
esac
