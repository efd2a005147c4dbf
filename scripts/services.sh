#!/usr/bin/env bash
# Makes sure MariaDB (127.0.0.1:3306) and Redis (127.0.0.1:6379) answer, starting them when they are installed
# but stopped. Used by .ci/run and handy before `npm test` on a developer machine.
set -uo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # port name
  for _ in $(seq 1 60); do up "$1" && return 0; sleep 0.5; done
  echo "services: $2 did not come up on 127.0.0.1:$1" >&2
  return 1
}

status=0
if ! up 3306; then
  if [ -x /usr/sbin/mariadbd ]; then
    echo "services: starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    wait_for 3306 MariaDB || status=1
  else
    echo "services: MariaDB is not running on 127.0.0.1:3306 and not installed here (apt-get install mariadb-server)" >&2
    status=1
  fi
fi
if ! up 6379; then
  if command -v redis-server >/dev/null; then
    echo "services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for 6379 Redis || status=1
  else
    echo "services: Redis is not running on 127.0.0.1:6379 and not installed here (apt-get install redis-server)" >&2
    status=1
  fi
fi
[ $status -eq 0 ] && echo "services: MariaDB and Redis answer"
exit $status
