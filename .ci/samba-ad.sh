#!/usr/bin/env bash
# A throwaway Samba Active Directory domain controller for the tests: CONTOSO.COM on loopback,
# LDAPS with a certificate Java trusts, the Exchange attributes the onboarding writes added to
# its schema, and the demo's OUs, groups and managers.
#
#   .ci/samba-ad.sh start    install (Debian packages) and provision once, then start a fresh copy
#   .ci/samba-ad.sh stop     stop it
#   .ci/samba-ad.sh status   say whether it answers
#
# Needs root (Samba's ports 389/636 are fixed). The tests find it through
# $STATE/samba.properties; delete $STATE to provision anew.
set -euo pipefail

STATE=${SAMBA_STATE:-/var/tmp/hybrid-onboarding-samba}
REALM=CONTOSO.COM
DOMAIN=CONTOSO
BASE=DC=contoso,DC=com
# A test domain that lives on loopback for one run: its password is no secret.
ADMIN_PASSWORD='Samba-Test-Admin-2026!'
HERE=$(cd "$(dirname "$0")" && pwd)

log() { echo "samba-ad: $*" >&2; }

install() {
  command -v keytool >/dev/null || { log "keytool (from the JDK) is needed on the PATH"; exit 1; }
  if command -v samba-tool >/dev/null && command -v ldbmodify >/dev/null && command -v ldapsearch >/dev/null; then
    return
  fi
  log "installing Samba from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq samba samba-ad-dc samba-ad-provision samba-dsdb-modules winbind ldb-tools ldap-utils openssl >/dev/null
}

certificates() {
  local tls=$STATE/tls
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Hybrid Onboarding Test CA" \
    -keyout "$tls/ca-key.pem" -out "$tls/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$tls/key.pem" -out "$tls/server.csr" 2>/dev/null
  # OpenLDAP's tools check the name the loopback address resolves back to (the machine's own), Java checks localhost.
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:%s\nextendedKeyUsage=serverAuth\n' "$(hostname)" > "$tls/ext.cnf"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial \
    -days 3650 -extfile "$tls/ext.cnf" -out "$tls/cert.pem" 2>/dev/null
  chmod 600 "$tls/key.pem" "$tls/ca-key.pem"
  rm -f "$STATE/truststore.p12"
  keytool -importcert -noprompt -alias hybrid-onboarding-test-ca -file "$tls/ca.pem" \
    -keystore "$STATE/truststore.p12" -storetype PKCS12 -storepass changeit >/dev/null
}

provision() {
  log "provisioning $REALM (once)"
  rm -rf "$STATE/dc"
  mkdir -p "$STATE"
  certificates
  samba-tool domain provision --targetdir="$STATE/dc" --realm=$REALM --domain=$DOMAIN --server-role=dc \
    --dns-backend=NONE --host-ip=127.0.0.1 --adminpass="$ADMIN_PASSWORD" \
    --option="interfaces = lo" --option="bind interfaces only = yes" \
    --option="server services = ldap, cldap, kdc" --option="pid directory = $STATE/dc/run" \
    --option="tls enabled = yes" --option="tls keyfile = $STATE/tls/key.pem" \
    --option="tls certfile = $STATE/tls/cert.pem" --option="tls cafile = $STATE/tls/ca.pem" >/dev/null
  # Exchange's attributes, offline: first the attributeSchema entries, then the user class may hold them.
  local schema=CN=Schema,CN=Configuration,$BASE
  sed "s/@SCHEMA@/$schema/g" "$HERE/samba/exchange-attributes.ldif" > "$STATE/exchange-attributes.ldif"
  sed "s/@SCHEMA@/$schema/g" "$HERE/samba/exchange-user-class.ldif" > "$STATE/exchange-user-class.ldif"
  ldbmodify -H "$STATE/dc/private/sam.ldb" --option="dsdb:schema update allowed=true" "$STATE/exchange-attributes.ldif" >/dev/null
  ldbmodify -H "$STATE/dc/private/sam.ldb" --option="dsdb:schema update allowed=true" "$STATE/exchange-user-class.ldif" >/dev/null
  tar -C "$STATE" -czf "$STATE/snapshot.tar.gz" dc
}

ldap() {
  LDAPTLS_CACERT=$STATE/tls/ca.pem "$@" -H ldaps://localhost:636 -x -D "CN=Administrator,CN=Users,$BASE" -w "$ADMIN_PASSWORD"
}

start() {
  install
  [ -f "$STATE/snapshot.tar.gz" ] || provision
  stop quietly
  rm -rf "$STATE/dc"
  tar -C "$STATE" -xzf "$STATE/snapshot.tar.gz"
  mkdir -p "$STATE/dc/run"
  samba -D -s "$STATE/dc/etc/smb.conf"
  for _ in $(seq 1 60); do
    if ldap ldapsearch -b "$BASE" -s base dn >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  ldap ldapsearch -b "$BASE" -s base dn >/dev/null
  ldap ldapadd -c -f "$HERE/samba/demo-directory.ldif" >/dev/null
  cat > "$STATE/samba.properties" <<PROPS
url=ldaps://localhost:636
base=$BASE
username=CN=Administrator,CN=Users,$BASE
password=$ADMIN_PASSWORD
truststore=$STATE/truststore.p12
truststore-password=changeit
PROPS
  log "Samba AD DC for $REALM answers on ldaps://localhost:636 ($STATE/samba.properties)"
}

stop() {
  if [ -f "$STATE/dc/run/samba.pid" ]; then
    kill "$(cat "$STATE/dc/run/samba.pid")" 2>/dev/null || true
    for _ in $(seq 1 20); do [ -f "$STATE/dc/run/samba.pid" ] && kill -0 "$(cat "$STATE/dc/run/samba.pid")" 2>/dev/null || break; sleep 0.5; done
  fi
  [ "${1:-}" = quietly ] || log "stopped"
}

status() {
  if ldap ldapsearch -b "$BASE" -s base dn >/dev/null 2>&1; then log "answers on ldaps://localhost:636"; else log "not running"; exit 1; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
