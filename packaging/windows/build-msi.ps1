# Builds target\dist\fedcred-VERSION.msi: the app on a jlinked runtime holding only the JDK
# modules it uses, a Start menu entry in the fedcred group, a desktop shortcut, a choice of
# install directory, and fedcred-cli.exe, a console launcher for the command line (fedcred.exe
# opens no console). The same steps as packaging/linux/build-deb, with the shared options of
# packaging/jpackage.args and packaging/jlink.args.
# Needs a JDK 17 (jdeps, jlink, jpackage) and the WiX Toolset 3 (candle.exe, light.exe) on PATH.
# Run from anywhere after 'mvn package':
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

if (-not (Test-Path target\fedcred.jar)) {
  throw "target\fedcred.jar is missing: run 'mvn package' first"
}
# the project's version: the first <version> in pom.xml, without -SNAPSHOT
$version = (Select-String -Path pom.xml -Pattern '^  <version>(.*)</version>' |
  Select-Object -First 1).Matches[0].Groups[1].Value -replace '-SNAPSHOT', ''

$work = 'target\jpackage'
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $work, target\dist
New-Item -ItemType Directory -Force "$work\input\lib" | Out-Null
Copy-Item target\fedcred.jar "$work\input\"
# the jars the manifest's Class-Path names, never a stale one an earlier build left in target\lib
Add-Type -AssemblyName System.IO.Compression.FileSystem
$jar = [IO.Compression.ZipFile]::OpenRead((Resolve-Path target\fedcred.jar))
try {
  $reader = New-Object IO.StreamReader($jar.GetEntry('META-INF/MANIFEST.MF').Open())
  $manifest = $reader.ReadToEnd() -replace '\r?\n ', ''
} finally {
  $jar.Dispose()
}
$classPath = [regex]::Match($manifest, '(?m)^Class-Path: (.*)$').Groups[1].Value.Trim() -split ' '
foreach ($entry in $classPath) { Copy-Item "target\$entry" "$work\input\lib\" }

# only the JDK modules the app and its libraries use (jdeps), plus EC for TLS and English locales
$jars = (Get-ChildItem "$work\input\lib\*.jar").FullName
$modules = & jdeps --multi-release 17 --ignore-missing-deps --print-module-deps `
  --class-path "$work\input\lib\*" "$work\input\fedcred.jar" $jars | Select-Object -Last 1
& jlink '@packaging\jlink.args' --add-modules "$modules,jdk.crypto.ec,jdk.localedata" --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

# The upgrade UUID never changes: it lets a newer .msi replace an installed older one.
& jpackage '@packaging\jpackage.args' --type msi --dest target\dist `
  --app-version $version `
  --input "$work\input" --runtime-image "$work\runtime" `
  --icon icons\fedcred.ico `
  --win-menu --win-menu-group fedcred --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid e217a479-70cd-4590-a030-5883c0a82a04 `
  --add-launcher fedcred-cli=packaging\windows\fedcred-cli.properties
if ($LASTEXITCODE -ne 0) { throw 'jpackage failed' }
Get-ChildItem target\dist
