# Reading this machine's apt sources (sourced by .ci/install-deps.sh and the fresh-machine test).

# The mirror apt uses for SUITE: the URIs of the first deb822 stanza (/etc/apt/sources.list.d/*.sources)
# whose Suites name SUITE as a word of its own, else the first one-line "deb" entry in
# /etc/apt/sources.list for it (what debootstrap writes); empty when there is none.
apt_mirror_of() {
    local wanted=$1 file mirror
    mirror=$(for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$file" ]] || continue
        awk -v suite="$wanted" 'BEGIN { RS = ""; FS = "\n" }
            { uris = ""; found = 0
              for (i = 1; i <= NF; i++) {
                  if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris); sub(/[ \t].*/, "", uris) }
                  if ($i ~ /^Suites:/) { line = " " $i " "; if (index(line, " " suite " ")) found = 1 }
              }
              if (found && uris != "") { print uris; exit } }' "$file"
    done | head -n 1)
    if [[ -z "$mirror" ]]; then
        mirror=$(awk -v suite="$wanted" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
    fi
    echo "$mirror"
}

# True when apt has a source-package (deb-src) entry for SUITE.
apt_has_deb_src() {
    local wanted=$1
    grep -hqsE "^deb-src[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]+[[:space:]]+$wanted([[:space:]]|$)" \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list && return 0
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$file" ]] || continue
        awk -v suite="$wanted" 'BEGIN { RS = ""; FS = "\n"; hit = 1 }
            { src = 0; found = 0
              for (i = 1; i <= NF; i++) {
                  if ($i ~ /^Types:/ && (" " $i " ") ~ / deb-src /) src = 1
                  if ($i ~ /^Suites:/ && index(" " $i " ", " " suite " ")) found = 1
              }
              if (src && found) hit = 0 }
            END { exit hit }' "$file" && return 0
    done
    return 1
}
