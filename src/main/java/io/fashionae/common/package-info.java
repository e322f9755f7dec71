/**
 * Small pieces every layer uses: the user-facing error type, atomic file writes, the JSON
 * mapper, what this build is ({@link io.fashionae.common.BuildInfo}) and integer arithmetic the
 * JDK 17 lacks. Depends on nothing else in the project, and on nothing but the JDK and Jackson
 * ({@code ArchitectureTest} checks both).
 */
package io.fashionae.common;
