package nl.werkpact.keurmerk.mail;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An invitation as an iCalendar file (RFC 5545) that a mail program or calendar adds with one click: one event,
 * {@code METHOD:PUBLISH} (an announcement; no replies are collected), or {@code METHOD:CANCEL} when it is called off,
 * its times in UTC so no time-zone table is needed, text escaped and lines folded at 75 octets as the standard asks.
 * A changed event keeps its {@code UID} with a higher {@code SEQUENCE}, so a calendar replaces the one it has.
 * Used for the network's meetings and for ceremonies.
 */
public final class ICalendar {

  /** {@code Content-Type} of the attachment for an event that stands, and for one called off. */
  public static final String PUBLISH = "text/calendar; charset=UTF-8; method=PUBLISH";

  public static final String CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private ICalendar() {}

  /**
   * The event; {@code sequence} counts its changes, so a calendar replaces the event it has; {@code cancelled}: it
   * is called off (a calendar removes it).
   */
  public static String event(
      String uid,
      int sequence,
      boolean cancelled,
      OffsetDateTime stamp,
      OffsetDateTime starts,
      OffsetDateTime ends,
      String summary,
      String location,
      String description,
      String organizerName,
      String organizerEmail) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Werkpact Keurmerk//Keurmerk partner in sociaal ondernemen//NL");
    line(out, "CALSCALE:GREGORIAN");
    line(out, cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH");
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + text(uid));
    line(out, "DTSTAMP:" + utc(stamp));
    line(out, "SEQUENCE:" + sequence);
    line(out, "DTSTART:" + utc(starts));
    line(out, "DTEND:" + utc(ends));
    line(out, "SUMMARY:" + text(summary));
    line(out, "LOCATION:" + text(location));
    if (description != null && !description.isBlank()) {
      line(out, "DESCRIPTION:" + text(description));
    }
    if (organizerEmail != null && organizerEmail.matches("[^\\s:;\"<>]+@[^\\s:;\"<>]+")) {
      line(
          out,
          "ORGANIZER;CN=\"" + organizerName.replace("\"", "'") + "\":mailto:" + organizerEmail);
    }
    line(out, cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    line(out, "END:VEVENT");
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static String utc(OffsetDateTime time) {
    return UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
  public static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** A content line, folded after 75 octets (a continuation starts with a space), ended by CRLF. */
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
      }
      out.append(character);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
