# Sourced by bench/run-all and bench/soak (from the repository root, after packaging/common.sh):
# the installed app's Java and flags, for the jar in target/.
#
#   packaged_runtime_setup APPDIR
#
# sets packaged_java (the runtime `mvn -Ppackage package` linked, target/jpackage/runtime, else
# the java on the PATH), packaged_major, and packaged_flags: packaging/jvm-options for that Java,
# its class-data archive (an AOT cache on Java 25+, AppCDS before) trained into APPDIR by the
# package's own packaging/linux/make-cds-archive, as postinst does at install; and
# packaged_window_flags, the same with the window's own archive, as fedcred-command starts it.
#
#   packaged_env COMMAND...
#
# runs COMMAND with the installed app's environment (packaging/linux/fedcred-env) added.
packaged_env() { (. packaging/linux/fedcred-env && "$@"); }

packaged_runtime_setup() {
  local appdir="$1" options option
  packaged_java="$PWD/target/jpackage/runtime/bin/java"
  [ -x "$packaged_java" ] || packaged_java="$(readlink -f "$(command -v java)")"
  packaged_major="$(fedcred_java_major "$(dirname "$packaged_java")/..")"
  options="$(fedcred_jvm_options "$packaged_major")"
  rm -rf "$appdir"
  mkdir -p "$appdir"
  # a fedcred.cfg of the form jpackage writes, which make-cds-archive reads
  {
    echo "app.mainclass=dev.fedcred.Main"
    echo "app.classpath=$PWD/target/fedcred.jar"
    for option in $options; do echo "java-options=$option"; done
  } > "$appdir/fedcred.cfg"
  echo "training the class-data archive for Java $packaged_major ($packaged_java) in $appdir ..." >&2
  sh packaging/linux/make-cds-archive "$appdir" "$packaged_java" >&2
  packaged_flags="${options//\$APPDIR/$appdir}"
  packaged_window_flags="$(window_archive_flags "$packaged_flags")"
}

# window_archive_flags FLAGS: FLAGS with the window's archive where they name the command line's,
# as fedcred-command starts the window (make-cds-archive makes both)
window_archive_flags() {
  local flags="${1//\/fedcred.jsa//fedcred-window.jsa}"
  echo "${flags//\/fedcred.aot//fedcred-window.aot}"
}

# packaged_command APPDIR: the installed command in APPDIR, as the package lays it out:
# packaging/linux/fedcred-command and fedcred-env beside the fedcred.cfg and archives that
# packaged_runtime_setup put there, and the runtime beside APPDIR. Prints the command's path.
packaged_command() {
  local appdir="$1"
  cp packaging/linux/fedcred-command packaging/linux/fedcred-env "$appdir/"
  ln -sfn "$(dirname "$(dirname "$packaged_java")")" "$appdir/../runtime"
  echo "$appdir/fedcred-command"
}
