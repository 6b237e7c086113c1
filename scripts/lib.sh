# Shared steps of scripts/demo and scripts/test. Sourced, not run.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'Fejl: %s\n' "$*" >&2; exit 1; }

can_install_system_packages() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

apt_install() {
  # Install Debian packages when we are root; otherwise say what to install and return 1.
  if ! can_install_system_packages; then
    say "Mangler Debian-pakker: sudo apt-get install $*"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists; stale lists make install fail: update and retry.
  if ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

python_ok() {
  command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'
}

ensure_venv() {
  python_ok || die "ramme kræver Python 3.11 eller nyere som python3."
  # Debian ships venv and ensurepip in a separate package (python3-venv).
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    say "Installerer python3-venv"
    apt_install python3-venv ||
      die "Python mangler modulet venv. Installer det med: sudo apt-get install python3-venv"
  fi
  # A venv left half-made by an earlier failed attempt has no pip: start over.
  if [ -d .venv ] && [ ! -x .venv/bin/pip ]; then
    rm -rf .venv
  fi
  if [ ! -x .venv/bin/python ]; then
    say "Opretter virtuelt miljø i .venv"
    python3 -m venv .venv
  fi
}

pip_install() {
  .venv/bin/pip install -q --disable-pip-version-check "$@"
}

ensure_ci_postgres() {
  # CI must test PostgreSQL too: install and start a local cluster when none answers.
  local url="$1"
  .venv/bin/python -m ramme.web.dbcheck "$url" && return 0
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    say "Installerer PostgreSQL"
    apt_install postgresql || return 1
    local conf
    conf=$(ls -d /etc/postgresql/*/main | head -1)
    # A throwaway CI cluster: trust local TCP connections so the tests need no password.
    sed -i 's/^\(host.*127\.0\.0\.1\/32\s*\)\S*$/\1trust/' "$conf/pg_hba.conf"
  fi
  say "Starter PostgreSQL"
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    .venv/bin/python -m ramme.web.dbcheck "$url" && return 0
    sleep 1
  done
  return 1
}
