"""Python's google-auth as every Google Cloud client library uses it: google.auth.default().

Usage: python google_auth_token.py WHOAMI_URL

Loads Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS), refreshes them (the STS
exchange and impersonation an external_account file asks for), then asks the sandbox's whoami
endpoint with the token, and prints one JSON object. Only the token's first five characters are
printed.
"""
import json
import sys

import google.auth
from google.auth.transport.requests import AuthorizedSession, Request

CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"


def main(whoami_url):
    credentials, project = google.auth.default(scopes=[CLOUD_PLATFORM])
    credentials.refresh(Request())
    whoami = AuthorizedSession(credentials).get(whoami_url)
    whoami.raise_for_status()
    print(json.dumps({
        "type": type(credentials).__module__ + "." + type(credentials).__name__,
        "project": project,
        "tokenPrefix": credentials.token[:5],
        "valid": credentials.valid,
        "whoami": whoami.json(),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
