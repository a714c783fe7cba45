package nl.werkpact.keurmerk.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Local profile only: moves the engine clock forward, so a user can watch two years of reminders and the
 * expiry in minutes (the job executor runs what falls due; e-mails land in data/mail/). It does not exist in
 * the postgres profile. {@code curl -X POST 'http://localhost:8080/demo/klok?dagen=640'} moves a number of days;
 * {@code curl -X POST http://localhost:8080/demo/klok/volgende} moves to just after the next timer (a reminder, an
 * expiry), so every step lands on an event, leap years or not. The offset is kept in {@code data/demo-klok.txt},
 * so a restart keeps the demo's date; delete that file (or {@code data/}) to return to today.
 *
 * <p>Moving the clock changes state, so it needs the demo's token, header {@code X-Demo-Token}: it is in
 * {@code data/demo-klok-token.txt} (made on first start), which a web page of another site cannot read, so an
 * anonymous cross-site POST moves nothing: {@code curl -X POST -H "X-Demo-Token: $(cat data/demo-klok-token.txt)"
 * http://localhost:8080/demo/klok/volgende}.
 */
@RestController
@Profile("local")
class DemoClockController {

  static final Path OFFSET_FILE = Path.of("data", "demo-klok.txt");
  static final String TOKEN_HEADER = "X-Demo-Token";

  private final ProcessEngineConfigurationImpl engine;
  private final Path offsetFile;
  private final List<DemoMoments> moments;
  private Duration offset = Duration.ZERO;
  private final String token;

  @Autowired
  DemoClockController(ProcessEngineConfigurationImpl engine, List<DemoMoments> moments) {
    this(engine, OFFSET_FILE, moments);
  }

  DemoClockController(
      ProcessEngineConfigurationImpl engine, Path offsetFile, List<DemoMoments> moments) {
    this.engine = engine;
    this.offsetFile = offsetFile;
    this.moments = moments;
    this.token = tokenIn(offsetFile.resolveSibling("demo-klok-token.txt"));
    try {
      if (Files.exists(offsetFile)) {
        offset = Duration.ofMillis(Long.parseLong(Files.readString(offsetFile).strip()));
        ClockUtil.offset(offset.toMillis());
      }
    } catch (IOException | NumberFormatException unreadable) {
      offset = Duration.ZERO; // a damaged file: start from today
    }
  }

  @GetMapping("/demo/klok")
  Map<String, Object> now() {
    return Map.of("engineTijd", ClockUtil.getCurrentTime().toInstant().toString());
  }

  /** The demo's token, kept beside the offset; made on first start. */
  private static String tokenIn(Path file) {
    try {
      if (Files.exists(file)) {
        String kept = Files.readString(file).strip();
        if (kept.length() >= 32) {
          return kept;
        }
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String made = HexFormat.of().formatHex(random);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo clock's token in " + file, e);
    }
  }

  /** A refusal as one Dutch sentence (Spring Boot's error page would leave the reason out). */
  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refusal) {
    return ResponseEntity.status(refusal.getStatusCode())
        .body(Map.of("melding", String.valueOf(refusal.getReason())));
  }

  String token() {
    return token;
  }

  private void requireToken(String sent) {
    if (sent == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            sent.strip().getBytes(StandardCharsets.UTF_8))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "De demoklok verzet alleen wie het token meestuurt: curl -X POST -H \""
              + TOKEN_HEADER
              + ": $(cat data/demo-klok-token.txt)\" http://localhost:8080/demo/klok/volgende");
    }
  }

  @PostMapping("/demo/klok")
  Map<String, Object> advance(
      @RequestHeader(value = TOKEN_HEADER, required = false) String sent,
      @RequestParam("dagen") int days) {
    requireToken(sent);
    return advance(days);
  }

  @PostMapping("/demo/klok/volgende")
  Map<String, Object> toNextTimer(
      @RequestHeader(value = TOKEN_HEADER, required = false) String sent) {
    requireToken(sent);
    return toNextTimer();
  }

  synchronized Map<String, Object> advance(int days) {
    if (days < 1 || days > 3650) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "Geef een aantal dagen tussen 1 en 3650.");
    }
    return moveBy(Duration.ofDays(days));
  }

  /**
   * To one minute after the next event, whatever its distance: a timer of an instance (an expiry), or a moment a round
   * acts on (a reminder falls due); the quarter-hourly round's own timer is not an event.
   */
  synchronized Map<String, Object> toNextTimer() {
    Date now = ClockUtil.getCurrentTime();
    Set<String> rounds = new HashSet<>();
    moments.forEach(m -> rounds.addAll(m.roundProcesses()));
    var next =
        engine
            .getManagementService()
            .createJobQuery()
            .timers()
            .duedateHigherThan(now)
            .orderByJobDuedate()
            .asc()
            .listPage(0, 10)
            .stream()
            .filter(job -> !rounds.contains(job.getProcessDefinitionKey()))
            .map(job -> job.getDuedate().toInstant())
            .findFirst();
    for (DemoMoments source : moments) {
      var moment = source.nextAfter(now.toInstant());
      if (moment.isPresent() && (next.isEmpty() || moment.get().isBefore(next.get()))) {
        next = moment;
      }
    }
    if (next.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Er staat geen herinnering of verloopdatum meer gepland.");
    }
    Duration step = Duration.between(now.toInstant(), next.get()).plusMinutes(1);
    Map<String, Object> moved = new LinkedHashMap<>(moveBy(step));
    moved.put("gebeurtenis", next.get().toString());
    return moved;
  }

  private Map<String, Object> moveBy(Duration step) {
    // An offset, not a fixed time: the clock keeps ticking from the new moment.
    offset = offset.plus(step);
    ClockUtil.offset(offset.toMillis());
    try {
      Files.createDirectories(offsetFile.toAbsolutePath().getParent());
      Files.writeString(offsetFile, String.valueOf(offset.toMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo clock in " + offsetFile, e);
    }
    // Wake the job executor: what is due now runs at once instead of at the next acquisition.
    engine.getJobExecutor().jobWasAdded();
    return now();
  }
}
