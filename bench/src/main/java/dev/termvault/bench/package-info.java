/**
 * JMH benchmarks for Termvault. Built only with the {@code bench} Maven profile:
 * <pre>
 * ./mvnw -B -Pbench -pl bench -am package
 * java -jar bench/target/benchmarks.jar                  # everything
 * java -jar bench/target/benchmarks.jar VaultUnlock -p records=10000  # one class, one size
 * </pre>
 * Each benchmark class states what it measures and what it leaves out. Results are written up in
 * {@code docs/performance.md}, never asserted in unit tests.
 */
package dev.termvault.bench;
