package dev.fedcred.core.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/** An issuer's discovery document and a cached, self-refreshing view of its signing keys. */
public record DiscoveredProvider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {
}
