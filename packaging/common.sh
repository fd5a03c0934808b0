# Steps every platform's package shares, for the bash scripts (linux/build-deb, macos/build-dmg);
# windows/build-msi.ps1 does the same in PowerShell. Source it from the repository root.
# The jpackage options all platforms share are in packaging/jpackage.args, the jlink options in
# packaging/jlink.args.

# The project's version for the package: the first <version> in pom.xml, without -SNAPSHOT.
fedcred_version() {
  sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1 | sed 's/-SNAPSHOT//'
}

# Copies target/fedcred.jar into $1 and, into $1/lib, the jars its manifest's Class-Path names:
# exactly the runtime dependencies of this build, never a stale jar an earlier build left in
# target/lib (jpackage puts every jar of its input on the class path).
fedcred_input() {
  if [ ! -f target/fedcred.jar ]; then
    echo "target/fedcred.jar is missing: run 'mvn -Ppackage package' (or 'mvn package' first)" >&2
    return 1
  fi
  rm -rf "$1"
  mkdir -p "$1/lib"
  cp target/fedcred.jar "$1/"
  (cd "$1" && jar xf fedcred.jar META-INF/MANIFEST.MF)
  local entry
  # manifest lines are folded at 72 bytes: a line that starts with a space continues the last
  for entry in $(tr -d '\r' < "$1/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
      | sed -n 's/^Class-Path: //p'); do
    cp "target/$entry" "$1/lib/"
  done
  rm -rf "$1/META-INF"
}

# Links into $1 a Java runtime of only the JDK modules the jars in $2 use (jdeps), plus EC for
# TLS to the providers and the English locale data.
fedcred_runtime() {
  local modules
  modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$2/lib/*" "$2/fedcred.jar" "$2"/lib/*.jar | tail -1)"
  rm -rf "$1"
  jlink @packaging/jlink.args --add-modules "$modules,jdk.crypto.ec,jdk.localedata" --output "$1"
}
