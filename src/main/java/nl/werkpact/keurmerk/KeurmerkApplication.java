package nl.werkpact.keurmerk;

import nl.werkpact.keurmerk.golive.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KeurmerkApplication {

  /** Runs the app; {@code import <bestand.csv> [--confirm]} runs the go-live import instead (docs/go-live-import.md). */
  public static void main(String[] args) {
    if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
      System.exit(ImportCommand.run(KeurmerkApplication.class, args, System.out, System.err));
    }
    SpringApplication.run(KeurmerkApplication.class, args);
  }
}
