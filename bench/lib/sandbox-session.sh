# Sourced by bench/run-all and bench/soak: a private sandbox in WORK, signed in, with the two
# sessions the memory rows measure (sandbox-aws and sandbox-gcp assumed).
#
#   sandbox_session_start WORK JAR [SANDBOX OPTION...]
#
# exports HOME, FEDCRED_HOME, the sandbox ports and the AWS file variables into WORK; sets
# sandbox_pid (the caller kills it), sts (the sandbox STS URL) and token (the ID token).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

sandbox_session_start() {
  local work="$1" jar="$2"
  shift 2
  local port gcp_port login
  port="$(free_port)"
  gcp_port="$(free_port)"
  export HOME="$work/home" FEDCRED_HOME="$work/fedcred" FEDCRED_SANDBOX_PORT="$port" FEDCRED_SANDBOX_GCP_PORT="$gcp_port"
  export AWS_SHARED_CREDENTIALS_FILE="$work/aws/credentials" AWS_CONFIG_FILE="$work/aws/config"
  unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN GOOGLE_APPLICATION_CREDENTIALS
  mkdir -p "$HOME"

  # The JDK's HTTP server delays small responses (Nagle) for clients that send a request in two
  # writes, as the AWS SDK's url-connection client does: ~40 ms per call that real STS never adds.
  java -Dsun.net.httpserver.nodelay=true -jar "$jar" sandbox --auto-approve "$@" > "$work/sandbox.out" 2>&1 &
  sandbox_pid=$!
  for _ in $(seq 1 100); do grep -q '^gcp-ca:' "$work/sandbox.out" && break; sleep 0.2; done
  sts="$(sed -n 's/^aws-sts: //p' "$work/sandbox.out")"
  if [ -z "$sts" ]; then
    echo "the sandbox did not start:" >&2
    cat "$work/sandbox.out" >&2
    return 1
  fi

  echo "signing in to the sandbox and assuming sandbox-aws and sandbox-gcp (two sessions) ..." >&2
  java -jar "$jar" login --issuer sandbox --no-browser 2> "$work/login.err" > /dev/null &
  login=$!
  for _ in $(seq 1 100); do grep -q 'authorize?' "$work/login.err" && break; sleep 0.2; done
  curl -sL "$(grep -o 'http://127.0.0.1:[0-9]*/authorize?[^ ]*' "$work/login.err")" > /dev/null
  wait $login
  java -jar "$jar" assume sandbox-aws > /dev/null
  java -jar "$jar" assume sandbox-gcp > /dev/null
  token="$(jq -r '.tokens.sandbox.id_token' "$FEDCRED_HOME/state/tokens.json")"
}
