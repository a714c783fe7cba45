package nl.werkpact.keurmerk.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A signed-in browser session of a member of staff on the app's own pages, without a browser: pages fetched as HTML
 * (the form token each page carries is kept) and forms posted with that token, as the page's form would.
 */
public final class StaffSession {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  public final HttpClient client =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  public final String basic;
  private final String baseUrl;
  public String token;

  public StaffSession(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path) throws Exception {
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic)
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var found = TOKEN.matcher(response.body());
    if (found.find()) {
      token = found.group(1);
    }
    return response;
  }

  /** The form posted with the page's token: name, value, name, value...; a name may repeat (checkboxes). */
  public HttpResponse<String> post(String path, String... fields) throws Exception {
    List<String> form = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    if (token != null) {
      form.add("token=" + token);
    }
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", basic)
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
