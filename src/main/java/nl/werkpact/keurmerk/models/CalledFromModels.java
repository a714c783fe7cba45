package nl.werkpact.keurmerk.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring component that a BPMN or DMN model may name ({@code ${keurmerkValidityTimers.expiry(...)}},
 * {@code camunda:delegateExpression="${awardKeurmerkDelegate}"}): the only beans a model reaches. The model checks
 * refuse a model that names any other bean, and the engine resolves no other name when it evaluates one
 * ({@link ProcessBeans}). Whether a class is callable is this annotation, not its package or stereotype; the
 * architecture test holds each such class to a {@code process} package and the component stereotype.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CalledFromModels {

  /**
   * Only older model versions name it (instances still running on them pass it); no current model may. The
   * model checks' test holds every other such bean to being named by a shipped model.
   */
  boolean olderVersionsOnly() default false;
}
