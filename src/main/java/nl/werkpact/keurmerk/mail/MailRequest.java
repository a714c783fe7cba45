package nl.werkpact.keurmerk.mail;

import java.util.Map;

/**
 * One e-mail to queue.
 *
 * @param template     the template kind, e.g. {@code convenant-signed}: files {@code mail/<template>.html},
 *                     {@code .txt} and {@code .subject.txt}
 * @param concernsType the kind of record the e-mail is about (CONVENANT, AUDIT, KEURMERK ...)
 * @param concernsId   that record's id
 * @param dedupKey     unique per e-mail that may be sent at most once (e.g. {@code convenant-signed:42}):
 *                     queueing the same key twice keeps the first
 */
public record MailRequest(
    String template,
    String recipient,
    Map<String, Object> model,
    String concernsType,
    long concernsId,
    String processInstanceId,
    String dedupKey) {}
