#!/usr/bin/env bash
# Start or stop a real one-node Slurm cluster (Debian 12's Slurm 22.05 + munge) on this machine, as root and
# without systemd, so CI can run job arrays against it.
#
#   .ci/slurm-cluster.sh up     install missing packages, write configs, start munged, slurmctld and slurmd,
#                               wait until the node is idle (SLURM_UP_TIMEOUT seconds, default 60)
#   .ci/slurm-cluster.sh down   stop slurmctld and slurmd (scontrol shutdown), then munged
#
# Both are idempotent. The node is this machine's short host name, reached on 127.0.0.1; its partition is
# "debug" (the default). Logs: /var/log/slurm/slurmctld.log, /var/log/slurm/slurmd.log, /var/log/munge/.
set -euo pipefail

say() { echo "slurm-cluster: $*" >&2; }
die() { say "error: $*"; exit 1; }

UP_TIMEOUT=${SLURM_UP_TIMEOUT:-60}
DOWN_TIMEOUT=${SLURM_DOWN_TIMEOUT:-30}
PACKAGES=(munge slurm-client slurmctld slurmd)
SLURM_CONF=/etc/slurm/slurm.conf
CGROUP_CONF=/etc/slurm/cgroup.conf
MUNGE_KEY=/etc/munge/munge.key
MUNGED_PIDFILE=/run/munge/munged.pid
SLURMCTLD_PIDFILE=/run/slurmctld.pid
SLURMD_PIDFILE=/run/slurmd.pid
LOG_DIR=/var/log/slurm

# Pids of the live (not zombie) processes whose command name is exactly $1 (the daemons are one per machine).
pids_named() {
  local d comm stat
  for d in /proc/[0-9]*; do
    comm=$(cat "$d/comm" 2>/dev/null) || continue
    [ "$comm" = "$1" ] || continue
    stat=$(cat "$d/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    [ "${stat:0:1}" = Z ] || echo "${d#/proc/}"
  done
}
running() { [ -n "$(pids_named "$1")" ]; }

# Pids to signal for daemon $1: the one in pid file $2 if it is that daemon, else any process with that name.
daemon_pids() {
  local pid
  if [ -r "$2" ] && pid=$(tr -dc 0-9 <"$2") && [ -n "$pid" ] \
    && pids_named "$1" | grep -x "$pid" >/dev/null; then
    echo "$pid"
  else
    pids_named "$1"
  fi
}

# Wait up to $1 seconds until none of the daemons named in the rest of the arguments runs.
wait_gone() {
  local deadline=$((SECONDS + $1)) name alive
  shift
  while :; do
    alive=
    for name in "$@"; do if running "$name"; then alive+=" $name"; fi; done
    [ -z "$alive" ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then echo "${alive# }"; return 1; fi
    sleep 0.2
  done
}

# Stop daemon $1 (pid file $2): SIGTERM, then SIGKILL if it is still there after a while.
stop_daemon() {
  local pids
  pids=$(daemon_pids "$1" "$2")
  [ -z "$pids" ] && return 0
  say "stopping $1 (pid $(echo "$pids" | tr '\n' ' ' | sed 's/ $//'))"
  # shellcheck disable=SC2086  # one pid per word
  kill -TERM $pids 2>/dev/null || true
  if ! wait_gone 10 "$1" >/dev/null; then
    say "$1 ignored SIGTERM; sending SIGKILL"
    pids=$(daemon_pids "$1" "$2")
    # shellcheck disable=SC2086
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    wait_gone 5 "$1" >/dev/null || die "$1 is still running"
  fi
}

stop_slurm() {
  local left
  if running slurmctld; then
    say "scontrol shutdown"
    scontrol shutdown >/dev/null 2>&1 || say "scontrol shutdown failed; stopping the daemons by signal"
  fi
  if left=$(wait_gone "$DOWN_TIMEOUT" slurmctld slurmd); then return 0; fi
  say "still running after ${DOWN_TIMEOUT} s: $left"
  stop_daemon slurmd "$SLURMD_PIDFILE"
  stop_daemon slurmctld "$SLURMCTLD_PIDFILE"
}

show_logs() {
  local f n
  for f in /var/log/munge/munged.log "$LOG_DIR/slurmctld.log" "$LOG_DIR/slurmd.log"; do
    [ -r "$f" ] || continue
    n=30; [ "$f" = /var/log/munge/munged.log ] && n=8
    say "---- last $n lines of $f"
    tail -n "$n" "$f" >&2 || true
  done
}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_packages() {
  local missing policy_added=''
  mapfile -t missing < <(missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    say "packages already installed"
    return 0
  fi
  command -v apt-get >/dev/null || die "apt-get not found: this script expects Debian 12"
  say "installing ${missing[*]} (Debian packages)"
  # Keep the packages' maintainer scripts from starting daemons with their default configs: we start them.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_added=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when the candidates are not known (no lists yet, or too old).
  if ! apt-get install -qq -y --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" >/tmp/slurm-cluster-apt.log 2>&1; then
    say "apt-get update"
    apt-get update -qq >/tmp/slurm-cluster-apt.log 2>&1 || { cat /tmp/slurm-cluster-apt.log >&2; die "apt-get update failed"; }
    apt-get install -qq -y --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" >/tmp/slurm-cluster-apt.log 2>&1 \
      || { tail -n 40 /tmp/slurm-cluster-apt.log >&2; die "apt-get install ${missing[*]} failed"; }
  fi
  if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  mapfile -t missing < <(missing_packages)
  [ "${#missing[@]}" -eq 0 ] || die "still not installed: ${missing[*]}"
}

# Write $2 to file $1 if it differs; succeed only if the file changed.
write_if_changed() {
  if [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; then return 1; fi
  printf '%s\n' "$2" >"$1"
}

start_munge() {
  mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
  if [ ! -s "$MUNGE_KEY" ] || [ "$(stat -c %s "$MUNGE_KEY")" -lt 32 ]; then
    say "writing a new munge key"
    if running munged; then stop_daemon munged "$MUNGED_PIDFILE"; fi
    (umask 077 && head -c 1024 /dev/urandom >"$MUNGE_KEY")
  fi
  chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
  chmod 700 /etc/munge
  chmod 400 "$MUNGE_KEY"
  chmod 755 /run/munge
  if running munged; then
    if munge -n </dev/null | unmunge >/dev/null 2>&1; then
      say "munged already running"
      return 0
    fi
    say "munged is running but does not answer; restarting it"
    stop_daemon munged "$MUNGED_PIDFILE"
  fi
  say "starting munged"
  # As root munged warns that its log is not owned by root; --force makes it run anyway.
  munged --force 2>/dev/null || munged --force
  local deadline=$((SECONDS + 10))
  until munge -n </dev/null | unmunge >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { show_logs; die "munged does not answer"; }
    sleep 0.2
  done
}

slurm_conf() {
  cat <<EOF
# Written by .ci/slurm-cluster.sh: a one-node cluster for CI.
ClusterName=local
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$SLURMCTLD_PIDFILE
SlurmdPidFile=$SLURMD_PIDFILE
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
}

node_state() { sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n 1; }

up() {
  local start=$SECONDS changed='' state deadline resumed=
  install_packages
  start_munge

  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd "$LOG_DIR"
  if write_if_changed "$SLURM_CONF" "$(slurm_conf)"; then changed=1; fi
  if write_if_changed "$CGROUP_CONF" "ConstrainCores=no"; then changed=1; fi
  if [ -n "$changed" ] && { running slurmctld || running slurmd; }; then
    say "configuration changed; restarting the Slurm daemons"
    stop_slurm
  fi

  if running slurmctld; then say "slurmctld already running"; else say "starting slurmctld"; slurmctld; fi
  if running slurmd; then say "slurmd already running"; else say "starting slurmd"; slurmd; fi

  deadline=$((SECONDS + UP_TIMEOUT))
  while :; do
    state=$(node_state || true)
    case "$state" in
      idle | mixed | allocated | completing) break ;;
      # Down or drained (not merely unresponsive, which ends in "*"): put it back in service once.
      down | drained | draining | drain | fail | failing)
        if [ -z "$resumed" ]; then
          say "node $NODE is $state; resuming it"
          scontrol update nodename="$NODE" state=resume >/dev/null 2>&1 || true
          resumed=1
        fi ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "node $NODE not idle after ${UP_TIMEOUT} s (state: '${state:-no answer}')"
      scontrol show node "$NODE" >&2 2>/dev/null || true
      show_logs
      exit 1
    fi
    sleep 0.5
  done
  say "up in $((SECONDS - start)) s: node $NODE is $state (partition debug, $(nproc) CPUs)"
}

down() {
  local start=$SECONDS
  stop_slurm
  if running munged; then stop_daemon munged "$MUNGED_PIDFILE"; fi
  say "down in $((SECONDS - start)) s"
}

[ "$(id -u)" -eq 0 ] || die "must run as root (CI runs as root); this script does not use sudo"
NODE=$(hostname -s)
case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
