package nl.werkpact.keurmerk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * The check of the public forms that need no login (Partner worden, Mijn keurmerk): a form posted from another site
 * is refused, so no other site can make a visitor's browser register someone, sign in or ask for an audit. The browser
 * says where a form came from in {@code Sec-Fetch-Site}; an older one in {@code Origin}, which must name this host.
 */
public final class CrossSite {

  private CrossSite() {}

  public static boolean posted(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return !(fetchSite.equals("same-origin") || fetchSite.equals("none"));
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank()) {
      return false;
    }
    if (origin.equals("null")) {
      return true;
    }
    try {
      String host = URI.create(origin).getHost();
      return host == null || !host.equalsIgnoreCase(request.getServerName());
    } catch (RuntimeException e) {
      return true;
    }
  }
}
