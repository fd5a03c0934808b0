package dev.fedcred.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The endpoint a web-identity assume goes to without an STS endpoint of its own: the region's, as the AWS SDK's endpoint rules give it. */
class StsEndpointsTest {
    private static AwsRoleTarget target(String region, URI stsEndpoint) {
        return new AwsRoleTarget("t", "arn:aws:iam::123456789012:role/r", "p", region, Duration.ofHours(1), null, "sandbox",
                stsEndpoint);
    }

    @Test
    void aRegionsOwnEndpoint() {
        assertThat(WebIdentityRoleAssumer.endpointFor(target("eu-west-1", null))).isEqualTo("https://sts.eu-west-1.amazonaws.com");
        assertThat(StsEndpoints.of("eu-west-1", null)).isEqualTo(URI.create("https://sts.eu-west-1.amazonaws.com"));
    }

    @Test
    void noRegionMeansUsEast1() {
        assertThat(WebIdentityRoleAssumer.endpointFor(target(null, null))).isEqualTo("https://sts.us-east-1.amazonaws.com");
    }

    @Test
    void theChinaRegionsEndInAmazonawsComCn() {
        assertThat(WebIdentityRoleAssumer.endpointFor(target("cn-north-1", null)))
                .isEqualTo("https://sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void theTargetsOwnEndpointWins() {
        URI own = URI.create("http://127.0.0.1:4566/aws-sts");
        assertThat(WebIdentityRoleAssumer.endpointFor(target("cn-north-1", own))).isEqualTo(own.toString());
        assertThat(StsEndpoints.of("cn-north-1", own)).isEqualTo(own);
    }
}
