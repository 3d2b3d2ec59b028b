#!/usr/bin/env bash
# Installs what the tests need, builds the solution once, runs every test project with a trx logger and
# ends with one line: "tests: N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
configuration=Release
results="$root/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# sip-tester (sipp) and baresip-core call the SIP stack; postgresql is Central's production database;
# espeak-ng and sox make and measure IVR audio; iproute2 makes network namespaces; systemd brings
# systemd-analyze for the unit-file tests.
# Limitation: chromium joins this list when the kiosk page gets browser tests.
packages=(sip-tester baresip-core postgresql espeak-ng sox iproute2 systemd)

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    sudo_cmd=(sudo)
fi

log() { printf '[test] %s\n' "$*"; }

install_missing() {
    local missing=() package
    for package in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi

    log "installing ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Runs a command with only stdin, stdout and stderr open. A daemon it starts outlives this script; without this it
# would also hold whatever else this script inherited, such as a `flock` around ./test.sh, for its whole life.
without_inherited_descriptors() {
    (
        local descriptor
        for descriptor in /proc/self/fd/*; do
            descriptor=${descriptor##*/}
            if ((descriptor > 2)); then
                eval "exec ${descriptor}>&-"
            fi
        done
        exec "$@"
    )
}

# Debian's postinst cannot start PostgreSQL where systemd is not PID 1 (containers, CI); start it here.
start_postgresql() {
    command -v pg_lsclusters >/dev/null || return 0
    local version name port status rest
    while read -r version name port status rest; do
        if [[ "$status" == down* ]]; then
            log "starting PostgreSQL $version/$name on port $port"
            without_inherited_descriptors "${sudo_cmd[@]}" pg_ctlcluster "$version" "$name" start </dev/null \
                || log "PostgreSQL $version/$name did not start"
        fi
    done < <(pg_lsclusters --no-header 2>/dev/null)
}

# Reads one attribute of the <Counters> element of a trx file.
counter() {
    local counters=$1 name=$2
    sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" <<<"$counters" | head -n 1
}

main() {
    install_missing
    start_postgresql

    log "building Omnichannel.sln ($configuration)"
    if ! dotnet build Omnichannel.sln -c "$configuration" -nologo; then
        log "build failed"
        echo "tests: 0 passed, 0 failed, 0 skipped"
        exit 1
    fi

    rm -rf "$results"
    mkdir -p "$results"
    local status=0 project name crashed=0
    local projects=()
    mapfile -t projects < <(find tests -name '*.Tests.csproj' | sort)
    for project in "${projects[@]}"; do
        name="$(basename "$project" .csproj)"
        if ! grep -q "$name.csproj" Omnichannel.sln; then
            dotnet build "$project" -c "$configuration" -nologo || status=1
        fi

        log "running $name"
        if ! dotnet test "$project" -c "$configuration" --no-build \
            --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
            --blame-hang-timeout 15m; then
            status=1
        fi
        if [[ ! -s "$results/$name.trx" ]]; then
            log "$name left no results (crashed before reporting); counted as one failure"
            crashed=$((crashed + 1))
            status=1
        fi
    done

    local passed=0 failed=$crashed skipped=0 trx counters failed_here
    for trx in "$results"/*.trx; do
        [[ -e "$trx" ]] || continue
        counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
        passed=$((passed + $(counter "$counters" passed)))
        failed_here=$(($(counter "$counters" failed) + $(counter "$counters" error)))
        failed_here=$((failed_here + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
        # A run aborted by a hung or crashed test host leaves that test out of every counter: count it.
        if ((failed_here == 0)) && ! grep -q '<ResultSummary outcome="Completed"' "$trx"; then
            log "$(basename "$trx" .trx): the run was aborted (a test hung or its host crashed); counted as one failure"
            failed_here=1
        fi
        failed=$((failed + failed_here))
        skipped=$((skipped + $(counter "$counters" notExecuted)))
    done

    if ((failed > 0 || passed == 0)); then
        status=1
    fi
    echo "tests: $passed passed, $failed failed, $skipped skipped"
    exit "$status"
}

main "$@"
