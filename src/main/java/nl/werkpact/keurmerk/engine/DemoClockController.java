package nl.werkpact.keurmerk.engine;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: moves the engine clock forward, so a user can watch two years of reminders and the
 * expiry in minutes (the job executor runs what falls due; e-mails land in data/mail/). It does not exist in
 * the postgres profile. {@code curl -X POST 'http://localhost:8080/demo/klok?dagen=640'}
 */
@RestController
@Profile("local")
class DemoClockController {

  private final ProcessEngineConfigurationImpl engine;
  private Duration offset = Duration.ZERO;

  DemoClockController(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @GetMapping("/demo/klok")
  Map<String, Object> now() {
    return Map.of("engineTijd", ClockUtil.getCurrentTime().toInstant().toString());
  }

  @PostMapping("/demo/klok")
  synchronized Map<String, Object> advance(@RequestParam("dagen") int days) {
    if (days < 1 || days > 3650) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
          "Geef een aantal dagen tussen 1 en 3650.");
    }
    // An offset, not a fixed time: the clock keeps ticking from the new moment.
    offset = offset.plus(Duration.ofDays(days));
    ClockUtil.offset(offset.toMillis());
    // Wake the job executor: what is due now runs at once instead of at the next acquisition.
    engine.getJobExecutor().jobWasAdded();
    return now();
  }
}
