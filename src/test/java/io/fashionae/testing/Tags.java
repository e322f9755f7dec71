package io.fashionae.testing;

/** JUnit tags used in this project. */
public final class Tags {
    /** End-to-end tests that train on the real data set: minutes, not seconds. */
    public static final String SLOW = "slow";

    /**
     * The portable path end to end: what a user off Linux x86-64 runs (DL4J's own layers). CI runs
     * these a second time on libnd4j's plain build ({@code make test-portable}).
     */
    public static final String PORTABLE = "portable";

    private Tags() {}
}
