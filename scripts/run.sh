#!/usr/bin/env bash
# The README's run command: builds wbo (server and console) and starts it on http://localhost:8080 with the
# embedded PostgreSQL (data under ./data) and the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
exec java -jar target/wbo.jar --spring.profiles.active=demo "$@"
