#!/usr/bin/env bash
# Builds Profile Kit, installs it into Keycloak (downloaded once from Maven Central) and starts Keycloak in
# development mode on http://localhost:8080 with the demo realm and a file-based H2 database kept in .run/.
# Ctrl-C stops it; running it again keeps users, realms and settings.
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "run.sh: Java 17 or newer is needed (java not found)" >&2; exit 1; }
command -v npm >/dev/null || { echo "run.sh: Node.js 20 or newer with npm is needed to build the account console (npm not found)" >&2; exit 1; }

KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
KC_HOME=".run/keycloak-${KC_VERSION}"

echo "==> Building the providers and the account theme"
./mvnw -B -q -ntp -DskipTests -pl providers,themes -am package

if [ ! -x "${KC_HOME}/bin/kc.sh" ]; then
  echo "==> Fetching Keycloak ${KC_VERSION} from Maven Central"
  ./mvnw -B -q -ntp -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip" -DoutputDirectory=.run
  unzip -q -o ".run/keycloak-quarkus-dist-${KC_VERSION}.zip" -d .run
  rm ".run/keycloak-quarkus-dist-${KC_VERSION}.zip"
fi

cp providers/target/profilekit-providers.jar themes/target/profilekit-theme.jar "${KC_HOME}/providers/"
mkdir -p "${KC_HOME}/data/import"
cp realm-config/demo-realm.json "${KC_HOME}/data/import/"

echo "==> Starting Keycloak ${KC_VERSION} (first start takes about a minute)"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

# Prints the URLs once Keycloak is ready; Keycloak itself runs in the foreground (exec), so Ctrl-C stops it directly.
server_pid=$$
(
  until curl -fsS -o /dev/null http://localhost:9000/health/ready 2>/dev/null; do
    kill -0 "${server_pid}" 2>/dev/null || exit 0
    sleep 2
  done
  cat <<BANNER

  Profile Kit is running on Keycloak ${KC_VERSION}

  Admin console    http://localhost:8080/admin/            admin / admin (created on the first start)
  Account console  http://localhost:8080/realms/demo/account/   demo / demo-password

  Data is kept in ${KC_HOME}/data. Press Ctrl-C to stop.

BANNER
) &

# declarative-ui (experimental) shows the "Profile lock" tab under Realm settings in the admin console.
exec "${KC_HOME}/bin/kc.sh" start-dev --import-realm --health-enabled=true --features=declarative-ui
