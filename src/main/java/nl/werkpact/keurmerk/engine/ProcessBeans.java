package nl.werkpact.keurmerk.engine;

import java.beans.Introspector;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The beans a model may name in an expression: the components of the processes' own packages
 * ({@code nl.werkpact.keurmerk.<feature>.process}: delegates, listeners, timer helpers). Nothing else of the
 * application (data sources, services, the engine) is reachable from a model, at build time (model checks) and
 * at run time (the engine resolves only these names).
 */
public final class ProcessBeans {

  private ProcessBeans() {}

  public static Map<String, Class<?>> scan(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, Class<?>> beans = new TreeMap<>();
    for (var candidate : scanner.findCandidateComponents(basePackage)) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        Component component = type.getAnnotation(Component.class);
        if (!type.getPackageName().endsWith(".process") || component == null) {
          continue; // services (@Service) are not for models, only the process's own components
        }
        beans.put(!component.value().isEmpty() ? component.value() : Introspector.decapitalize(type.getSimpleName()), type);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }
}
