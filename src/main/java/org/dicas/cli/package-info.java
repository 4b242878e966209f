/**
 * The command line: {@code java -jar dicas.jar supply-chain analyze --input network.json [...]} runs the
 * supply-chain resilience engine on a file and prints a JSON report, without starting Spring, the web server or the
 * database ({@link org.dicas.DicasApplication#main} hands such arguments to {@link org.dicas.cli.DicasCommandLine}).
 * Commands are picocli commands; {@code java -jar dicas.jar help} lists them. Invalid input ends with a non-zero exit
 * code and a one-line reason on standard error.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.dicas.cli;
