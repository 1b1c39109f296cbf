package com.healthplan.va.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for tests against the running application, with cookies (webapp sessions). */
public final class Http {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> putJson(String path, String json, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> send(String method, String path, String... headers) {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpResponse<String> postForm(String path, String form, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** The webapps' CSRF token, as the browser would send it back. */
  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, second) -> second).orElse("");
  }

  /**
   * Logs in to a webapp (tasklist, cockpit, admin) the way the login page does, then fetches the fresh CSRF
   * token of the new session; returns the status of the login.
   */
  public int loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    int status = postForm("/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + user + "&password=" + password, "X-XSRF-TOKEN", xsrfToken()).statusCode();
    get("/camunda/api/admin/auth/user/default");
    return status;
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
