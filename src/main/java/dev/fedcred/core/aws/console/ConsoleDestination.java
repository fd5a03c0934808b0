package dev.fedcred.core.aws.console;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the console opens after sign-in: the partition's console home, or a console page the user
 * names (only an https URL of that partition's console: a sign-in must never send the session
 * somewhere else), with {@code region=R} when a region is chosen.
 */
public final class ConsoleDestination {
    private ConsoleDestination() {
    }

    /**
     * @param region      null for the console's own choice
     * @param destination null for the console's home
     */
    public static URI of(AwsPartition partition, String region, String destination) {
        if (region != null) {
            AwsRegions.problem(region).ifPresent(problem -> {
                throw new FedcredException(problem);
            });
        }
        URI base = destination == null ? partition.console() : consoleUrl(partition, destination);
        if (region == null || hasRegion(base)) {
            return base;
        }
        String query = base.getRawQuery() == null ? "region=" + region : base.getRawQuery() + "&region=" + region;
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        // the region is a checked word and every other part is already encoded
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "?" + query
                + (base.getRawFragment() == null ? "" : "#" + base.getRawFragment()));
    }

    private static URI consoleUrl(AwsPartition partition, String destination) {
        URI url;
        try {
            url = new URI(destination.strip());
        } catch (URISyntaxException e) {
            throw notConsole(partition, destination);
        }
        if (!partition.isConsoleUrl(url)) {
            throw notConsole(partition, destination);
        }
        return url;
    }

    private static boolean hasRegion(URI url) {
        String query = url.getRawQuery();
        return query != null && (query.startsWith("region=") || query.contains("&region="));
    }

    private static FedcredException notConsole(AwsPartition partition, String destination) {
        return new FedcredException(OutsideText.quoted(destination) + " is not a page of the AWS console for this role's"
                + " partition (" + partition.id() + "): give an https URL on " + partition.consoleHost()
                + " or one of its regional hosts, such as " + partition.console() + "s3/home.");
    }
}
