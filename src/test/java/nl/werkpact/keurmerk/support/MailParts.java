package nl.werkpact.keurmerk.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the decoded HTML or plain-text body of a received e-mail. */
public final class MailParts {

  private MailParts() {}

  public static String html(Part part) throws Exception {
    return find(part, "text/html");
  }

  public static String text(Part part) throws Exception {
    return find(part, "text/plain");
  }

  private static String find(Part part, String mimeType) throws Exception {
    if (part.isMimeType(mimeType)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = find(multipart.getBodyPart(i), mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
