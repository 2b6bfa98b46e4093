#!/usr/bin/env bash
# Installs what the benchmarks need beyond JDK and Maven, from Debian's packages: pgbench (postgresql-client).
set -euo pipefail
if ! command -v pgbench >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-client >/dev/null
fi
