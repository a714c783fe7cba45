package nl.werkpact.keurmerk.models;

import java.beans.Introspector;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The beans a model may name in an expression: the components marked {@link CalledFromModels} (delegates, listeners,
 * timer helpers). Nothing else of the application (data sources, services, the engine, a component that happens to
 * sit beside the delegates) is reachable from a model, at deployment (model checks) and at run time (the engine
 * resolves only these names).
 */
public final class ProcessBeans {

  private ProcessBeans() {}

  /** Bean name to class, for every {@link CalledFromModels} component under the package. */
  public static Map<String, Class<?>> scan(String basePackage) {
    return scan(basePackage, false);
  }

  /** The same, limited to the beans current models may name (without those only older versions name). */
  public static Map<String, Class<?>> current(String basePackage) {
    return scan(basePackage, true);
  }

  private static Map<String, Class<?>> scan(String basePackage, boolean currentOnly) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(CalledFromModels.class));
    Map<String, Class<?>> beans = new TreeMap<>();
    for (var candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      Component component = type.getAnnotation(Component.class);
      if (component == null) {
        throw new IllegalStateException(
            type.getName() + " is @CalledFromModels but no @Component: a model could not find it");
      }
      if (currentOnly && type.getAnnotation(CalledFromModels.class).olderVersionsOnly()) {
        continue;
      }
      beans.put(
          !component.value().isEmpty()
              ? component.value()
              : Introspector.decapitalize(type.getSimpleName()),
          type);
    }
    return beans;
  }
}
