#!/usr/bin/env bash
# Runs the whole product on this machine: Central (SQLite) and one edge with both roles (kiosk + telephony).
# Usage: ./run.sh        Stop with Ctrl-C. Data stays in ./data between runs.
# Settings (environment, all optional): CENTRAL_GRPC_PORT (7081), CENTRAL_HTTP_PORT (7080), EDGE_HTTP_PORT (8080),
# SIP_PORT (5060), DATA (./data), BUILD=0 (start the Release binaries as they are), OPENING_HOURS=built-in (serve
# Central's built-in opening hours instead of around the clock).
set -euo pipefail
# The databases and logs hold personal data: nobody but this user may read what run.sh creates.
umask 077

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${DATA:-$root/data}"
configuration=Release
central_dll="$root/src/Central.Api/bin/$configuration/net10.0/Central.Api.dll"
edge_dll="$root/src/Edge.Host/bin/$configuration/net10.0/Edge.Host.dll"

central_http_port=${CENTRAL_HTTP_PORT:-7080}
edge_http_port=${EDGE_HTTP_PORT:-8080}
sip_port=${SIP_PORT:-5060}
central_grpc=http://127.0.0.1:${CENTRAL_GRPC_PORT:-7081}
central_http=http://127.0.0.1:$central_http_port
edge_http=http://127.0.0.1:$edge_http_port
build=${BUILD:-1}
opening_hours=${OPENING_HOURS:-around-the-clock}

pids=()

log() { printf '[run] %s\n' "$*"; }

stop_all() {
    trap - INT TERM EXIT
    if ((${#pids[@]} > 0)); then
        log "stopping (pids ${pids[*]})"
        kill -TERM "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}

# Answers the HTTP status line of GET /healthz, or nothing when the port does not answer. Bash's /dev/tcp,
# so a fresh Debian needs no curl.
healthz_status() {
    local port=$1
    timeout 3 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
        printf "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" >&3
        head -n 1 <&3 | tr -d "\r"' "$port" 2>/dev/null || true
}

wait_healthz() {
    local name=$1 port=$2 pid=$3 logfile=$4 status=""
    for _ in $(seq 1 120); do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "$name exited during start-up; last lines of $logfile:"
            tail -n 30 "$logfile" >&2 || true
            return 1
        fi
        status="$(healthz_status "$port")"
        if [[ "$status" == HTTP/* ]]; then
            log "$name /healthz answers: ${status#* }"
            return 0
        fi
        sleep 0.5
    done
    log "$name did not answer /healthz on port $port within 60 s; see $logfile"
    return 1
}

unit_gen0size() { sed -n 's/^Environment=DOTNET_GCgen0size=//p' "$root/deploy/systemd/omni-edge.service"; }

main() {
    command -v dotnet >/dev/null || { log "the .NET SDK (dotnet) is not installed"; exit 1; }

    if [[ "$build" != 0 ]]; then
        log "building the solution ($configuration)"
        dotnet build "$root/Omnichannel.sln" -c "$configuration" -nologo -v minimal
    fi

    mkdir -p "$data/edge" "$data/logs"
    local edge_configuration=()
    if [[ "$opening_hours" != built-in ]]; then
        # The built-in menu, open around the clock, so a call takes the menu path whatever the hour.
        "$root/scripts/write-open-edge-configuration.py" "$data/edge-configuration.json"
        edge_configuration=(--Central:EdgeConfigurationFile="$data/edge-configuration.json")
    fi
    if [[ ! -s "$data/edge/outbox.key" ]]; then
        log "creating a development outbox key in data/edge/outbox.key"
        head -c 32 /dev/urandom > "$data/edge/outbox.key"
    fi
    chmod 0600 "$data/edge/outbox.key"

    trap 'stop_all; exit 130' INT
    trap 'stop_all; exit 143' TERM
    trap 'stop_all' EXIT

    log "starting Central"
    dotnet "$central_dll" \
        --Central:Database="$data/central.db" \
        --Central:GrpcUrl="$central_grpc" \
        --Central:HttpUrl="$central_http" \
        "${edge_configuration[@]}" \
        >"$data/logs/central.log" 2>&1 &
    pids+=($!)
    wait_healthz Central "$central_http_port" "${pids[0]}" "$data/logs/central.log"

    log "starting the edge (edge-1: kiosk and telephony)"
    # The runtime's gen0 budget as the systemd unit sets it (see deploy/systemd/omni-edge.service): short GC pauses
    # keep the telephony role's RTP on time, and .NET only reads this one from the environment.
    DOTNET_GCgen0size="$(unit_gen0size)" dotnet "$edge_dll" \
        --Omni:DeviceId=edge-1 \
        --Omni:CentralAddress="$central_grpc" \
        --Omni:OutboxPath="$data/edge/outbox.db" \
        --Omni:KeyFile="$data/edge/outbox.key" \
        --Edge:HttpUrl="$edge_http" \
        --Telephony:SipListenPort="$sip_port" \
        >"$data/logs/edge.log" 2>&1 &
    pids+=($!)
    wait_healthz Edge "$edge_http_port" "${pids[1]}" "$data/logs/edge.log"

    cat <<INFO

Omnichannel is running.
  Central gRPC (h2c)        $central_grpc
  Central REST              $central_http   (GET/POST /api/v1/klantcontacten, /healthz)
  Edge HTTP (kiosk, API)    $edge_http   (POST /api/v1/klantcontacten, /healthz)
  Edge SIP                  sip:127.0.0.1:$sip_port (udp and tcp), RTP 127.0.0.1:40000-40999 (udp)
  Opening hours             $opening_hours   (OPENING_HOURS=built-in: Central's built-in hours)
  Data                      $data   (central.db, edge/outbox.db)
  Logs                      $data/logs/central.log, $data/logs/edge.log

Press Ctrl-C to stop both.
INFO

    # Whichever stops first (crash or signal) stops the other.
    set +e
    wait -n "${pids[@]}"
    local code=$?
    set -e
    log "a process stopped (exit $code); see $data/logs"
    exit "$code"
}

main "$@"
