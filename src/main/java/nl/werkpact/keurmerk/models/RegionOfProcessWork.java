package nl.werkpact.keurmerk.models;

import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.RegionSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every delegate, listener and expression of a model runs in the region of its process instance: the instance's
 * Camunda tenant, or the first region for an instance without one (deployed before there were regions). So a timer
 * or the reminder round, which run with no user logged in, still read and write only their region's records, and a
 * tenant provider based on a logged-in user is not needed. The engine's own interceptor still runs inside.
 */
@Component
class RegionOfProcessWork extends AbstractProcessEnginePlugin {

  private final RegionSettings settings;

  RegionOfProcessWork(RegionSettings settings) {
    this.settings = settings;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DelegateInterceptor engines = configuration.getDelegateInterceptor();
    configuration.setDelegateInterceptor(
        invocation -> {
          String region = regionOf(invocation);
          if (region == null) {
            engines.handleInvocation(invocation);
            return;
          }
          try {
            RegionScope.in(
                region,
                () -> {
                  try {
                    engines.handleInvocation(invocation);
                    return null;
                  } catch (Exception e) {
                    throw new Wrapped(e);
                  }
                });
          } catch (Wrapped wrapped) {
            throw wrapped.exception;
          }
        });
  }

  private String regionOf(DelegateInvocation invocation) {
    if (invocation.getContextExecution() instanceof DelegateExecution execution) {
      String tenant = execution.getTenantId();
      return tenant == null ? settings.code() : tenant;
    }
    return null;
  }

  private static final class Wrapped extends RuntimeException {
    private final Exception exception;

    Wrapped(Exception exception) {
      super(null, exception, false, false);
      this.exception = exception;
    }
  }
}
