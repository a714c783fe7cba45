package nl.werkpact.keurmerk.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bean that expressions can reach (Camunda resolves Spring beans by name): if a query's expression were
 * ever evaluated, {@link #touch()} would count it.
 */
public class ExpressionProbe {

  public static final String BEAN_NAME = "expressionProbe";

  private final AtomicInteger touched = new AtomicInteger();

  public boolean touch() {
    touched.incrementAndGet();
    return true;
  }

  public int touched() {
    return touched.get();
  }
}
