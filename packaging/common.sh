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

# Rewrites every jar under $1 with its entries stored, not deflated (same entries, order and
# times; signatures stay valid, as they cover the entries' contents): the .deb's xz then compresses
# the class files across jars, which it cannot do to deflated ones. Measured on fedcred's jars:
# 34.0 MB as xz of deflated jars, 16.4 MB stored (86 MB on disk instead of 36). Needs python3;
# without it the jars stay as they are.
fedcred_store_jars() {
  if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 not found: the jars stay deflated (a larger package)" >&2
    return 0
  fi
  find "$1" -name '*.jar' -print0 | xargs -0 python3 -c '
import os, sys, zipfile
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(path + ".stored", "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = src.read(info)
            info.compress_type = zipfile.ZIP_STORED
            out.writestr(info, data)
    os.replace(path + ".stored", path)'
}

# The JDK whose jdeps, jlink and jpackage make the packaged runtime: the JDK on the PATH (JDK 17:
# an AppCDS archive) unless $FEDCRED_PACKAGE_JDK names one, or is "newest": the newest JDK 25 or
# later under /usr/lib/jvm (its runtime gets an AOT cache, JEP 483/514/515). JDK 17 is the default
# because it measured faster here with install-time training (docs/performance.md, "The packaged
# runtime"): credential-process 113 ms against 202 ms, no first-frame gain, ~10 MiB less memory.
fedcred_package_jdk() {
  case "${FEDCRED_PACKAGE_JDK:-}" in
    "") fedcred_path_jdk; return ;;
    newest) ;;
    *) echo "$FEDCRED_PACKAGE_JDK"; return ;;
  esac
  local candidate best="" best_major=24 major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] && [ -x "$candidate/bin/jpackage" ] && [ -f "$candidate/release" ] || continue
    major="$(fedcred_java_major "$candidate")"
    if [ "${major:-0}" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  echo "${best:-$(fedcred_path_jdk)}"
}

# The JDK whose jlink is on the PATH.
fedcred_path_jdk() {
  dirname "$(dirname "$(readlink -f "$(command -v jlink)")")"
}

# The feature version (17, 25, ...) of the JDK or runtime image in $1, from its release file.
fedcred_java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

# packaging/jvm-options and, for a runtime of Java $1, jvm-options.jdk25 (25 and later) or
# jvm-options.jdk17 (below), on one line without their comments.
fedcred_jvm_options() {
  local own=jdk17
  [ "$1" -lt 25 ] || own=jdk25
  cat packaging/jvm-options "packaging/jvm-options.$own" | grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' | paste -sd' ' -
}

# Links into $1, with the JDK in $3 (default: the one on the PATH), a Java runtime of only the JDK modules the jars in $2 use
# (jdeps), plus EC for TLS to the providers and the English locale data.
fedcred_runtime() {
  local modules jdk="${3:-$(fedcred_path_jdk)}"
  modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$2/lib/*" "$2/fedcred.jar" "$2"/lib/*.jar | tail -1)"
  rm -rf "$1"
  "$jdk/bin/jlink" @packaging/jlink.args --add-modules "$modules,jdk.crypto.ec,jdk.localedata" --output "$1"
}
