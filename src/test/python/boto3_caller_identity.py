"""boto3 as an application uses it: a session for one profile, an STS client, GetCallerIdentity.

Usage: python boto3_caller_identity.py PROFILE STS_ENDPOINT CALLS

Makes CALLS calls with one client in this one process, so botocore's own refresh of
credential_process credentials happens between them, and prints one JSON object: for each call
the ARN STS answered and the access key ID that signed the request (read from the request that
went on the wire, not from botocore's cache). Access key IDs are identifiers, not secrets.
"""
import json
import re
import sys

import boto3

SIGNED_BY = re.compile(r"Credential=([^/]+)/")


def main(profile, endpoint, calls):
    session = boto3.Session(profile_name=profile)
    sts = session.client("sts", endpoint_url=endpoint)
    signers = []
    sts.meta.events.register(
        "before-send.sts.GetCallerIdentity",
        lambda request, **_: signers.append(SIGNED_BY.search(request.headers["Authorization"].decode()).group(1)))
    results = []
    for _ in range(calls):
        identity = sts.get_caller_identity()
        results.append({"arn": identity["Arn"], "accessKeyId": signers[-1]})
    print(json.dumps({"region": sts.meta.region_name, "calls": results}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
