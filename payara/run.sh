#!/usr/bin/env bash
# Builds handfeed (when needed), fetches Payara Micro from Maven Central through Maven, and runs the server on
# PORT (8000) bound to BIND_ADDRESS (127.0.0.1). Waits until the application answers; exits non-zero if it never
# does (a failed deployment leaves Payara Micro running and answering 404). Ctrl-C stops the server.
#
# Reads: PORT, BIND_ADDRESS, WINAMAX_HISTORY_PATH, HEARTBEAT_INTERVAL, HANDFEED_DATA_DIR, HERO_NAME, AUTH_MODE (and
# the other settings in docs/protocol.md#configuration) from the environment; JAVA_OPTS for the JVM; HANDFEED_SKIP_BUILD=1 to run
# the WAR already in target/. A BIND_ADDRESS that is not loopback needs AUTH_MODE=jwt or ALLOW_ANONYMOUS_REMOTE=true.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/target"
export PORT="${PORT:-8000}"
export BIND_ADDRESS="${BIND_ADDRESS:-127.0.0.1}"
startup_timeout="${STARTUP_TIMEOUT:-180}"
java_opts="${JAVA_OPTS:--Xms256m -Xmx1g}"

# Hand histories are private: without authentication, listen on loopback only, unless told so on purpose. The
# application refuses the same at deployment (it also sees -D settings); saying it here saves a build and a boot.
auth_mode="${AUTH_MODE:-none}"
case "$BIND_ADDRESS" in
  127.*|localhost|::1|"[::1]") ;;
  *)
    if [[ "${auth_mode,,}" != jwt && "${ALLOW_ANONYMOUS_REMOTE:-false}" != [Tt][Rr][Uu][Ee] ]]; then
      echo "handfeed: refusing to start: BIND_ADDRESS=$BIND_ADDRESS is not a loopback address and AUTH_MODE=$auth_mode," \
           "so anyone who can reach it could read every hand." >&2
      echo "handfeed: set AUTH_MODE=jwt and JWT_SECRET (or JWT_PUBLIC_KEY_FILE, JWT_JWKS_FILE): see" \
           "docs/protocol.md#authentication; or ALLOW_ANONYMOUS_REMOTE=true to serve without authentication on purpose." >&2
      exit 1
    fi;;
esac

if [[ "${HANDFEED_SKIP_BUILD:-0}" != 1 || ! -f "$target/handfeed.war" || ! -f "$target/payara-micro.jar" ]]; then
  echo "handfeed: building the WAR and fetching Payara Micro (mvn package)..."
  mvn -q -B -f "$root/pom.xml" -DskipTests package
fi

# A fresh runtime folder each time: Payara Micro would otherwise deploy the previous run's copy as well.
rm -rf "$target/payara/root"
mkdir -p "$target/payara"
boot="$target/payara/pre-boot-commands.asadmin"
sed "s/address=127\.0\.0\.1/address=${BIND_ADDRESS}/" "$root/payara/pre-boot-commands.asadmin" > "$boot"
log="$target/payara/server.log"

# Poll through loopback when listening everywhere; otherwise on the address itself.
probe_host="$BIND_ADDRESS"
[[ "$probe_host" == 0.0.0.0 || "$probe_host" == "::" ]] && probe_host=127.0.0.1
[[ "$probe_host" == *:* ]] && probe_host="[$probe_host]"
health_url="http://$probe_host:$PORT/health"

# --nohazelcast: one node needs no cluster, and Hazelcast would listen on every interface.
# shellcheck disable=SC2086
java $java_opts -jar "$target/payara-micro.jar" \
  --deploy "$target/handfeed.war" --contextroot / \
  --port "$PORT" --nohazelcast --disablephonehome \
  --prebootcommandfile "$boot" --rootdir "$target/payara/root" \
  > >(tee "$log") 2>&1 &
server=$!

stop() {
  trap - INT TERM
  echo "handfeed: stopping (pid $server)..."
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  exit 130
}
trap stop INT TERM

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$health_url" || true; }

deadline=$((SECONDS + startup_timeout))
while :; do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" || true
    echo "handfeed: Payara Micro exited during start-up; see $log" >&2
    exit 1
  fi
  code=$(status_of)
  if [[ "$code" == 200 || "$code" == 503 ]]; then
    break
  fi
  # Payara prints "ready in" once every deployment was attempted: a 404 after that means ours failed.
  if grep -q "ready in" "$log" 2>/dev/null && [[ "$(status_of)" == 404 ]]; then
    echo "handfeed: Payara Micro is running but the application did not deploy (404 on $health_url); see $log" >&2
    # A bad setting names itself; otherwise the deepest cause of the last stack trace says most.
    cause=$(grep -m1 -oE "Setting [A-Z_]+ must be .*" "$log" || grep -E "^Caused by: " "$log" | tail -1 || true)
    [[ -n "$cause" ]] && echo "handfeed: cause: ${cause#Caused by: }" >&2
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    exit 1
  fi
  if (( SECONDS > deadline )); then
    echo "handfeed: no answer from $health_url after ${startup_timeout}s; see $log" >&2
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done

echo "handfeed: ready — ws://$probe_host:$PORT/ws  http://$probe_host:$PORT/ws/stats  $health_url ($(status_of))  http://$probe_host:$PORT/metrics"
wait "$server"
