/**
 * Immutable run configuration (model, training, data, output folders) as records that validate
 * themselves in their constructors. Derived values, such as the flattened bottleneck size, are
 * computed here once. JDK only.
 */
package io.fashionae.config;
