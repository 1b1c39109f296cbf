package com.healthplan.va.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.support.Http;
import com.healthplan.va.support.OperationsTestSupport;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;

/**
 * D6: with the database unreachable every API answers at once with 503, {@code Retry-After} and problem details
 * in words (no exception name, no stack trace), readiness goes DOWN while liveness stays UP, and all of it comes
 * back by itself when the database does.
 */
class DatabaseOutageTest extends OperationsTestSupport {

  private static final String ADMIN = Http.basic("demo", "demo");
  private static final String NURSE = Http.basic("nurse1", "nurse1");

  @Autowired DataSource dataSource;

  @AfterEach
  void databaseBack() {
    DATABASE.set(true);
  }

  private static void assertOutageAnswer(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":503").contains("database cannot be reached")
        .doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void everyApiAnswers503WithRetryAfterAndReadinessGoesDown() {
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    http.get("/camunda/app/cockpit/default/"); // the login page's CSRF cookie, fetched before the outage
    DATABASE.set(false);

    assertOutageAnswer(http.get("/api/cases/VA-2026-000001", "Authorization", NURSE));
    assertOutageAnswer(http.postJson("/api/cases", json.valueToTree(eligibleIntake()).toString(),
        "Authorization", NURSE));
    assertOutageAnswer(http.get("/engine-rest/task", "Authorization", ADMIN));
    assertOutageAnswer(http.get("/engine-rest/process-definition/count", "Authorization", ADMIN));
    assertOutageAnswer(http.get("/api/operations/notices", "Authorization", ADMIN));
    // the webapps' login (it answered CannotCreateTransactionException)
    assertOutageAnswer(http.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
        "username=demo&password=demo", "X-XSRF-TOKEN", http.xsrfToken()));

    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("DOWN").doesNotContain("VA-");
    assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

    DATABASE.set(true);
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition/count", "Authorization", ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void healthIsAnonymousAndTellsNothingElse() {
    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(http.get("/actuator/beans").statusCode()).isEqualTo(404);
  }

  @Test
  void aConnectionIsWaitedForAtMostThreeSecondsSoThatTheAnswerComesWithinFive() {
    HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
    assertThat(pool).isNotNull();
    assertThat(pool.getConnectionTimeout()).isLessThanOrEqualTo(3000);
    assertThat(pool.getValidationTimeout()).isLessThanOrEqualTo(1000);
  }
}
