#!/usr/bin/env bash
# Builds LayerLab's Linux installers with jpackage (from the JDK) from the jar `mvn package` made:
# an app image (target/installer/LayerLab/) and, when fakeroot and dpkg-deb are installed, a .deb
# with the icon, a menu entry under Education and the .layerlab file association. The Vector API
# module is turned on in the launcher. `mvn -Pinstaller package` runs this after packaging.
# Windows (.msi, needs WiX) and macOS (.dmg) are built the same way on those systems, with
# --type msi / dmg and the icon converted to .ico / .icns.
set -euo pipefail
cd "$(dirname "$0")/.."
jpackage="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
command -v "$jpackage" >/dev/null || { echo "installer: no jpackage (it comes with JDK 14+); set JAVA_HOME" >&2; exit 2; }
[ -f target/layerlab.jar ] || { echo "installer: target/layerlab.jar is missing: run mvn -B package first" >&2; exit 2; }
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*-SNAPSHOT</version>.*:\1:p; s:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -n 1)
rm -rf target/installer target/installer-input
mkdir -p target/installer-input target/installer
cp target/layerlab.jar target/installer-input/
cat > target/installer/layerlab-file.properties <<PROPS
extension=layerlab
mime-type=application/x-layerlab
description=LayerLab project
icon=assets/icon-256.png
PROPS
common=(--name LayerLab --app-version "${version:-0.1.0}" --vendor LayerLab
        --description "Design, train and understand neural networks"
        --input target/installer-input --main-jar layerlab.jar --main-class org.layerlab.ui.Launcher
        --java-options "--add-modules=jdk.incubator.vector" --add-modules ALL-MODULE-PATH,java.se,jdk.incubator.vector,jdk.unsupported
        --icon assets/icon-256.png --dest target/installer)
start=$(date +%s)
"$jpackage" --type app-image "${common[@]}"
echo "app image: target/installer/LayerLab ($(( $(date +%s) - start )) s)"
if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
    start=$(date +%s)
    # Our own desktop entry: jpackage's has no %f, so a .layerlab opened from the file manager would not reach LayerLab.
    "$jpackage" --type deb "${common[@]}" --resource-dir assets/installer/linux --linux-shortcut --linux-menu-group Education \
        --linux-app-category education --file-associations target/installer/layerlab-file.properties
    echo "deb: $(ls target/installer/*.deb) ($(( $(date +%s) - start )) s)"
else
    echo "no .deb: install fakeroot (apt-get install fakeroot) to build one"
fi
