# Shared steps of scripts/demo and scripts/test. Sourced, not run.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

can_install_system_packages() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

apt_install() {
  # Install Debian packages when we are root; otherwise say what to install.
  if can_install_system_packages; then
    if [ ! -f /var/lib/apt/periodic/ramme-updated ] ; then
      apt-get update -qq && mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/ramme-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    say "Mangler Debian-pakker: sudo apt-get install $*  (de tests, der kræver dem, springes over)"
    return 1
  fi
}

ensure_venv() {
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    apt_install python3-venv python3-pip || { echo "Installer python3-venv og prøv igen." >&2; exit 1; }
  fi
  if [ ! -x .venv/bin/python ]; then
    say "Opretter virtuelt miljø i .venv"
    python3 -m venv .venv
  fi
}
