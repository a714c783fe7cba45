package nl.werkpact.keurmerk.golive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.import.*}: the go-live import (docs/go-live-import.md).
 *
 * @param threads how many lines are imported at once
 * @param sendPassedReminders whether reminders whose day already passed before go-live are still sent
 */
@ConfigurationProperties("werkpact.import")
public record ImportSettings(
    @DefaultValue("3") int threads, @DefaultValue("false") boolean sendPassedReminders) {}
