package nl.werkpact.keurmerk.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.dashboard.*}: the Werkpact's targets the dashboard measures progress against.
 *
 * @param targetSignedConvenants the number of signed convenants the Werkpact aims for
 * @param targetExtraWorkplaces the number of extra workplaces the signatories together aim for
 */
@ConfigurationProperties("werkpact.dashboard")
public record DashboardSettings(
    @DefaultValue("100") long targetSignedConvenants,
    @DefaultValue("100") long targetExtraWorkplaces) {}
