/**
 * Small pieces every layer uses: the user-facing error type, atomic file writes and the JSON
 * mapper. Depends on nothing else in the project.
 */
package io.fashionae.common;
