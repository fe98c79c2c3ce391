# Sourced by the benchmarks that measure a private engine's CPU (sampling-cost.sh, exporter-cost.sh).
# engine_ticks STATE_DIR: utime + stime, in clock ticks ($ticks per second), of every process of the
# private engine whose folder is STATE_DIR (dockerd, containerd, the container shims).
ticks=$(getconf CLK_TCK)
engine_ticks() {
    local total=0 pid fields
    for pid in $(pgrep -f -- "$1/"); do
        fields=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null) || continue
        total=$((total + ${fields% *} + ${fields#* }))
    done
    echo "$total"
}
