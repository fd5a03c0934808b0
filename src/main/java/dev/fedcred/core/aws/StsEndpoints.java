package dev.fedcred.core.aws;

import java.net.URI;

/** Where an STS call goes: the target's own endpoint, else the region's, as the AWS SDK's endpoint rules give it. */
public final class StsEndpoints {
    private StsEndpoints() {
    }

    /** The endpoint of a call for {@code region} (null {@code endpoint}: AWS's regional endpoint). */
    public static URI of(String region, URI endpoint) {
        return endpoint != null ? endpoint : URI.create(regional(region));
    }

    /** The endpoint a call goes to, for messages. */
    public static String shown(String region, URI endpoint) {
        return endpoint != null ? endpoint.toString() : regional(region);
    }

    /** The China regions' endpoints end in amazonaws.com.cn, as the SDK's endpoint rules say. */
    private static String regional(String region) {
        return "https://sts." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
    }
}
