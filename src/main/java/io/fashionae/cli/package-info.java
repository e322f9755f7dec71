/**
 * The command line (picocli): one class per subcommand, each parsing its options into config
 * records and delegating to one service; {@code ErrorReporter} maps exceptions to exit codes in
 * one place. Nothing else in the project depends on this package.
 */
package io.fashionae.cli;
