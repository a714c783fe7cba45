package nl.werkpact.keurmerk.guard;

import java.lang.reflect.Field;

/** Camunda's command classes keep their arguments in non-public fields; 7.24.0 is the last release, so they stay. */
final class CommandFields {

  private CommandFields() {}

  static Object get(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        target.getClass().getName() + " has no field " + name + " (Camunda version changed?)");
  }
}
