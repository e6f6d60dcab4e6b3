#!/usr/bin/env bash
# Times the distribution's start, from launching the process to its port accepting a connection, alternately with
# `java -jar thywill.jar` and with `bin/thywill-server` (a CDS archive, or on Java 25 an AOT cache, recorded by a
# first run), on a fresh H2 database each time; both run $JAVA_HOME/bin/java if JAVA_HOME is set.
# Usage, from the repository's root after `./mvnw -q package -DskipTests`:
#   bash thywill-server/thywill-benchmark/src/main/sh/start-time.sh [runs] [port]
runs=${1:-5}
port=${2:-18080}
home=thywill-server/thywill-distribution/target/thywill
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f "$home/thywill.jsa" "$home/thywill.aot"' EXIT
cat > "$work/thywill.yml" <<YAML
server: {host: 127.0.0.1, port: $port}
log: {implementation: logback, level: WARN, file: ""}
database: {implementation: h2, file: "$work/db"}
clientInterface: {implementation: cometd}
push: {implementation: cometd}
application: {implementation: jar, folder: $PWD/$home/apps}
YAML
millis() { date +%s%3N; }
start() { # $@: the command; prints the milliseconds until the port accepted
  rm -rf "$work/db"*
  t0=$(millis)
  "$@" "$work/thywill.yml" >"$work/out.txt" 2>&1 &
  pid=$!
  until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do sleep 0.01; done
  echo $(( $(millis) - t0 ))
  kill -TERM $pid; wait $pid 2>/dev/null
}
rm -f "$home/thywill.jsa" "$home/thywill.aot"
start "$home/bin/thywill-server" >/dev/null   # records the archive
for i in $(seq "$runs"); do
  plain=$(start "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$home/thywill.jar")
  shared=$(start "$home/bin/thywill-server")
  echo "run $i: java -jar ${plain} ms, bin/thywill-server ${shared} ms"
done
