#!/usr/bin/env bash
# Serves a built dist/ folder with Debian's nginx and the project's configuration
# (deploy/nginx), in the foreground on 127.0.0.1. Usage: serve.sh [PORT] [ROOT].
# Called by `make run` and by the end-to-end tests (which pick a free port).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-8080}
root=$(cd "${2:-$here/dist}" && pwd)
prefix=${KEKIZ_NGINX_PREFIX:-$here/target/nginx-$port}
mkdir -p "$prefix/tmp"
cp "$here"/deploy/nginx/{mime.types,security-headers.conf,kekiz-site.conf} "$prefix"/
# Started as root, nginx hands requests to workers running as "nobody", which cannot read a
# checkout in a private home folder: keep the workers as the user who runs this script.
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
sed -e "s|@USER@|$user_line|" -e "s|@PREFIX@|$prefix|g" \
    -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" \
    "$here/deploy/nginx/local.conf.template" > "$prefix/nginx.conf"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
echo "KeKiz-Begleiter: http://127.0.0.1:$port/ (serving $root; Ctrl+C stops)"
exec "$nginx" -e stderr -p "$prefix" -c "$prefix/nginx.conf"
