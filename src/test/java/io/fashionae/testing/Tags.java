package io.fashionae.testing;

/** JUnit tags used in this project. */
public final class Tags {
    /** End-to-end tests that train on the real data set: minutes, not seconds. */
    public static final String SLOW = "slow";

    private Tags() {}
}
