package dev.fedcred.core.oidc;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;

/**
 * Fetches the issuer's JWKS through {@link BoundedHttpSender}, so the keys, like discovery and the
 * token endpoint, come within a size limit and one deadline: Nimbus's own retriever limits the size
 * but restarts its read timeout with every byte.
 */
final class BoundedKeysRetriever implements ResourceRetriever {
    static final String WHAT = "JSON Web Key Set";
    /** A real JWKS holds a few keys, a few kilobytes. */
    static final long MAX_BYTES = 256 * 1024;

    private final Duration deadline;

    BoundedKeysRetriever(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HTTPResponse response = new HTTPRequest(HTTPRequest.Method.GET, url)
                .send(new BoundedHttpSender(WHAT, MAX_BYTES, deadline));
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw new IOException("HTTP " + response.getStatusCode() + " from " + url);
        }
        return new Resource(response.getBody(), response.getHeaderValue("Content-Type"));
    }
}
