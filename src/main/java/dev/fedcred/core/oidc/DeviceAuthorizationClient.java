package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Asks the issuer's device authorization endpoint for a device code and user code (RFC 8628
 * section 3.1), authenticating the client as at the token endpoint, within the same size limit and
 * deadline as every other call to the issuer.
 */
final class DeviceAuthorizationClient {
    static final String WHAT = "device authorization reply";
    static final String ENDPOINT = "device authorization endpoint";

    private final Duration timeout;

    DeviceAuthorizationClient(Duration timeout) {
        this.timeout = timeout;
    }

    DeviceAuthorizationSuccessResponse request(DiscoveredProvider provider, IssuerConfig issuer) {
        URI endpoint = provider.metadata().getDeviceAuthorizationEndpointURI();
        Scope scope = new Scope(issuer.scopes().toArray(String[]::new));
        ClientAuthentication auth = TokenEndpointClient.clientAuthentication(provider.metadata(), issuer);
        DeviceAuthorizationRequest request = auth != null
                ? new DeviceAuthorizationRequest(endpoint, auth, scope, null)
                : new DeviceAuthorizationRequest(endpoint, new ClientID(issuer.clientId()), scope);
        DeviceAuthorizationResponse response = parse(send(request, endpoint), endpoint);
        if (!response.indicatesSuccess()) {
            DeviceAuthorizationErrorResponse refused = response.toErrorResponse();
            throw TokenEndpointClient.rejection(ENDPOINT, refused.getErrorObject());
        }
        return response.toSuccessResponse();
    }

    private HTTPResponse send(DeviceAuthorizationRequest request, URI endpoint) {
        try {
            return request.toHTTPRequest().send(new BoundedHttpSender(WHAT, timeout));
        } catch (IOException e) {
            ReplyTooLargeException tooLarge = Replies.tooLarge(e);
            if (tooLarge != null) {
                throw tooLarge;
            }
            if (Replies.deadlineReached(e)) {
                throw new IssuerUnreachableException("The " + ENDPOINT + " " + endpoint + " did not answer within "
                        + Deadline.shown(timeout) + ". Check the network and sign in again.", e);
            }
            throw new IssuerUnreachableException("Cannot reach the " + ENDPOINT + " " + endpoint + " ("
                    + e.getClass().getSimpleName() + "). Check the network and sign in again.", e);
        }
    }

    private static DeviceAuthorizationResponse parse(HTTPResponse response, URI endpoint) {
        try {
            return DeviceAuthorizationResponse.parse(response);
        } catch (ParseException e) {
            throw new IssuerUnreachableException("The " + ENDPOINT + " " + endpoint
                    + " answered with something that is not a device code (" + OutsideText.shown(e.getMessage())
                    + "). Check the issuer's settings and any proxy in between, then sign in again.", e);
        }
    }
}
