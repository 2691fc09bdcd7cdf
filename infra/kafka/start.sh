#!/bin/sh
# docker-compose's Kafka: formats the storage once, creating the SCRAM users with it (the broker
# keeps them in its metadata, so it never runs without them), then runs the broker. Each user's
# password comes from KAFKA_PASSWORD_<USER>; a missing one stops the container with its name.
set -eu
CONFIG=/etc/commerce-kafka/server.properties
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  set --
  for user in admin gateway order user payment consumers; do
    var="KAFKA_PASSWORD_$(echo "$user" | tr 'a-z' 'A-Z')"
    password=$(printenv "$var" || true)
    [ -n "$password" ] || { echo "start.sh: $var is required" >&2; exit 78; }
    set -- "$@" --add-scram "SCRAM-SHA-512=[name=commerce-$user,password=$password]"
  done
  "${KAFKA_HOME:-/opt/kafka}/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$CONFIG" "$@"
fi
exec "${KAFKA_HOME:-/opt/kafka}/bin/kafka-server-start.sh" "$CONFIG"
