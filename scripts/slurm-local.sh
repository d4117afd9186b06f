#!/usr/bin/env bash
# A one-machine Slurm cluster for testing `shardsim sweep --scheduler slurm`, without systemd or containers:
# Debian's munge and slurm-wlm (slurmctld + slurmd, 22.05), run as root, with every file under one folder.
#
#   scripts/slurm-local.sh start [DIR]   # starts munged, slurmctld and slurmd; prints the SLURM_CONF to export
#   scripts/slurm-local.sh stop [DIR]    # cancels the cluster's jobs, stops the daemons, waits until they are gone
#
# DIR (by default ${TMPDIR:-/tmp}/shardsim-slurm) holds slurm.conf, the munge key and socket, the controller's state,
# slurmd's spool, the pid files and the logs. Each cluster picks its own free ports and munge socket, so two folders
# are two independent clusters. The packages come from scripts/install-deps.sh.
set -euo pipefail

command=${1:-}
dir=${2:-${TMPDIR:-/tmp}/shardsim-slurm}
# Seconds to wait for the daemons to come up, for jobs to be cancelled and for the daemons to exit.
wait_seconds=${SLURM_LOCAL_WAIT:-60}

fail() {
    echo "slurm-local: $*" >&2
    exit 1
}

# Whether something listens on TCP port $1 on this machine.
port_in_use() {
    [[ -n $(ss -Htln "sport = :$1" 2>/dev/null) ]]
}

# A free port in 20000–59999 that is not $1.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if [[ $port != "${1:-}" ]] && ! port_in_use "$port"; then
            echo "$port"
            return
        fi
    done
    fail "no free TCP port found in 20000-59999"
}

# Whether process $1 runs. A zombie does not: a daemon whose parent was a child subreaper (a test runner, say)
# stays one until that parent reaps it, and it no longer holds a port or a file.
alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    [[ ${stat##*) } != Z* ]]
}

# The pid in file $1, if that process is alive.
live_pid() {
    local pid
    [[ -s $1 ]] || return 1
    pid=$(<"$1")
    [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

# Waits until command "$@" succeeds, for at most $wait_seconds; fails naming $what and the log to read.
wait_until() {
    local what=$1 log=$2
    shift 2
    for _ in $(seq 1 $((wait_seconds * 5))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    echo "slurm-local: $what did not happen within ${wait_seconds}s; last lines of $log:" >&2
    tail -n 20 "$log" >&2 || true
    return 1
}

node_ready() {
    [[ $(sinfo --noheader --nodes="$node" --format=%t 2>/dev/null) =~ ^(idle|mix|alloc)$ ]]
}

start() {
    for program in munged mungekey slurmctld slurmd sbatch squeue sinfo scancel; do
        command -v "$program" >/dev/null || fail "$program is missing: install munge and slurm-wlm (scripts/install-deps.sh does)"
    done
    [[ $(id -u) -eq 0 ]] || fail "slurmd runs jobs as their users, so this script must run as root"
    id munge >/dev/null 2>&1 || fail "the munge user is missing: install the munge package"
    if [[ -e $dir/slurmctld.pid ]] && live_pid "$dir/slurmctld.pid" >/dev/null; then
        fail "a cluster is already running in $dir; stop it first: $0 stop $dir"
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    rm -rf "$dir/munge" "$dir/state" "$dir/spool"
    mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
    # munged refuses folders that others can write, and runs as the munge user, which must reach its folder.
    chmod 0755 "$dir"
    chown munge:munge "$dir/munge"
    chmod 0711 "$dir/munge"
    runuser -u munge -- mungekey --create --keyfile="$dir/munge/munge.key"
    # The daemons log to files; their standard streams must not keep the caller's pipes open.
    runuser -u munge -- munged --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
        </dev/null >/dev/null 2>&1
    wait_until "munged start" "$dir/munge/munged.log" test -S "$dir/munge/munge.socket"

    node=$(hostname -s)
    local controller_port node_port
    controller_port=$(free_port)
    node_port=$(free_port "$controller_port")
    cat >"$dir/slurm.conf" <<EOF
# Written by scripts/slurm-local.sh: one node, this host, everything under $dir.
ClusterName=shardsim
SlurmctldHost=$node
SlurmctldPort=$controller_port
SlurmdPort=$node_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
# Finished jobs stay visible to squeue for a while, so a sweep's status can tell them apart from lost ones.
MinJobAge=600
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
    export SLURM_CONF=$dir/slurm.conf
    slurmctld -f "$SLURM_CONF" </dev/null >/dev/null 2>&1
    wait_until "slurmctld start" "$dir/slurmctld.log" live_pid "$dir/slurmctld.pid"
    slurmd -f "$SLURM_CONF" -N "$node" </dev/null >/dev/null 2>&1
    wait_until "slurmd registering node $node as idle" "$dir/slurmd.log" node_ready
    echo "slurm-local: cluster running in $dir (node $node, ports $controller_port and $node_port)"
    echo "export SLURM_CONF=$SLURM_CONF"
}

# Sends signal $2 to the daemon whose pid file is $1 and waits until it is gone; SIGKILL after $wait_seconds.
stop_daemon() {
    local pid
    pid=$(live_pid "$1") || return 0
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((wait_seconds * 5))); do
        alive "$pid" || return 0
        sleep 0.2
    done
    echo "slurm-local: process $pid ($1) did not exit; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

# The pids of the job step daemons (slurmstepd) serving this cluster: their working spool is under $dir.
step_daemons() {
    local pid
    for pid in $(pgrep -x slurmstepd 2>/dev/null || true); do
        if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "SLURM_CONF=$dir/slurm.conf"; then
            echo "$pid"
        elif [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$dir/spool"* ]]; then
            echo "$pid"
        fi
    done
}

no_jobs() {
    [[ -z $(squeue --noheader --format=%i 2>/dev/null) ]]
}

stop() {
    [[ -d $dir ]] || fail "no cluster folder $dir"
    dir=$(cd "$dir" && pwd)
    export SLURM_CONF=$dir/slurm.conf
    if [[ -e $SLURM_CONF ]] && live_pid "$dir/slurmctld.pid" >/dev/null; then
        scancel --full --quiet --user=root 2>/dev/null || true
        wait_until "cancelling every job" "$dir/slurmctld.log" no_jobs || true
    fi
    stop_daemon "$dir/slurmd.pid" TERM
    stop_daemon "$dir/slurmctld.pid" TERM
    # A step daemon outlives slurmd by design; a cancelled job's one exits by itself, any other is ended here.
    for pid in $(step_daemons); do
        kill -KILL "$pid" 2>/dev/null || true
    done
    stop_daemon "$dir/munge/munged.pid" TERM
    echo "slurm-local: stopped the cluster in $dir"
}

case $command in
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 start|stop [DIR]" >&2
        exit 2
        ;;
esac
