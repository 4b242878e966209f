package org.dicas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The DICAS Platform: one deployable, split into application modules named after the business.
 * Run with no arguments to serve the platform; see {@code org.dicas.cli} for the command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "DICAS Platform", sharedModules = "shared")
public class DicasApplication {

    public static void main(String[] args) {
        if (args.length > 0 && org.dicas.cli.DicasCommandLine.isCommand(args[0])) {
            System.exit(org.dicas.cli.DicasCommandLine.run(args));
        }
        SpringApplication.run(DicasApplication.class, args);
    }
}
