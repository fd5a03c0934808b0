package dev.fedcred.core.aws.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Each partition signs in at its own federation host and opens its own console, and nothing else. */
class ConsoleDestinationTest {

    @Test
    void theRolesPartitionChoosesTheFederationHostAndTheConsole() {
        assertThat(AwsPartition.ofArn("arn:aws:iam::123456789012:role/dev").federationEndpoint())
                .isEqualTo(URI.create("https://signin.aws.amazon.com/federation"));
        assertThat(AwsPartition.ofArn("arn:aws-cn:iam::123456789012:role/dev").federationEndpoint())
                .isEqualTo(URI.create("https://signin.amazonaws.cn/federation"));
        assertThat(AwsPartition.ofArn("arn:aws-us-gov:iam::123456789012:role/dev").federationEndpoint())
                .isEqualTo(URI.create("https://signin.amazonaws-us-gov.com/federation"));

        assertThat(ConsoleDestination.of(AwsPartition.AWS, null, null)).hasToString("https://console.aws.amazon.com/");
        assertThat(ConsoleDestination.of(AwsPartition.CHINA, null, null)).hasToString("https://console.amazonaws.cn/");
        assertThat(ConsoleDestination.of(AwsPartition.GOV_CLOUD, "us-gov-west-1", null))
                .hasToString("https://console.amazonaws-us-gov.com/?region=us-gov-west-1");
    }

    @Test
    void aRegionGoesIntoTheDestinationUnlessThePageNamesOne() {
        assertThat(ConsoleDestination.of(AwsPartition.AWS, "eu-west-1", null))
                .hasToString("https://console.aws.amazon.com/?region=eu-west-1");
        assertThat(ConsoleDestination.of(AwsPartition.AWS, "eu-west-1", "https://console.aws.amazon.com/s3/home?x=1#top"))
                .hasToString("https://console.aws.amazon.com/s3/home?x=1&region=eu-west-1#top");
        assertThat(ConsoleDestination.of(AwsPartition.AWS, "eu-west-1",
                "https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2"))
                .hasToString("https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2");
        assertThatThrownBy(() -> ConsoleDestination.of(AwsPartition.AWS, "eu west 1", null))
                .isInstanceOf(FedcredException.class).hasMessage("\"eu west 1\" is not an AWS region name such as eu-west-1.");
    }

    @Test
    void onlyHttpsPagesOfThePartitionsOwnConsoleAreDestinations() {
        for (String elsewhere : new String[] {"http://console.aws.amazon.com/", "https://console.aws.amazon.com.evil.example/",
                "https://evilconsole.aws.amazon.com/", "https://user@console.aws.amazon.com/",
                "https://console.aws.amazon.com:8443/", "https://console.amazonaws.cn/", "javascript:alert(1)",
                "https://example.com/?https://console.aws.amazon.com/", "not a url"}) {
            assertThatThrownBy(() -> ConsoleDestination.of(AwsPartition.AWS, null, elsewhere)).as(elsewhere)
                    .isInstanceOf(FedcredException.class)
                    .hasMessageContaining("is not a page of the AWS console for this role's partition (aws)");
        }
        assertThatThrownBy(() -> ConsoleDestination.of(AwsPartition.CHINA, null, "https://console.aws.amazon.com/"))
                .hasMessageContaining("(aws-cn): give an https URL on console.amazonaws.cn");
        assertThat(ConsoleDestination.of(AwsPartition.CHINA, null, "https://cn-north-1.console.amazonaws.cn/iam/home"))
                .hasToString("https://cn-north-1.console.amazonaws.cn/iam/home");
    }

    @Test
    void theConsoleSessionStaysWithinWhatGetSigninTokenAllows() {
        assertThat(FederationEndpoint.clamp(java.time.Duration.ofSeconds(60))).hasSeconds(900);
        assertThat(FederationEndpoint.clamp(java.time.Duration.ofHours(1))).hasSeconds(3600);
        assertThat(FederationEndpoint.clamp(java.time.Duration.ofHours(36))).hasSeconds(43_200);
    }
}
