package nl.werkpact.keurmerk.models;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The only names an expression in a model can resolve to a Spring bean: the process beans, looked up when an
 * expression is evaluated (not when the engine is built, when they do not exist yet).
 */
final class ProcessBeanMap extends AbstractMap<Object, Object> {

  private final Set<String> names;
  private final ApplicationContext application;

  ProcessBeanMap(Set<String> names, ApplicationContext application) {
    this.names = Set.copyOf(names);
    this.application = application;
  }

  @Override
  public boolean containsKey(Object key) {
    return names.contains(key);
  }

  @Override
  public Object get(Object key) {
    return names.contains(key) ? application.getBean((String) key) : null;
  }

  @Override
  public Set<Map.Entry<Object, Object>> entrySet() {
    return names.stream()
        .map(name -> Map.entry((Object) name, application.getBean(name)))
        .collect(Collectors.toSet());
  }
}
