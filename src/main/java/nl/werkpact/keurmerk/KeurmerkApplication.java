package nl.werkpact.keurmerk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KeurmerkApplication {

  public static void main(String[] args) {
    SpringApplication.run(KeurmerkApplication.class, args);
  }
}
