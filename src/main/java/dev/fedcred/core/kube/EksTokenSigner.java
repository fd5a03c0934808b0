package dev.fedcred.core.kube;

import dev.fedcred.core.aws.AssumedRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The token {@code aws eks get-token} and aws-iam-authenticator make: {@code k8s-aws-v1.} and the
 * base64url (no padding) of an STS GetCallerIdentity URL presigned (SigV4 in the query string) with
 * the source's session, with the cluster's name signed in as the {@code x-k8s-aws-id} header. The
 * API server's authenticator calls that URL to learn who holds it; the signature is good for
 * {@link #URL_LIFETIME}, and the authenticator accepts the token for {@link #TOKEN_LIFETIME} after
 * signing. The AWS SDK lives here only, so the cached path never loads it.
 */
public final class EksTokenSigner {
    public static final String PREFIX = "k8s-aws-v1.";
    public static final String CLUSTER_HEADER = "x-k8s-aws-id";
    /** X-Amz-Expires, as aws-iam-authenticator and the AWS CLI set it. */
    static final Duration URL_LIFETIME = Duration.ofSeconds(60);
    /** How long the API server's authenticator accepts a token after it was signed. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** kubectl is told the token expires this much earlier, as aws-iam-authenticator does. */
    static final Duration REPORTED_EARLY = Duration.ofMinutes(1);

    private final Clock clock;

    public EksTokenSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param stsUrl the STS endpoint (its path kept, "/" when it has none)
     */
    KubeToken sign(AssumedRole session, String cluster, String region, URI stsUrl, String identity) {
        String path = stsUrl.getRawPath() == null || stsUrl.getRawPath().isEmpty() ? "/" : stsUrl.getRawPath();
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol(stsUrl.getScheme())
                .host(stsUrl.getHost())
                .port(stsUrl.getPort() == -1 ? null : stsUrl.getPort())
                .encodedPath(path)
                .appendRawQueryParameter("Action", "GetCallerIdentity")
                .appendRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_HEADER, cluster)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                        session.sessionToken()))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, URL_LIFETIME)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        String url = signed.request().getUri().toString();
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return new KubeToken(token, clock.instant().plus(TOKEN_LIFETIME).minus(REPORTED_EARLY), "EKS", identity);
    }
}
