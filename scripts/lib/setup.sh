# Shared set-up steps for scripts/demo and scripts/test. Source it; don't run it.
# Everything here is idempotent: on a machine that already has what it needs it
# installs nothing and takes a second or two.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export UV_PYTHON_DOWNLOADS=never       # use the system Python 3.11; never fetch one
export UV_PYTHON="${UV_PYTHON:-python3.11}"
export UV_NO_PROGRESS=1

say() { printf '\n==> %s\n' "$*"; }

# Install the named Debian packages (callers pass only what is missing). Needs root, as on CI.
install_debian_packages() {
  [ $# -eq 0 ] && return 0
  say "Installing Debian packages: $*"
  if [ "$(id -u)" -ne 0 ]; then
    echo "These Debian packages are missing: $*. Install them (as root) and run this again." >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# WeasyPrint (PDFs of plans and reports) renders through Pango and its fonts.
missing_pdf_libraries() {
  [ -e /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libpango-1.0.so.0 ] \
    || echo "libpango-1.0-0 libpangoft2-1.0-0"
  [ -d /usr/share/fonts/truetype/liberation ] || echo "fonts-liberation"
}

# The locked Python packages, in .venv, with the system Python.
ensure_python_env() {
  if ! command -v uv >/dev/null 2>&1; then
    say "Installing uv"
    python3.11 -m pip install --quiet --disable-pip-version-check uv
  fi
  say "Installing the locked Python packages"
  (cd "$ROOT" && uv sync --frozen --quiet)
}

# The DfE's SSDA903 validator (csc-validator-be-903) pins old pandas and numpy, so it has its
# own environment, .venv-903, installed from the hashed lock ssda903/validator-requirements.txt.
# Skipped when the environment exists and was made from the same lock (a stamp holds its hash).
ensure_validator_env() {
  local venv="$ROOT/.venv-903" lock="$ROOT/ssda903/validator-requirements.txt" want
  want="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.lock-sha256" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  say "Installing the DfE SSDA903 validator into .venv-903"
  rm -rf "$venv"
  uv venv --quiet --python "$UV_PYTHON" "$venv"
  uv pip install --quiet --python "$venv/bin/python" --require-hashes -r "$lock"
  echo "$want" > "$venv/.lock-sha256"
}

pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# Start a throwaway PostgreSQL cluster on 127.0.0.1 and export DATABASE_URL for it.
# The cluster lives in a temporary folder and is removed by stop_throwaway_postgres.
start_throwaway_postgres() {
  local bin port
  bin="$(pg_bin_dir)" || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
  PG_DIR="$(mktemp -d /tmp/leavingcare-pg.XXXXXX)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: run it as the postgres user the Debian package creates.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  say "Starting a throwaway PostgreSQL cluster on 127.0.0.1:$port"
  "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U leavingcare --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # Durability is pointless for a cluster that is deleted in minutes; speed is not.
  "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  "${PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U leavingcare leavingcare
  PG_BIN="$bin"
  export DATABASE_URL="postgres://leavingcare@127.0.0.1:$port/leavingcare"
}

stop_throwaway_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
