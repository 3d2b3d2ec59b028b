#!/usr/bin/env bash
# Load on the telephony gateway with sipp, each figure next to a reference measured in the same run on this machine.
#   1. Setup rate: sipp uac with -d 0 (BYE right after ACK). The highest rate held HOLD seconds with 0 failed calls and
#      0 retransmissions, against the gateway and against sipp's own uas (the reference). Each ladder stops at its
#      first failing rung, so it ends at the real ceiling; a ladder that passes its top rung reports ">= top".
#      Default ladders: gateway up to 2000 calls/s, uas up to 3000; at 30 s a rung the whole run stays under ~12 min.
#   2. Concurrency: CALLS calls up at once for HOLD_UP seconds while prompts play; no failed call, and the largest
#      RTP send gap of any call (RtpSession statistics MaxSendGap, logged per call) under 40 ms.
#   3. Memory and CPU of the gateway per concurrent call during that plateau.
# Everything runs on 127.0.0.1. Usage: bench/Telephony/run.sh   (results: bench/Telephony/results/<time>/summary.md)
# Settings (environment): GATEWAY_RATES / UAS_RATES (empty: skip that ladder), HOLD (s per rung, 30), CALLS (500),
# HOLD_UP (s, 20), BUILD=0 (use the Release binaries as they are, e.g. while another build of the tree is broken),
# GC_GEN0SIZE (the gateway's DOTNET_GCgen0size; default: the value deploy/systemd/omni-edge.service sets, so the
# gateway runs as on a device; 0: the runtime's own budget, to compare against).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
configuration=Release
central_dll="$root/src/Central.Api/bin/$configuration/net10.0/Central.Api.dll"
edge_dll="$root/src/Edge.Host/bin/$configuration/net10.0/Edge.Host.dll"

hold=${HOLD:-30}
gateway_rates=${GATEWAY_RATES-"200 400 600 800 1000 1200 1500 2000"}
uas_rates=${UAS_RATES-"400 800 1200 1600 2000 2500 3000"}
calls=${CALLS:-500}
hold_up=${HOLD_UP:-20}
build=${BUILD:-1}
gen0size=${GC_GEN0SIZE:-$(sed -n 's/^Environment=DOTNET_GCgen0size=//p' "$root/deploy/systemd/omni-edge.service")}

out="$root/bench/Telephony/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
pids=()

log() { printf '[bench] %s\n' "$*" | tee -a "$out/bench.log" >&2; }

stop_all() {
    if ((${#pids[@]} > 0)); then
        kill -TERM "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}
trap stop_all EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_product() {
    local data="$out/data" grpc http edge_http
    mkdir -p "$data"
    (umask 077 && head -c 32 /dev/urandom > "$data/outbox.key")
    # The built-in menu, open around the clock, so the bench never takes the closed branch.
    "$root/scripts/write-open-edge-configuration.py" "$data/edge-configuration.json"
    grpc=$(free_port); http=$(free_port); edge_http=$(free_port); sip_port=$(free_port)
    central_http="http://127.0.0.1:$http"
    dotnet "$central_dll" --Central:Database="$data/central.db" --Central:GrpcUrl="http://127.0.0.1:$grpc" \
        --Central:HttpUrl="$central_http" --Central:EdgeConfigurationFile="$data/edge-configuration.json" \
        --Logging:LogLevel:Default=Warning >"$out/central.log" 2>&1 &
    pids+=($!)
    wait_for "$central_http/healthz"
    (cd "$(dirname "$edge_dll")" && DOTNET_GCgen0size="$gen0size" exec dotnet "$edge_dll" \
        --Edge:HttpUrl="http://127.0.0.1:$edge_http" --Omni:DeviceId=ivr-bench \
        --Omni:CentralAddress="http://127.0.0.1:$grpc" \
        --Omni:OutboxPath="$data/outbox.db" --Omni:KeyFile="$data/outbox.key" \
        --Telephony:SipListenPort="$sip_port" --Telephony:MaxConcurrentCalls=1000 \
        --Telephony:RtpPortMin=20000 --Telephony:RtpPortMax=29999 \
        --Logging:LogLevel:Default=Warning --Logging:LogLevel:Edge.Host.Telephony.Sip.SipCallRunner=Debug \
        --Logging:LogLevel:Edge.Sip.Media.RtpSessionFactory=Information \
        --Logging:Console:TimestampFormat="HH:mm:ss.fff " --Logging:Console:UseUtcTimestamp=true \
        >"$out/gateway.log" 2>&1) &
    gateway_pid=$!
    pids+=("$gateway_pid")
    wait_for "http://127.0.0.1:$edge_http/healthz"
    sleep 2
    log "Central on $central_http, gateway SIP on 127.0.0.1:$sip_port (pid $gateway_pid)"
}

wait_for() {
    for _ in $(seq 1 120); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.5
    done
    log "no answer from $1"; exit 1
}

# Runs sipp uac at a rate for $hold seconds against a target; prints "ok" or "failed <n> retrans <n>".
rate_trial() {
    local target=$1 rate=$2 name=$3 csv
    csv="$out/$name-$rate.csv"
    sipp "127.0.0.1:$target" -sn uac -d 0 -r "$rate" -rp 1000 -m $((rate * hold)) -l $((rate * 5)) \
        -i 127.0.0.1 -p "$(free_port)" -mp "$(free_port)" -nostdin -timeout $((hold + 60))s \
        -trace_stat -stf "$csv" -fd 5 >"$out/$name-$rate.out" 2>&1 || true
    python3 - "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))
last = rows[-1]
ok, failed = int(last["SuccessfulCall(C)"]), int(last["FailedCall(C)"])
retrans = int(last["Retransmissions(C)"])
print("ok" if failed == 0 and retrans == 0 else f"failed {failed} retrans {retrans}", ok)
PY
}

# Prints the highest rate held, ">= top" when even the top rung held, and what the first failing rung saw.
highest_rate() {
    local target=$1 name=$2 rates=$3 best=0 result
    for rate in $rates; do
        result=$(rate_trial "$target" "$rate" "$name")
        log "$name at $rate calls/s for $hold s: $result"
        if [[ "$result" != ok* ]]; then
            echo "$best calls/s (first failing rung $rate: ${result% *})"
            return
        fi
        best=$rate
    done
    echo ">= $best calls/s (top of the ladder held)"
}

# The latest among the reported late ticks, with its line (GC pause, thread-pool queue) for the cause.
late_tick_worst() {
    sort -t' ' -k5,5 -g -r "$out/concurrency-late-ticks.txt" | head -n 1 | cut -c1-200
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

concurrency_trial() {
    local rss_idle rss_busy ticks_before ticks_after hz csv ramp duration gap
    rss_idle=$(rss_kib "$gateway_pid")
    hz=$(getconf CLK_TCK)
    ramp=$((calls / 100 + 1))
    duration=$(((hold_up + ramp + 2) * 1000))
    csv="$out/concurrency.csv"
    # Only this trial's calls count for the send gap.
    local first_line=$(($(wc -l <"$out/gateway.log") + 1))
    sipp "127.0.0.1:$sip_port" -sn uac -d "$duration" -r 100 -m "$calls" -l "$calls" \
        -i 127.0.0.1 -p "$(free_port)" -mp "$(free_port)" -nostdin -timeout $((hold_up + ramp + 90))s \
        -trace_stat -stf "$csv" -fd 5 >"$out/concurrency.out" 2>&1 &
    local sipp_pid=$!
    sleep $((ramp + 1))
    ticks_before=$(cpu_ticks "$gateway_pid")
    sleep "$hold_up"
    ticks_after=$(cpu_ticks "$gateway_pid")
    rss_busy=$(rss_kib "$gateway_pid")
    wait "$sipp_pid" || true
    sleep 3
    result=$(python3 - "$csv" <<'PY'
import csv, sys
last = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))[-1]
print(last["SuccessfulCall(C)"], last["FailedCall(C)"], last["Retransmissions(C)"])
PY
)
    tail -n +"$first_line" "$out/gateway.log" | grep -o 'max send gap [0-9.]* ms' | awk '{print $4}' | sort -n \
        >"$out/concurrency-gaps.txt"
    # The pacer's own account of the same window (event 4051: late ticks with GC and thread-pool evidence).
    tail -n +"$first_line" "$out/gateway.log" | grep -o 'RTP pacer tick finished .*' >"$out/concurrency-late-ticks.txt" \
        || true
    gap=$(tail -n 1 "$out/concurrency-gaps.txt")
    p99=$(awk '{a[NR]=$1} END {print a[int(NR*0.99)]}' "$out/concurrency-gaps.txt")
    read -r ok failed retrans <<<"$result"
    cpu_ms=$(( (ticks_after - ticks_before) * 1000 / hz ))
    log "concurrency: $calls calls, $ok succeeded, $failed failed, $retrans retransmissions, RTP send gap max $gap ms, p99 $p99 ms"
    log "pacer: $(wc -l <"$out/concurrency-late-ticks.txt") late ticks (event 4051), worst $(late_tick_worst)"
    log "gateway RSS idle $rss_idle KiB, with $calls calls $rss_busy KiB; CPU $cpu_ms ms over $hold_up s"
    echo "$ok $failed $retrans $gap $p99 $rss_idle $rss_busy $cpu_ms"
}

main() {
    command -v sipp >/dev/null || { log "sipp (Debian sip-tester) is not installed"; exit 1; }
    ulimit -n 65536 2>/dev/null || true
    if [[ "$build" == 1 ]]; then
        log "building Central.Api and Edge.Host ($configuration)"
        dotnet build "$root/src/Central.Api" -c "$configuration" -nologo -v quiet >/dev/null
        dotnet build "$root/src/Edge.Host" -c "$configuration" -nologo -v quiet >/dev/null
    fi

    local uas_port uas_pid uas_best gateway_best
    uas_port=$(free_port)
    sipp -sn uas -i 127.0.0.1 -p "$uas_port" -nostdin -fd 5 >"$out/uas.out" 2>&1 &
    uas_pid=$!
    sleep 1
    uas_best=$(highest_rate "$uas_port" uas "$uas_rates")
    [[ -n "$uas_rates" ]] || uas_best="(not run)"
    kill "$uas_pid"

    # Concurrency first, on a fresh gateway, so its idle memory is not the heap left by thousands of earlier calls.
    start_product
    read -r ok failed retrans gap p99 rss_idle rss_busy cpu_ms <<<"$(concurrency_trial)"
    gateway_best=$(highest_rate "$sip_port" gateway "$gateway_rates")
    [[ -n "$gateway_rates" ]] || gateway_best="(not run)"

    local per_call_kib=$(( (rss_busy - rss_idle) / calls ))
    local cpu_per_call=$(python3 -c "print(round($cpu_ms / ($hold_up * 1000) * 100 / $calls, 3))")
    cat >"$out/summary.md" <<MD
| figure | gateway | reference / target |
|---|---|---|
| setup rate held ${hold} s (-d 0, 0 failed, 0 retransmissions) | ${gateway_best} | sipp uas: ${uas_best}; target >= 200 and >= 0.5x |
| ${calls} calls up for ${hold_up} s | ${ok} ok, ${failed} failed, ${retrans} retransmissions | 0 failed |
| RTP send gap (MaxSendGap) over the ${calls} calls | max ${gap} ms, 99th percentile ${p99} ms | < 40 ms |
| pacer ticks ended > 10 ms late (event 4051) | $(wc -l <"$out/concurrency-late-ticks.txt") reported; worst: $(late_tick_worst) | |
| memory | ${rss_idle} KiB idle, ${rss_busy} KiB busy: ~${per_call_kib} KiB per call | |
| CPU | ${cpu_ms} ms in ${hold_up} s: ~${cpu_per_call} % of one core per call | |
MD
    echo "gateway DOTNET_GCgen0size=$gen0size; load: $(uptime)" >>"$out/summary.md"
    log "summary in $out/summary.md"
    cat "$out/summary.md"
}

main "$@"
