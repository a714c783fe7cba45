package nl.werkpact.keurmerk.mail;

import java.util.List;

/** What goes with an e-mail besides its text, made when it is sent (the keurmerk certificate with the award). */
public interface MailAttachments {

  record Attachment(String filename, String contentType, byte[] content) {}

  List<Attachment> forMail(Correspondence mail);
}
