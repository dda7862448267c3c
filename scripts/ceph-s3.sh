#!/usr/bin/env bash
# A real S3-compatible server for the media tests: Ceph's RADOS Gateway (Debian's `radosgw`) on a
# one-node Ceph cluster in a folder (one monitor, one in-memory OSD, no authentication between
# them). Usage: scripts/ceph-s3.sh start <dir> <s3-port> [<monitor-port>] | stop <dir>
# Prints COPYDESK_TEST_S3_* lines for the tests on start. Needs ceph-mon, ceph-osd, radosgw.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}
stop() {
  for pidfile in "$dir"/*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
}
if [ "$cmd" = stop ]; then stop; exit 0; fi
port=${3:?s3 port}
monport=${4:-$((port + 1))}
stop 2>/dev/null || true
rm -rf "$dir"; mkdir -p "$dir/mon" "$dir/osd" "$dir/rgw"
dir=$(cd "$dir" && pwd)
fsid=$(cat /proc/sys/kernel/random/uuid)
conf="$dir/ceph.conf"
cat > "$conf" <<EOF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$monport
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 2147483648
run dir = $dir
pid file = $dir/\$name.pid
admin socket = $dir/\$name.asok
log file = $dir/\$name.log
ms bind ipv6 = false
[mon.a]
mon data = $dir/mon
public addr = 127.0.0.1
[osd.0]
osd data = $dir/osd
# At boot an OSD asks the monitor to place it in the CRUSH map and to set its device class. Its
# first command can leave before it has the monitor map, with the fsid still zero: the monitor
# refuses it ("wrong fsid") and the OSD exits — seen when two clusters start at once on a busy
# machine. The OSD is placed below, before it starts; the device class is not used here.
osd crush update on start = false
osd class update on start = false
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
rgw dns name = localhost
EOF
monmaptool --create --add a "v1:127.0.0.1:$monport" --fsid "$fsid" "$dir/monmap" >/dev/null
ceph-authtool --create-keyring "$dir/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" --keyring "$dir/mon.keyring"
ceph-mon -c "$conf" -i a
osd_uuid=$(cat /proc/sys/kernel/random/uuid)
ceph -c "$conf" --connect-timeout 30 osd create "$osd_uuid" >/dev/null
ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>>"$dir/mkfs.log"
ceph -c "$conf" osd crush add osd.0 1 root=default >/dev/null
ceph-osd -c "$conf" -i 0
radosgw -c "$conf" -n client.rgw
access=copydesk-test; secret=copydesk-test-secret
for i in $(seq 1 60); do
  if radosgw-admin -c "$conf" user create --uid copydesk --display-name Copydesk --access-key "$access" --secret "$secret" >/dev/null 2>>"$dir/admin.log"; then break; fi
  sleep 1
done
for i in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 1
done
echo "COPYDESK_TEST_S3_ENDPOINT=http://127.0.0.1:$port"
echo "COPYDESK_TEST_S3_ACCESS_KEY_ID=$access"
echo "COPYDESK_TEST_S3_SECRET_ACCESS_KEY=$secret"
