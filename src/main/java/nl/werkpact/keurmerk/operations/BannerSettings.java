package nl.werkpact.keurmerk.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.banner.*}: what the start-up banner prints beside the address of Tasklist.
 *
 * @param logins the demo logins to show (local profile); empty in production
 */
@ConfigurationProperties("werkpact.banner")
public record BannerSettings(@DefaultValue("") String logins) {}
