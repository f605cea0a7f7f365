# jrnl for the benchmarks (scripts/bench, scripts/bench-archive), sourced:
# installed from PyPI into a virtual environment outside the repo, and the
# configuration of a journal in jrnl's plain-text format with the times the
# benchmarks' journals are written with.

jrnl_venv=/tmp/rollingstone-bench-jrnl

# Installs jrnl into $jrnl_venv unless it is there; fails when it cannot.
jrnl_install() {
  [ -x "$jrnl_venv/bin/jrnl" ] && return 0
  printf '\033[1m== %s\033[0m\n' "installing jrnl from PyPI into $jrnl_venv" >&2
  python3 -m venv "$jrnl_venv" && "$jrnl_venv/bin/pip" install -q jrnl
}

# The version of the installed jrnl.
jrnl_installed_version() {
  "$jrnl_venv/bin/python" -c 'from jrnl.__version__ import __version__; print(__version__)'
}

# The configuration of a journal at $1, for jrnl of version $2.
jrnl_config() {
  cat <<EOC
version: '$2'
journals:
  default:
    journal: $1
editor: ''
encrypt: false
template: false
default_hour: 9
default_minute: 0
timeformat: '%Y-%m-%d %H:%M:%S'
tagsymbols: '#@'
highlight: false
linewrap: 79
indent_character: '|'
colors:
  body: none
  date: none
  tags: none
  title: none
EOC
}
