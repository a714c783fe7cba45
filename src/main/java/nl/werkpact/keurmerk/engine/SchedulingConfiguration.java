package nl.werkpact.keurmerk.engine;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Small periodic housekeeping (personal Tasklist filters for new users). Process timers are the engine's. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
