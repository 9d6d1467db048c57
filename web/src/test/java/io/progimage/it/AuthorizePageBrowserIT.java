package io.progimage.it;

import io.progimage.it.OAuthClient.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorize page in a real browser: sign in, allow, land on the redirect with a code. */
@ExtendWith(Stack.class)
class AuthorizePageBrowserIT {

    @Test
    void aUserSignsInAllowsAndLandsOnTheRedirectWithACode() throws Exception {
        String email = OAuthClient.uniqueEmail();
        OAuthClient.signUp("Browser User", email, OAuthClient.PASSWORD);
        // the callback is on the node itself, so the browser has somewhere real to land
        String callback = Stack.baseUri().resolve("/client-callback").toString();
        var app = OAuthClient.registerApplication(email, OAuthClient.PASSWORD, "Browser App", callback).json();
        Account account = new Account(null, email, app.getString("client_id"), app.getString("client_secret"), callback);

        Path profile = Files.createDirectories(Path.of(System.getProperty("progimage.it.work", "target/it"), "chromium"));
        WebDriver browser = Chromium.start(profile);
        try {
            browser.get(Stack.baseUri().resolve(OAuthClient.authorizeQuery(account, Map.of("state", "from-the-browser"))).toString());
            assertTrue(browser.getTitle().contains("Browser App"), browser.getTitle());
            browser.findElement(By.name("email")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys(OAuthClient.PASSWORD);
            browser.findElement(By.cssSelector("button[value=allow]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("code="));

            Map<String, String> query = OAuthClient.queryOf(browser.getCurrentUrl());
            assertTrue(browser.getCurrentUrl().startsWith(callback + "?"), browser.getCurrentUrl());
            assertEquals("from-the-browser", query.get("state"));
            Api.Reply token = OAuthClient.token(account, query.get("code"));
            assertEquals(200, token.status(), token.body());
        } finally {
            browser.quit();
        }
    }
}
