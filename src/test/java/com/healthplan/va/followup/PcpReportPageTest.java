package com.healthplan.va.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.casefile.FollowUpMilestone;
import com.healthplan.va.procedure.ProcedureTestSupport;
import com.healthplan.va.support.TestMailServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PCP's page over HTTP ({@code /pcp/follow-up}), reached from the link in the e-mail the follow-up phase sends
 * when a milestone deferred to the PCP falls due: what it shows and hides, its security headers, confirming
 * receipt, refused and accepted reports, forged, altered, superseded, expired and used links, and the rate limit.
 * No request of this class carries credentials: the page is for a PCP without an account.
 *
 * <p>The page's throttle counts per client address (30 requests in 10 minutes, shared by every test of the JVM).
 * The tests here send about 20 requests from 127.0.0.1 in all; the rate-limit test uses a loopback address of its
 * own, so that it neither depends on nor spends the others' budget, whatever the order.
 */
class PcpReportPageTest extends ProcedureTestSupport {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
  private static final String PAGE = "/pcp/follow-up";
  private static final FollowUpMilestone MILESTONE = FollowUpMilestone.THREE_MONTHS;

  @Autowired FollowUpRepository followUps;
  @Autowired PcpLinks links;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /** A case whose 3-month follow-up is deferred to the PCP and due: the PCP was e-mailed its link. */
  private record Requested(ProcessInstance instance, String caseId, String token, MimeMessage mail) {
  }

  private Requested requestedFromPcp() {
    LocalDate performed = today();
    ProcessInstance instance = approvedCase();
    confirmDocumentation(instance, ALL_ITEMS);
    Map<String, Object> schedule = schedule(today(), "OUTPATIENT", null);
    schedule.put("deferredToPcp", new ArrayList<>(List.of(MILESTONE.name())));
    completeAs("coord1", instance, "UserTask_ScheduleProcedure", schedule);
    Map<String, Object> record = cleanRecord();
    record.put("procedureDate", performed.toString());
    completeAs("coord1", instance, "UserTask_RecordProcedure", record);
    String caseId = instance.getBusinessKey();
    FollowUp deferred = followUps.find(caseId, MILESTONE).orElseThrow();
    assertThat(deferred.status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);
    TestMailServer.purge();

    // the engine's clock to the start of the due day: the timer fires and the PCP is e-mailed
    ClockUtil.setCurrentTime(Date.from(deferred.dueDate().atStartOfDay(calendar.zone()).toInstant()));
    for (Job timer : jobsOf(instance, query -> query.timers().executable())) {
      managementService.executeJob(timer.getId());
    }
    runAsyncJobs(instance);

    MimeMessage mail = TestMailServer.received().stream().filter(m -> subject(m).startsWith(
        "Follow-up report requested for case " + caseId)).findFirst().orElseThrow(() -> new AssertionError(
        "no PCP request among " + TestMailServer.received().stream().map(PcpReportPageTest::subject).toList()));
    assertThat(followUp(caseId).pcpRequestedAt()).isNotNull();
    assertThat(timer(instance, "Timer_PcpReminderDue", "THREE_MONTHS")).as("waiting for the PCP").isNotNull();
    return new Requested(instance, caseId, tokenIn(mail), mail);
  }

  private FollowUp followUp(String caseId) {
    return followUps.find(caseId, MILESTONE).orElseThrow();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tokenIn(MimeMessage mail) {
    Matcher token = TOKEN.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
    assertThat(token.find()).as("a link with a token").isTrue();
    return token.group(1);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP, as a browser sends the page's forms (no Authorization header anywhere)

  private HttpResponse<String> show(String token) {
    return http.get(PAGE + "?token=" + encode(token));
  }

  private HttpResponse<String> acknowledge(String token) {
    return http.postForm(PAGE + "/acknowledge", "token=" + encode(token));
  }

  private HttpResponse<String> report(String token, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.putAll(fields);
    return http.postForm(PAGE + "/report", form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
  }

  private static Map<String, String> validReport() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("contactMethod", "IN_PERSON");
    fields.put("painScore", "3");
    fields.put("comfortScore", "8");
    fields.put("activityScore", "7");
    fields.put("followUpNote", "Walking daily.");
    return fields;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertHtmlPage(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
        value -> assertThat(value).contains("no-store"));
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        value -> assertThat(value).contains("frame-ancestors 'none'"));
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("WWW-Authenticate")).as("no login is asked").isEmpty();
    assertThat(response.body()).contains("<meta name=\"viewport\"");
  }

  private void assertNothingReported(String caseId) {
    FollowUp followUp = followUp(caseId);
    assertThat(followUp.status()).isEqualTo(FollowUpStatus.DEFERRED_TO_PCP);
    assertThat(followUp.scores()).isNull();
    assertThat(followUp.completedAt()).isNull();
    assertThat(followUp.recordedBy()).isNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. what the page shows, and hides

  @Test
  void theLinkOpensAPageWithNoMoreThanTheMailShowedAndTheSecurityHeaders() {
    Requested requested = requestedFromPcp();
    assertThat(GreenMailUtil.getBody(requested.mail()).replace("=\r\n", "").replace("=3D", "="))
        .contains(PcpLinks.PATH + "?token=");

    HttpResponse<String> page = show(requested.token());

    assertHtmlPage(page, 200);
    assertThat(page.body()).contains(requested.caseId()).contains("J.Q.D.").contains("3-month follow-up")
        .contains("Confirm receipt").contains("Send report");
    assertThat(page.body()).doesNotContain("Jane").doesNotContain("M-100234").doesNotContain("Dr. Alan Spine")
        .doesNotContain("Alan").doesNotContain("1234567893");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertNothingReported(requested.caseId());
    assertThat(followUp(requested.caseId()).pcpAcknowledgedAt()).as("only looking confirms nothing").isNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. confirming receipt

  @Test
  void confirmingReceiptIsRecordedAndNotOfferedAgain() {
    Requested requested = requestedFromPcp();

    HttpResponse<String> confirmed = acknowledge(requested.token());

    assertHtmlPage(confirmed, 200);
    assertThat(confirmed.body()).contains("receipt confirmed").doesNotContain("Confirm receipt")
        .contains("Send report");
    Instant acknowledgedAt = followUp(requested.caseId()).pcpAcknowledgedAt();
    assertThat(acknowledgedAt).isNotNull();
    assertNothingReported(requested.caseId());

    HttpResponse<String> later = show(requested.token());
    assertHtmlPage(later, 200);
    assertThat(later.body()).doesNotContain("Confirm receipt").contains("Send report");
    assertThat(followUp(requested.caseId()).pcpAcknowledgedAt()).isEqualTo(acknowledgedAt);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. a refused report

  @Test
  void aReportWithBadValuesIsRefusedWithEachProblemInWordsAndTheValuesEchoedEscaped() {
    Requested requested = requestedFromPcp();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("contactMethod", "FAX");
    bad.put("painScore", "11");
    bad.put("comfortScore", "abc");
    bad.put("followUpNote", "<script>alert(1)</script>");

    HttpResponse<String> refused = report(requested.token(), bad);

    assertHtmlPage(refused, 400);
    String body = refused.body();
    assertThat(body).contains("Please correct")
        .contains("Contact method must be one of")
        .contains("Pain score must be a whole number from 0 to 10.")
        .contains("Comfort score must be a whole number from 0 to 10.")
        .contains("Activity score is required.");
    // the entered values come back, escaped
    assertThat(body).doesNotContain("<script>alert(1)</script>").doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(body).containsPattern("name=\"painScore\"[^>]*value=\"11\"")
        .containsPattern("name=\"comfortScore\"[^>]*value=\"abc\"");
    assertNothingReported(requested.caseId());
    assertThat(timer(requested.instance(), "Timer_PcpReminderDue", "THREE_MONTHS")).as("still waiting").isNotNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. an accepted report, then the used link

  @Test
  void aValidReportCompletesTheFollowUpEndsTheWaitAndTheLinkIsThenUsed() {
    Requested requested = requestedFromPcp();
    String caseId = requested.caseId();

    HttpResponse<String> accepted = report(requested.token(), validReport());

    assertHtmlPage(accepted, 200);
    assertThat(accepted.body()).contains("Thank you").contains("What you sent").contains("In person")
        .contains("3-month follow-up").contains("J.Q.D.")
        // the plan and its telephone, for a PCP who has a question
        .contains("Utilization management").contains("1-800-555-0142");
    FollowUp reported = followUp(caseId);
    assertThat(reported.status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(reported.completedAt()).isNotNull();
    assertThat(reported.recordedBy()).isEqualTo("pcp");
    assertThat(reported.scores().contactMethod()).isEqualTo(ContactMethod.PCP_REPORT);
    assertThat(reported.scores().painScore()).isEqualTo(3);
    assertThat(reported.scores().comfortScore()).isEqualTo(8);
    assertThat(reported.scores().activityScore()).isEqualTo(7);
    assertThat(reported.scores().note()).contains("seen in person").contains("Walking daily.");
    // the follow-up phase no longer waits for the PCP
    assertThat(timer(requested.instance(), "Timer_PcpReminderDue", "THREE_MONTHS")).isNull();
    assertThat(jobsOf(requested.instance(), query -> query.timers().activityId("Timer_PcpReminderDue")))
        .isEmpty();

    HttpResponse<String> again = show(requested.token());
    assertHtmlPage(again, 409);
    assertThat(again.body()).contains("already received").doesNotContain("Send report");

    Map<String, String> other = validReport();
    other.put("painScore", "9");
    other.put("comfortScore", "1");
    other.put("activityScore", "1");
    HttpResponse<String> twice = report(requested.token(), other);
    assertHtmlPage(twice, 409);
    assertThat(twice.body()).contains("already received");
    FollowUp unchanged = followUp(caseId);
    assertThat(unchanged.scores()).isEqualTo(reported.scores());
    assertThat(unchanged.completedAt()).isEqualTo(reported.completedAt());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. forged, altered, foreign and superseded links

  @Test
  void forgedAlteredForeignOrSupersededLinksAreNotValidAndChangeNothing() throws Exception {
    Requested requested = requestedFromPcp();
    String caseId = requested.caseId();
    String token = requested.token();
    int dot = token.indexOf('.');
    String payload = token.substring(0, dot);
    String nonce = followUp(caseId).pcpLinkNonce();
    assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .startsWith(caseId + "|THREE_MONTHS|").endsWith("|" + nonce);

    String forged = "Zm9yZ2VkLXRva2Vu" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".c2lnbmF0dXJl";
    int at = payload.length() / 2;
    char changed = payload.charAt(at) == 'A' ? 'B' : 'A';
    String altered = payload.substring(0, at) + changed + payload.substring(at + 1) + token.substring(dot);
    // the same claims, well formed, signed with another key
    String foreign = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        hmac("another-key-of-at-least-32-characters!", payload));

    for (String bad : List.of(forged, altered, foreign)) {
      HttpResponse<String> page = show(bad);
      assertHtmlPage(page, 404);
      assertThat(page.body()).as(bad).contains("not valid").doesNotContain(caseId).doesNotContain("Send report");
    }
    HttpResponse<String> reportWithAltered = report(altered, validReport());
    assertHtmlPage(reportWithAltered, 404);
    assertThat(reportWithAltered.body()).contains("not valid");
    HttpResponse<String> reportWithForeign = report(foreign, validReport());
    assertHtmlPage(reportWithForeign, 404);
    HttpResponse<String> acknowledgeWithForeign = acknowledge(foreign);
    assertHtmlPage(acknowledgeWithForeign, 404);
    assertNothingReported(caseId);
    assertThat(followUp(caseId).pcpAcknowledgedAt()).isNull();

    // a newer request for the milestone: the link of the earlier one stops working
    String newer;
    do {
      newer = links.newNonce();
    } while (newer.equals(nonce));
    assertThat(jdbc.update("UPDATE va_follow_up SET pcp_link_nonce = ? WHERE case_id = ? AND milestone = ?", newer,
        caseId, MILESTONE.name())).isEqualTo(1);

    HttpResponse<String> superseded = show(token);
    assertHtmlPage(superseded, 404);
    assertThat(superseded.body()).contains("not valid");
    HttpResponse<String> reportWithSuperseded = report(token, validReport());
    assertHtmlPage(reportWithSuperseded, 404);
    assertNothingReported(caseId);
    assertThat(followUp(caseId).pcpAcknowledgedAt()).isNull();
    assertThat(timer(requested.instance(), "Timer_PcpReminderDue", "THREE_MONTHS")).as("still waiting").isNotNull();
  }

  private static byte[] hmac(String key, String encodedPayload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 6. an expired link

  @Test
  void anExpiredLinkIsGoneAndChangesNothing() {
    Requested requested = requestedFromPcp();
    String caseId = requested.caseId();
    FollowUp followUp = followUp(caseId);
    String link = links.link(caseId, MILESTONE, followUp.pcpLinkNonce(), calendar.now().minus(Duration.ofDays(61)));
    String expired = link.substring(link.indexOf("token=") + "token=".length());
    assertThat(links.verify(expired)).as("signed here, with the current nonce").isPresent();

    HttpResponse<String> page = show(expired);

    assertHtmlPage(page, 410);
    assertThat(page.body()).contains("expired").doesNotContain("Send report");
    HttpResponse<String> late = report(expired, validReport());
    assertHtmlPage(late, 410);
    assertThat(late.body()).contains("expired");
    assertNothingReported(caseId);
    assertThat(timer(requested.instance(), "Timer_PcpReminderDue", "THREE_MONTHS")).as("still waiting").isNotNull();
    // the mail's own link (issued today) still works
    assertHtmlPage(show(requested.token()), 200);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 7. the rate limit

  @Test
  void theThirtyFirstRequestFromOneClientWithinTenMinutesIsRefused() throws Exception {
    Requested requested = requestedFromPcp();
    // a client address no other request of this JVM uses (all of 127.0.0.0/8 is this machine's loopback)
    String client = "127.0." + ThreadLocalRandom.current().nextInt(1, 255) + "."
        + ThreadLocalRandom.current().nextInt(2, 255);
    String path = PAGE + "?token=" + encode(requested.token());

    List<Integer> statuses = new ArrayList<>();
    RawResponse last = null;
    for (int i = 0; i < PcpPageThrottle.MAX_REQUESTS + 1; i++) {
      last = rawGet(client, path);
      statuses.add(last.status());
    }

    assertThat(statuses.subList(0, PcpPageThrottle.MAX_REQUESTS)).as("from %s", client).containsOnly(200);
    assertThat(last.status()).as(last.text()).isEqualTo(429);
    assertThat(last.text()).contains("Too many requests").contains("wait");
    assertThat(last.text().toLowerCase()).contains("cache-control: no-store").contains("x-frame-options: deny");
    assertThat(last.text()).doesNotContain(requested.caseId());
    // a POST from the same client is refused as well, and nothing is saved
    RawResponse post = rawPost(client, PAGE + "/report", "token=" + encode(requested.token()) + "&contactMethod="
        + "TELEPHONE&painScore=3&comfortScore=8&activityScore=7");
    assertThat(post.status()).as(post.text()).isEqualTo(429);
    assertNothingReported(requested.caseId());
    // the limit is per client: another address is still answered
    assertHtmlPage(show(requested.token()), 200);
  }

  private record RawResponse(int status, String text) {
  }

  private RawResponse rawGet(String client, String path) throws IOException {
    return raw(client, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
  }

  private RawResponse rawPost(String client, String path, String form) throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return raw(client, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n" + form);
  }

  /** One HTTP/1.1 exchange over a socket bound to the client address (the JDK 17 HttpClient cannot bind one). */
  private RawResponse raw(String client, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(client), 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      String text = received.toString(StandardCharsets.UTF_8);
      Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(text);
      assertThat(status.find()).as(text).isTrue();
      return new RawResponse(Integer.parseInt(status.group(1)), text);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 8. no login

  @Test
  void thePageNeedsNoLoginAndIsNotUnderTheApi() {
    assertThat(PcpLinks.PATH).isEqualTo(PAGE).doesNotStartWith("/api").doesNotStartWith("/engine-rest")
        .doesNotStartWith("/camunda");
    Requested requested = requestedFromPcp();

    HttpResponse<String> page = show(requested.token());

    assertHtmlPage(page, 200); // includes: no WWW-Authenticate
    assertThat(page.request().headers().firstValue("Authorization")).isEmpty();
    // no token at all: the page says so, still without asking for a login
    HttpResponse<String> none = http.get(PAGE);
    assertHtmlPage(none, 404);
    assertThat(none.body()).contains("not valid");
  }
}
