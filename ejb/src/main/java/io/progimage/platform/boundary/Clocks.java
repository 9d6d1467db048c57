package io.progimage.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/** The clock business code reads time from: injected, so that tests can fix it instead of waiting. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        // millisecond ticks: what DATETIME(3) keeps and what the API shows (API.md: ISO-8601 with ms)
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
