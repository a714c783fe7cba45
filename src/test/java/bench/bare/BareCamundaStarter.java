package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare Camunda Spring Boot starter with the same webapps and REST API (and the same libraries on the class path),
 * no application code: what {@code StartupBenchmark} compares the app's start-up and memory with. Outside the
 * app's packages so that no test context scans it.
 */
@SpringBootApplication
public class BareCamundaStarter {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaStarter.class, args);
  }
}
